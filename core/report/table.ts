import type { RenderOptions as ExplanationNames } from '../explain/render';
import { resolveLevel } from '../contracts/level';
import { getPolicy } from '../policy/builtin';
import type { Policy } from '../policy/schema';
import { isoAtOffset } from '../time/iso';
import { zoneAbbreviation } from '../time/zone-abbreviation';
import { clockFor } from '../time/zone-clock';
import { shareMet } from './counts';
import type { Counts, ReportGroup, ReportResult } from './types';
import { formatPercent, type ReportLanguage, reportWords } from './words';

/**
 * The aggregated table as the renderers show it (HTML, CSV, text): one line per group with the
 * contract's and level's names, the counts and % met, in the reader's language.
 */

export interface RenderOptions {
  lang?: ReportLanguage;
  /** The settings' custom policies, for their names. */
  customPolicies?: readonly Policy[];
  /** The team's holiday and region names for the worst misses' explanations: `explanationNames(settings.holidays)`. */
  names?: ExplanationNames;
  /** Whether rows are numbered as lines (JSON Lines) rather than spreadsheet rows. */
  lines?: boolean;
}

export interface TableLine {
  month: string;
  customer: string;
  policy: string;
  level: string;
  priority: string;
  counts: Counts;
  /** 0–1, undefined when no ticket is decided. */
  met: number | undefined;
}

export const COUNT_KEYS = ['tickets', 'met', 'late', 'openLate', 'open', 'noTarget'] as const;

export function tableLines(result: ReportResult, options: RenderOptions = {}): TableLine[] {
  const words = reportWords(options.lang);
  return result.groups.map((group: ReportGroup) => {
    const policy = getPolicy(group.policy, options.customPolicies);
    const level = policy && group.level ? resolveLevel(policy, group.level) : undefined;
    return {
      month: group.month,
      customer: group.customer || words.noCustomer,
      policy: policy?.name ?? group.policy,
      level: level?.rule.name ?? group.level,
      priority: group.priority,
      counts: group.counts,
      met: shareMet(group.counts),
    };
  });
}

/** The column headings of the table, in order. */
export function tableHeadings(lang: ReportLanguage | undefined): string[] {
  const c = reportWords(lang).columns;
  return [c.month, c.customer, c.policy, c.level, c.priority, c.tickets, c.met, c.late, c.openLate, c.open, c.noTarget, c.percentMet];
}

/** One line's cells as text, in the heading order. */
export function lineCells(line: Pick<TableLine, 'counts' | 'met'> & Partial<TableLine>, lang: ReportLanguage): string[] {
  return [
    line.month ?? '',
    line.customer ?? '',
    line.policy ?? '',
    line.level ?? '',
    line.priority ?? '',
    ...COUNT_KEYS.map((k) => String(line.counts[k])),
    formatPercent(line.met, lang),
  ];
}

/** The settings' holiday lists as names by day, for the explanations (a day in two lists: the first list's name). */
/** An instant (ISO 8601) as "2026-03-08 20:00 PDT" in the report's zone: the same in every language. */
export function formatInstant(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const local = isoAtOffset(ms, clockFor(zone).offset(ms));
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${zoneAbbreviation(zone, new Date(ms))}`;
}
