import { type Counts, formatPercent, type ReportLanguage, reportWords, shareMet } from '@/core/report';

/**
 * The report's numbers and reasons in the UI's language, in the core renderers' words (the HTML
 * file and the CLI say the same).
 */

/** The UI's language as a report language (English for any other). */
export function reportLanguage(): ReportLanguage {
  const lang = (browser.i18n.getUILanguage?.() ?? 'en').slice(0, 2);
  return lang === 'de' || lang === 'ja' ? lang : 'en';
}

/** "93.0 %" of the decided tickets, or "–" when none is decided. */
export const percentText = (counts: Counts) => formatPercent(shareMet(counts), reportLanguage());

/** Why tickets had no target: "feature request: no first-response target: 2; …". */
export function noTargetText(counts: Counts): string {
  const codes = reportWords(reportLanguage()).noTargetCodes;
  return Object.entries(counts.noTargetBy)
    .map(([code, n]) => `${codes[code] ?? code}: ${n}`)
    .join('; ');
}
