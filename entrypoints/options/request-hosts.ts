import { i18n } from '#i18n';
import { hostPattern, isSitePattern, isStaticLoopback, namesNoHost } from '@/core/settings/host-permission';

/**
 * Why these patterns are refused before the browser is asked, in the page's language, or undefined:
 * one the browser cannot match (saying what to enter instead), or one naming no host (every site).
 */
export function refusedPatterns(patterns: string[]): string | undefined {
  const invalid = patterns.filter((pattern) => !isSitePattern(pattern));
  if (invalid.length > 0) return i18n.t('options.sites.invalidPattern', [invalid.join(', ')]);
  const everySite = patterns.filter(namesNoHost);
  if (everySite.length > 0) return i18n.t('options.sites.everySite', [everySite.join(', ')]);
  return undefined;
}

/**
 * Asks for the optional permission of the hosts that need one (the background registers the overlay
 * only where it is granted; loopback is granted by the manifest). A site's port is left out: browser
 * match patterns have none, and the host's permission covers every port (the overlay matches the
 * port itself). Call it straight from a user gesture: the request happens before the first await.
 * False when refused, or when the browser rejects a pattern as invalid.
 */
export async function requestHosts(patterns: string[]): Promise<boolean> {
  const origins = [...new Set(patterns.filter((pattern) => !isStaticLoopback(pattern)).map(hostPattern))];
  if (origins.length === 0) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
