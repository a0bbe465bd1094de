import Papa from 'papaparse';
import { type ColumnMapping, headerKey, mapColumns, NATIVE } from './presets';
import { REPORT_FIELDS, type ReportAccumulator, type ReportField, type ReportRow } from './types';

/**
 * Reads an export into a report as it streams: CSV or TSV through papaparse's chunked parser, JSON
 * Lines one line at a time (the same parser, on a delimiter no JSON line contains). The source is
 * what papaparse reads: a Node stream (the CLI), a File (the options page) or a string (tests).
 * A row that cannot be read is handed to the report as bad, with its row (CSV/TSV: the header is
 * row 1) or line (JSON Lines); the rest goes on.
 */

export type FileFormat = 'csv' | 'tsv' | 'jsonl';

export interface ReadSummary {
  format: FileFormat;
  /** The file's header (CSV/TSV). */
  columns: string[];
  /** The header each field was read from (CSV/TSV), by field. */
  mapped: Partial<Record<ReportField, string>>;
}

/** A parse of the file's start (a few KB): JSON Lines when it opens with "{", TSV when its first line has tabs. */
export function sniffFormat(sample: string): FileFormat {
  const text = sample.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return 'jsonl';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

/** Control characters no valid JSON text has raw: a JSON line is one field of one record. */
const NO_DELIMITER = '\u0001';
const NO_QUOTE = '\u0002';

type Source = string | NodeJS.ReadableStream | File;

export function readReportFile(source: Source, format: FileFormat, mapping: ColumnMapping, report: ReportAccumulator): Promise<ReadSummary> {
  const summary: ReadSummary = { format, columns: [], mapped: {} };
  let record = 0;
  let columns: Partial<Record<ReportField, number>> | undefined;
  const jsonKeys = jsonMapping(mapping);

  const onCsvRecord = (cells: string[], syntaxError: string | undefined) => {
    record++;
    if (!columns) {
      summary.columns = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
      columns = mapColumns(summary.columns, mapping);
      for (const [field, index] of Object.entries(columns)) summary.mapped[field as ReportField] = summary.columns[index];
      return;
    }
    if (syntaxError) return report.addBad(record, { code: 'bad-syntax', detail: syntaxError });
    if (cells.every((c) => c.trim() === '')) return;
    const row: ReportRow = {};
    for (const field of REPORT_FIELDS) {
      const index = columns[field];
      if (index !== undefined && cells[index] !== undefined) row[field] = cells[index];
    }
    report.add(row, record);
  };

  const onJsonLine = (line: string) => {
    record++;
    const text = line.replace(/^\uFEFF/, '').trim();
    if (!text) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return report.addBad(record, { code: 'bad-syntax', detail: (error as Error).message });
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return report.addBad(record, { code: 'bad-syntax', detail: 'not a JSON object' });
    report.add(jsonRow(value as Record<string, unknown>, jsonKeys), record);
  };

  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(source as never, {
      header: false,
      skipEmptyLines: false,
      ...(format === 'jsonl' ? { delimiter: NO_DELIMITER, quoteChar: NO_QUOTE } : format === 'tsv' ? { delimiter: '\t' } : {}),
      chunk: (results) => {
        // Errors are numbered by row within the chunk; a quote left open spoils that row only.
        const errors = new Map<number, string>();
        for (const e of results.errors) if (e.type === 'Quotes' && e.row !== undefined) errors.set(e.row, e.message);
        results.data.forEach((cells, i) => {
          if (format === 'jsonl') onJsonLine(cells.join(NO_DELIMITER));
          else onCsvRecord(cells, errors.get(i));
        });
      },
      complete: () => resolve(summary),
      error: (error: Error) => reject(error),
    });
  });
}

/** JSON keys by folded name → field, for the mapping's names and the fields' own. */
function jsonMapping(mapping: ColumnMapping): Map<string, ReportField> {
  const keys = new Map<string, ReportField>();
  for (const field of REPORT_FIELDS) {
    for (const name of [field, ...(mapping.columns[field] ?? []), ...(NATIVE.columns[field] ?? [])]) {
      const key = headerKey(name);
      if (!keys.has(key)) keys.set(key, field);
    }
  }
  return keys;
}

/** A JSON object (an EvaluateInput plus firstReply and the customer fields) as a report row. */
function jsonRow(object: Record<string, unknown>, keys: Map<string, ReportField>): ReportRow {
  const row: ReportRow = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'holidays' && value && typeof value === 'object') {
      row.holidays = value as Record<string, string[]>;
      continue;
    }
    const field = keys.get(headerKey(key));
    if (!field || value === null || value === undefined) continue;
    // A custom policy object is not a policy id: said as an invalid field by the report.
    row[field] = typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return row;
}
