import type { PageAgent } from '../../../core/alerts/owner';
import type { TicketField, TicketFields } from '../../../core/contracts/ticket';
import type { ExactEntry } from '../api/exact-data';

/** One ticket found on a page by an adapter. */
export interface ScannedTicket {
  /** Stable key: the ticket id (virtualised lists recycle row nodes, so never key by node). */
  key: string;
  /** The id the helpdesk's API wants when it differs from `key` (osTicket's `tids[]`, ServiceNow's sys_id). */
  apiId?: string;
  /**
   * The ticket's last-updated time as the page shows it (any text): while it stays the same, the
   * API's answer is still good and the ticket is read again only rarely.
   */
  updated?: string;
  /** The ticket's row (list page) or container (ticket page). */
  element: Element;
  /** Where the badge is inserted (it never replaces page content). */
  anchor: Element;
  /** What could be read; required fields that are absent are listed in `missing`. */
  fields: Partial<TicketFields> & { id?: string };
  missing: TicketField[];
  /** A human-readable reason when the adapter failed on this ticket (invalid selector, bad date …). */
  problem?: string;
  /** What the helpdesk's API said of this ticket (api/merge.ts put its exact fields over the page's). */
  exact?: ExactEntry;
}

/** Context an adapter needs beyond the DOM. */
export interface ScanContext {
  /** Zone for page times without an offset (site setting, else the browser's zone). */
  timeZone: string;
  /** "Now", for relative times such as "3 hours ago". */
  now: Date;
}

export interface Adapter {
  /** "rt", "zammad", "osticket", "zendesk", "freshdesk", "jira", "servicenow", or "recipe:<id>". */
  id: string;
  name: string;
  /** Default host match patterns (requested as optional host permissions when a team enables it). */
  matches: string[];
  /** Find every visible ticket under `root`. Must not throw: failures become `problem`. */
  scan(root: Document | ShadowRoot | Element, context: ScanContext): ScannedTicket[];
  /** The logged-in agent where this helpdesk's pages show them ("only mine" matches owners against them). */
  currentAgent?(doc: Document): PageAgent | undefined;
}
