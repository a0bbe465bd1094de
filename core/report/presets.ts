import type { Priority } from '../policy/schema';
import { REPORT_FIELDS, type ReportField } from './types';

/**
 * How a helpdesk's export headers become report fields. Headers are compared case- and
 * spacing-insensitively; for each field the first listed header the file has wins. Presets follow
 * the vendors' own export formats; `NATIVE` is the field names themselves (the columns of
 * `sla batch` plus firstReply and the customer fields), and is tried for any field a preset leaves
 * unmapped, so an export with an added "firstReply" column works under any preset.
 */
export interface ColumnMapping {
  columns: Partial<Record<ReportField, readonly string[]>>;
  /** luxon formats of the helpdesk's times without an offset (ISO 8601 and RT's format are always read). */
  dateFormats?: readonly string[];
  /** The helpdesk's own priority names, used when the settings have no site map for `adapter`. */
  priorityMap?: Record<string, Priority>;
  /** The adapter id whose site (priority map, time zone) in the settings applies. */
  adapter?: string;
}

export const PRESET_IDS = ['rt', 'zendesk', 'jira', 'osticket'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const NATIVE: ColumnMapping = {
  columns: Object.fromEntries(REPORT_FIELDS.map((field) => [field, [field]])),
};

/** A custom field under the names RT's search format and its TSV header give it. */
const rtField = (name: string) => [`CustomField.{${name}}`, `CF.{${name}}`, name];

export const PRESETS: Record<PresetId, ColumnMapping> = {
  /**
   * RT's spreadsheet export (Search → Results.tsv, tab-separated), with the search's columns. RT has
   * no first-reply column: "Told" is the *last* contact. Add a "FirstReply" column (e.g. a custom
   * field filled by a scrip) or run the report on the search from the extension, which reads RT's
   * transactions. Times are the agent's RT format ("Fri Dec 04 13:43:00 2026") in the site's zone.
   */
  rt: {
    adapter: 'rt',
    columns: {
      id: ['id'],
      subject: ['Subject'],
      priority: ['Priority'],
      submitted: ['Created'],
      requesterEmail: ['Requestors', 'Requestor'],
      customer: rtField('Customer'),
      organisation: rtField('Organisation'),
      language: rtField('Language'),
      level: rtField('Support level'),
      type: rtField('Request type'),
      firstReply: ['FirstReply', 'First reply', ...rtField('First reply')],
    },
    // RT's %PriorityAsString names (RT 5's default set).
    priorityMap: { Urgent: 'P1', High: 'P2', Medium: 'P3', Low: 'P4' },
  },
  /**
   * Zendesk's CSV ticket export (Admin Center → Account → Tools → Reports → Export): times
   * "yyyy-MM-dd HH:mm" in the account's zone, the first reply as "First reply time in minutes"
   * (calendar minutes after creation).
   */
  zendesk: {
    adapter: 'zendesk',
    columns: {
      id: ['Id', 'Ticket ID'],
      subject: ['Subject'],
      priority: ['Priority'],
      submitted: ['Created at'],
      requesterEmail: ['Requester email'],
      domain: ['Requester domain'],
      organisation: ['Organization'],
      type: ['Ticket type'],
      firstReplyMinutes: ['First reply time in minutes'],
    },
    priorityMap: { Urgent: 'P1', High: 'P2', Normal: 'P3', Low: 'P4' },
  },
  /**
   * Jira's "Export Excel CSV (all fields)": times in the user's format (default "dd/MMM/yy h:mm a")
   * and zone. Jira has no first-reply column of its own; a "First response" custom field is read.
   */
  jira: {
    adapter: 'jira',
    columns: {
      id: ['Issue key'],
      subject: ['Summary'],
      priority: ['Priority'],
      submitted: ['Created'],
      customer: ['Custom field (Customer)', 'Custom field (Organizations)'],
      organisation: ['Custom field (Organizations)', 'Custom field (Organization)'],
      requesterEmail: ['Reporter'],
      type: ['Issue Type'],
      level: ['Custom field (Support level)'],
      language: ['Custom field (Language)'],
      firstReply: ['Custom field (First response)', 'First response'],
    },
    // Server and Data Center's default, then Cloud's export ("6/21/2025 16:14").
    dateFormats: ['dd/MMM/yy h:mm a', 'd/MMM/yy h:mm a', 'dd/MMM/yy H:mm', 'M/d/yyyy H:mm'],
    priorityMap: { Highest: 'P1', High: 'P2', Medium: 'P3', Low: 'P4', Lowest: 'P4' },
  },
  /**
   * osTicket's ticket export (a queue's Export, CSV): "Ticket Number", "Date Created", "From Email",
   * "Priority", … as in the queue's export columns; times "yyyy-MM-dd HH:mm:ss" in the helpdesk's
   * zone. osTicket exports no first-response time: add a column "First Response" (the thread's
   * first agent reply) or use the report on a list in the extension.
   */
  osticket: {
    adapter: 'osticket',
    columns: {
      id: ['Ticket Number', 'Ticket', 'Number'],
      subject: ['Subject'],
      priority: ['Priority'],
      submitted: ['Date Created', 'Created'],
      requesterEmail: ['From Email', 'Email'],
      organisation: ['Organization'],
      type: ['Help Topic'],
      firstReply: ['First Response'],
    },
    dateFormats: ['M/d/yy h:mm a', 'dd.MM.yy HH:mm'],
    priorityMap: { Emergency: 'P1', High: 'P2', Normal: 'P3', Low: 'P4' },
  },
};

/** Header text as headers are compared: case, spacing and width folded. */
export const headerKey = (header: string) => header.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Which column index holds each field in a file with `headers` (a preset's header first, the
 * field's own name after); fields the file lacks are absent.
 */
export function mapColumns(headers: readonly string[], mapping: ColumnMapping): Partial<Record<ReportField, number>> {
  const at = new Map<string, number>();
  headers.forEach((header, i) => {
    const key = headerKey(header);
    if (!at.has(key)) at.set(key, i);
  });
  const found: Partial<Record<ReportField, number>> = {};
  for (const field of REPORT_FIELDS) {
    for (const name of [...(mapping.columns[field] ?? []), field]) {
      const index = at.get(headerKey(name));
      if (index !== undefined) {
        found[field] = index;
        break;
      }
    }
  }
  return found;
}
