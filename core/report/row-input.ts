import { languageFromField } from '../contracts/detect-language';
import { buildContractIndex, lookupContract, mapPriority, toEvaluateInput } from '../contracts/lookup';
import type { EvaluateInput } from '../evaluate/types';
import { getPolicy } from '../policy/builtin';
import { LANGUAGES, type Policy, type Priority } from '../policy/schema';
import type { Settings } from '../settings/schema';
import { readTime } from './times';
import type { BadRowReason, ReportOptions, ReportRow } from './types';

/**
 * A report row → the EvaluateInput the overlay would build for the same ticket. A row that names a
 * policy is evaluated as `sla batch` evaluates that input; a row that names a customer (name,
 * organisation, requester e-mail or domain) gets its contract from the settings through the
 * overlay's own lookup (core/contracts). Anything unreadable is a reason, never an exception.
 */

export interface ResolvedRow {
  input: EvaluateInput;
  policy: Policy;
  /** The matched customer's name, or the row's own customer text. */
  customer: string;
  /** The first reply (ms), when the row has one. */
  reply: number | undefined;
}

/**
 * A helpdesk's request type: the core's own words, or a value naming a feature request or billing
 * ("Feature request", "Billing question"); anything else (incident, question, bug) is technical,
 * the policies' default.
 */
function requestType(raw: string | undefined): EvaluateInput['type'] {
  const text = given(raw)?.toLowerCase();
  if (!text) return undefined;
  if (/feature|enhancement|funktionswunsch|機能/u.test(text)) return 'feature';
  if (/billing|invoice|rechnung|請求/u.test(text)) return 'billing';
  return text === 'technical' ? 'technical' : undefined;
}
const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'x', 'はい']);
const NO = new Set(['no', 'n', 'false', '0', 'nein', 'いいえ']);

const given = (value: string | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** How exports write a time that is not there: an empty cell, or RT's "Not set". */
const givenTime = (value: string | undefined): string | undefined => {
  const text = given(value);
  return text === undefined || text.toLowerCase() === 'not set' ? undefined : text;
};

export function createRowResolver(options: ReportOptions): (row: ReportRow) => ResolvedRow | BadRowReason {
  const settings: Settings | undefined = options.settings;
  const index = settings ? buildContractIndex(settings) : undefined;
  const site = settings && options.adapter ? settings.sites.find((s) => s.adapter === options.adapter) : undefined;
  // The site's own map first (it is the more specific), then the preset's documented default, then the settings' default.
  const siteMap = site && Object.keys(site.priorityMap).length ? site.priorityMap : undefined;
  const defaultMap = options.priorityMap ? { ...settings?.priorityMap, ...options.priorityMap } : settings?.priorityMap;
  const inputZone = options.inputZone ?? site?.timeZone ?? 'UTC';
  const formats = options.dateFormats ?? [];
  const time = (field: 'submitted' | 'firstReply', text: string): string | BadRowReason =>
    readTime(text, inputZone, formats) ?? { code: 'unparsable-date', field, value: text };

  return (row) => {
    const submittedText = givenTime(row.submitted);
    if (!submittedText) return { code: 'missing-submitted', field: 'submitted' };
    const submitted = time('submitted', submittedText);
    if (typeof submitted !== 'string') return submitted;

    const priorityText = given(row.priority);
    if (!priorityText) return { code: 'missing-priority', field: 'priority' };
    const priority: Priority | undefined = mapPriority(priorityText, siteMap, defaultMap);
    if (!priority) return { code: 'unknown-priority', field: 'priority', value: priorityText };

    const reply = firstReply(row, submitted, time);
    if (typeof reply === 'object') return reply;

    // Helpdesks' language fields hold names ("Japanese", "日本語") as often as codes: read as the overlay reads them.
    const languageText = given(row.language);
    const language = languageText === undefined ? undefined : languageFromField(languageText);
    if (languageText !== undefined && language === undefined) {
      return { code: 'invalid-field', field: 'language', value: row.language, detail: `one of ${LANGUAGES.join(', ')}` };
    }
    const type = requestType(row.type);
    const english = given(row.englishAccepted)?.toLowerCase();
    if (english !== undefined && !YES.has(english) && !NO.has(english)) {
      return { code: 'invalid-field', field: 'englishAccepted', value: row.englishAccepted, detail: 'yes or no' };
    }

    const policyId = given(row.policy);
    if (policyId) {
      const policy = getPolicy(policyId, settings?.customPolicies);
      if (!policy) return { code: 'unknown-policy', field: 'policy', value: policyId };
      const custom = settings?.customPolicies.find((p) => p.id === policyId);
      const input: EvaluateInput = { policy: custom ?? policyId, priority, submitted };
      const level = given(row.level);
      const region = given(row.region);
      const topic = given(row.topic) ?? given(row.subject);
      if (level !== undefined) input.level = level;
      if (language !== undefined) input.language = language;
      if (english !== undefined) input.englishAccepted = YES.has(english);
      if (region !== undefined) input.region = region;
      if (type !== undefined) input.type = type;
      if (topic !== undefined) input.topic = topic;
      if (row.holidays) input.holidays = row.holidays;
      return { input, policy, customer: given(row.customer) ?? given(row.organisation) ?? '', reply };
    }

    if (!settings || !index) return { code: 'no-policy', field: 'policy' };
    const email = given(row.requesterEmail);
    const domain = given(row.domain)?.replace(/^@/, '');
    const ticket = {
      // A bare domain is looked up as an address at it: the lookup tries the address's domain and its parents.
      requesterEmail: email ?? (domain ? `@${domain}` : undefined),
      organisation: given(row.organisation),
      customer: given(row.customer),
    };
    const match = lookupContract(index, ticket);
    if (!match) return { code: 'unknown-customer', field: 'customer', value: ticket.customer ?? ticket.organisation ?? email ?? domain ?? '' };
    const policy = getPolicy(match.customer.policy, settings.customPolicies);
    if (!policy) return { code: 'unknown-policy', field: 'policy', value: match.customer.policy };
    const { input } = toEvaluateInput(
      settings,
      match.customer,
      {
        id: given(row.id) ?? '',
        submitted,
        language,
        type,
        level: given(row.level),
        subject: given(row.subject),
        requesterEmail: email,
      },
      priority,
    );
    return { input, policy, customer: match.customer.name, reply };
  };
}

/** The first reply (ms) from its time or from minutes after submission; undefined when none is given. */
function firstReply(
  row: ReportRow,
  submitted: string,
  time: (field: 'firstReply', text: string) => string | BadRowReason,
): number | undefined | BadRowReason {
  const text = givenTime(row.firstReply);
  if (text) {
    const iso = time('firstReply', text);
    return typeof iso === 'string' ? Date.parse(iso) : iso;
  }
  const minutes = given(row.firstReplyMinutes);
  if (minutes === undefined) return undefined;
  const value = Number(minutes.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0) return { code: 'invalid-field', field: 'firstReplyMinutes', value: minutes, detail: 'a number of minutes' };
  return Date.parse(submitted) + value * 60_000;
}
