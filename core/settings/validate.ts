import type { z } from 'zod';
import { resolveLevel } from '../contracts/level';
import { builtinPolicies } from '../policy/builtin';
import type { Policy } from '../policy/schema';
import { isSitePattern } from './host-permission';
import { MigrationError, migrate } from './migrate';
import { Settings } from './schema';

/** One problem, addressed by a dotted path into the settings file ("customers.3.domains.0"). */
export interface SettingsError {
  path: string;
  message: string;
}

export type Validation = { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] };

export function zodErrors(error: z.ZodError, prefix: Array<string | number> = []): SettingsError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}

export interface ValidateOptions {
  /** Policies customers may name besides the file's own custom policies; the built-in ones by default. */
  policies?: Readonly<Record<string, Policy>>;
}

/**
 * Migrates, parses and cross-checks settings (from storage, an imported file or the options page).
 * Reference checks — duplicate ids, unknown policies, levels and roles, site patterns — run when the
 * schema passes.
 */
export function validateSettings(raw: unknown, options: ValidateOptions = {}): Validation {
  let migrated: unknown;
  try {
    migrated = migrate(raw);
  } catch (err) {
    if (err instanceof MigrationError) return { ok: false, errors: [{ path: 'version', message: err.message }] };
    throw err;
  }
  const parsed = Settings.safeParse(migrated);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const errors = referenceErrors(parsed.data, options.policies ?? builtinPolicies);
  return errors.length ? { ok: false, errors } : { ok: true, settings: parsed.data };
}

function duplicates<T>(items: T[], key: (item: T) => string, path: string, what: string): SettingsError[] {
  const seen = new Map<string, number>();
  const errors: SettingsError[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else errors.push({ path: `${path}.${i}.id`, message: `${what} id "${k}" is already used by ${path}.${first}` });
  });
  return errors;
}

/** What to enter instead of a pattern the overlay cannot use: the form, with a port where the helpdesk has one. */
const SITE_PATTERN_HINT = (pattern: string) =>
  `"${pattern}" is not a site pattern: enter the scheme, the host, its port if any, and a path, e.g. "https://rt.example.com:8443/*" or "https://*.zendesk.com/*"`;

function referenceErrors(settings: Settings, builtins: Readonly<Record<string, Policy>>): SettingsError[] {
  const errors = [
    ...duplicates(settings.customers, (c) => c.id, 'customers', 'customer'),
    ...duplicates(settings.customPolicies, (p) => p.id, 'customPolicies', 'policy'),
  ];
  for (const [kind, list] of [['sites', settings.sites], ['recipes', settings.recipes]] as const) {
    list.forEach((entry, i) => {
      entry.matches.forEach((pattern, j) => {
        if (!isSitePattern(pattern)) errors.push({ path: `${kind}.${i}.matches.${j}`, message: SITE_PATTERN_HINT(pattern) });
      });
    });
  }
  const policies: Record<string, Policy> = { ...builtins };
  for (const policy of settings.customPolicies) policies[policy.id] = policy;
  settings.customers.forEach((customer, i) => {
    const policy = policies[customer.policy];
    if (!policy) {
      errors.push({
        path: `customers.${i}.policy`,
        message: `unknown policy "${customer.policy}"; known: ${Object.keys(policies).join(', ')}`,
      });
      return;
    }
    const levels = Object.keys(policy.levels).join(', ');
    if (customer.level !== undefined && !resolveLevel(policy, customer.level)) {
      errors.push({ path: `customers.${i}.level`, message: `"${customer.level}" is not a level of ${policy.id} (${levels})` });
    }
    customer.contacts.forEach((contact, j) => {
      if (contact.role !== undefined && !resolveLevel(policy, contact.role)) {
        errors.push({
          path: `customers.${i}.contacts.${j}.role`,
          message: `"${contact.role}" is not a role of ${policy.id} (${levels})`,
        });
      }
    });
  });
  return errors;
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
    return [{ path: '', message: `not valid JSON: ${(err as Error).message}` }];
  }
  const result = validateSettings(raw, options);
  return result.ok ? [] : result.errors;
}
