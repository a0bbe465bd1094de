import { contractChecks, contractConflicts } from '../settings/contract-checks';
import type { Customer, Settings, SettingsInput } from '../settings/schema';
import { type SettingsError, type ValidateOptions, validateSettings } from '../settings/validate';
import type { Policy } from '../policy/schema';
import { resolveLevel } from './level';
import { contactWarnings } from './lookup';

/**
 * The options page's contract table for thousands of customers: each customer's searchable text and
 * sort keys, built once per settings change; filtering and sorting are then loops over plain strings
 * (a keystroke does no normalising, no lookups). Bulk edits are planned here too: which selected
 * customers take the change and which are refused, and why, checked as a single edit is.
 */

/** The fields a filter can search; `contacts` are the designated contacts' addresses. */
export const CONTRACT_FIELDS = ['name', 'domains', 'organisations', 'addresses', 'contacts', 'policy', 'level', 'region'] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

export const SORT_COLUMNS = ['name', 'policy', 'level', 'region', 'matches', 'warnings'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface ContractRow {
  customer: Customer;
  /** The customer's position in `settings.customers` (problems are addressed by it). */
  index: number;
  policy: Policy | undefined;
  /** The level or role in force: the customer's, else the policy's default (`defaulted`). */
  level: { id: string; name: string; defaulted: boolean } | undefined;
  /** The holiday region in force: the customer's, else the policy's default (`defaulted`). */
  region: { id: string; defaulted: boolean } | undefined;
  /** Designated-contact limits, contract checks and shared matches: how many the list shows. */
  warnings: number;
  /** Lower-cased, normalised text per field, values separated by "\n". */
  text: Record<ContractField, string>;
}

/** Printable ASCII with single spaces or newlines between words: nothing to normalise but the case. */
const PLAIN = /^[!-~]*(?:[ \n][!-~]+)*$/;

/** Case-, width- and spacing-insensitive, as the contract lookup compares (5,000 customers' fields: the plain ones skip Unicode work). */
export const searchKey = (s: string) => (PLAIN.test(s) ? s.toLowerCase() : s.normalize('NFKC').toLowerCase().replace(/[^\S\n]+/g, ' '));

/** `conflicts`: contractConflicts(settings), when the caller has them already. */
export function contractRows(
  settings: Pick<Settings, 'customers'>,
  policies: readonly Policy[],
  conflicts: ReturnType<typeof contractConflicts> = contractConflicts(settings),
): ContractRow[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const join = (values: readonly string[]) => searchKey(values.join('\n'));
  return settings.customers.map((customer, index) => {
    const policy = byId.get(customer.policy);
    const resolved = policy ? resolveLevel(policy, customer.level) : undefined;
    const level = resolved
      ? { id: resolved.id, name: resolved.rule.name, defaulted: customer.level === undefined }
      : customer.level !== undefined
        ? { id: customer.level, name: customer.level, defaulted: false }
        : undefined;
    const regionId = customer.region ?? policy?.defaultRegion;
    const warnings =
      contactWarnings(customer, policy).length + contractChecks(customer, policy).length + (conflicts.get(customer.id)?.length ?? 0);
    return {
      customer,
      index,
      policy,
      level,
      region: regionId === undefined ? undefined : { id: regionId, defaulted: customer.region === undefined },
      warnings,
      text: {
        name: searchKey(customer.name),
        domains: join(customer.domains),
        organisations: join(customer.organisations),
        addresses: join(customer.addresses),
        contacts: join(customer.contacts.map((c) => c.address)),
        // The policy's id, name ("Velostrata 1.2 — …", so its version) and document title.
        policy: join(policy ? [policy.id, policy.name, policy.document] : [customer.policy]),
        level: join(level ? [level.id, level.name, ...(resolved?.rule.aliases ?? [])] : []),
        region: join(regionId ? [regionId] : []),
      },
    };
  });
}

/**
 * The rows whose `field` (any field when 'all') contains every word of `query`; the query's words may
 * match different fields ("gold emea").
 */
export function filterRows(rows: readonly ContractRow[], query: string, field: ContractField | 'all' = 'all'): ContractRow[] {
  const words = searchKey(query).trim().split(' ').filter(Boolean);
  if (words.length === 0) return [...rows];
  const fields = field === 'all' ? CONTRACT_FIELDS : [field];
  return rows.filter((row) => words.every((word) => fields.some((f) => row.text[f].includes(word))));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortKey(row: ContractRow, column: Exclude<SortColumn, 'warnings'>): string {
  switch (column) {
    case 'name':
      return row.customer.name;
    case 'policy':
      return row.policy?.name ?? row.customer.policy;
    case 'level':
      return row.level?.name ?? '';
    case 'region':
      return row.region?.id ?? '';
    case 'matches':
      return [...row.customer.domains, ...row.customer.organisations, ...row.customer.addresses].join(', ');
  }
}

/** Sorted by a column (names numerically: "Customer 2" before "Customer 10"); equal rows keep settings order. */
export function sortRows(rows: readonly ContractRow[], column: SortColumn, direction: SortDirection = 'ascending'): ContractRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  if (column === 'warnings') return [...rows].sort((a, b) => sign * (a.warnings - b.warnings) || a.index - b.index);
  // Keys once per row, not per comparison.
  const keyed = rows.map((row) => ({ row, key: sortKey(row, column) }));
  // Empty values last in either direction: a column's blanks are never what one sorts for.
  keyed.sort((a, b) => {
    if (!a.key !== !b.key) return a.key ? -1 : 1;
    return sign * collator.compare(a.key, b.key) || a.row.index - b.row.index;
  });
  return keyed.map((k) => k.row);
}

/** One bulk change: a value sets the field, `null` clears it (the policy's default), absent keeps it. */
export interface BulkChange {
  policy?: string;
  level?: string | null;
  region?: string | null;
}

export interface BulkPlan {
  /** The settings to save: the change on every selected customer that takes it. */
  next: SettingsInput;
  changed: string[];
  /** Customers left as they were, with the problems the change would have caused (paths into `checked`). */
  refused: Array<{ id: string; errors: SettingsError[] }>;
  /** The settings the problems' paths point into (the change on every selected customer). */
  checked: SettingsInput;
  /** Problems that are not any selected customer's (nothing can be saved while they stand). */
  other: SettingsError[];
}

function changedCustomer(customer: Customer, change: BulkChange): Customer {
  const next: Customer = { ...customer };
  if (change.policy !== undefined) next.policy = change.policy;
  if (change.level === null) delete next.level;
  else if (change.level !== undefined) next.level = change.level;
  if (change.region === null) delete next.region;
  else if (change.region !== undefined) next.region = change.region;
  return next;
}

/**
 * Applies `change` to the customers with the given ids, checked as a save checks a single edit (the
 * whole settings validated): a customer whose badges the change would make unreadable (a level its
 * policy lacks, a region its policy cannot read, contacts' roles the new policy does not have) keeps
 * its contract and is listed with the reasons; the others take it, in one save (one undo).
 */
export function planBulkEdit(settings: Settings, ids: ReadonlySet<string>, change: BulkChange, options: ValidateOptions = {}): BulkPlan {
  const checked = { ...settings, customers: settings.customers.map((c) => (ids.has(c.id) ? changedCustomer(c, change) : c)) };
  const validation = validateSettings(checked, options);
  if (validation.ok) {
    return { next: checked, changed: settings.customers.filter((c) => ids.has(c.id)).map((c) => c.id), refused: [], checked, other: [] };
  }
  const byIndex = new Map<number, SettingsError[]>();
  const other: SettingsError[] = [];
  for (const error of validation.errors) {
    const [section, index] = error.path.split('.');
    const i = Number(index);
    const customer = section === 'customers' ? settings.customers[i] : undefined;
    if (customer && ids.has(customer.id)) byIndex.set(i, [...(byIndex.get(i) ?? []), error]);
    else other.push(error);
  }
  const refused = [...byIndex].map(([i, errors]) => ({ id: settings.customers[i]?.id as string, errors }));
  const customers = checked.customers.map((c, i) => (byIndex.has(i) ? (settings.customers[i] as Customer) : c));
  const changed = settings.customers.filter((c, i) => ids.has(c.id) && !byIndex.has(i)).map((c) => c.id);
  return { next: { ...settings, customers }, changed, refused, checked, other };
}
