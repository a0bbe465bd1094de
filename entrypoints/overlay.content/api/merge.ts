import { missingFields } from '../adapters/ticket-fields';
import type { ScannedTicket } from '../adapters/types';
import type { ExactEntry } from './exact-data';

/**
 * What an agent can change of a ticket on the page itself (RT's inline edit of the priority, a
 * custom field), as one string: when it changes, the API is asked again at once instead of its
 * older answer standing over the new value for up to a minute. Values the page only fills in later
 * (RT's history with the first reply, a language found in it) are left out: they are no edit, and
 * the API already knew them.
 */
export function pageReading({ fields }: ScannedTicket): string {
  return [fields.priority, fields.priorityRaw, fields.customer, fields.organisation, fields.requesterEmail, fields.level, fields.type].join('\u0000');
}

/**
 * The page's reading of a ticket with the API's exact values over it. The DOM still says which
 * ticket and where its badge goes; the API says what it is. Without an answer (none yet, or a
 * failure) the page's values stay and the entry only tells the popover why.
 */
export function withExact(ticket: ScannedTicket, entry: ExactEntry | undefined): ScannedTicket {
  if (!entry) return ticket;
  const exact = entry.exact;
  if (!exact) return { ...ticket, exact: entry };
  const fields = { ...ticket.fields, ...exact.fields };
  // An exact submission time replaces a relative one ("3 hours ago"), and with it the "≈".
  if (exact.fields.submitted) delete fields.submittedApproximate;
  // The API's priority text wins over a P1–P4 the page showed only when it names one itself.
  if (exact.fields.priorityRaw && !exact.fields.priority) delete fields.priority;
  return { ...ticket, fields, missing: missingFields(fields), exact: entry };
}
