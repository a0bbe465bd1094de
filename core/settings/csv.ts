import Papa from 'papaparse';
import { slugify, uniqueId } from './migrate';
import { Customer, type Settings } from './schema';
import { type ProblemCode, type SettingsError, type ValidateOptions, validateSettings } from './validate';

/**
 * Customer mappings as CSV for spreadsheets: one customer per row, list cells `;`-separated.
 * Designated contacts are not columns: an imported row keeps the contacts of the existing customer it
 * updates — the one with the row's `id` (written by the export, so a renamed customer stays itself),
 * else the one with the row's name. Export → spreadsheet → import of an untouched file changes nothing.
 *
 * Reading a file only turns its rows into customer entries (and reports what only a CSV can get wrong:
 * its columns, quoting, yes/no cells, a name twice); the caller validates the settings they make, all
 * at once, and `csvLocation` names each problem's row and column.
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
  // 2.0 §5.2: Enterprise enrolment and cancellation notice days (yyyy-mm-dd), empty without Enterprise.
  'enterpriseEnrolled',
  'enterpriseNotice',
  'id',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const LIST_COLUMNS = new Set<string>(['organisations', 'domains', 'addresses', 'languages']);
const REQUIRED: Column[] = ['name', 'policy'];

export interface CsvError {
  /** Spreadsheet row: the header is row 1, the first customer row 2. */
  row: number;
  column?: Column | string;
  message: string;
  /** "row 4, column domains: …" */
  text: string;
  code?: ProblemCode;
  params?: Record<string, string>;
}

/**
 * How a customer list from CSV meets the stored one: `merge` updates the customers it names and adds
 * new ones, keeping the others; `replace` makes the file the whole list (customers not in it are removed).
 */
export type CsvMode = 'merge' | 'replace';

export interface CsvRead {
  /** The customer list the import makes (entries not yet validated). */
  customers: Array<Record<string, unknown>>;
  /** Per entry of `customers`: its spreadsheet row, or 0 for a kept customer that is not in the file. */
  rows: number[];
  /** The columns the file has (a missing optional column keeps the existing customer's value). */
  columns: string[];
  errors: CsvError[];
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
    enterpriseEnrolled: c.enterprise?.enrolled ?? '',
    enterpriseNotice: c.enterprise?.notice ?? '',
    id: c.id,
  }));
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\n' });
}

function error(row: number, column: string | undefined, message: string, code?: ProblemCode, params?: Record<string, string>): CsvError {
  return { row, column, message, text: column ? `row ${row}, column ${column}: ${message}` : `row ${row}: ${message}`, code, params };
}

const list = (cell: string) =>
  cell
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'x', 'はい']);
const NO = new Set(['no', 'n', 'false', '0', 'nein', 'いいえ', '']);

/** A file's rows as customer entries over `existing`, with the problems only the CSV form can have. */
export function readCustomersCsv(text: string, existing: Customer[] = [], mode: CsvMode = 'replace'): CsvRead {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: false,
    transformHeader: (h) => h.trim(),
  });
  const errors: CsvError[] = [];
  const header = parsed.meta.fields ?? [];
  const known = new Set<string>(CSV_COLUMNS);
  for (const column of header) {
    if (!known.has(column)) {
      errors.push(error(1, column, `unknown column (expected ${CSV_COLUMNS.join(', ')})`, 'csv-unknown-column', { value: column, options: CSV_COLUMNS.join(', ') }));
    }
  }
  const missing = REQUIRED.filter((column) => !header.includes(column));
  for (const column of missing) errors.push(error(1, column, 'required column is missing', 'csv-missing-column', { value: column }));
  // Without a name or policy column no row can be read; every other problem is reported with the rest.
  if (missing.length) return { customers: [], rows: [], columns: header, errors };
  for (const e of parsed.errors) {
    // Papaparse counts data rows from 0; on a spreadsheet they start at row 2.
    if (e.code !== 'TooFewFields' || !isBlank(parsed.data[e.row ?? -1])) {
      errors.push(error((e.row ?? 0) + 2, undefined, e.message, 'csv-syntax', { value: e.message }));
    }
  }

  const byId = new Map(existing.map((c) => [c.id, c]));
  const byName = new Map(existing.map((c) => [c.name.trim().toLowerCase(), c]));
  const has = new Set(header);
  const firstRow = new Map<string, number>();
  const updates = new Map<Customer, { entry: Record<string, unknown>; row: number }>();
  const fresh: Array<{ entry: Record<string, unknown>; row: number }> = [];
  parsed.data.forEach((cells, i) => {
    const row = i + 2;
    if (isBlank(cells)) return;
    const cell = (c: Column) => (cells[c] ?? '').trim();
    const name = cell('name');
    const id = has.has('id') ? cell('id') : '';
    const key = id ? `id:${id}` : `name:${name.toLowerCase()}`;
    const first = firstRow.get(key);
    if ((name || id) && first !== undefined) {
      const column = id ? 'id' : 'name';
      errors.push(error(row, column, `"${id || name}" is already on row ${first}`, 'csv-duplicate-row', { value: id || name, other: String(first) }));
      return;
    }
    firstRow.set(key, row);
    const previous = (id ? byId.get(id) : undefined) ?? byName.get(name.toLowerCase());
    const english = cell('englishAccepted').toLowerCase();
    if (has.has('englishAccepted') && !YES.has(english) && !NO.has(english)) {
      errors.push(error(row, 'englishAccepted', `"${cell('englishAccepted')}" is not yes or no`, 'yes-no', { value: cell('englishAccepted') }));
    }
    // Columns the file does not have keep the existing customer's values; cells it has set them
    // (an empty level or region cell clears it). Absent optional values stay absent, never undefined.
    const entry: Record<string, unknown> = previous ? { ...previous } : { organisations: [], domains: [], addresses: [], languages: [], englishAccepted: false, notes: '' };
    entry.id = previous?.id ?? '';
    entry.name = name;
    entry.policy = cell('policy');
    entry.contacts = previous?.contacts ?? [];
    for (const column of ['organisations', 'domains', 'addresses'] as const) if (has.has(column)) entry[column] = list(cell(column));
    if (has.has('languages')) entry.languages = list(cell('languages')).map((l) => l.toLowerCase());
    if (has.has('englishAccepted')) entry.englishAccepted = YES.has(english);
    if (has.has('notes')) entry.notes = cell('notes');
    if (has.has('enterpriseEnrolled') || has.has('enterpriseNotice')) {
      // A column the file lacks keeps the stored day; both cells empty: no Enterprise support.
      const stored = previous?.enterprise;
      const enrolled = has.has('enterpriseEnrolled') ? cell('enterpriseEnrolled') : (stored?.enrolled ?? '');
      const notice = has.has('enterpriseNotice') ? cell('enterpriseNotice') : (stored?.notice ?? '');
      if (enrolled || notice) entry.enterprise = notice ? { enrolled, notice } : { enrolled };
      else delete entry.enterprise;
    }
    for (const column of ['level', 'region'] as const) {
      if (!has.has(column)) continue;
      if (cell(column)) entry[column] = cell(column);
      else delete entry[column];
    }
    if (previous && !updates.has(previous)) updates.set(previous, { entry, row });
    else fresh.push({ entry, row });
  });

  const customers: Array<Record<string, unknown>> = [];
  const rows: number[] = [];
  const put = (entry: Record<string, unknown>, row: number) => {
    customers.push(entry);
    rows.push(row);
  };
  for (const c of existing) {
    const update = updates.get(c);
    if (update) put(update.entry, update.row);
    else if (mode === 'merge') put({ ...c }, 0);
  }
  // Replace: the file's order; merge: the stored order, new customers after.
  if (mode === 'replace') {
    customers.length = 0;
    rows.length = 0;
    for (const { entry, row } of [...updates.values(), ...fresh].sort((a, b) => a.row - b.row)) put(entry, row);
  } else for (const { entry, row } of fresh) put(entry, row);
  // New customers get ids from their names once all are known, so none takes another's.
  const ids = new Set(customers.map((c) => c.id as string).filter(Boolean));
  for (const c of customers) if (!c.id) c.id = uniqueId(slugify(String(c.name || 'customer')), ids);
  return { customers, rows, columns: header, errors: errors.sort((a, b) => a.row - b.row) };
}

/**
 * Where a problem of the settings a CSV made is, on the spreadsheet: "customers.16.domains.1" of an
 * entry read from row 18 → row 18, column domains, with the cell's value. Undefined for a problem of
 * a kept customer that is not in the file.
 */
export function csvLocation(problem: SettingsError, read: Pick<CsvRead, 'rows' | 'customers'>): { row: number; column: string } | undefined {
  const [section, index, field, sub] = problem.path.split('.');
  if (section !== 'customers' || index === undefined) return undefined;
  const row = read.rows[Number(index)];
  if (!row) return undefined;
  if (field === 'enterprise') return { row, column: sub === 'notice' ? 'enterpriseNotice' : 'enterpriseEnrolled' };
  const column = field === 'contacts' ? 'name' : (field ?? 'name');
  return { row, column: LIST_COLUMNS.has(column) || (CSV_COLUMNS as readonly string[]).includes(column) ? column : 'name' };
}

/** Replace-mode import as one step (tests, the benchmark): the customers, or every problem with its row and column. */
export function customersFromCsv(text: string, existing: Customer[] = []): CsvImport {
  const read = readCustomersCsv(text, existing, 'replace');
  const errors = [...read.errors];
  const customers: Customer[] = [];
  read.customers.forEach((entry, i) => {
    const parsed = Customer.safeParse(entry);
    if (parsed.success) {
      customers.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      const [column, index] = issue.path;
      const value = LIST_COLUMNS.has(String(column)) && typeof index === 'number' ? (entry[String(column)] as string[])[index] : undefined;
      errors.push(error(read.rows[i] ?? 0, String(column), value !== undefined ? `"${value}": ${issue.message}` : issue.message));
    }
  });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, customers };
}

function isBlank(cells: Record<string, string> | undefined): boolean {
  return !cells || Object.values(cells).every((v) => (v ?? '').trim() === '');
}

/**
 * A CSV import checked as a whole: the settings it makes from `current`, or every problem of the
 * file at once — its columns and cells, and each customer's policy, level, region and matches —
 * at its spreadsheet row and column. A problem of a kept customer (merge) that is not in the file is
 * given row 0 and names that customer.
 */
export function importCustomersCsv(
  text: string,
  current: Settings,
  mode: CsvMode,
  options: ValidateOptions = {},
): { ok: true; settings: Settings; read: CsvRead } | { ok: false; errors: CsvError[] } {
  const read = readCustomersCsv(text, current.customers, mode);
  if (REQUIRED.some((c) => !read.columns.includes(c))) return { ok: false, errors: read.errors };
  const validation = validateSettings({ ...current, customers: read.customers }, options);
  const errors = [...read.errors];
  if (!validation.ok) {
    for (const problem of validation.errors) {
      const where = csvLocation(problem, read);
      if (where) {
        const entry = read.customers[Number(problem.path.split('.')[1])] ?? {};
        const [, , field, item] = problem.path.split('.');
        const listed = field && LIST_COLUMNS.has(field) && item !== undefined ? (entry[field] as unknown[] | undefined)?.[Number(item)] : undefined;
        const message = listed !== undefined && problem.code !== 'duplicate-match' ? `"${String(listed)}": ${problem.message}` : problem.message;
        errors.push(error(where.row, where.column, message, problem.code, problem.params));
      } else {
        const name = String(read.customers[Number(problem.path.split('.')[1])]?.name ?? problem.path);
        errors.push({ row: 0, message: problem.message, text: `${name}: ${problem.message}`, code: problem.code, params: { ...problem.params, customer: name } });
      }
    }
  }
  // A problem of an entry the file got wrong (a duplicate row, yes/no) is reported once per cell.
  const unique = errors.filter((e, i) => errors.findIndex((f) => f.text === e.text) === i);
  if (unique.length || !validation.ok) return { ok: false, errors: unique.sort((a, b) => a.row - b.row) };
  return { ok: true, settings: validation.settings, read };
}
