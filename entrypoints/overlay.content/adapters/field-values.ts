import type { PageAgent } from '../../../core/alerts/owner';
import type { Priority } from '../../../core/policy/schema';
import type { RequestType } from '../../../core/evaluate/types';

/** Turns raw page text into typed ticket field values. Mapping other priorities happens in lookup. */

/** Collapse whitespace (RT writes dates with &nbsp;) and trim. */
export function cleanText(text: string | null | undefined): string {
  const trimmed = (text ?? '').trim();
  // Most cells have nothing to collapse: a test is cheaper than a replace on a 500-row list.
  return MESSY_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** Whitespace other than single spaces (trim and \s cover the same Unicode spaces). */
const MESSY_SPACE = /[^\S ]| {2}/;

/** The logged-in agent from the element that names them (none when it is missing or empty). */
export function agentFrom(element: Element | null | undefined, form: PageAgent['form']): PageAgent | undefined {
  const name = cleanText(element?.textContent);
  return name ? { name, form } : undefined;
}

/** P1–P4 only when the page literally shows it ("P2", "P2 - High", "Priority 2" is not enough). */
export function literalPriority(raw: string): Priority | undefined {
  const match = /^P([1-4])\b/i.exec(raw.trim());
  return match ? (`P${match[1]}` as Priority) : undefined;
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+/u;

/** The address in "Name <address>", "mailto:address" or plain text. */
export function extractEmail(raw: string): string | undefined {
  const angled = /<([^<>\s]+@[^<>\s]+)>/u.exec(raw);
  const found = angled?.[1] ?? EMAIL.exec(raw.replace(/^mailto:/i, ''))?.[0];
  return found?.toLowerCase();
}

/** Request types from helpdesk wording; unknown wording stays unknown (the policy decides). */
const REQUEST_TYPES: [RegExp, RequestType][] = [
  [/feature|enhancement|improvement|wunsch|erweiterung|機能|기능|功能/iu, 'feature'],
  [/billing|invoice|payment|rechnung|abrechnung|請求|청구|账单/iu, 'billing'],
  [/incident|problem|bug|fault|outage|question|support|technical|störung|frage|技術|障害|기술|技术|故障/iu, 'technical'],
];

export function toRequestType(raw: string): RequestType | undefined {
  return REQUEST_TYPES.find(([pattern]) => pattern.test(raw))?.[1];
}
