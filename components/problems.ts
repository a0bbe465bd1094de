import { i18n } from '#i18n';
import type { CsvError } from '@/core/settings/csv';
import { lineOf } from '@/core/settings/json-lines';
import type { Settings } from '@/core/settings/schema';
import type { ProblemCode, SettingsError } from '@/core/settings/validate';
import type { PathError } from './ErrorList';

/**
 * Settings problems in the user's words and language: what is wrong (from the problem's code; the
 * core's English text only where no code says more) and where — the field as the form labels it,
 * with the spreadsheet row and column of a CSV or the line of a JSON file.
 */

/** i18n.t for keys chosen at run time (each one is in locales/*.yml). */
const t = i18n.t as unknown as (key: string, substitutions?: string[]) => string;

const KEYS: Record<ProblemCode, string> = {
  required: 'options.problem.required',
  email: 'options.problem.email',
  domain: 'options.problem.domain',
  date: 'options.problem.date',
  choice: 'options.problem.choice',
  type: 'options.problem.type',
  range: 'options.problem.range',
  invalid: 'options.problem.invalid',
  json: 'options.problem.json',
  version: 'options.problem.version',
  'duplicate-id': 'options.problem.duplicateId',
  'duplicate-name': 'options.problem.duplicateName',
  'duplicate-match': 'options.problem.duplicateMatch',
  'unknown-policy': 'options.problem.unknownPolicy',
  'unknown-level': 'options.problem.unknownLevel',
  'unknown-role': 'options.problem.unknownRole',
  'region-not-in-policy': 'options.problem.regionNotInPolicy',
  'region-unknown': 'options.problem.regionUnknown',
  'region-calendar': 'options.problem.regionCalendar',
  'site-pattern': 'options.problem.sitePattern',
  'csv-unknown-column': 'options.problem.csvUnknownColumn',
  'csv-missing-column': 'options.problem.csvMissingColumn',
  'csv-syntax': 'options.problem.csvSyntax',
  'csv-duplicate-row': 'options.problem.csvDuplicateRow',
  'yes-no': 'options.problem.yesNo',
  'date-order': 'options.problem.dateOrder',
  'changed-elsewhere': 'options.problem.changedElsewhere',
};

/** What is wrong, in the UI's language. */
export function problemText(problem: Pick<SettingsError, 'code' | 'params' | 'message'>): string {
  const { code, params = {} } = problem;
  if (!code) return problem.message;
  const p = (k: string) => params[k] ?? '';
  const key = KEYS[code];
  switch (code) {
    case 'type':
    case 'range':
    case 'invalid':
      // Without the value there is nothing better to say than the check's own words.
      return params.value === undefined ? problem.message : t(key, [p('value')]);
    case 'json':
    case 'version':
      return t(key, [code === 'version' ? problem.message : p('value')]);
    case 'choice':
    case 'unknown-policy':
    case 'csv-unknown-column':
      return t(key, [p('value'), p('options')]);
    case 'duplicate-match':
      return i18n.t('options.problem.duplicateMatch', [p('value'), p('other')]);
    case 'unknown-level':
    case 'unknown-role':
    case 'region-not-in-policy':
      return t(key, [p('value'), p('policy'), p('options')]);
    case 'region-calendar':
      return i18n.t('options.problem.regionCalendar', [p('value'), p('policy'), p('calendar')]);
    case 'csv-duplicate-row':
      return i18n.t('options.problem.csvDuplicateRow', [p('value'), p('other')]);
    case 'date-order':
      return t(key, [p('value'), p('other')]);
    case 'required':
      return i18n.t('options.problem.required');
    default:
      return t(key, [p('value')]);
  }
}

const CUSTOMER_FIELDS: Record<string, string> = {
  name: 'options.contracts.name',
  policy: 'options.contracts.policy',
  level: 'options.contracts.level',
  region: 'options.contracts.region',
  organisations: 'options.contracts.organisations',
  domains: 'options.contracts.domains',
  addresses: 'options.contracts.addresses',
  languages: 'options.contracts.languages',
  notes: 'options.contracts.notes',
  contacts: 'options.contracts.contacts',
  englishAccepted: 'options.field.englishAccepted',
  id: 'options.field.id',
};

/** The form's label of a customer field path ("domains.1" → "E-mail domains"; "contacts.0.role" → "Contact 1 role"). */
export function customerFieldLabel(rest: string[]): string {
  const [field, index, sub] = rest;
  if (field === 'contacts' && index !== undefined) {
    const n = String(Number(index) + 1);
    if (sub === 'roleChanges' && rest[3] !== undefined) {
      const label = rest[4] === 'date' ? 'options.dated.changeDate' : 'options.dated.changeRole';
      return t(label, [n, String(Number(rest[3]) + 1)]);
    }
    if (sub === 'role') return i18n.t('options.contracts.contactRole', [n]);
    if (sub === 'roleChanged') return i18n.t('options.contracts.roleChanged', [n]);
    return i18n.t('options.contracts.contactAddress', [n]);
  }
  if (field === 'enterprise') return t(index === 'notice' ? 'options.dated.enterpriseNotice' : 'options.dated.enterpriseEnrolled');
  const key = field ? CUSTOMER_FIELDS[field] : undefined;
  return key ? t(key) : rest.join('.');
}

/** The form's label for any settings path: a customer's field with the customer's number and name. */
export function fieldLabel(path: string, settings?: { customers?: unknown[] }): string {
  const [section, index, ...rest] = path.split('.');
  if (section === 'customers' && index !== undefined) {
    const entry = settings?.customers?.[Number(index)] as { name?: unknown } | undefined;
    const name = typeof entry?.name === 'string' && entry.name ? entry.name : '—';
    return i18n.t('options.where.customer', [String(Number(index) + 1), name, customerFieldLabel(rest.length ? rest : ['name'])]);
  }
  if (section === 'sites' && rest[0] === 'matches') return `${i18n.t('options.sites.hosts')} (${path})`;
  if (section === 'atRiskShare') return i18n.t('options.sites.atRisk');
  if (section === 'priorityMap') return i18n.t('options.sites.priorities');
  return path;
}

/** Problems of a JSON file: line and field (the raw path beside it for editors that search). */
export function jsonProblems(errors: SettingsError[], raw: unknown, lines: Map<string, number> | undefined): PathError[] {
  return errors.map((e) => {
    const label = e.path ? fieldLabel(e.path, raw as Settings) : '';
    const line = lines && e.path ? lineOf(lines, e.path) : undefined;
    return { path: line ? i18n.t('options.where.line', [String(line), label]) : label, message: problemText(e) };
  });
}

/** Problems of a CSV file: row and column, with the form's label of the column. */
export function csvProblems(errors: CsvError[]): PathError[] {
  return errors.map((e) => {
    if (e.row === 0) {
      return { path: i18n.t('options.where.kept', [e.params?.customer ?? '', '']).replace(/ · $/, ''), message: problemText(e) };
    }
    if (!e.column || e.row === 1) return { path: i18n.t('options.where.row', [String(e.row)]), message: problemText(e) };
    return { path: i18n.t('options.where.cell', [String(e.row), e.column, customerFieldLabel([e.column])]), message: problemText(e) };
  });
}

/** Problems of the options page's own edits: the field's label and the words. */
export function formProblems(errors: SettingsError[], settings?: { customers?: unknown[] }): PathError[] {
  return errors.map((e) => ({ path: e.path ? fieldLabel(e.path, settings) : '', message: problemText(e) }));
}

/** Problems of one customer's form: its own fields by their labels, any other entry in full. */
export function customerFormProblems(errors: SettingsError[], index: number, settings: { customers?: unknown[] }): PathError[] {
  const prefix = `customers.${index}.`;
  return errors.map((e) =>
    e.path.startsWith(prefix)
      ? { path: customerFieldLabel(e.path.slice(prefix.length).split('.')), message: problemText(e) }
      : { path: e.path ? fieldLabel(e.path, settings) : '', message: problemText(e) },
  );
}
