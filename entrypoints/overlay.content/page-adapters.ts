import { MatchPattern } from 'wxt/utils/match-patterns';
import { onPort, splitPort } from '../../core/settings/host-permission';
import type { Settings, Site } from '../../core/settings/schema';
import { recipeAdapter } from './adapters/recipe';
import { adapterFor, builtinAdapters } from './adapters/registry';
import type { Adapter } from './adapters/types';

/**
 * Which adapters may read this page: a configured site's adapter when one matches; otherwise recipes
 * and built-in adapters whose own patterns match, and on loopback (the demo helpdesk, fixture pages)
 * every built-in adapter — the scanner keeps the first that finds tickets.
 */

const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Whether the page is one of the patterns'. A site's port is its own (`https://rt.example.com:8443/*`
 * matches pages on 8443 only): the match-pattern parser, like the browsers', knows no ports.
 */
export function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((raw) => {
    const { pattern, port } = splitPort(raw);
    try {
      return onPort(port, new URL(url)) && new MatchPattern(pattern).includes(url);
    } catch {
      return false; // an invalid pattern in the settings matches nothing
    }
  });
}

export function adaptersForPage(url: string, settings: Settings): { adapters: Adapter[]; site?: Site } {
  const site = settings.sites.find((s) => s.enabled && matchesAny(s.matches, url));
  const configured = site && adapterFor(site.adapter, settings.recipes);
  if (site && configured) return { adapters: [configured], site };
  const recipes = settings.recipes.filter((r) => matchesAny(r.matches, url)).map((recipe) => recipeAdapter(recipe));
  const loopback = matchesAny(LOOPBACK, url);
  const builtins = builtinAdapters.filter((a) => loopback || matchesAny(a.matches, url));
  return { adapters: [...recipes, ...builtins] };
}

/** The zone for page times without an offset: the site's, else the recipe's, else the browser's. */
export function pageTimeZone(site: Site | undefined, settings: Settings, url: string): string {
  return (
    site?.timeZone ??
    settings.recipes.find((r) => r.timeZone && matchesAny(r.matches, url))?.timeZone ??
    Intl.DateTimeFormat().resolvedOptions().timeZone
  );
}
