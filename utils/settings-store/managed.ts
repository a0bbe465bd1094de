import { browser } from 'wxt/browser';
import { Policy } from '@/core/policy/schema';
import { Settings } from '@/core/settings/schema';
import { type SettingsError, zodErrors } from '@/core/settings/validate';

/**
 * Managed settings: IT can push customers, policies, holidays and priority values through
 * `storage.managed` (public/managed_schema.json); those win over the user's own and are read-only.
 */

export const MANAGED_KEYS = ['customers', 'customPolicies', 'holidays', 'priorityMap', 'atRiskShare', 'readHelpdeskApis'] as const;

/** The last answer of storage.managed, kept in local storage (see loadSettings). */
export const MANAGED_SNAPSHOT = 'managedSnapshot';

export interface ManagedFlags {
  /** Ids of customers IT pushed (read-only in the options page). */
  customers: string[];
  customPolicies: string[];
  /** Region ids of holiday calendars IT pushed. */
  holidays: string[];
  /** Helpdesk priority values IT mapped. */
  priorityMap: string[];
  atRiskShare: boolean;
  readHelpdeskApis: boolean;
}

export async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    // Firefox rejects when no policy is installed for the extension; Chrome returns {}.
    return {};
  }
}

/** Managed custom policies are JSON text (browser policy schemas cannot describe a policy object). */
function managedPolicies(raw: unknown, problems: SettingsError[]): Policy[] {
  if (!Array.isArray(raw)) return [];
  const policies: Policy[] = [];
  raw.forEach((entry, i) => {
    let value: unknown = entry;
    if (typeof entry === 'string') {
      try {
        value = JSON.parse(entry);
      } catch (err) {
        problems.push({ path: `managed.customPolicies.${i}`, message: `not valid JSON: ${(err as Error).message}` });
        return;
      }
    }
    const parsed = Policy.safeParse(value);
    if (parsed.success) policies.push(parsed.data);
    else problems.push(...zodErrors(parsed.error, ['managed', 'customPolicies', i]));
  });
  return policies;
}

/** A managed value through its schema; undefined (and a problem) when IT pushed something invalid. */
function managedPiece<K extends keyof Settings>(key: K, raw: Record<string, unknown>, problems: SettingsError[]) {
  if (raw[key] === undefined) return undefined;
  const parsed = Settings.shape[key].safeParse(raw[key]);
  if (parsed.success) return parsed.data as Settings[K];
  problems.push(...zodErrors(parsed.error, ['managed', key]));
  return undefined;
}

/** The user's settings with IT's managed values over them, and which values IT manages. */
export function overlay(user: Settings, raw: Record<string, unknown>, problems: SettingsError[]) {
  const customers = managedPiece('customers', raw, problems) ?? [];
  const customPolicies = managedPolicies(raw.customPolicies, problems);
  const holidays = managedPiece('holidays', raw, problems) ?? {};
  const priorityMap = managedPiece('priorityMap', raw, problems) ?? {};
  const atRiskShare = managedPiece('atRiskShare', raw, problems);
  const readHelpdeskApis = managedPiece('readHelpdeskApis', raw, problems);

  const managed: ManagedFlags = {
    customers: customers.map((c) => c.id),
    customPolicies: customPolicies.map((p) => p.id),
    holidays: Object.keys(holidays),
    priorityMap: Object.keys(priorityMap),
    atRiskShare: atRiskShare !== undefined,
    readHelpdeskApis: readHelpdeskApis !== undefined,
  };
  const managedCustomers = new Set(managed.customers);
  const managedPolicyIds = new Set(managed.customPolicies);
  const settings: Settings = {
    ...user,
    // Managed entries first: the contract index lets the first customer win a shared domain.
    customers: [...customers, ...user.customers.filter((c) => !managedCustomers.has(c.id))],
    customPolicies: [...customPolicies, ...user.customPolicies.filter((p) => !managedPolicyIds.has(p.id))],
    holidays: { ...user.holidays, ...holidays },
    priorityMap: { ...user.priorityMap, ...priorityMap },
    atRiskShare: atRiskShare ?? user.atRiskShare,
    readHelpdeskApis: readHelpdeskApis ?? user.readHelpdeskApis,
  };
  return { settings, managed };
}

/** Stores the managed answer when it differs from the snapshot (watchSettings then reloads). */
export async function keepSnapshot(raw: Record<string, unknown>, snapshot: string | undefined): Promise<void> {
  const json = JSON.stringify(raw);
  if (json === (snapshot ?? '{}')) return;
  try {
    await browser.storage.local.set({ [MANAGED_SNAPSHOT]: json });
  } catch {
    // Best effort: the next load asks storage.managed again.
  }
}

/** Strips what IT manages: the managed values win anyway, and a stale copy must not return when IT removes them. */
export function withoutManaged(settings: Settings, managed: ManagedFlags): Settings {
  const customers = new Set(managed.customers);
  const policies = new Set(managed.customPolicies);
  const holidays = new Set(managed.holidays);
  return {
    ...settings,
    customers: settings.customers.filter((c) => !customers.has(c.id)),
    customPolicies: settings.customPolicies.filter((p) => !policies.has(p.id)),
    holidays: Object.fromEntries(Object.entries(settings.holidays).filter(([region]) => !holidays.has(region))),
  };
}
