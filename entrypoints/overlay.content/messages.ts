import type { ApiStatusReport } from '@/utils/api-status';
import type { FrameReport } from './deadline-report';
import type { BadgeCounts } from './ticker';

/**
 * Messages between the overlay, the background and the popup (documented in docs/architecture.md, "Messages").
 * content → background: counts changed; open the options page to map a customer; how reading the
 * helpdesk's API went.
 * popup → background → content: this tab's counts.
 */
export type OverlayMessage =
  | { type: 'sla:counts'; counts: BadgeCounts }
  | { type: 'sla:open-options'; hash: string }
  | { type: 'sla:get-counts'; tabId?: number }
  | { type: 'sla:api-status'; report: ApiStatusReport }
  // Alerts and the popup's next-to-breach list (utils/tab-deadlines.ts, utils/alert-runner.ts):
  // content → background: this frame's open tickets' deadlines, when they changed;
  | { type: 'sla:deadlines'; report: FrameReport }
  // background → content: scroll to a ticket's badge and highlight it (answers whether it is here);
  | { type: 'sla:reveal'; key: string }
  // background → content: these tickets were alerted (marked on their badges as data-sla-alerted);
  | { type: 'sla:alerted'; alerts: Array<{ key: string; state: string }> }
  // popup → background: focus a tab and reveal a ticket in one of its frames (the popup reads the
  // next-to-breach list from storage.session itself).
  | { type: 'sla:show-ticket'; tabId: number; frameId: number; key: string }
  // popup → content (top frame): what "SLA report for this search" would read here (SearchSourceInfo);
  // the report itself runs over a port (api/search/protocol.ts).
  | { type: 'sla:search-info' };

/** The options-page route that creates a customer prefilled from an unmapped ticket. */
export function mapCustomerHash(prefill: { name?: string; domain?: string }): string {
  const query = new URLSearchParams();
  if (prefill.name) query.set('name', prefill.name);
  if (prefill.domain) query.set('domain', prefill.domain);
  const text = query.toString();
  return `#/contracts/new${text ? `?${text}` : ''}`;
}
