import { z } from 'zod';
import { Language, Policy, Priority, TimeZone } from '../policy/schema';

/**
 * The settings a team lead configures (options page), read by the overlay and the popup, exported and
 * imported as one JSON file (`sla check FILE` validates it). `version` drives storage migrations.
 */

export const SETTINGS_VERSION = 1;

const IsoDate = z.iso.date();
const Email = z.string().trim().toLowerCase().pipe(z.email());
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain such as "example.com"');

export const DesignatedContact = z.object({
  address: Email,
  /** 2.0: the contact's support role (a level id of the policy). */
  role: z.string().optional(),
  /** 2.0: when the role was last changed (downgrades take effect 30 days after it). */
  roleChanged: IsoDate.optional(),
  /**
   * 2.0 §1.2: role changes recorded after `role`, each with the day it was requested; a change without
   * a role removes it. When each takes effect is computed (core/contracts/roles.ts), never stored.
   */
  roleChanges: z.array(z.object({ date: IsoDate, role: z.string().min(1).optional() })).optional(),
});
export type DesignatedContact = z.infer<typeof DesignatedContact>;

export const Customer = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1),
  organisations: z.array(z.string().trim().min(1)).default([]),
  domains: z.array(Domain).default([]),
  addresses: z.array(Email).default([]),
  /** Built-in policy id or the id of a custom policy in `customPolicies`. */
  policy: z.string().min(1),
  level: z.string().optional(),
  region: z.string().optional(),
  /** Languages this customer writes in (routing hints); English terms unless entitled. */
  languages: z.array(Language).default([]),
  englishAccepted: z.boolean().default(false),
  contacts: z.array(DesignatedContact).default([]),
  notes: z.string().default(''),
  /**
   * 2.0 §5.2: Enterprise support — the day the customer enrolled and, once given, the day of its
   * written cancellation notice (the end it makes is computed, never stored).
   */
  enterprise: z.object({ enrolled: IsoDate, notice: IsoDate.optional() }).optional(),
});
export type Customer = z.infer<typeof Customer>;

/** How one field is read off a page by a recipe. */
export const FieldRecipe = z.object({
  selector: z.string().min(1),
  /** Read this attribute instead of the text (e.g. "datetime", "title"). */
  attribute: z.string().optional(),
  /** A regular expression; its first capture group (or whole match) is the value. */
  regex: z.string().optional(),
  /** luxon format for dates, e.g. "EEE MMM d HH:mm:ss yyyy"; ISO when absent. */
  dateFormat: z.string().optional(),
  /** Parse "3 hours ago" as a last resort; the result is flagged approximate. */
  relative: z.boolean().optional(),
});
export type FieldRecipe = z.infer<typeof FieldRecipe>;

export const RECIPE_FIELDS = [
  'id',
  'priority',
  'customer',
  'organisation',
  'requesterEmail',
  'submitted',
  'language',
  'subject',
  'type',
  'level',
  'firstReply',
  'owner',
] as const;

export const Recipe = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** URL patterns (WebExtension match-pattern syntax) the recipe applies to. */
  matches: z.array(z.string().min(1)).min(1),
  /** A ticket row on list pages, or the ticket container on a ticket page; each match is one ticket. */
  ticket: z.string().min(1),
  /** Where the badge goes inside the ticket element. */
  anchor: z.string().min(1),
  fields: z.partialRecord(z.enum(RECIPE_FIELDS), FieldRecipe),
  /** The zone of page times that carry no offset (e.g. RT's "Sun Nov 15 02:30:00 2026"); an unknown zone would make every date unreadable. */
  timeZone: TimeZone.optional(),
});
export type Recipe = z.infer<typeof Recipe>;

export const Site = z.object({
  /** Built-in adapter id ("rt", "zammad", …) or "recipe:<id>". */
  adapter: z.string().min(1),
  /** Host match patterns, e.g. "https://support.example.com/*". */
  matches: z.array(z.string().min(1)).min(1),
  enabled: z.boolean().default(true),
  /** The helpdesk's priority values → P1–P4 (case-insensitive). */
  priorityMap: z.record(z.string(), Priority).default({}),
  /** Zone for page times without offset; the browser's zone when absent. An unknown zone would make every date unreadable. */
  timeZone: TimeZone.optional(),
  /**
   * Read exact data from the helpdesk's own API (same origin, GET only, the agent's session). Absent:
   * on for documented APIs, off for undocumented ones (Freshdesk's agent API).
   */
  readApi: z.boolean().optional(),
});
export type Site = z.infer<typeof Site>;

export const HolidayCalendar = z.object({
  name: z.string().min(1),
  /** Which policy calendar the days close (e.g. "pacific", "japan"). */
  calendar: z.string().min(1),
  dates: z.array(z.object({ date: IsoDate, name: z.string().default('') })),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

export const DEFAULT_PRIORITY_MAP: Record<string, Priority> = {
  urgent: 'P1',
  critical: 'P1',
  emergency: 'P1',
  highest: 'P1',
  p1: 'P1',
  high: 'P2',
  p2: 'P2',
  normal: 'P3',
  medium: 'P3',
  moderate: 'P3',
  p3: 'P3',
  low: 'P4',
  lowest: 'P4',
  planning: 'P4',
  p4: 'P4',
};

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  customers: z.array(Customer).default([]),
  sites: z.array(Site).default([]),
  recipes: z.array(Recipe).default([]),
  /** Default mapping of helpdesk priority values; a site's own map wins. */
  priorityMap: z.record(z.string(), Priority).default(DEFAULT_PRIORITY_MAP),
  /** A badge is `at-risk` when this share of the target or less is left. */
  atRiskShare: z.number().gt(0).lt(1).default(0.25),
  /**
   * Whether the overlay may read exact data from helpdesk APIs at all (each site then decides for
   * itself). IT can turn it off for everyone through managed storage.
   */
  readHelpdeskApis: z.boolean().default(true),
  /** Holiday calendars by region id (the documents' 2019 lists are built into the policies). */
  holidays: z.record(z.string(), HolidayCalendar).default({}),
  customPolicies: z.array(Policy).default([]),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;
