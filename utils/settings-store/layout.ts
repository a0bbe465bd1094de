import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { SETTINGS_VERSION, Settings } from '@/core/settings/schema';
import { type SettingsError, zodErrors } from '@/core/settings/validate';
import type { Areas } from './areas';
import { MANAGED_SNAPSHOT } from './managed';
import { migrateStale, STORAGE_VERSION } from './migrations';
import { planSync, SYNC_PIECES, type SyncPiece } from './sync-quota';
import { PREVIOUS_KEY } from './undo';

/**
 * Storage layout: settings are stored in pieces. Small ones (preferences, sites, recipes) go to
 * `sync:` so they follow the user (or to `local:` when over the sync quota, see sync-quota.ts),
 * large ones (customers, holidays, custom policies) to `local:`. Each piece carries the `key$`
 * version marker @wxt-dev/storage uses; both areas are read in one call each.
 */

export interface Prefs {
  priorityMap: Settings['priorityMap'];
  atRiskShare: number;
  readHelpdeskApis?: boolean;
}

export const LOCAL_PIECES = ['customers', 'holidays', 'customPolicies'] as const;
type LocalPiece = (typeof LOCAL_PIECES)[number];

const SYNC_KEYS = SYNC_PIECES.flatMap((name) => [name, `${name}$`]);
const LOCAL_KEYS = [...LOCAL_PIECES, ...SYNC_PIECES, PREVIOUS_KEY].flatMap((name) => [name, `${name}$`]);

export const readAreas = async (): Promise<Areas> => {
  const [sync, local] = await Promise.all([
    browser.storage.sync.get(SYNC_KEYS),
    browser.storage.local.get([...LOCAL_KEYS, MANAGED_SNAPSHOT]),
  ]);
  return { sync, local };
};

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

export interface StoredUser {
  user: Settings;
  /** Sync pieces kept in this browser only because they are over the sync quota. */
  localOnly: SyncPiece[];
  canUndo: boolean;
  /** The managed values last seen (JSON), if any. */
  snapshot: string | undefined;
}

/** The user's own settings as stored, migrating first the pieces an earlier version wrote. */
export async function readUser(problems: SettingsError[]): Promise<StoredUser> {
  let areas = await readAreas();
  const { migrated, failed } = await migrateStale(areas, problems);
  if (migrated) areas = await readAreas();
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
  return {
    user,
    localOnly,
    canUndo: areas.local[PREVIOUS_KEY] != null,
    snapshot: typeof snapshot === 'string' ? snapshot : undefined,
  };
}

/** The version marker @wxt-dev/storage keeps beside a versioned item (`key$`), written with the value. */
const withMeta = (area: 'sync' | 'local', name: string, value: unknown) => [
  { key: `${area}:${name}` as const, value },
  { key: `${area}:${name}$` as const, value: { v: STORAGE_VERSION } },
];

/**
 * Stores the user's settings and the undo copy (null: none). Each area is written in one call,
 * which the browser applies atomically; if the second fails, both areas are restored. Returns the
 * sync quota warnings.
 */
export async function write(user: Settings, previous: Settings | null): Promise<string[]> {
  const plan = planSync({
    prefs: { priorityMap: user.priorityMap, atRiskShare: user.atRiskShare, readHelpdeskApis: user.readHelpdeskApis } satisfies Prefs,
    sites: user.sites,
    recipes: user.recipes,
  });
  const local = [
    ...LOCAL_PIECES.flatMap((name) => withMeta('local', name, user[name])),
    ...SYNC_PIECES.flatMap((name) => (name in plan.overflow ? withMeta('local', name, plan.overflow[name]) : [])),
    ...(previous ? [{ key: `local:${PREVIOUS_KEY}` as const, value: previous }] : []),
  ];
  const sync = SYNC_PIECES.flatMap((name) => (name in plan.sync ? withMeta('sync', name, plan.sync[name]) : []));
  const stale = [
    ...SYNC_PIECES.filter((name) => name in plan.overflow).flatMap((name) => [`sync:${name}`, `sync:${name}$`] as const),
    ...SYNC_PIECES.filter((name) => name in plan.sync).flatMap((name) => [`local:${name}`, `local:${name}$`] as const),
    ...(previous ? [] : [`local:${PREVIOUS_KEY}` as const]),
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

/** What watchSettings listens to, by area. */
export const WATCHED_KEYS = {
  sync: new Set<string>(SYNC_PIECES),
  local: new Set<string>([...SYNC_PIECES, ...LOCAL_PIECES, MANAGED_SNAPSHOT]),
};
