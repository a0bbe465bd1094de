import type { ApiStatusReport } from '@/utils/api-status';
import type { BadgeCounts } from './ticker';

/**
 * Messages between the overlay, the background and the popup (documented in docs/notes-overlay.md).
 * content → background: counts changed; open the options page to map a customer; how reading the
 * helpdesk's API went.
 * popup → background → content: this tab's counts.
 */
export type OverlayMessage =
  | { type: 'sla:counts'; counts: BadgeCounts }
  | { type: 'sla:open-options'; hash: string }
  | { type: 'sla:get-counts'; tabId?: number }
  | { type: 'sla:api-status'; report: ApiStatusReport };

/** The options-page route that creates a customer prefilled from an unmapped ticket. */
export function mapCustomerHash(prefill: { name?: string; domain?: string }): string {
  const query = new URLSearchParams();
  if (prefill.name) query.set('name', prefill.name);
  if (prefill.domain) query.set('domain', prefill.domain);
  const text = query.toString();
  return `#/contracts/new${text ? `?${text}` : ''}`;
}
