import { isStaticLoopback } from '@/core/settings/host-permission';

/**
 * Asks for the optional permission of the hosts that need one (the background registers the overlay
 * only where it is granted; loopback is granted by the manifest). Call it straight from a user
 * gesture: the request happens before the first await. False when refused, or when the browser
 * rejects a pattern as invalid.
 */
export async function requestHosts(patterns: string[]): Promise<boolean> {
  const origins = patterns.filter((pattern) => !isStaticLoopback(pattern));
  if (origins.length === 0) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
