import { z } from 'zod';
import { normKey } from '../contracts/lookup';
import { resolveLevel } from '../contracts/level';
import { builtinPolicies } from '../policy/builtin';
import type { Policy } from '../policy/schema';
import { isSitePattern } from './host-permission';
import { MigrationError, migrate } from './migrate';
import { regionProblem } from './regions';
import { Customer, Settings } from './schema';

/**
 * What can be wrong with settings, as codes the options page words in the user's language (the
 * `message` is the English text `sla check` prints).
 */
export type ProblemCode =
  | 'required'
  | 'email'
  | 'domain'
  | 'date'
  | 'choice'
  | 'type'
  | 'range'
  | 'invalid'
  | 'json'
  | 'version'
  | 'duplicate-id'
  | 'duplicate-name'
  | 'duplicate-match'
  | 'unknown-policy'
  | 'unknown-level'
  | 'unknown-role'
  | 'region-not-in-policy'
  | 'region-unknown'
  | 'region-calendar'
  | 'site-pattern'
  | 'csv-unknown-column'
  | 'csv-missing-column'
  | 'csv-syntax'
  | 'csv-duplicate-row'
  | 'yes-no'
  | 'date-order'
  | 'changed-elsewhere';

/** One problem, addressed by a dotted path into the settings file ("customers.3.domains.0"). */
export interface SettingsError {
  path: string;
  message: string;
  code?: ProblemCode;
  /** The code's details: the offending `value`, the `options` to choose from, the `other` entry … */
  params?: Record<string, string>;
}

export type Validation = { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] };

/** The value at a path of a parsed input, for messages that quote what was entered. */
function at(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const quote = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A zod issue as a code the options page can word. */
function classify(issue: z.core.$ZodIssue, input: unknown): Pick<SettingsError, 'code' | 'params'> {
  const value = input === undefined ? undefined : at(input, issue.path);
  const withValue = (code: ProblemCode, params: Record<string, string> = {}) => ({
    code,
    params: value === undefined ? params : { ...params, value: quote(value) },
  });
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined || value === null ? { code: 'required' } : withValue('type', { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return { code: 'required' };
      return withValue('range', { min: String(issue.minimum) });
    case 'too_big':
      return withValue('range', { max: String(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return withValue('email');
      if (issue.format === 'date') return withValue('date');
      if (issue.format === 'regex' && issue.message.includes('domain')) return withValue('domain');
      return withValue('invalid');
    case 'invalid_value':
      return withValue('choice', { options: issue.values.map(String).join(', ') });
    default:
      return withValue('invalid');
  }
}

export function zodErrors(error: z.ZodError, prefix: Array<string | number> = [], input?: unknown): SettingsError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
    ...classify(issue, input),
  }));
}

export interface ValidateOptions {
  /** Policies customers may name besides the file's own custom policies; the built-in ones by default. */
  policies?: Readonly<Record<string, Policy>>;
  /**
   * Ids of customers IT manages: they come first and win a shared name, domain or address by design,
   * so sharing one with them is not an error (the contract list shows it).
   */
  managedCustomers?: ReadonlySet<string>;
}

/** The top level with customers left unparsed: each customer is parsed alone, so every problem is found at once. */
const Top = Settings.extend({ customers: z.array(z.unknown()).default([]) });

/**
 * Migrates, parses and cross-checks settings (from storage, an imported file or the options page),
 * reporting every problem at once: schema problems of each entry and the reference checks —
 * duplicate ids, names and matches, unknown policies, levels, roles and regions, site patterns — of
 * every entry that parsed.
 */
export function validateSettings(raw: unknown, options: ValidateOptions = {}): Validation {
  let migrated: unknown;
  try {
    migrated = migrate(raw);
  } catch (err) {
    if (err instanceof MigrationError) return { ok: false, errors: [{ path: 'version', message: err.message, code: 'version' }] };
    throw err;
  }
  const top = Top.safeParse(migrated);
  // A bad top-level value (an at-risk share of 2) does not hide the customers' problems.
  const errors: SettingsError[] = top.success ? [] : zodErrors(top.error, [], migrated);
  const data = top.success ? top.data : partialTop(migrated);
  const customers: Array<{ customer: Customer; index: number }> = [];
  // Entries with schema problems are still checked for what they have right (their policy, level,
  // region, matches), so a file's problems come in one list, not in rounds.
  const checked: Array<{ customer: Customer; index: number }> = [];
  data.customers.forEach((entry, index) => {
    const parsed = Customer.safeParse(entry);
    if (parsed.success) {
      customers.push({ customer: parsed.data, index });
      checked.push({ customer: parsed.data, index });
    } else {
      errors.push(...zodErrors(parsed.error, ['customers', index], entry));
      checked.push({ customer: partialCustomer(entry, index), index });
    }
  });
  const settings: Settings = { ...data, customers: customers.map((c) => c.customer) };
  errors.push(...referenceErrors(settings, checked, options));
  if (errors.length) return { ok: false, errors: errors.sort(byPath) };
  return { ok: true, settings };
}

/** The top-level values that pass the schema, the defaults for the others (their problems are reported already). */
function partialTop(raw: unknown): z.infer<typeof Top> {
  const object = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Top.shape)) {
    const parsed = (schema as z.ZodType).safeParse(object[key]);
    out[key] = parsed.success ? parsed.data : (schema as z.ZodType).safeParse(undefined).data;
  }
  return out as z.infer<typeof Top>;
}

/** The fields of a customer entry that pass the schema (lists keep their valid items), for reference checks. */
function partialCustomer(entry: unknown, index: number): Customer {
  const raw = (entry !== null && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Customer.shape)) {
    const value = raw[key];
    const parsed = (schema as z.ZodType).safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else if (Array.isArray(value)) {
      const item = (schema as z.ZodDefault<z.ZodArray<z.ZodType>>).unwrap().element;
      out[key] = value.flatMap((v) => {
        const one = item.safeParse(v);
        return one.success ? [one.data] : [];
      });
    }
  }
  // Placeholders that match nothing: a missing policy is reported already, not as "unknown".
  return {
    organisations: [],
    domains: [],
    addresses: [],
    languages: [],
    contacts: [],
    englishAccepted: false,
    notes: '',
    ...out,
    id: typeof out.id === 'string' ? out.id : `\u0000${index}`,
    name: typeof out.name === 'string' ? out.name : `\u0000${index}`,
    policy: typeof out.policy === 'string' ? out.policy : '',
  } as Customer;
}

/** Problems in file order: customers by index, then field. */
function byPath(a: SettingsError, b: SettingsError): number {
  const pa = a.path.split('.');
  const pb = b.path.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    return 0;
  }
  return pa.length - pb.length;
}

function duplicates<T>(items: T[], key: (item: T) => string, path: string, what: string): SettingsError[] {
  const seen = new Map<string, number>();
  const errors: SettingsError[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else
      errors.push({
        path: `${path}.${i}.id`,
        message: `${what} id "${k}" is already used by ${path}.${first}`,
        code: 'duplicate-id',
        params: { value: k, other: `${path}.${first}` },
      });
  });
  return errors;
}

/** What to enter instead of a pattern the overlay cannot use: the form, with a port where the helpdesk has one. */
const SITE_PATTERN_HINT = (pattern: string) =>
  `"${pattern}" is not a site pattern: enter the scheme, the host, its port if any, and a path, e.g. "https://rt.example.com:8443/*" or "https://*.zendesk.com/*"`;

const MATCH_WORDS = { addresses: 'address', domains: 'domain', organisations: 'organisation name' } as const;

/**
 * Names, addresses (designated contacts' included), domains and organisation names that two
 * customers claim: a ticket would silently go to the first. Compared as the lookup compares them
 * (case, width and spacing ignored).
 */
function claimErrors(customers: Array<{ customer: Customer; index: number }>, managed: ReadonlySet<string>): SettingsError[] {
  const errors: SettingsError[] = [];
  const holders = new Map<string, { customer: Customer; index: number }>();
  const claim = (kind: string, raw: string, entry: { customer: Customer; index: number }, path: string, code: ProblemCode, what: string) => {
    const key = `${kind}\u0000${normKey(raw)}`;
    const held = holders.get(key);
    if (!held) return void holders.set(key, entry);
    if (held.customer.id === entry.customer.id || managed.has(held.customer.id) || managed.has(entry.customer.id)) return;
    errors.push({
      path,
      message:
        code === 'duplicate-name'
          ? `the name "${raw}" is already used by customers.${held.index}`
          : `${what} "${raw}" is already mapped to ${held.customer.name} (customers.${held.index})`,
      code,
      params: { value: raw, other: held.customer.name, otherPath: `customers.${held.index}` },
    });
  };
  for (const entry of customers) {
    const { customer, index } = entry;
    claim('name', customer.name, entry, `customers.${index}.name`, 'duplicate-name', 'the name');
    for (const field of ['addresses', 'domains', 'organisations'] as const) {
      customer[field].forEach((value, j) => {
        claim(field === 'addresses' ? 'address' : field, value, entry, `customers.${index}.${field}.${j}`, 'duplicate-match', MATCH_WORDS[field]);
      });
    }
    customer.contacts.forEach((contact, j) => {
      claim('address', contact.address, entry, `customers.${index}.contacts.${j}.address`, 'duplicate-match', 'address');
    });
  }
  return errors;
}

function referenceErrors(
  settings: Settings,
  customers: Array<{ customer: Customer; index: number }>,
  options: ValidateOptions,
): SettingsError[] {
  const builtins = options.policies ?? builtinPolicies;
  const errors = [
    ...duplicates(customers, (c) => c.customer.id, 'customers', 'customer').map((e) => {
      const index = (n: string | undefined) => customers[Number(n?.split('.')[1])]?.index;
      const other = `customers.${index(e.params?.other)}`;
      return { ...e, path: `customers.${index(e.path)}.id`, message: e.message.replace(/customers\.\d+$/, other), params: { ...e.params, other } };
    }),
    ...duplicates(settings.customPolicies, (p) => p.id, 'customPolicies', 'policy'),
    ...claimErrors(customers, options.managedCustomers ?? new Set()),
  ];
  for (const [kind, list] of [['sites', settings.sites], ['recipes', settings.recipes]] as const) {
    list.forEach((entry, i) => {
      entry.matches.forEach((pattern, j) => {
        if (!isSitePattern(pattern)) {
          errors.push({ path: `${kind}.${i}.matches.${j}`, message: SITE_PATTERN_HINT(pattern), code: 'site-pattern', params: { value: pattern } });
        }
      });
    });
  }
  const policies: Record<string, Policy> = { ...builtins };
  for (const policy of settings.customPolicies) policies[policy.id] = policy;
  const known = Object.keys(policies).join(', ');
  for (const { customer, index: i } of customers) {
    if (customer.policy === '') continue;
    const policy = policies[customer.policy];
    if (!policy) {
      errors.push({
        path: `customers.${i}.policy`,
        message: `unknown policy "${customer.policy}"; known: ${known}`,
        code: 'unknown-policy',
        params: { value: customer.policy, options: known },
      });
      continue;
    }
    const levels = Object.keys(policy.levels).join(', ');
    if (customer.level !== undefined && !resolveLevel(policy, customer.level)) {
      errors.push({
        path: `customers.${i}.level`,
        message: `"${customer.level}" is not a level of ${policy.id} (${levels})`,
        code: 'unknown-level',
        params: { value: customer.level, policy: policy.name, options: levels },
      });
    }
    customer.contacts.forEach((contact, j) => {
      if (contact.role !== undefined && !resolveLevel(policy, contact.role)) {
        errors.push({
          path: `customers.${i}.contacts.${j}.role`,
          message: `"${contact.role}" is not a role of ${policy.id} (${levels})`,
          code: 'unknown-role',
          params: { value: contact.role, policy: policy.name, options: levels },
        });
      }
      // 2.0 §1.2: each recorded role change names a role of the policy (or none: a removal).
      contact.roleChanges?.forEach((change, k) => {
        if (change.role !== undefined && !resolveLevel(policy, change.role)) {
          errors.push({
            path: `customers.${i}.contacts.${j}.roleChanges.${k}.role`,
            message: `"${change.role}" is not a role of ${policy.id} (${levels})`,
            code: 'unknown-role',
            params: { value: change.role, policy: policy.name, options: levels },
          });
        }
      });
    });
    // 2.0 §5.2: a cancellation notice is given after enrolling.
    const enterprise = customer.enterprise;
    if (enterprise?.notice !== undefined && enterprise.notice < enterprise.enrolled) {
      errors.push({
        path: `customers.${i}.enterprise.notice`,
        message: `the cancellation notice (${enterprise.notice}) is before the enrolment (${enterprise.enrolled})`,
        code: 'date-order',
        params: { value: enterprise.notice, other: enterprise.enrolled },
      });
    }
    // Only a region the policy cannot read is refused (it makes every badge unreadable); a region
    // naming no team list under a policy without regional lists adds no days and breaks nothing.
    const region = regionProblem(policy, customer.region, settings.holidays);
    if (region?.code === 'region-not-in-policy') errors.push(regionError(`customers.${i}.region`, customer.region ?? '', policy, region));
  }
  return errors;
}

function regionError(path: string, value: string, policy: Policy, problem: NonNullable<ReturnType<typeof regionProblem>>): SettingsError {
  switch (problem.code) {
    case 'region-not-in-policy':
      return {
        path,
        message: `${policy.id} knows only the holiday regions ${problem.regions.join(', ')}, not "${value}"`,
        code: problem.code,
        params: { value, policy: policy.name, options: problem.regions.join(', ') },
      };
    case 'region-unknown':
      return { path, message: `no holiday list "${value}"`, code: problem.code, params: { value } };
    case 'region-calendar':
      return {
        path,
        message: `the holiday list "${value}" closes the calendar "${problem.calendar}", which ${policy.id} does not have (${problem.calendars.join(', ') || 'none'})`,
        code: problem.code,
        params: { value, policy: policy.name, calendar: problem.calendar, options: problem.calendars.join(', ') },
      };
  }
}

/**
 * `sla check FILE`: the file's text → path-precise errors (empty when the file is valid). JSON
 * syntax errors carry the path "" and the parser's position.
 */
export function checkSettingsFile(text: string, options: ValidateOptions = {}): SettingsError[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return [{ path: '', message: `not valid JSON: ${(err as Error).message}`, code: 'json', params: { value: (err as Error).message } }];
  }
  const result = validateSettings(raw, options);
  return result.ok ? [] : result.errors;
}
