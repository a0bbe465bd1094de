import Papa from 'papaparse';
import { COUNT_KEYS, type RenderOptions, tableHeadings, tableLines } from './table';
import type { ReportResult } from './types';

/**
 * The aggregated table as CSV for a spreadsheet: the headings in the reader's language, counts as
 * numbers and % met as a number with one decimal (empty when no ticket's deadline is decided).
 * Cells a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function reportToCsv(result: ReportResult, options: RenderOptions = {}): string {
  const rows = tableLines(result, options).map((line) => [
    line.month,
    safeCell(line.customer),
    safeCell(line.policy),
    safeCell(line.level),
    line.priority,
    ...COUNT_KEYS.map((k) => line.counts[k]),
    line.met === undefined ? '' : (Math.round(line.met * 1000) / 10).toFixed(1),
  ]);
  return `${Papa.unparse({ fields: tableHeadings(options.lang), data: rows }, { newline: '\n' })}\n`;
}

/** "=HYPERLINK(…)" and friends from a customer's name must stay text in Excel and LibreOffice. */
const safeCell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
