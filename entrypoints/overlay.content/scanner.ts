import type { Adapter, ScanContext, ScannedTicket } from './adapters/types';
import type { Badge } from './badge';
import type { BadgeModel } from './badge-model';

/**
 * Finds tickets on the page and keeps one badge per ticket anchor. Idempotent: an anchor that
 * already carries a badge for the same model is left alone; a recycled row (virtualised lists reuse
 * nodes for other tickets) gets its badge's model swapped, keyed by ticket id. A MutationObserver
 * triggers scans, throttled: the first change after a quiet period is scanned on the next task (so
 * new rows are badged before the user can read them), further changes at most every `throttleMs`.
 * Long lists are worked through in slices of `sliceMs` (under the 50 ms long-task mark; the first
 * slice, before the page's layout, may take `firstSliceMs`), in document order, yielding to the page
 * between slices. Badges are written in few batches (the first slice,
 * then at most every `flushMs`, then the rest): every write into a table after the page's layout
 * makes the browser lay the whole table out again. No layout is read (no forced layouts).
 */

export interface ScannerOptions {
  doc: Document;
  /** Candidate adapters; the first that finds tickets is kept until `rescan()` (navigation). */
  adapters: () => readonly Adapter[];
  context: () => ScanContext;
  /** ScannedTicket → model (the pipeline); throwing here makes the badge unreadable. */
  model: (ticket: ScannedTicket) => BadgeModel;
  /** The model for a ticket whose pipeline threw. */
  failed: (ticket: ScannedTicket, error: unknown) => BadgeModel;
  createBadge: (model: BadgeModel) => Badge;
  /**
   * Called after scans that placed or changed badges (the ticker counts them for the toolbar), on a
   * timer: not inside the observer callback that badged the rows, which the page is waiting on.
   */
  onChange?: () => void;
  /** An adapter threw from scan() (contract says it must not): reported, the page keeps working. */
  onAdapterError?: (adapter: Adapter, error: unknown) => void;
  /** Every scan's tickets and the adapter that found them (the API reader reads their exact data). */
  onTickets?: (tickets: readonly ScannedTicket[], adapter: Adapter | undefined) => void;
  now?: () => number;
  throttleMs?: number;
  /** Main-thread budget per slice of badging work. */
  sliceMs?: number;
  /**
   * Budget of a scan's first slice. It usually runs before the page lays out the rows it just
   * inserted, and badges written then cost no relayout; each later write into a laid-out table makes
   * the browser lay the whole table out again (longer than the slice itself on a 500-row list).
   */
  firstSliceMs?: number;
  /** Longest wait before computed badges are written, while a long list is still being worked on. */
  flushMs?: number;
}

export interface Scanner {
  /** Scan now. Returns how many tickets were found. */
  scan(): number;
  /** Forget the chosen adapter and scan again (SPA navigation, settings change). */
  rescan(): number;
  /**
   * The last scan's tickets through the model again, without reading the page: for news from
   * outside it (the helpdesk API's answers). Models are memoised, so only tickets with news change.
   */
  remodel(): void;
  /** Live badges (disconnected ones are dropped). */
  badges(): Iterable<Badge>;
  stop(): void;
}

/** Attributes that identify a row; virtualised lists may change only these when recycling a node. */
const ROW_ATTRIBUTES = ['data-record-id', 'data-id', 'data-test-ticket-id', 'sys_id', 'datetime', 'href', 'title'];

/** Our own nodes: badges and the shared popover. */
const isBadgeNode = (node: Node): boolean =>
  node.nodeType === 1 && ((node as Element).hasAttribute('data-sla-badge') || (node as Element).hasAttribute('data-sla-popover'));

/** Ignore the mutations our own badges cause (insertion, state attributes). */
function concernsPage(records: MutationRecord[]): boolean {
  for (const record of records) {
    if (isBadgeNode(record.target)) continue;
    if (record.type !== 'childList') return true;
    for (const node of record.addedNodes) if (!isBadgeNode(node)) return true;
    for (const node of record.removedNodes) if (!isBadgeNode(node)) return true;
  }
  return false;
}

export function createScanner(options: ScannerOptions): Scanner {
  const { doc, throttleMs = 100, sliceMs = 50, flushMs = 1000, now = Date.now } = options;
  const firstSliceMs = options.firstSliceMs ?? Math.max(sliceMs, 150);
  const byAnchor = new WeakMap<Element, Badge>();
  const live = new Set<Badge>();
  let active: Adapter | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sliceTimer: ReturnType<typeof setTimeout> | undefined;
  let queue: ScannedTicket[] = [];
  /** The last scan's tickets (the queue is consumed slice by slice). */
  let found: ScannedTicket[] = [];
  let next = 0;
  let firstSlice = true;
  let pending: Array<[ScannedTicket, BadgeModel]> = [];
  let lastFlush = 0;
  let lastScan = Number.NEGATIVE_INFINITY;
  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const reportChange = () => {
    changeTimer ??= setTimeout(() => {
      changeTimer = undefined;
      try {
        options.onChange?.();
      } catch {
        // Never throw into the page.
      }
    }, 0);
  };

  const findTickets = (): ScannedTicket[] => {
    const context = options.context();
    const candidates = active ? [active] : options.adapters();
    for (const adapter of candidates) {
      let tickets: ScannedTicket[];
      try {
        tickets = adapter.scan(doc, context);
      } catch (error) {
        options.onAdapterError?.(adapter, error);
        continue;
      }
      if (tickets.length > 0) {
        active = adapter;
        return tickets;
      }
    }
    return [];
  };

  const modelFor = (ticket: ScannedTicket): BadgeModel => {
    try {
      return options.model(ticket);
    } catch (error) {
      return options.failed(ticket, error);
    }
  };

  const place = (ticket: ScannedTicket, model: BadgeModel, at: number): boolean => {
    const existing = byAnchor.get(ticket.anchor);
    if (existing && existing.host.parentNode === ticket.anchor) {
      if (existing.model === model) return false;
      existing.setModel(model, at);
      return true;
    }
    const badge = options.createBadge(model);
    ticket.anchor.append(badge.host);
    byAnchor.set(ticket.anchor, badge);
    live.add(badge);
    return true;
  };

  /**
   * Writes the computed badges in one go, with the observer disconnected: our own insertions are no
   * news (500 records would only be recognised as ours, in the task the page is waiting on). Page
   * changes recorded before are in the DOM this scan read: the page's own code runs in other tasks,
   * whose records are delivered before a later slice starts.
   */
  const flush = (): boolean => {
    const at = now();
    let changed = false;
    observer.disconnect();
    try {
      // Indexed, not `for…of` with destructuring: that allocates per entry in not-yet-optimised code.
      for (let i = 0; i < pending.length; i++) {
        const entry = pending[i] as [ScannedTicket, BadgeModel];
        try {
          if (place(entry[0], entry[1], at)) changed = true;
        } catch {
          // A detached or exotic anchor: skip this ticket, keep the others.
        }
      }
    } finally {
      if (!stopped) observe();
    }
    pending = [];
    lastFlush = performance.now();
    return changed;
  };

  const drain = () => {
    sliceTimer = undefined;
    const stopAt = performance.now() + (firstSlice ? firstSliceMs : sliceMs);
    let changed = false;
    while (next < queue.length) {
      const ticket = queue[next++] as ScannedTicket;
      pending.push([ticket, modelFor(ticket)]);
      if (performance.now() >= stopAt) break;
    }
    const done = next >= queue.length;
    // The first slice usually runs before the page's next layout (see the observer), so its badges
    // cost no extra relayout; later ones are written in as few batches as `flushMs` allows.
    if ((done || firstSlice || performance.now() - lastFlush >= flushMs) && flush()) changed = true;
    firstSlice = false;
    if (done) {
      for (const badge of live) {
        if (!badge.host.isConnected) {
          live.delete(badge);
          changed = true;
        }
      }
    } else sliceTimer = setTimeout(safeDrain, 0);
    if (changed) reportChange();
  };

  const safeDrain = () => {
    try {
      drain();
    } catch {
      // Never throw into the page.
    }
  };

  const scan = (): number => {
    lastScan = now();
    const tickets = findTickets();
    try {
      options.onTickets?.(tickets, active);
    } catch {
      // Never throw into the page.
    }
    found = tickets;
    work(tickets);
    return tickets.length;
  };

  /** Models and places `tickets` in slices; a newer call supersedes unfinished work (models are memoised, so redoing placed rows is cheap). */
  const work = (tickets: ScannedTicket[]) => {
    if (sliceTimer !== undefined) clearTimeout(sliceTimer);
    queue = tickets;
    next = 0;
    firstSlice = true;
    pending = [];
    lastFlush = performance.now();
    drain();
  };

  const safeScan = () => {
    timer = undefined;
    try {
      scan();
    } catch {
      // Never throw into the page.
    }
  };

  const observer = new MutationObserver((records) => {
    try {
      if (!concernsPage(records)) return;
      const wait = lastScan + throttleMs - now();
      // After a quiet period, scan at once (still before the page's next layout and paint: the rows
      // appear with their badges, laid out once); changes soon after wait for the trailing scan.
      if (wait <= 0) {
        if (timer !== undefined) clearTimeout(timer);
        safeScan();
      } else timer ??= setTimeout(safeScan, wait);
    } catch {
      // Never throw into the page.
    }
  });
  const observe = () =>
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ROW_ATTRIBUTES,
    });
  observe();

  return {
    scan,
    rescan() {
      active = undefined;
      return scan();
    },
    remodel() {
      try {
        work(found);
      } catch {
        // Never throw into the page.
      }
    },
    *badges() {
      for (const badge of live) {
        if (badge.host.isConnected) yield badge;
        else live.delete(badge);
      }
    },
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      if (sliceTimer !== undefined) clearTimeout(sliceTimer);
      if (changeTimer !== undefined) clearTimeout(changeTimer);
    },
  };
}
