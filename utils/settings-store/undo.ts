import { browser } from 'wxt/browser';

/**
 * Undo: every apply keeps the user's settings from before it in local storage under this key
 * (written in the same call as the new settings, see layout.ts); undo restores them once.
 */
export const PREVIOUS_KEY = 'previousSettings';

/** The settings before the last apply, as stored (validated by the caller), or undefined. */
export async function readPrevious(): Promise<unknown> {
  return (await browser.storage.local.get(PREVIOUS_KEY))[PREVIOUS_KEY] ?? undefined;
}

/** Writes go one after another, so an undo cannot interleave with an apply. */
let queue: Promise<unknown> = Promise.resolve();
export function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}
