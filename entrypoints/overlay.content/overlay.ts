import type { Settings } from '../../core/settings/schema';
import { readCurrentAgent } from './adapters/current-agent';
import type { Adapter, ScannedTicket } from './adapters/types';
import { type ExactData, type ExactStatus, createExactData } from './api/exact-data';
import { pageReading, withExact } from './api/merge';
import { apiReaderFor } from './api/registry';
import type { ApiGet } from './api/types';
import { type BadgeActions, createBadge } from './badge';
import { type BadgeWords, ENGLISH_WORDS } from './badge-words';
import { buildReport, type FrameReport, type TicketFieldsByModel } from './deadline-report';
import { adaptersForPage, pageTimeZone } from './page-adapters';
import { createPipeline, unreadable, warmPipeline } from './pipeline';
import { type Scanner, createScanner } from './scanner';
import { type BadgeCounts, type Ticker, startTicker } from './ticker';

/**
 * The overlay on one page, wired: page → adapter (scanner) → API reader (exact data) → contract
 * lookup + core (pipeline) → badge, with one ticker for all badges. Browser APIs stay in index.ts;
 * this runs in happy-dom too.
 */

export interface OverlayHooks extends BadgeActions {
  onCounts(counts: BadgeCounts): void;
  /** An adapter broke its never-throw contract; logged, the page is untouched. */
  onAdapterError?(adapterId: string, error: unknown): void;
  /**
   * The network door for API readers on this page (same-origin-get.ts in the browser). Without it
   * the overlay reads the page only.
   */
  apiGet?(pageUrl: string): ApiGet;
  /** How reading the helpdesk's API went (for the options page's site row). */
  onApiStatus?(status: ExactStatus & { adapter: string }): void;
  /** The open tickets' deadlines, after each scan that placed or changed badges (alerts, the popup's list). */
  onDeadlines?(report: FrameReport): void;
}

export interface Overlay {
  /** New settings: rebuild lookup and models, rescan. */
  update(settings: Settings): void;
  /** The URL changed (SPA navigation): choose adapters again and rescan. */
  navigated(): void;
  readonly counts: BadgeCounts;
  /** The open tickets' deadlines now. */
  deadlines(): FrameReport;
  /** Each badged ticket's fields (the page's, with the API's exact ones over them): the SLA report of a page. */
  tickets(): Array<ScannedTicket['fields']>;
  readonly scanner: Scanner;
  stop(): void;
}

type Cancel = () => void;

/**
 * The API's answers arrive batch by batch; the badges take them at most this often. Each rewrite of
 * many badges in a long table makes the browser lay the whole table out again.
 */
const EXACT_UPDATE_MS = 300;

/** Runs `task` when the page is idle (requestIdleCallback where there is one, else a timer). */
function whenIdle(task: () => void): Cancel {
  const run = () => {
    try {
      task();
    } catch {
      // Never throw into the page.
    }
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}

/** `words`: the language of badges and popovers, fixed for the overlay's life (index.ts reads the browser's). */
export function startOverlay(doc: Document, initial: Settings, hooks: OverlayHooks, words: BadgeWords = ENGLISH_WORDS): Overlay {
  const url = () => doc.location?.href ?? '';
  let settings = initial;
  let page = adaptersForPage(url(), settings);
  let model = createPipeline(settings, page.site, words);
  let ticker: Ticker | undefined;
  let exact: { adapter: Adapter; data: ExactData } | undefined;
  let exactTimer: ReturnType<typeof setTimeout> | undefined;
  let lastExactUpdate = Number.NEGATIVE_INFINITY;

  /** New exact data: the last scan's tickets modelled again (no page read), at most every EXACT_UPDATE_MS. */
  const exactArrived = () => {
    const remodel = () => {
      exactTimer = undefined;
      lastExactUpdate = Date.now();
      scanner.remodel();
    };
    const wait = lastExactUpdate + EXACT_UPDATE_MS - Date.now();
    if (wait <= 0 && exactTimer === undefined) remodel();
    else exactTimer ??= setTimeout(remodel, Math.max(0, wait));
  };

  /** The API reader of the adapter that found the tickets, when the site reads its helpdesk's API. */
  const exactFor = (adapter: Adapter | undefined): ExactData | undefined => {
    if (exact && exact.adapter === adapter) return exact.data;
    exact?.data.stop();
    exact = undefined;
    const reader = adapter && apiReaderFor(adapter.id);
    const enabled = reader && settings.readHelpdeskApis && (page.site?.readApi ?? reader.documented);
    if (!adapter || !reader || !enabled || !hooks.apiGet) return undefined;
    const data = createExactData({
      reader,
      get: hooks.apiGet(url()),
      context: () => ({ doc, timeZone: pageTimeZone(page.site, settings, url()), now: new Date() }),
      // The models of tickets with news are rebuilt; the others are memoised.
      onUpdate: exactArrived,
      onStatus: (status) => hooks.onApiStatus?.({ ...status, adapter: adapter.id }),
      visible: () => doc.visibilityState !== 'hidden',
    });
    exact = { adapter, data };
    return data;
  };
  const onVisibility = () => exact?.data.visibilityChanged();
  doc.addEventListener('visibilitychange', onVisibility);

  // The fields each model was built from: the deadline report names subject, customer and owner.
  const fieldsOf: TicketFieldsByModel = new WeakMap();
  const deadlines = () => buildReport(scanner.badges(), fieldsOf, { url: url(), title: doc.title ?? '', agent: readCurrentAgent(doc) });
  const reportDeadlines = () => {
    if (!hooks.onDeadlines) return;
    try {
      hooks.onDeadlines(deadlines());
    } catch {
      // Reporting is best effort; never throw into the page.
    }
  };

  const scanner = createScanner({
    doc,
    adapters: () => page.adapters,
    context: () => ({ timeZone: pageTimeZone(page.site, settings, url()), now: new Date() }),
    model: (ticket) => {
      const merged = withExact(ticket, exact?.data.get(ticket.key));
      const built = model(merged);
      fieldsOf.set(built, merged.fields);
      return built;
    },
    failed: (ticket, error) => unreadable(ticket.key, error instanceof Error ? error.message : String(error), [], words),
    createBadge: (badgeModel) => createBadge(doc, badgeModel, Date.now(), hooks, words),
    onChange: () => {
      ticker?.tick();
      reportDeadlines();
    },
    onAdapterError: (adapter, error) => hooks.onAdapterError?.(adapter.id, error),
    onTickets: (tickets, adapter) =>
      exactFor(adapter)?.want(
        tickets.filter((ticket) => ticket.fields.id).map((ticket) => ({ key: ticket.key, apiId: ticket.apiId, updated: ticket.updated, reading: pageReading(ticket) })),
      ),
  });
  ticker = startTicker({ doc, badges: () => scanner.badges(), onCounts: hooks.onCounts });
  scanner.scan();
  // Compile the contracts' calendars (and JIT the evaluation) before the next list of rows arrives.
  let cancelWarm = whenIdle(() => warmPipeline(settings));

  const reselect = () => {
    page = adaptersForPage(url(), settings);
    // The site's API setting may have changed: the next scan decides again.
    exact?.data.stop();
    exact = undefined;
    model = createPipeline(settings, page.site, words);
    scanner.rescan();
    cancelWarm();
    cancelWarm = whenIdle(() => warmPipeline(settings));
  };

  return {
    update(next) {
      settings = next;
      reselect();
    },
    navigated: reselect,
    get counts() {
      return ticker?.counts ?? { counts: {}, total: 0 };
    },
    deadlines,
    tickets() {
      const byKey = new Map<string, ScannedTicket['fields']>();
      for (const badge of scanner.badges()) {
        const fields = fieldsOf.get(badge.model);
        if (fields && !byKey.has(badge.model.key)) byKey.set(badge.model.key, fields);
      }
      return [...byKey.values()];
    },
    scanner,
    stop() {
      cancelWarm();
      exact?.data.stop();
      if (exactTimer !== undefined) clearTimeout(exactTimer);
      doc.removeEventListener('visibilitychange', onVisibility);
      scanner.stop();
      ticker?.stop();
      for (const badge of scanner.badges()) badge.host.remove();
      doc.querySelector('[data-sla-popover]')?.remove();
    },
  };
}
