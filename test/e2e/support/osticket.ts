import { readFileSync } from 'node:fs';
import type { SettingsInput } from '../../../core/settings/schema';

/**
 * A real osTicket 1.18.1 (test/fixtures/osticket-1.18.1) as E2E tests serve it: its pages at the
 * addresses they came from, its database's truth, and contracts for its organisations.
 */

export const FIXTURES = new URL('../../fixtures/osticket-1.18.1/', import.meta.url).pathname;
/** Tickets whose ticket page was captured (the others answer with their preview only). */
export const WITH_PAGE = new Set(['1', '7']);

export interface Truth {
  ticket_id: number;
  number: string;
  subject: string;
  created_utc: string;
  priority: string;
  requester_email: string;
  organization: string | null;
  status: string;
  first_agent_response_utc: string | null;
}
export const truth: Truth[] = JSON.parse(readFileSync(`${FIXTURES}truth.json`, 'utf8')).tickets;
export const open = truth.filter((t) => t.status === 'Open');

/** The install's pages by the address osTicket served them at, under a path prefix ("" or "/support"). */
export function osticketRoute(url: URL): string | undefined {
  const at = url.pathname.indexOf('/scp/');
  if (at < 0) return undefined;
  const german = url.pathname.startsWith('/support/');
  const path = url.pathname.slice(at);
  const id = url.searchParams.get('id');
  if (path === '/scp/tickets.php' && url.searchParams.get('queue') === '1') return german ? '/queue-open-de.html' : '/queue-open.html';
  if (path === '/scp/tickets.php' && id) return WITH_PAGE.has(id) ? `/ajax/ticket-${id}.raw.html` : '/not-captured';
  const preview = /^\/scp\/ajax\.php\/tickets\/(\d+)\/preview$/u.exec(path);
  if (preview) return german && preview[1] === '7' ? '/ajax/preview-7-de.html' : `/ajax/preview-${preview[1]}.html`;
  return '/not-captured';
}

/** The four organisations and the requester without one, each under a contract (osTicket's zone: UTC). */
export const customers: SettingsInput['customers'] = [
  {
    id: 'kaiyo',
    name: 'Kaiyo Shipping',
    organisations: ['Kaiyo Shipping K.K.'],
    domains: ['kaiyo.example.jp'],
    policy: 'velostrata-1.2',
    level: 'gold',
    languages: ['ja', 'en'],
  },
  { id: 'beispiel', name: 'Beispiel', organisations: ['Beispiel GmbH'], domains: ['beispiel.example.de'], policy: 'velostrata-4.0', region: 'emea' },
  {
    id: 'hanguk',
    name: 'Hanguk Systems',
    organisations: ['Hanguk Systems'],
    domains: ['hanguk.example.kr'],
    policy: 'velostrata-1.2',
    level: 'platinum',
    languages: ['ko', 'en'],
  },
  {
    id: 'northwind',
    name: 'Northwind Traders',
    organisations: ['Northwind Traders'],
    domains: ['northwind.example.com'],
    policy: 'velostrata-1.2',
    level: 'silver',
  },
  { id: 'freemail', name: 'Pat Doe', domains: ['freemail.example.net'], policy: 'velostrata-1.2', level: 'silver' },
];
