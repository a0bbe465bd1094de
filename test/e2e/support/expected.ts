import { buildContractIndex, lookupContract, mapPriority, toEvaluateInput } from '../../../core/contracts/lookup';
import type { TicketFields } from '../../../core/contracts/ticket';
import { evaluate } from '../../../core/evaluate/evaluate';
import type { Language } from '../../../core/policy/schema';
import type { Settings } from '../../../core/settings/schema';
import type { ScannedTicket } from '../../../entrypoints/overlay.content/adapters/types';
import { badgeState } from '../../../entrypoints/overlay.content/badge-state';
import { createPipeline } from '../../../entrypoints/overlay.content/pipeline';
import type { SeededTicket } from '../../../scripts/rt/seed';

/**
 * What a badge must show for a ticket, from what the ticket was created with or what its saved page
 * shows (not from what the adapter read): the deadline straight from the core (contract lookup →
 * evaluate()), the state from the overlay's pipeline at the instants around the browser's reading.
 */

const LANGUAGES: Record<string, Language> = { English: 'en', Japanese: 'ja', Korean: 'ko', Chinese: 'zh' };

export function seededFields(ticket: SeededTicket): TicketFields {
  const cf = ticket.customFields;
  return {
    id: ticket.id,
    subject: ticket.subject,
    priorityRaw: ticket.priority,
    requesterEmail: ticket.requester,
    submitted: ticket.created,
    ...(cf.Customer ? { customer: cf.Customer } : {}),
    ...(cf.Language && LANGUAGES[cf.Language] ? { language: LANGUAGES[cf.Language] } : {}),
    ...(cf['Support level'] ? { level: cf['Support level'] } : {}),
    ...(ticket.replied ? { firstReply: ticket.replied } : {}),
  };
}

/**
 * The contractual deadline (ISO UTC) for a ticket's fields, or null for an unmapped customer or a
 * ticket without target. Priorities are mapped as for the settings' first site (none: the default map).
 */
export function deadlineFor(settings: Settings, fields: TicketFields): string | null {
  const match = lookupContract(buildContractIndex(settings), fields);
  if (!match) return null;
  const priority = mapPriority(fields.priorityRaw, settings.sites[0]?.priorityMap, settings.priorityMap);
  if (!priority) throw new Error(`priority ${fields.priorityRaw} is not mapped in the test settings`);
  if (!fields.submitted) throw new Error(`ticket ${fields.id} has no submission time`);
  const { input } = toEvaluateInput(settings, match.customer, { ...fields, submitted: fields.submitted }, priority);
  return evaluate(input).target?.deadline ?? null;
}

/** Badge states acceptable for a ticket's fields in a reading taken between `before` and `after` (ms since epoch). */
export function statesFor(settings: Settings, fields: TicketFields, before: number, after: number): string[] {
  const scanned = { key: fields.id, fields, missing: [] } as unknown as ScannedTicket;
  const model = createPipeline(settings, settings.sites[0])(scanned);
  return [...new Set([badgeState(model.input, before).state, badgeState(model.input, after).state])];
}

/** The contractual deadline (ISO UTC) of a seeded ticket, or null. */
export function expectedDeadline(settings: Settings, ticket: SeededTicket): string | null {
  return deadlineFor(settings, seededFields(ticket));
}

/**
 * Badge states acceptable for a seeded ticket read between `before` and `after`. Lists show no
 * replies (`replies: false`), so there a replied ticket still counts down.
 */
export function expectedStates(
  settings: Settings,
  ticket: SeededTicket,
  before: number,
  after: number,
  { replies = true } = {},
): string[] {
  const { firstReply, ...unreplied } = seededFields(ticket);
  return statesFor(settings, replies ? { ...unreplied, firstReply } : unreplied, before, after);
}
