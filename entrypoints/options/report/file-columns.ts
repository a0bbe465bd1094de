import Papa from 'papaparse';
import { type ColumnMapping, type FileFormat, mapColumns, NATIVE, PRESETS, type PresetId, type ReportField, sniffFormat } from '@/core/report';

/** What the Reports section knows of a chosen file before reading it: its format and header. */

const SAMPLE_BYTES = 64 * 1024;

export interface FileStart {
  format: FileFormat;
  /** The header's columns (CSV/TSV); empty for JSON Lines, whose keys name the fields. */
  columns: string[];
}

export async function readFileStart(file: Blob): Promise<FileStart> {
  // A multi-byte character cut at the sample's end is dropped, as the CLI does.
  const sample = (await file.slice(0, SAMPLE_BYTES).text()).replace(/\uFFFD$/, '').replace(/^\uFEFF/, '');
  const format = sniffFormat(sample);
  if (format === 'jsonl') return { format, columns: [] };
  const header = Papa.parse<string[]>(sample, { preview: 1, ...(format === 'tsv' ? { delimiter: '\t' } : {}) }).data[0] ?? [];
  return { format, columns: header.map((h) => h.trim()) };
}

/** "native": the field names themselves (`sla batch`'s columns); "custom": the user's own choice per field. */
export type MappingChoice = PresetId | 'native' | 'custom';

export function mappingFor(choice: MappingChoice, custom: Partial<Record<ReportField, string>>): ColumnMapping {
  if (choice === 'native') return NATIVE;
  if (choice !== 'custom') return PRESETS[choice];
  return { columns: Object.fromEntries(Object.entries(custom).filter(([, header]) => header).map(([field, header]) => [field, [header as string]])) };
}

/** Required fields the file has no column for (CSV/TSV): the report could not count a single row. */
export function missingColumns(start: FileStart, mapping: ColumnMapping): Array<'submitted' | 'priority'> {
  if (start.format === 'jsonl') return [];
  const found = mapColumns(start.columns, mapping);
  return (['submitted', 'priority'] as const).filter((field) => found[field] === undefined);
}

/** The header each field would be read from. */
export function mappedColumns(start: FileStart, mapping: ColumnMapping): Partial<Record<ReportField, string>> {
  const found = mapColumns(start.columns, mapping);
  return Object.fromEntries(Object.entries(found).map(([field, index]) => [field, start.columns[index as number]]));
}
