import { isIsoWithOffset } from '../../../core/evaluate/types';
import { ApiError, type ApiFailure, type ExactTicket } from './types';

/** What the helpdesk readers share: their time dialects, clean field sets, per-ticket requests. */

/**
 * Helpdesk APIs write instants in several dialects of ISO 8601: Jira's "+0900" offset without a
 * colon, ServiceNow's "2026-11-14 17:30:00" (UTC, no offset). One exact form for the core: ISO
 * with a "+09:00" offset or "Z"; anything else is left unset rather than guessed.
 */
export function apiTime(raw: unknown, { utc = false } = {}): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let text = raw.trim().replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/u, '$1:$2');
  if (utc && /T[\d:.]+$/u.test(text)) text += 'Z';
  return isIsoWithOffset(text) ? text : undefined;
}

/** The fields the API did answer: an unset one must not blank the page's value when merged over it. */
export function answered(fields: ExactTicket['fields']): ExactTicket['fields'] {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}

/**
 * For APIs with no batch endpoint (or a per-ticket part, such as Jira's SLAs): one request per
 * ticket, a few at a time, so a page of tickets is not a burst at the helpdesk.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        // The first failure stops the others: after a 429 or a lost session, more requests only make it worse.
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failed.error;
}

/**
 * A per-ticket request's failure that belongs to that ticket alone (it is gone, or this agent may
 * not see it). Anything else (signed out, rate limited, server down) is the whole batch's and is
 * thrown on, so the scheduler keeps the page's values and backs off.
 */
export function ticketFailure(error: unknown): ApiFailure {
  if (error instanceof ApiError && (error.failure.kind === 'not-found' || error.failure.kind === 'forbidden')) return error.failure;
  throw error;
}
