import { browser } from 'wxt/browser';
import type { FrameReport } from '@/entrypoints/overlay.content/deadline-report';
import { type TabReports, ticketId } from './next-to-breach';

/**
 * Every open helpdesk tab's tickets, per tab and frame, in `storage.session`: the background reads
 * them when an alarm wakes it (its own memory is gone whenever the browser stops the service worker),
 * the popup lists them. A frame's report replaces its last one (a reload replaces the tickets); a
 * closed tab's are forgotten. Beside them, when each ticket was first seen and which alerts were
 * already decided (one per ticket and state), until the browser closes.
 */

const PREFIX = 'deadlines:';
const tabKey = (tabId: number) => `${PREFIX}${tabId}`;
export const SEEN_KEY = 'alerts:seen';
export const DONE_KEY = 'alerts:done';
/** Decided alerts kept at most (the oldest go first). */
const DONE_LIMIT = 20_000;

let queue: Promise<unknown> = Promise.resolve();
/** One read-modify-write at a time: several frames may report at once. */
export function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

type Frames = Record<string, FrameReport>;

/** Replaces a frame's report; tickets the background had not seen before are stamped `now`. */
export function recordFrameDeadlines(tabId: number, frameId: number, report: FrameReport, now: number): Promise<void> {
  return serialised(async () => {
    const stored = await browser.storage.session.get([tabKey(tabId), SEEN_KEY]);
    const frames = (stored[tabKey(tabId)] as Frames | undefined) ?? {};
    const seen = (stored[SEEN_KEY] as Record<string, number> | undefined) ?? {};
    let seenChanged = false;
    for (const ticket of report.tickets) {
      const id = ticketId(report.url, ticket.key);
      if (seen[id] === undefined) {
        seen[id] = now;
        seenChanged = true;
      }
    }
    const empty = report.tickets.length === 0 && report.unmapped === 0 && report.unreadable === 0;
    if (empty) delete frames[frameId];
    else frames[frameId] = report;
    const writes: Record<string, unknown> = {};
    if (seenChanged) writes[SEEN_KEY] = seen;
    if (Object.keys(frames).length > 0) writes[tabKey(tabId)] = frames;
    else await browser.storage.session.remove(tabKey(tabId));
    if (Object.keys(writes).length > 0) await browser.storage.session.set(writes);
  });
}

/** Forgets a closed tab, and when tickets were first seen that no other tab shows. */
export function forgetTabDeadlines(tabId: number): Promise<void> {
  return serialised(async () => {
    await browser.storage.session.remove(tabKey(tabId));
    const tabs = await readTabs();
    const stored = await browser.storage.session.get(SEEN_KEY);
    const seen = (stored[SEEN_KEY] as Record<string, number> | undefined) ?? {};
    const shown = new Set(tabs.flatMap((tab) => Object.values(tab.frames).flatMap((r) => r.tickets.map((t) => ticketId(r.url, t.key)))));
    const kept = Object.fromEntries(Object.entries(seen).filter(([id]) => shown.has(id)));
    await browser.storage.session.set({ [SEEN_KEY]: kept });
  });
}

/** Every tab's reports (unserialised read: the popup's and the runner's). */
export async function readTabs(): Promise<TabReports[]> {
  const all = await browser.storage.session.get(null);
  const tabs: TabReports[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    tabs.push({ tabId: Number(key.slice(PREFIX.length)), frames: value as Frames });
  }
  return tabs.sort((a, b) => a.tabId - b.tabId);
}

export interface AlertLog {
  seen: Record<string, number>;
  done: Record<string, number>;
}

export async function readAlertLog(): Promise<AlertLog> {
  const stored = await browser.storage.session.get([SEEN_KEY, DONE_KEY]);
  return { seen: (stored[SEEN_KEY] as AlertLog['seen']) ?? {}, done: (stored[DONE_KEY] as AlertLog['done']) ?? {} };
}

export async function writeDone(done: Record<string, number>): Promise<void> {
  let entries = Object.entries(done);
  if (entries.length > DONE_LIMIT) entries = entries.sort(([, a], [, b]) => b - a).slice(0, DONE_LIMIT);
  await browser.storage.session.set({ [DONE_KEY]: Object.fromEntries(entries) });
}
