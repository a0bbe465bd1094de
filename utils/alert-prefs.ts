import { browser } from 'wxt/browser';
import { type AlertPrefs, parseAlertPrefs } from '@/core/alerts/prefs';

/**
 * The agent's alert settings: their own (`sync:alerts`, following them to their other browsers),
 * or IT's (`alerts` in managed storage), which win and show read-only. Kept apart from the team's
 * settings file, so importing the team's contracts never resets an agent's working hours.
 */

const KEY = 'alerts';

export interface LoadedAlertPrefs {
  prefs: AlertPrefs;
  /** IT pushed them: the agent cannot change them. */
  managed: boolean;
}

async function managedPrefs(): Promise<unknown> {
  try {
    const raw = await browser.storage.managed.get(KEY);
    return raw?.[KEY];
  } catch {
    // No managed storage (no policy, or a browser without it).
    return undefined;
  }
}

export async function loadAlertPrefs(): Promise<LoadedAlertPrefs> {
  const [user, managed] = await Promise.all([browser.storage.sync.get(KEY).catch(() => ({}) as Record<string, unknown>), managedPrefs()]);
  if (managed !== undefined && managed !== null) return { prefs: parseAlertPrefs(managed), managed: true };
  return { prefs: parseAlertPrefs((user as Record<string, unknown>)[KEY]), managed: false };
}

export async function saveAlertPrefs(prefs: AlertPrefs): Promise<void> {
  await browser.storage.sync.set({ [KEY]: prefs });
}

/** Calls `cb` when the agent's or IT's alert settings change. Returns the function that stops watching. */
export function watchAlertPrefs(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'sync' || area === 'managed') && KEY in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The optional permissions alerts need: notifications, and idle when quiet while idle. */
export const alertPermissions = (prefs: Pick<AlertPrefs, 'quietWhenIdle'>): Array<'notifications' | 'idle'> =>
  prefs.quietWhenIdle ? ['notifications', 'idle'] : ['notifications'];

export async function hasPermissions(permissions: Array<'notifications' | 'idle'>): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions });
  } catch {
    return false;
  }
}
