import type { GeneratedI18nStructure } from '#i18n';
import type { MatchedBy } from '../../core/contracts/lookup';
import type { TicketField } from '../../core/contracts/ticket';
import { type ReaderLanguage, readerLanguage } from '../../core/explain/format';
import type { ApiFailure } from './api/types';

/**
 * The words of the badges and of the popover's chrome, in one language. English is the default, so
 * unit tests, happy-dom runs, the demo scripts and the E2E expectations need nothing; index.ts builds
 * the browser's language once per frame from the extension's messages (locales/*.yml, badge.* and
 * popover.*). The overlay hands them to the pipeline (popover texts, unreadable reasons) and to each
 * badge, which gives them to badgeState: one value per overlay instead of a module-level setting
 * shared by every overlay and test in a realm, and no extra argument for badgeState's other callers.
 *
 * Prepared once, not per call: badgeState composes the text of 500 badges, so every message is split
 * here into the text around its substitutions and filled by plain concatenation.
 */

export interface DurationWords {
  days(days: number): string;
  daysHours(days: number, hours: number): string;
  hours(hours: number): string;
  hoursMinutes(hours: number, minutes: number): string;
  minutes(minutes: number): string;
  underMinute: string;
}

type PopoverTitle =
  | 'contract'
  | 'clock'
  | 'routing'
  | 'scope'
  | 'scopeWarning'
  | 'notes'
  | 'designatedContacts'
  | 'why'
  | 'page'
  | 'unreadable'
  | 'noContract'
  | 'helpdeskSla';

export interface PopoverWords {
  /** The language the core's notes and explanation are written in (the messages' own, `badge.locale`). */
  lang: ReaderLanguage;
  /** The popover's section titles. */
  titles: Record<PopoverTitle, string>;
  aroundTheClock: string;
  businessHours(calendar: string): string;
  clockStarts(when: string): string;
  due(when: string): string;
  /** The submission time came from relative text ("3 hours ago"). */
  approximateStart: string;
  mapCustomer: string;
  /** "Acme (matched by domain)". */
  matched(customer: string, by: string): string;
  /** How a customer was found (MatchedBy codes). */
  matchedBy: Record<MatchedBy, string>;
  source(section: string): string;
  notMapped(who: string): string;
  /** Who an unmapped ticket belongs to when the page names nobody. */
  thisCustomer: string;
  mapPriority: string;
  /** How to give a ticket without a level or role one (`noRole`). */
  setRole(customer: string): string;
  /** "Exact data from RT REST2, read Mon … 12:03 CET". */
  exactFrom(api: string, when: string): string;
  /** The API could not be read and nothing was read before. */
  exactMissing(api: string, reason: string): string;
  /** The API could not be read now; an earlier answer is shown. */
  exactStale(api: string, reason: string): string;
  /** Why the API gave nothing, by failure kind. */
  apiFailure: Record<ApiFailure['kind'], string>;
  /** "RT Due: Mon 2026-12-07 17:00 CET". */
  helpdeskDue(name: string, when: string): string;
  helpdeskLooser(by: string): string;
  helpdeskStricter(by: string): string;
  helpdeskSame: string;
}

export interface BadgeWords {
  /** A countdown's time: "2h 14m left". */
  left(time: string): string;
  breached(time: string): string;
  answeredIn(time: string): string;
  answeredBeforeStart: string;
  missedBy(time: string): string;
  /** "Waiting · starts Mon 09:00 JST"; `when` is weekday, time and zone. */
  waiting(when: string): string;
  /** Short weekday names, Sunday first. */
  weekdays: readonly string[];
  noTarget: string;
  noTargetBecause(reason: string): string;
  /** Short words for why there is no target, by note code; the full message is in the popover. */
  noTargetReasons: Record<string, string>;
  unmapped: string;
  unreadable(reason: string): string;
  /** `priority "Whenever" not mapped`: an `unreadable` reason. */
  priorityNotMapped(value: string): string;
  /** `unknown policy "x"`: an `unreadable` reason. */
  unknownPolicy(id: string): string;
  /** The requester has no role (not a designated contact, or one without a role) and nothing gives a default: an `unreadable` reason. */
  noRole: string;
  /** "no submission time": the reason an `unreadable` badge names. */
  missing: Record<TicketField, string>;
  duration: DurationWords;
  popover: PopoverWords;
}

export const ENGLISH_WORDS: BadgeWords = {
  left: (time) => `${time} left`,
  breached: (time) => `Breached ${time} ago`,
  answeredIn: (time) => `Answered in ${time} ✓`,
  answeredBeforeStart: 'Answered before start ✓',
  missedBy: (time) => `Missed by ${time}`,
  waiting: (when) => `Waiting · starts ${when}`,
  weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  noTarget: 'No target',
  noTargetBecause: (reason) => `No target · ${reason}`,
  noTargetReasons: {
    'feature-request': 'feature request',
    'no-technical-support': 'no technical support',
    'no-response-times': 'no response times',
    'out-of-scope': 'out of scope',
    'p1-not-available-for-role': 'P1 not in role',
    'language-not-included': 'language not included',
  },
  unmapped: 'Unmapped · map customer…',
  unreadable: (reason) => `Unreadable · ${reason}`,
  priorityNotMapped: (value) => `priority "${value}" not mapped`,
  unknownPolicy: (id) => `unknown policy "${id}"`,
  noRole: 'no role for this requester',
  missing: {
    id: 'no ticket id',
    priority: 'no priority',
    priorityRaw: 'no priority',
    customer: 'no customer',
    organisation: 'no organisation',
    requesterEmail: 'no requester e-mail',
    submitted: 'no submission time',
    submittedApproximate: 'no submission time',
    language: 'no language',
    subject: 'no subject',
    type: 'no request type',
    level: 'no support level',
    firstReply: 'no first reply',
    owner: 'no owner',
  },
  duration: {
    days: (days) => `${days}d`,
    daysHours: (days, hours) => `${days}d ${hours}h`,
    hours: (hours) => `${hours}h`,
    hoursMinutes: (hours, minutes) => `${hours}h ${minutes}m`,
    minutes: (minutes) => `${minutes}m`,
    underMinute: '<1m',
  },
  popover: {
    lang: 'en',
    titles: {
      contract: 'Contract',
      clock: 'Clock',
      routing: 'Routing',
      scope: 'Scope',
      scopeWarning: 'Scope warning',
      notes: 'Notes',
      designatedContacts: 'Designated contacts',
      why: 'Why',
      page: 'Page',
      unreadable: 'Could not read this ticket',
      noContract: 'No contract',
      helpdeskSla: "Helpdesk's own SLA",
    },
    aroundTheClock: 'Around the clock (24/7)',
    businessHours: (calendar) => `Business hours: ${calendar}`,
    clockStarts: (when) => `Clock starts ${when}`,
    due: (when) => `Due ${when}`,
    approximateStart: 'Submission time read from relative text ("3 hours ago"): approximate.',
    mapCustomer: 'Map customer',
    matched: (customer, by) => `${customer} (matched by ${by})`,
    matchedBy: { address: 'address', domain: 'domain', organisation: 'organisation', customer: 'customer' },
    source: (section) => `Source: ${section}`,
    notMapped: (who) => `${who} is not mapped to a contract in SLA Lens settings.`,
    thisCustomer: 'this customer',
    mapPriority: 'Map this helpdesk value to P1–P4 in the site settings.',
    setRole: (customer) =>
      `Give ${customer} a level or role (options page → Contracts), or add the requester as a designated contact with a role.`,
    exactFrom: (api, when) => `Exact data from ${api}, read ${when}.`,
    exactMissing: (api, reason) => `No exact data from ${api}: ${reason}. Showing what the page shows.`,
    exactStale: (api, reason) => `${api} could not be read again: ${reason}. Showing its last answer.`,
    apiFailure: {
      'signed-out': 'not signed in (sign in to the helpdesk again)',
      forbidden: 'your helpdesk account may not read this ticket through the API',
      'not-found': 'the API does not know this ticket',
      'rate-limited': 'the helpdesk asked to slow down; reading again later',
      network: 'the helpdesk could not be reached',
      server: 'the helpdesk answered with an error',
      unexpected: 'the answer could not be read',
    },
    helpdeskDue: (name, when) => `${name}: first response due ${when}`,
    helpdeskLooser: (by) => `Your helpdesk's SLA is ${by} looser than the contract.`,
    helpdeskStricter: (by) => `Your helpdesk's SLA is ${by} stricter than the contract.`,
    helpdeskSame: "Your helpdesk's SLA matches the contract's deadline.",
  },
};

type MessageKey = Extract<keyof GeneratedI18nStructure, `badge.${string}` | `popover.${string}`>;

/** A message with its substitutions filled in, as WXT's `i18n.t(key, subs)`; '' when there is none. */
export type MessageLookup = (key: MessageKey, substitutions?: string[]) => string;

const NO_TARGET_KEYS: Record<string, MessageKey> = {
  'feature-request': 'badge.noTargetReason.featureRequest',
  'no-technical-support': 'badge.noTargetReason.noTechnicalSupport',
  'no-response-times': 'badge.noTargetReason.noResponseTimes',
  'out-of-scope': 'badge.noTargetReason.outOfScope',
  'p1-not-available-for-role': 'badge.noTargetReason.p1NotAvailableForRole',
  'language-not-included': 'badge.noTargetReason.languageNotIncluded',
};

const TITLE_KEYS: Record<PopoverTitle, MessageKey> = {
  contract: 'popover.title.contract',
  clock: 'popover.title.clock',
  routing: 'popover.title.routing',
  scope: 'popover.title.scope',
  scopeWarning: 'popover.title.scopeWarning',
  notes: 'popover.title.notes',
  designatedContacts: 'popover.title.designatedContacts',
  why: 'popover.title.why',
  page: 'popover.title.page',
  unreadable: 'popover.title.unreadable',
  noContract: 'popover.title.noContract',
  helpdeskSla: 'popover.title.helpdeskSla',
};

/** The words for why the API gave nothing (popover, and the options page's site rows). */
export const API_FAILURE_KEYS = {
  'signed-out': 'popover.apiFailure.signedOut',
  forbidden: 'popover.apiFailure.forbidden',
  'not-found': 'popover.apiFailure.notFound',
  'rate-limited': 'popover.apiFailure.rateLimited',
  network: 'popover.apiFailure.network',
  server: 'popover.apiFailure.server',
  unexpected: 'popover.apiFailure.unexpected',
} as const satisfies Record<ApiFailure['kind'], MessageKey>;

const MATCHED_BY_KEYS: Record<MatchedBy, MessageKey> = {
  address: 'popover.matchedBy.address',
  domain: 'popover.matchedBy.domain',
  organisation: 'popover.matchedBy.organisation',
  customer: 'popover.matchedBy.customer',
};

/** Fields that share a word: the raw priority is still the priority, the approximate flag the submission time. */
const MISSING_KEYS: Record<TicketField, MessageKey> = {
  id: 'badge.missing.id',
  priority: 'badge.missing.priority',
  priorityRaw: 'badge.missing.priority',
  customer: 'badge.missing.customer',
  organisation: 'badge.missing.organisation',
  requesterEmail: 'badge.missing.requesterEmail',
  submitted: 'badge.missing.submitted',
  submittedApproximate: 'badge.missing.submitted',
  language: 'badge.missing.language',
  subject: 'badge.missing.subject',
  type: 'badge.missing.type',
  level: 'badge.missing.level',
  firstReply: 'badge.missing.firstReply',
  owner: 'badge.missing.owner',
};

// Passed as $1 and $2 to find where a message puts its substitutions (private-use characters: no
// translation contains them).
const FIRST = '\uE000';
const SECOND = '\uE001';

type Fill = (first: string | number, second?: string | number) => string;
/** Any word with values to fill in: English's own, or a message's `Fill`. */
type Word = (...values: never[]) => string;

/** The message's text with marks for its substitutions, or undefined (missing, or the lookup failed). */
function read(lookup: MessageLookup, key: MessageKey, substitutions?: string[]): string | undefined {
  try {
    return lookup(key, substitutions) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * "noch $1" → (a) => "noch " + a; "$1日$2時間" → (a, b) => a + "日" + b + "時間". Undefined unless the
 * message has each substitution exactly once (a translation that lost its "$1" falls back to English).
 */
function template(text: string | undefined, count: 1 | 2): Fill | undefined {
  const parts = text?.split(/([\uE000\uE001])/);
  if (!parts || parts.length !== 2 * count + 1) return undefined;
  const [a = '', mark, b = '', second, c = ''] = parts;
  if (count === 1) return mark === FIRST ? (x) => a + x + b : undefined;
  if (mark === FIRST && second === SECOND) return (x, y) => a + x + b + y + c;
  // A language may put the second value first ("$2 … $1").
  if (mark === SECOND && second === FIRST) return (x, y) => a + y + b + x + c;
  return undefined;
}

/** Short weekday names in `locale`, Sunday first ("Mon", "Mo", "月"). */
function weekdaysIn(locale: string | undefined): string[] | undefined {
  if (!locale) return undefined;
  try {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    // 2023-01-01 was a Sunday.
    return Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(2023, 0, 1 + day)));
  } catch {
    return undefined;
  }
}

/**
 * The words of the language `lookup` reads (WXT's i18n.t: the browser's UI language, English when
 * the extension has no messages in it). Any message missing, broken or unreadable is English; never throws.
 */
export function badgeWords(lookup: MessageLookup): BadgeWords {
  const text = (key: MessageKey, english: string) => read(lookup, key) ?? english;
  const one = <W extends Word>(key: MessageKey, english: W) => (template(read(lookup, key, [FIRST]), 1) as W | undefined) ?? english;
  const two = <W extends Word>(key: MessageKey, english: W) => (template(read(lookup, key, [FIRST, SECOND]), 2) as W | undefined) ?? english;
  const table = <K extends string>(keys: Record<K, MessageKey>, english: Record<K, string>) =>
    Object.fromEntries(Object.entries<MessageKey>(keys).map(([name, key]) => [name, text(key, english[name as K])])) as Record<K, string>;
  const en = ENGLISH_WORDS;
  const pop = en.popover;
  return {
    left: one('badge.left', en.left),
    breached: one('badge.breached', en.breached),
    answeredIn: one('badge.answeredIn', en.answeredIn),
    answeredBeforeStart: text('badge.answeredBeforeStart', en.answeredBeforeStart),
    missedBy: one('badge.missedBy', en.missedBy),
    waiting: one('badge.waiting', en.waiting),
    // Intl in the language the messages are written in, so a weekday never differs from the words around it.
    weekdays: weekdaysIn(read(lookup, 'badge.locale')) ?? en.weekdays,
    noTarget: text('badge.noTarget', en.noTarget),
    noTargetBecause: one('badge.noTargetBecause', en.noTargetBecause),
    noTargetReasons: table(NO_TARGET_KEYS, en.noTargetReasons),
    unmapped: text('badge.unmapped', en.unmapped),
    unreadable: one('badge.unreadable', en.unreadable),
    priorityNotMapped: one('badge.priorityNotMapped', en.priorityNotMapped),
    unknownPolicy: one('badge.unknownPolicy', en.unknownPolicy),
    noRole: text('badge.noRole', en.noRole),
    missing: table(MISSING_KEYS, en.missing),
    duration: {
      days: one('badge.duration.days', en.duration.days),
      daysHours: two('badge.duration.daysHours', en.duration.daysHours),
      hours: one('badge.duration.hours', en.duration.hours),
      hoursMinutes: two('badge.duration.hoursMinutes', en.duration.hoursMinutes),
      minutes: one('badge.duration.minutes', en.duration.minutes),
      underMinute: text('badge.duration.underMinute', en.duration.underMinute),
    },
    popover: {
      lang: readerLanguage(read(lookup, 'badge.locale')),
      titles: table(TITLE_KEYS, pop.titles),
      aroundTheClock: text('popover.aroundTheClock', pop.aroundTheClock),
      businessHours: one('popover.businessHours', pop.businessHours),
      clockStarts: one('popover.clockStarts', pop.clockStarts),
      due: one('popover.due', pop.due),
      approximateStart: text('popover.approximateStart', pop.approximateStart),
      mapCustomer: text('popover.mapCustomer', pop.mapCustomer),
      matched: two('popover.matched', pop.matched),
      matchedBy: table(MATCHED_BY_KEYS, pop.matchedBy),
      source: one('popover.source', pop.source),
      notMapped: one('popover.notMapped', pop.notMapped),
      thisCustomer: text('popover.thisCustomer', pop.thisCustomer),
      mapPriority: text('popover.mapPriority', pop.mapPriority),
      setRole: one('popover.setRole', pop.setRole),
      exactFrom: two('popover.exactFrom', pop.exactFrom),
      exactMissing: two('popover.exactMissing', pop.exactMissing),
      exactStale: two('popover.exactStale', pop.exactStale),
      apiFailure: table(API_FAILURE_KEYS, pop.apiFailure),
      helpdeskDue: two('popover.helpdeskDue', pop.helpdeskDue),
      helpdeskLooser: one('popover.helpdeskLooser', pop.helpdeskLooser),
      helpdeskStricter: one('popover.helpdeskStricter', pop.helpdeskStricter),
      helpdeskSame: text('popover.helpdeskSame', pop.helpdeskSame),
    },
  };
}
