import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type SettingsDiff, diffSettings } from '@/core/settings/diff';
import {
  customersFromMappings,
  holidaysFromLists,
  priorityMapFromV0,
  sitesFromHosts,
  type MappingV0,
} from '@/core/settings/migrate';
import { SETTINGS_VERSION, Settings } from '@/core/settings/schema';
import { type SettingsError, validateSettings, zodErrors } from '@/core/settings/validate';
import { Policy } from '@/core/policy/schema';

/**
 * The one settings module the overlay, popup and options page read. Settings are stored in pieces:
 * small ones (preferences, sites, recipes) in `sync:` so they follow the user, large ones (customers,
 * holidays, custom policies) in `local:`. IT can push customers, policies, holidays and priority
 * values through `storage.managed` (public/managed_schema.json); those win and are read-only.
 *
 * Item versions: @wxt-dev/storage counts from 1, so item version 1 is the prototype's (settings v0)
 * shape of a piece and version 2 is settings v1. The per-item migrations reuse core/settings/migrate.
 */

const STORAGE_VERSION = SETTINGS_VERSION + 1;

interface Prefs {
  priorityMap: Settings['priorityMap'];
  atRiskShare: number;
  readHelpdeskApis?: boolean;
}

/** Settings pieces that go to `sync:` when they fit. */
const SYNC_PIECES = ['prefs', 'sites', 'recipes'] as const;
type SyncPiece = (typeof SYNC_PIECES)[number];
const SYNC_LABELS: Record<SyncPiece, string> = {
  prefs: 'Priority values and the at-risk threshold',
  sites: 'Helpdesk sites',
  recipes: 'Recipes',
};
const LOCAL_PIECES = ['customers', 'holidays', 'customPolicies'] as const;
type LocalPiece = (typeof LOCAL_PIECES)[number];

/**
 * Chrome's storage.sync limit for one item (Firefox's is the same). The 100 KB total cannot be
 * reached: the three sync items are at most 8 KB each and everything else lives in local.
 */
const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

/** A migration whose result is checked by the piece's schema: stored values are trusted on load. */
function checked<K extends keyof Settings, Old>(key: K, migrate: (old: Old) => unknown) {
  return (old: Old) => Settings.shape[key].parse(migrate(old));
}

const migrations = {
  prefs: {
    2: (old: { priorities?: Record<string, string>; atRiskPercent?: number }) => ({
      priorityMap: Settings.shape.priorityMap.parse(priorityMapFromV0(old.priorities ?? {})),
      atRiskShare: Settings.shape.atRiskShare.parse((old.atRiskPercent ?? 25) / 100),
    }),
  },
  sites: { 2: checked('sites', (old: Record<string, string>) => sitesFromHosts(old)) },
  customers: { 2: checked('customers', (old: MappingV0[]) => customersFromMappings(old)) },
  holidays: { 2: checked('holidays', (old: Record<string, string[]>) => holidaysFromLists(old)) },
};

// biome-ignore lint/suspicious/noExplicitAny: each migration takes the shape of its own earlier version.
const item = (key: `sync:${string}` | `local:${string}`, migrations: Record<number, (old: any) => unknown>) =>
  storage.defineItem<unknown>(key, { version: STORAGE_VERSION, migrations });

const MANAGED_KEYS = ['customers', 'customPolicies', 'holidays', 'priorityMap', 'atRiskShare', 'readHelpdeskApis'] as const;

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

export interface LoadedSettings {
  /** What the overlay and popup use: the user's settings with IT's managed values over them. */
  settings: Settings;
  /** The user's own settings (what applySettings wrote). */
  user: Settings;
  managed: ManagedFlags;
  /** Stored or managed values that were invalid and left out. */
  problems: SettingsError[];
  /** Sync pieces kept in this browser only because they are over the sync quota. */
  localOnly: SyncPiece[];
  canUndo: boolean;
}

export type ApplyResult =
  | { ok: true; settings: Settings; diff: SettingsDiff; warnings: string[] }
  | { ok: false; errors: SettingsError[] };

/**
 * The pieces with an earlier version, as @wxt-dev/storage items (for their migrations). Everything
 * is read and written in one call per area, with the `key$` version marker these items use.
 */
const MIGRATED = [
  { area: 'sync', name: 'prefs', item: item('sync:prefs', migrations.prefs) },
  { area: 'sync', name: 'sites', item: item('sync:sites', migrations.sites) },
  { area: 'local', name: 'customers', item: item('local:customers', migrations.customers) },
  { area: 'local', name: 'holidays', item: item('local:holidays', migrations.holidays) },
] as const;
const SYNC_KEYS = SYNC_PIECES.flatMap((name) => [name, `${name}$`]);
const LOCAL_KEYS = [...LOCAL_PIECES, ...SYNC_PIECES, 'previousSettings'].flatMap((name) => [name, `${name}$`]);
/** The last answer of storage.managed, kept in local storage (see loadSettings). */
const MANAGED_SNAPSHOT = 'managedSnapshot';

type Areas = { sync: Record<string, unknown>; local: Record<string, unknown> };
const readAreas = async (): Promise<Areas> => {
  const [sync, local] = await Promise.all([
    browser.storage.sync.get(SYNC_KEYS),
    browser.storage.local.get([...LOCAL_KEYS, MANAGED_SNAPSHOT]),
  ]);
  return { sync, local };
};

/**
 * Reads every stored piece in one call per area, migrating first the pieces an earlier version
 * wrote (sync data may also come from an older copy on another device). A piece whose migration
 * fails is reported and left out.
 */
async function readStored(problems: SettingsError[]): Promise<{ areas: Areas; failed: Set<string> }> {
  let areas = await readAreas();
  const stale = MIGRATED.filter(({ area, name }) => {
    const meta = areas[area][`${name}$`] as { v?: number } | undefined;
    return areas[area][name] != null && meta?.v !== STORAGE_VERSION;
  });
  const failed = new Set<string>();
  if (stale.length === 0) return { areas, failed };
  await Promise.all(
    stale.map(({ name, item }) =>
      item.migrate().catch((err: Error) => {
        failed.add(name);
        const cause = err.cause instanceof z.ZodError ? zodErrors(err.cause)[0] : undefined;
        const detail = cause ? `${cause.path}: ${cause.message}` : (err.cause as Error | undefined)?.message ?? err.message;
        problems.push({ path: `stored.${name}`, message: `could not migrate the stored ${name}: ${detail}` });
      }),
    ),
  );
  areas = await readAreas();
  return { areas, failed };
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    // Firefox rejects when no policy is installed for the extension; Chrome returns {}.
    return {};
  }
}

/** One piece through its schema: the stored value, or the default and a problem when it is invalid. */
function piece<K extends keyof Settings>(key: K, value: unknown, problems: SettingsError[], prefix: string): Settings[K] {
  const schema = Settings.shape[key];
  const parsed = schema.safeParse(value ?? undefined);
  if (parsed.success) return parsed.data as Settings[K];
  problems.push(...zodErrors(parsed.error, [prefix, key]));
  return schema.parse(undefined) as Settings[K];
}

/**
 * Local pieces are only written validated (by applySettings or a checked migration), so loading
 * skips their schema — 5,000 customers load in milliseconds; only their container type is checked.
 * Sync pieces are small and may come from another device: they go through the schema.
 */
function trusted<K extends LocalPiece>(key: K, value: unknown, problems: SettingsError[]): Settings[K] {
  const fallback = Settings.shape[key].parse(undefined) as Settings[K];
  if (value == null) return fallback;
  if (Array.isArray(value) === Array.isArray(fallback) && typeof value === 'object') return value as Settings[K];
  problems.push({ path: `stored.${key}`, message: `expected ${Array.isArray(fallback) ? 'a list' : 'an object'}` });
  return fallback;
}

interface StoredUser {
  user: Settings;
  localOnly: SyncPiece[];
  canUndo: boolean;
  /** The managed values last seen (JSON), if any. */
  snapshot: string | undefined;
}

async function readUser(problems: SettingsError[]): Promise<StoredUser> {
  const { areas, failed } = await readStored(problems);
  const stored = (area: 'sync' | 'local', name: string) => (failed.has(name) ? undefined : areas[area][name]);
  const localOnly = SYNC_PIECES.filter((name) => areas.local[name] != null);
  const sync = (name: SyncPiece) => stored('local', name) ?? stored('sync', name);
  const prefs = (sync('prefs') ?? {}) as Partial<Prefs>;
  const user: Settings = {
    version: SETTINGS_VERSION,
    customers: trusted('customers', stored('local', 'customers'), problems),
    sites: piece('sites', sync('sites'), problems, 'stored'),
    recipes: piece('recipes', sync('recipes'), problems, 'stored'),
    priorityMap: piece('priorityMap', prefs.priorityMap, problems, 'stored'),
    atRiskShare: piece('atRiskShare', prefs.atRiskShare, problems, 'stored'),
    readHelpdeskApis: prefs.readHelpdeskApis ?? true,
    holidays: trusted('holidays', stored('local', 'holidays'), problems),
    customPolicies: trusted('customPolicies', stored('local', 'customPolicies'), problems),
  };
  const snapshot = areas.local[MANAGED_SNAPSHOT];
  return { user, localOnly, canUndo: areas.local.previousSettings != null, snapshot: typeof snapshot === 'string' ? snapshot : undefined };
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

function overlay(user: Settings, raw: Record<string, unknown>, problems: SettingsError[]) {
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
async function keepSnapshot(raw: Record<string, unknown>, snapshot: string | undefined): Promise<void> {
  const json = JSON.stringify(raw);
  if (json === (snapshot ?? '{}')) return;
  try {
    await browser.storage.local.set({ [MANAGED_SNAPSHOT]: json });
  } catch {
    // Best effort: the next load asks storage.managed again.
  }
}

/**
 * The effective settings. The first storage.managed read after a browser start can take seconds
 * (~4.6 s measured in a fresh Chromium profile) while sync and local answer in milliseconds, so a
 * managed answer that is not there when the user's settings are read is not waited for: the last
 * managed answer (kept in local storage) stands in, and when the real answer differs it is stored,
 * which makes watchSettings deliver the settings with it. Managed values win as soon as known.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  const problems: SettingsError[] = [];
  let answered: Record<string, unknown> | undefined;
  const managedRead = readManaged().then((raw) => {
    answered = raw;
    return raw;
  });
  const { user, localOnly, canUndo, snapshot } = await readUser(problems);
  let raw = answered;
  if (raw) await keepSnapshot(raw, snapshot);
  else {
    void managedRead.then((late) => keepSnapshot(late, snapshot));
    raw = snapshot ? (JSON.parse(snapshot) as Record<string, unknown>) : {};
  }
  const { settings, managed } = overlay(user, raw, problems);
  return { settings, user, managed, problems, localOnly, canUndo };
}

/** Bytes storage.sync charges for one item: its key plus its JSON. */
function syncBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

interface Plan {
  sync: Partial<Record<SyncPiece, unknown>>;
  overflow: Partial<Record<SyncPiece, unknown>>;
  warnings: string[];
}

/** Which sync pieces fit storage.sync; the others stay in this browser, with a warning saying why. */
function planSync(values: Record<SyncPiece, unknown>): Plan {
  const perItem = browser.storage.sync?.QUOTA_BYTES_PER_ITEM ?? SYNC_QUOTA_BYTES_PER_ITEM;
  const plan: Plan = { sync: {}, overflow: {}, warnings: [] };
  for (const name of SYNC_PIECES) {
    const bytes = syncBytes(name, values[name]);
    if (bytes <= perItem) plan.sync[name] = values[name];
    else {
      plan.overflow[name] = values[name];
      plan.warnings.push(
        `${SYNC_LABELS[name]} take ${bytes.toLocaleString('en')} bytes, over the browser's ${perItem.toLocaleString('en')}-byte limit for one synced item: kept in this browser only, not synced to your other browsers.`,
      );
    }
  }
  return plan;
}

/** The version marker @wxt-dev/storage keeps beside a versioned item (`key$`), written with the value. */
const withMeta = (area: 'sync' | 'local', name: string, value: unknown) => [
  { key: `${area}:${name}` as const, value },
  { key: `${area}:${name}$` as const, value: { v: STORAGE_VERSION } },
];

/**
 * Stores the user's settings and the undo copy (null: none). Each area is written in one call,
 * which the browser applies atomically; if the second fails, both areas are restored.
 */
async function write(user: Settings, previous: Settings | null): Promise<string[]> {
  const plan = planSync({
    prefs: { priorityMap: user.priorityMap, atRiskShare: user.atRiskShare, readHelpdeskApis: user.readHelpdeskApis } satisfies Prefs,
    sites: user.sites,
    recipes: user.recipes,
  });
  const local = [
    ...LOCAL_PIECES.flatMap((name) => withMeta('local', name, user[name])),
    ...SYNC_PIECES.flatMap((name) => (name in plan.overflow ? withMeta('local', name, plan.overflow[name]) : [])),
    ...(previous ? [{ key: 'local:previousSettings' as const, value: previous }] : []),
  ];
  const sync = SYNC_PIECES.flatMap((name) => (name in plan.sync ? withMeta('sync', name, plan.sync[name]) : []));
  const stale = [
    ...SYNC_PIECES.filter((name) => name in plan.overflow).flatMap((name) => [`sync:${name}`, `sync:${name}$`] as const),
    ...SYNC_PIECES.filter((name) => name in plan.sync).flatMap((name) => [`local:${name}`, `local:${name}$`] as const),
    ...(previous ? [] : ['local:previousSettings' as const]),
  ];

  const before = await readAreas();
  try {
    await storage.setItems(local);
    if (sync.length) await storage.setItems(sync);
    await storage.removeItems(stale);
  } catch (err) {
    await restore('local', LOCAL_KEYS, before.local);
    await restore('sync', SYNC_KEYS, before.sync);
    throw err;
  }
  return plan.warnings;
}

async function restore(area: 'local' | 'sync', keys: string[], before: Record<string, unknown>) {
  try {
    const absent = keys.filter((key) => !(key in before));
    if (absent.length) await browser.storage[area].remove(absent);
    await browser.storage[area].set(before);
  } catch {
    // Nothing more can be done; the caller reports the original error.
  }
}

/** Writes go one after another, so an undo cannot interleave with an apply. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Strips what IT manages: the managed values win anyway, and a stale copy must not return when IT removes them. */
function withoutManaged(settings: Settings, managed: ManagedFlags): Settings {
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

/** Validation and the change summary an import would make, without writing anything. */
export async function previewImport(
  raw: unknown,
): Promise<{ ok: true; settings: Settings; diff: SettingsDiff } | { ok: false; errors: SettingsError[] }> {
  const validation = validateSettings(raw);
  if (!validation.ok) return validation;
  const current = await loadSettings();
  const next = overlay(withoutManaged(validation.settings, current.managed), await readManaged(), []).settings;
  return { ok: true, settings: validation.settings, diff: diffSettings(current.settings, next) };
}

/**
 * Validates and stores settings (an imported file of any known version, or the options page's
 * edit) all or nothing: invalid settings or a failed write leave storage as it was. The settings
 * before are kept for `undoLastApply`.
 */
export function applySettings(next: unknown): Promise<ApplyResult> {
  return serialised(async () => {
    const validation = validateSettings(next);
    if (!validation.ok) return validation;
    return store(validation.settings, 'keep', 'could not save settings');
  });
}

/** Restores the settings from before the last apply (once). */
export function undoLastApply(): Promise<ApplyResult> {
  return serialised(async () => {
    const previous = (await browser.storage.local.get('previousSettings')).previousSettings;
    if (!previous) return { ok: false, errors: [{ path: '', message: 'nothing to undo' }] };
    const validation = validateSettings(previous);
    if (!validation.ok) return validation;
    return store(validation.settings, 'drop', 'could not restore settings');
  });
}

async function store(next: Settings, undo: 'keep' | 'drop', failure: string): Promise<ApplyResult> {
  const current = await loadSettings();
  const user = withoutManaged(next, current.managed);
  try {
    const warnings = await write(user, undo === 'keep' ? current.user : null);
    const { settings } = overlay(user, await readManaged(), []);
    return { ok: true, settings, diff: diffSettings(current.settings, settings), warnings };
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `${failure}: ${(err as Error).message}` }] };
  }
}

/** The settings export: the effective Settings object as JSON (what `sla check` validates). */
export async function exportSettings(): Promise<string> {
  const { settings } = await loadSettings();
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/**
 * Calls `cb` with freshly loaded settings whenever stored or managed settings change (several keys
 * written by one apply produce one call; a reload that finds nothing new, none). Returns the function that stops watching.
 */
export function watchSettings(cb: (loaded: LoadedSettings) => void): () => void {
  const watched: Record<string, ReadonlySet<string>> = {
    sync: new Set(SYNC_PIECES),
    local: new Set<string>([...SYNC_PIECES, ...LOCAL_PIECES, MANAGED_SNAPSHOT]),
    managed: new Set(MANAGED_KEYS),
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // A stored managed snapshot that only confirms what was delivered changes nothing.
  let delivered = '';
  // One listener on browser.storage.onChanged: every browser has it, while onChanged on the
  // managed area itself is missing in some.
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (pending || stopped || !Object.keys(changes).some((key) => watched[area]?.has(key))) return;
    pending = setTimeout(async () => {
      pending = undefined;
      try {
        const loaded = await loadSettings();
        const signature = JSON.stringify(loaded);
        if (stopped || signature === delivered) return;
        delivered = signature;
        cb(loaded);
      } catch (err) {
        console.error('[SLA Lens] could not reload settings', err);
      }
    }, 0);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    if (pending) clearTimeout(pending);
    browser.storage.onChanged.removeListener(listener);
  };
}
