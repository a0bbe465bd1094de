import type { TicketFields } from '../../core/contracts/ticket';
import type { Settings } from '../../core/settings/schema';
import { languageFromScript } from '../../core/contracts/detect-language';
import type { ScannedTicket } from '../../entrypoints/overlay.content/adapters/types';
import { type BadgeState, badgeState } from '../../entrypoints/overlay.content/badge-state';
import { createPipeline } from '../../entrypoints/overlay.content/pipeline';
import { type DemoVariant, requestorAddress } from './tickets';

/**
 * The badge state the extension will show for a demo ticket, computed with the overlay's own
 * pipeline and badge state, so the server can pick a variant that
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
    requesterEmail: requestorAddress(ticket.requestor),
    subject: ticket.subject,
    submitted: ticket.createdUnset ? undefined : ticket.created.toISOString(),
    language: languageFromScript(ticket.subject),
    firstReply: ticket.replied?.toISOString(),
  };
  for (const key of Object.keys(fields) as (keyof TicketFields)[]) if (fields[key] === undefined) delete fields[key];
  return fields;
}

/** The overlay's own pipeline (contract lookup → evaluate → badge model) for the demo's RT site. */
export function demoPipeline(settings: Settings) {
  return createPipeline(
    settings,
    settings.sites.find((s) => s.adapter === 'rt'),
  );
}

/**
 * The badge's state at each of `instants`. The pipeline reads only the scanned fields, so the
 * ticket's element is not needed here.
 */
export function predictStates(
  pipeline: ReturnType<typeof demoPipeline>,
  ticket: Placed,
  id: number,
  instants: number[],
): BadgeState[] {
  const fields = demoFields(ticket, id);
  const scanned: ScannedTicket = {
    key: String(id),
    element: undefined as unknown as Element,
    anchor: undefined as unknown as Element,
    fields,
    missing: fields.submitted ? [] : ['submitted'],
  };
  const model = pipeline(scanned);
  return instants.map((now) => badgeState(model.input, now).state);
}
