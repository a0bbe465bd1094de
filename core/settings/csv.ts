import Papa from 'papaparse';
import { slugify, uniqueId } from './migrate';
import { Customer } from './schema';

/**
 * Customer mappings as CSV for spreadsheets: one customer per row, list cells `;`-separated.
 * Designated contacts and ids are not columns: an imported row keeps the id and contacts of the
 * existing customer with the same name, so export → edit → import loses nothing.
 */

export const CSV_COLUMNS = [
  'name',
  'organisations',
  'domains',
  'addresses',
  'policy',
  'level',
  'region',
  'languages',
  'englishAccepted',
  'notes',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const LIST_COLUMNS = new Set<Column>(['organisations', 'domains', 'addresses', 'languages']);

export interface CsvError {
  /** Spreadsheet row: the header is row 1, the first customer row 2. */
  row: number;
  column?: Column | string;
  message: string;
  /** "row 4, column domains: …" */
  text: string;
}

export type CsvImport = { ok: true; customers: Customer[] } | { ok: false; errors: CsvError[] };

export function customersToCsv(customers: Customer[]): string {
  const rows = customers.map((c) => ({
    name: c.name,
    organisations: c.organisations.join('; '),
    domains: c.domains.join('; '),
    addresses: c.addresses.join('; '),
    policy: c.policy,
    level: c.level ?? '',
    region: c.region ?? '',
    languages: c.languages.join('; '),
    englishAccepted: c.englishAccepted ? 'yes' : 'no',
    notes: c.notes,
  }));
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\n' });
}

function error(row: number, column: string | undefined, message: string): CsvError {
  return { row, column, message, text: column ? `row ${row}, column ${column}: ${message}` : `row ${row}: ${message}` };
}

const list = (cell: string) =>
  cell
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'nein', '']);

export function customersFromCsv(text: string, existing: Customer[] = []): CsvImport {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: false,
    transformHeader: (h) => h.trim(),
  });
  const errors: CsvError[] = [];
  const header = parsed.meta.fields ?? [];
  const known = new Set<string>(CSV_COLUMNS);
  for (const column of header) {
    if (!known.has(column)) errors.push(error(1, column, `unknown column (expected ${CSV_COLUMNS.join(', ')})`));
  }
  for (const column of ['name', 'policy']) {
    if (!header.includes(column)) errors.push(error(1, column, 'required column is missing'));
  }
  if (errors.length) return { ok: false, errors };
  for (const e of parsed.errors) {
    // Papaparse counts data rows from 0; on a spreadsheet they start at row 2.
    if (e.code !== 'TooFewFields' || !isBlank(parsed.data[e.row ?? -1])) errors.push(error((e.row ?? 0) + 2, undefined, e.message));
  }

  const byName = new Map(existing.map((c) => [c.name.trim().toLowerCase(), c]));
  const ids = new Set<string>();
  const firstRow = new Map<string, number>();
  const customers: Customer[] = [];
  const fresh = new Set<Customer>();
  parsed.data.forEach((cells, i) => {
    const row = i + 2;
    if (isBlank(cells)) return;
    const cell = (c: Column) => (cells[c] ?? '').trim();
    const name = cell('name');
    const key = name.toLowerCase();
    if (name && firstRow.has(key)) {
      errors.push(error(row, 'name', `"${name}" is already on row ${firstRow.get(key)}`));
      return;
    }
    firstRow.set(key, row);
    const english = cell('englishAccepted').toLowerCase();
    if (!YES.has(english) && !NO.has(english)) {
      errors.push(error(row, 'englishAccepted', `"${cell('englishAccepted')}" is not yes or no`));
      return;
    }
    const previous = byName.get(key);
    const candidate = {
      id: previous?.id ?? '',
      name,
      organisations: list(cell('organisations')),
      domains: list(cell('domains')),
      addresses: list(cell('addresses')),
      policy: cell('policy'),
      level: cell('level') || undefined,
      region: cell('region') || undefined,
      languages: list(cell('languages')).map((l) => l.toLowerCase()),
      englishAccepted: YES.has(english),
      contacts: previous?.contacts ?? [],
      notes: cell('notes'),
    };
    // A new customer's id is given once all rows are known, so it never takes an existing one's.
    const result = Customer.safeParse({ ...candidate, id: candidate.id || 'new' });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [column, index] = issue.path;
        const value = LIST_COLUMNS.has(column as Column) && typeof index === 'number' ? candidate[column as 'domains'][index] : undefined;
        errors.push(error(row, String(column), value !== undefined ? `"${value}": ${issue.message}` : issue.message));
      }
      return;
    }
    customers.push(result.data);
    if (!previous) fresh.add(result.data);
  });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  for (const c of customers) if (!fresh.has(c)) ids.add(c.id);
  for (const c of fresh) c.id = uniqueId(slugify(c.name), ids);
  return { ok: true, customers };
}

function isBlank(cells: Record<string, string> | undefined): boolean {
  return !cells || Object.values(cells).every((v) => (v ?? '').trim() === '');
}
