import type { Badge } from './badge';
import type { BadgeState } from './badge-state';

/**
 * One timer for all badges. A tick re-renders every badge (badges touch the DOM only when their
 * text or state changed) once the first of them is due to change, doing nothing before, and
 * reports the counts by state when they changed, for the toolbar badge.
 * Paused while the tab is hidden: nobody is looking, and background tabs get throttled anyway.
 */

export interface BadgeCounts {
  counts: Partial<Record<BadgeState, number>>;
  total: number;
  /** The earliest open deadline (on-track, at-risk or waiting), ISO UTC. */
  nextDeadline?: string;
}

export interface TickerOptions {
  doc: Document;
  badges: () => Iterable<Badge>;
  now?: () => number;
  intervalMs?: number;
  onCounts?: (counts: BadgeCounts) => void;
}

export interface Ticker {
  /** Render all badges now (also called after each scan). */
  tick(): BadgeCounts;
  /** The counts of the last tick. */
  readonly counts: BadgeCounts;
  stop(): void;
}

const OPEN_STATES = new Set<BadgeState>(['on-track', 'at-risk', 'waiting']);

export function startTicker(options: TickerOptions): Ticker {
  const { doc, badges, now = Date.now, intervalMs = 1000, onCounts } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let last: BadgeCounts = { counts: {}, total: 0 };
  let lastSignature = '';
  // Until the earliest `until` of the last full pass, no badge's view can change (scans that add,
  // change or drop badges call tick() themselves), so the timer skips the pass.
  let lastAt = Number.NEGATIVE_INFINITY;
  let nextChange = Number.NEGATIVE_INFINITY;

  const tick = (): BadgeCounts => {
    const at = now();
    lastAt = at;
    nextChange = Number.POSITIVE_INFINITY;
    const counts: BadgeCounts['counts'] = {};
    let total = 0;
    let next: string | undefined;
    for (const badge of badges()) {
      const view = badge.render(at);
      if (view.until < nextChange) nextChange = view.until;
      counts[view.state] = (counts[view.state] ?? 0) + 1;
      total += 1;
      // Deadlines are ISO UTC in one format (toISOString), so they compare as strings: no parsing
      // of 500 dates every second.
      if (view.deadline && OPEN_STATES.has(view.state) && (next === undefined || view.deadline < next)) next = view.deadline;
    }
    last = next ? { counts, total, nextDeadline: next } : { counts, total };
    const signature = JSON.stringify(last);
    if (signature !== lastSignature) {
      lastSignature = signature;
      try {
        onCounts?.(last);
      } catch {
        // Reporting is best effort (the background may be restarting).
      }
    }
    return last;
  };

  const safeTick = () => {
    try {
      const at = now();
      // (A clock set back re-renders everything.)
      if (at >= lastAt && at < nextChange) return;
      tick();
    } catch {
      // Never throw into the page from a timer.
    }
  };
  const run = () => {
    if (timer === undefined && !doc.hidden) timer = setInterval(safeTick, intervalMs);
  };
  const pause = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const onVisibility = () => {
    if (doc.hidden) pause();
    else {
      safeTick();
      run();
    }
  };
  doc.addEventListener('visibilitychange', onVisibility);
  run();

  return {
    tick,
    get counts() {
      return last;
    },
    stop() {
      pause();
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
