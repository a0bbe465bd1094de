import { builtinPolicies, evaluate } from '../../core';
import { buildContractIndex, lookupContract, mapPriority, toEvaluateInput } from '../../core/contracts/lookup';
import type { TicketFields } from '../../core/contracts/ticket';
import type { Settings } from '../../core/settings/schema';
import { languageFromScript } from '../../entrypoints/overlay.content/adapters/detect-language';
import { type BadgeState, badgeState } from '../../entrypoints/overlay.content/badge-state';
import type { DemoVariant } from './tickets';

/**
 * The badge state the extension will show for a demo ticket, computed with the extension's own
 * pieces (contract lookup, core evaluate, badge state), so the server can pick a variant that
 * demonstrates the state it is meant to show whatever the hour.
 */

const MINUTE = 60_000;

export interface Placed extends DemoVariant {
  created: Date;
  replied?: Date;
}

export function place(variant: DemoVariant, started: number): Placed {
  const created = new Date(started - variant.createdAgo * MINUTE);
  const replied =
    variant.repliedAfter === undefined ? undefined : new Date(created.getTime() + variant.repliedAfter * MINUTE);
  return { ...variant, created, replied };
}

/** What the RT adapter should read off the demo's pages for this ticket (the demo's unit test checks it). */
export function demoFields(ticket: Placed, id: number): TicketFields & { submitted?: string } {
  const fields: TicketFields = {
    id: String(id),
    priorityRaw: ticket.priority,
    requesterEmail: ticket.requestor.replace(/^.*<([^>]+)>.*$/, '$1'),
    subject: ticket.subject,
    submitted: ticket.createdUnset ? undefined : ticket.created.toISOString(),
    language: languageFromScript(ticket.subject),
    firstReply: ticket.replied?.toISOString(),
  };
  for (const key of Object.keys(fields) as (keyof TicketFields)[]) if (fields[key] === undefined) delete fields[key];
  return fields;
}

export function predictState(settings: Settings, ticket: Placed, id: number, now: number): BadgeState {
  const fields = demoFields(ticket, id);
  const submitted = fields.submitted;
  if (!submitted) return 'unreadable';
  const match = lookupContract(buildContractIndex(settings), fields);
  if (!match) return 'unmapped';
  const site = settings.sites.find((s) => s.adapter === 'rt');
  const priority = mapPriority(fields.priorityRaw, site?.priorityMap, settings.priorityMap);
  if (!priority) return 'unreadable';
  const { input } = toEvaluateInput(settings, match.customer, { ...fields, submitted }, priority, builtinPolicies);
  const result = evaluate(input);
  return badgeState(
    { kind: 'evaluated', label: '', result, firstReply: fields.firstReply, atRiskShare: settings.atRiskShare },
    now,
  ).state;
}
