import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanContext, ScannedTicket } from '../../entrypoints/overlay.content/adapters/types';

/** Parses a saved fixture page (tests only: page text is never parsed as HTML in extension code). */
export function loadFixture(path: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../fixtures', path), 'utf8');
  // Saved real pages link RT's stylesheets; happy-dom would try (and fail, noisily) to load them.
  return new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/giu, ''), 'text/html');
}

/** Page times without offset are Tokyo time; "now" is one hour after RT's sample ticket was created. */
export const context: ScanContext = { timeZone: 'Asia/Tokyo', now: new Date('2026-11-15T12:00:00Z') };

export function byKey(tickets: ScannedTicket[]): Record<string, ScannedTicket> {
  return Object.fromEntries(tickets.map((ticket) => [ticket.key, ticket]));
}
