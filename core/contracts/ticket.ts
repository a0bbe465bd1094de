import type { Language, Priority } from '../policy/schema';
import type { RequestType } from '../evaluate/types';

/**
 * What a helpdesk adapter reads off a page for one ticket. Every field is optional except the id:
 * the badge says `unreadable` naming the missing field when a required one is absent.
 */
export interface TicketFields {
  id: string;
  /** The helpdesk's own priority text or number, e.g. "Urgent", "High", "2". */
  priorityRaw?: string;
  /** Set by the adapter when the page already shows P1–P4; otherwise mapped from priorityRaw. */
  priority?: Priority;
  customer?: string;
  organisation?: string;
  requesterEmail?: string;
  /** Submission time, ISO 8601 with offset. */
  submitted?: string;
  /** True when the time came from relative text ("3 hours ago") and is only approximate. */
  submittedApproximate?: boolean;
  language?: Language;
  subject?: string;
  type?: RequestType;
  /** Support level/role if the page shows it. */
  level?: string;
  /** First agent reply, ISO 8601 with offset, where the page shows replies. */
  firstReply?: string;
  /** The ticket's owner (assignee) as the page shows it, where it shows one; "" or "Nobody": unassigned. */
  owner?: string;
}

/** Which field an adapter could not read, for the `unreadable` badge. */
export type TicketField = keyof TicketFields;
