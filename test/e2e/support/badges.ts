import type { Frame, Page } from 'playwright-core';

/** What a test reads off a badge host: the DOM contract (`data-sla-*`) plus its visible text. */
export interface BadgeReading {
  ticket: string | null;
  state: string | null;
  deadline: string | null;
  text: string;
}

/** Badges under `within` (a CSS selector), in document order. */
export function readBadges(page: Page | Frame, within = 'body'): Promise<BadgeReading[]> {
  return page.$$eval(`${within} [data-sla-badge]`, (hosts) =>
    hosts.map((host) => ({
      ticket: host.getAttribute('data-sla-ticket'),
      state: host.getAttribute('data-sla-state'),
      deadline: host.getAttribute('data-sla-deadline'),
      text: (host.shadowRoot?.textContent ?? '').trim(),
    })),
  );
}

/** Waits until `count` badges under `within` carry a state (the ticker has rendered them), then reads them. */
export async function waitForBadges(page: Page | Frame, count: number, within = 'body', timeout = 15_000): Promise<BadgeReading[]> {
  await page.waitForFunction(
    ([n, w]) => document.querySelectorAll(`${w} [data-sla-badge][data-sla-state]`).length >= n,
    [count, within] as const,
    { timeout },
  );
  return readBadges(page, within);
}

/**
 * Waits until each ticket's badge shows its state (`[ticket, state]` pairs), or `timeout` passes (the
 * caller's assertions then report which differ): the page's reading comes first, the helpdesk API's
 * answer then brings what the page lacks (first replies on a list).
 */
export async function settledStates(page: Page, pairs: Array<[string, string]>, timeout = 10_000): Promise<BadgeReading[]> {
  await page
    .waitForFunction(
      (wanted) =>
        wanted.every(([id, state]) => document.querySelector(`[data-sla-badge][data-sla-ticket="${id}"]`)?.getAttribute('data-sla-state') === state),
      pairs,
      { timeout },
    )
    .catch(() => undefined);
  return readBadges(page);
}

/**
 * The badge of `ticket` under `within` once it shows one of `states`, or as it is after `timeout`
 * (the caller's assertion then reports it). Pages fill in parts late (RT loads the ticket history
 * after the page), and the overlay updates the badge when they arrive.
 */
export async function settledBadge(
  page: Page,
  within: string,
  ticket: string,
  states: string[],
  timeout = 10_000,
): Promise<BadgeReading | undefined> {
  const selector = `${within} [data-sla-badge][data-sla-ticket="${ticket}"]`;
  await page
    .waitForFunction(
      ([s, wanted]) => wanted.includes(document.querySelector(s)?.getAttribute('data-sla-state') ?? ''),
      [selector, states] as const,
      { timeout },
    )
    .catch(() => undefined);
  return (await readBadges(page, within)).find((badge) => badge.ticket === ticket);
}
