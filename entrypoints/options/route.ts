import { useEffect, useState } from 'react';

export const SECTIONS = ['contracts', 'sites', 'calendars', 'policies', 'transfer', 'preview', 'alerts', 'reports'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  /** "#/contracts/new?name=…&domain=…" (the badge's "Map customer") → a prefilled new contract. */
  action?: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section, action] = path.split('/');
  return {
    section: (SECTIONS as readonly string[]).includes(section ?? '') ? (section as Section) : 'contracts',
    action: action || undefined,
    params: new URLSearchParams(query),
  };
}

/** The options page's location, from the URL hash (so links and Back work). */
export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
