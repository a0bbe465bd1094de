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
 * What a badge must show for a seeded ticket, from what the ticket was created with (not from the
 * page): the deadline straight from the core (contract lookup → evaluate()), the state from the
 * overlay's pipeline at the instants around the browser's reading.
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

/** The contractual deadline (ISO UTC), or null for an unmapped customer or a ticket without target. */
export function expectedDeadline(settings: Settings, ticket: SeededTicket): string | null {
  const fields = seededFields(ticket);
  const match = lookupContract(buildContractIndex(settings), fields);
  if (!match) return null;
  const site = settings.sites[0];
  const priority = mapPriority(fields.priorityRaw, site?.priorityMap, settings.priorityMap);
  if (!priority) throw new Error(`priority ${fields.priorityRaw} is not mapped in the test settings`);
  const { input } = toEvaluateInput(settings, match.customer, { ...fields, submitted: ticket.created }, priority);
  return evaluate(input).target?.deadline ?? null;
}

/**
 * Badge states acceptable for a reading taken between `before` and `after` (ms since epoch). Lists
 * show no replies (`replies: false`), so there a replied ticket still counts down.
 */
export function expectedStates(
  settings: Settings,
  ticket: SeededTicket,
  before: number,
  after: number,
  { replies = true } = {},
): string[] {
  const { firstReply, ...unreplied } = seededFields(ticket);
  const fields = replies ? { ...unreplied, firstReply } : unreplied;
  const scanned = { key: ticket.id, fields, missing: [] } as unknown as ScannedTicket;
  const model = createPipeline(settings, settings.sites[0])(scanned);
  return [...new Set([badgeState(model.input, before).state, badgeState(model.input, after).state])];
}
