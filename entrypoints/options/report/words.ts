import { i18n } from '#i18n';
import { uiLocale } from '@/components/format';
import { type Counts, shareMet } from '@/core/report';
import { badgeWords, type MessageLookup } from '@/entrypoints/overlay.content/badge-words';

/** The report's numbers and reasons in the UI's language. */

/** "93 %" of the decided tickets, or "—" when none is decided. */
export function percentText(counts: Counts): string {
  const share = shareMet(counts);
  return share === undefined ? '—' : new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Why tickets had no target, as the badges say it: "feature request: 2, out of scope: 1". */
export function noTargetText(counts: Counts): string {
  const reasons = badgeWords(i18n.t as MessageLookup).noTargetReasons;
  return Object.entries(counts.noTargetBy)
    .map(([code, n]) => `${reasons[code] ?? code}: ${n}`)
    .join(', ');
}
