import type { TicketField } from '../../../core/contracts/ticket';
import type { FieldRecipe, RECIPE_FIELDS } from '../../../core/settings/schema';
import { languageFromField, languageFromScript } from '../../../core/contracts/detect-language';
import { extractEmail, literalPriority, toRequestType } from './field-values';
import { parsePageDate } from './parse-date';
import type { ScanContext, ScannedTicket } from './types';

/**
 * Shared by the recipe engine and the code adapters: turns one raw value into typed ticket fields,
 * and finishes a ticket (language from script, `missing`, key).
 */

export type RecipeField = (typeof RECIPE_FIELDS)[number];
export type Fields = ScannedTicket['fields'];
type DateSpec = Pick<FieldRecipe, 'dateFormat' | 'relative'>;

/** Stores `raw` under `name`; returns a problem text when the value cannot be understood. */
export function setField(
  fields: Fields,
  name: RecipeField,
  raw: string,
  spec: DateSpec,
  context: ScanContext,
): string | undefined {
  switch (name) {
    // Values that could not be understood are left unset, not set to undefined (see withoutUnset).
    case 'priority': {
      fields.priorityRaw = raw;
      const priority = literalPriority(raw);
      if (priority) fields.priority = priority;
      return undefined;
    }
    case 'requesterEmail': {
      const address = extractEmail(raw);
      if (!address) return `no e-mail address in "${raw}"`;
      fields.requesterEmail = address;
      return undefined;
    }
    case 'language': {
      const language = languageFromField(raw);
      if (language) fields.language = language;
      return undefined;
    }
    case 'type': {
      const type = toRequestType(raw);
      if (type) fields.type = type;
      return undefined;
    }
    case 'submitted':
    case 'firstReply': {
      const parsed = parsePageDate(raw, { ...spec, timeZone: context.timeZone, now: context.now });
      if ('problem' in parsed) return parsed.problem;
      fields[name] = parsed.iso;
      if (name === 'submitted') fields.submittedApproximate = parsed.approximate || undefined;
      return undefined;
    }
    default:
      fields[name] = raw;
      return undefined;
  }
}

/**
 * What the overlay needs to compute a deadline (anything else is optional), in the order a badge
 * names the first one missing. Plain checks, not a table walked per ticket: iterating and
 * destructuring allocate in not-yet-optimised code, and this runs for each row of a 500-row list.
 */
export function missingFields(fields: Fields): TicketField[] {
  const missing: TicketField[] = [];
  if (!fields.id) missing.push('id');
  if (!(fields.priority ?? fields.priorityRaw)) missing.push('priority');
  if (!fields.submitted) missing.push('submitted');
  if (!(fields.customer ?? fields.organisation ?? fields.requesterEmail)) missing.push('customer');
  return missing;
}

export interface TicketDraft {
  element: Element;
  anchor: Element;
  fields: Fields;
  problems: string[];
  /** Extra text to detect the language from (e.g. the first message), besides the subject. */
  bodyText?: string;
}

/**
 * The fields without the ones set to undefined: copied (only when there are some), not `delete`d,
 * since deleting keys turns an object into a slow dictionary.
 */
function withoutUnset(fields: Fields): Fields {
  let unset = false;
  for (const key in fields) if (fields[key as keyof Fields] === undefined) unset = true;
  if (!unset) return fields;
  const kept: Fields = {};
  for (const key in fields) {
    const value = fields[key as keyof Fields];
    if (value !== undefined) (kept as Record<string, unknown>)[key] = value;
  }
  return kept;
}

/**
 * Finishes a ticket. Tickets whose id could not be read get a positional key
 * (`unidentified:<n>`) so the overlay can still show `unreadable` on them.
 */
export function finishTicket(draft: TicketDraft, index: number): ScannedTicket {
  if (draft.fields.language === undefined) {
    const detected = languageFromScript(draft.fields.subject, draft.bodyText);
    if (detected) draft.fields.language = detected;
  }
  const fields = withoutUnset(draft.fields);
  const ticket: ScannedTicket = {
    key: fields.id ?? `unidentified:${index}`,
    element: draft.element,
    anchor: draft.anchor,
    fields,
    missing: missingFields(fields),
  };
  if (draft.problems.length) ticket.problem = draft.problems.join('; ');
  return ticket;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One `unreadable` entry for the whole page, anchored at its body: for a recipe whose ticket selector
 * is invalid, or an adapter that failed unexpectedly (adapters never throw into the page).
 */
export function pageProblem(key: string, root: Document | ShadowRoot | Element, problem: string): ScannedTicket {
  const document = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const element = document.body ?? document.documentElement;
  return { key, element, anchor: element, fields: {}, missing: ['id'], problem };
}
