import { expect } from 'vitest';
import type { Settings } from '../../../core/settings/schema';
import type { SeededTicket } from '../../../scripts/rt/seed';
import type { BadgeReading } from './badges';
import { expectedDeadline, expectedStates } from './expected';

/**
 * Every seeded ticket's row badge in an RT search result (captured or live) shows its contractual
 * deadline and a state possible for a reading taken between `before` and `after`. Lists show no
 * replies, so replied tickets are judged as still open.
 */
export function expectListBadges(settings: Settings, tickets: SeededTicket[], badges: BadgeReading[], before: number, after: number): void {
  for (const ticket of tickets) {
    const badge = badges.find((b) => b.ticket === ticket.id);
    expect(badge?.deadline ?? null, `row #${ticket.id} ${ticket.subject}: ${badge?.text}`).toBe(expectedDeadline(settings, ticket));
    const states = expectedStates(settings, ticket, before, after, { replies: false });
    expect(states, `row #${ticket.id}: ${badge?.text}`).toContain(badge?.state);
  }
}
