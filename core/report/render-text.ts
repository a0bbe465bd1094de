import { shareMet } from './counts';
import { formatInstant, lineCells, type RenderOptions, tableHeadings, tableLines } from './table';
import type { Counts, ReportResult } from './types';
import { formatPercent, reportWords } from './words';

/**
 * The report as plain text for a terminal (`sla report`): what was read, totals, months, the
 * language teams, why tickets had no target, the worst misses and the bad rows — the aggregated
 * table itself goes to --csv / --html, as it has a line per month, customer, level and priority.
 */

/** Columns a terminal shows two cells wide (CJK, full-width forms). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;
const width = (text: string) => text.length + (text.match(WIDE)?.length ?? 0);

function table(headings: string[], rows: string[][], numericFrom: number): string[] {
  const widths = headings.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const space = ' '.repeat((widths[i] ?? 0) - width(cell));
        return i >= numericFrom ? space + cell : cell + space;
      })
      .join('  ')
      .trimEnd();
  return [pad(headings), pad(widths.map((w) => '─'.repeat(w))), ...rows.map(pad)];
}

export function reportToText(result: ReportResult, options: RenderOptions & { noFirstReplyColumn?: boolean } = {}): string {
  const lang = options.lang ?? 'en';
  const words = reportWords(lang);
  const c = { ...words.columns, row: options.lines ? words.columns.line : words.columns.row };
  const out: string[] = [words.title, ''];
  out.push(result.from || result.to ? words.period(result.from ?? '…', result.to ?? '…') : words.allTime);
  out.push(words.monthsIn(result.zone), words.judgedAt(formatInstant(result.now, result.zone)), words.rowsRead(result.rows, result.skipped));
  if (options.noFirstReplyColumn) out.push(`⚠ ${words.noFirstReplyColumn}`);
  out.push('');

  const countHeadings = [c.tickets, c.met, c.late, c.openLate, c.open, c.noTarget, c.percentMet];
  const countCells = (counts: Counts) => lineCells({ counts, met: shareMet(counts) }, lang).slice(5);
  out.push(words.byMonth, ...table([c.month, ...countHeadings], [...result.months.map((m) => [m.month, ...countCells(m.counts)]), [words.total, ...countCells(result.totals)]], 1), '');

  const lines = tableLines(result, options);
  if (lines.length) {
    out.push(words.table, ...table(tableHeadings(lang), lines.map((line) => lineCells(line, lang)), 5), '');
  }

  out.push(words.routed);
  if (result.routed.length) out.push(...table([c.team, ...countHeadings], result.routed.map((t) => [words.teams[t.language], ...countCells(t.counts)]), 1));
  else out.push(words.noRouted);
  out.push('');

  const why = Object.entries(result.totals.noTargetBy);
  if (why.length) {
    out.push(words.noTargetWhy, ...table([c.reason, c.count], why.map(([code, n]) => [words.noTargetCodes[code] ?? code, String(n)]), 1), '');
  }

  out.push(words.worst);
  if (result.worst.length) {
    const rows = result.worst.map((w) => [String(w.row), w.id ?? '', w.customer || words.noCustomer, w.priority, formatInstant(w.deadline, result.zone), w.firstReply ? formatInstant(w.firstReply, result.zone) : words.stillOpen, words.minutes(w.overdueMinutes)]);
    out.push(...table([c.row, c.ticket, c.customer, c.priority, c.deadline, c.firstReply, c.overdue], rows, 6));
  } else out.push(words.noWorst);
  out.push('');

  if (result.bad.count) {
    out.push(words.bad(result.bad.count));
    for (const bad of result.bad.listed.slice(0, 20)) out.push(`  ${c.row} ${bad.row}: ${words.badRow(bad)}`);
    if (result.bad.count > 20) out.push(`  … ${words.badListed(Math.min(20, result.bad.listed.length), result.bad.count)}`);
  } else out.push(words.noBad);
  out.push('', words.percentMetNote, `${c.percentMet}: ${formatPercent(shareMet(result.totals), lang)}`);
  return `${out.join('\n')}\n`;
}
