import { browser } from 'wxt/browser';
import { SETTINGS_VERSION, Settings } from '@/core/settings/schema';
import { type SettingsError, zodErrors } from '@/core/settings/validate';
import type { Areas } from './areas';
import { MANAGED_SNAPSHOT } from './managed';
import { migrateStale, STORAGE_VERSION } from './migrations';
import { planSync, SYNC_PIECES, type SyncPiece } from './sync-quota';
import { changesBetween, PREVIOUS_KEY, undoCopy } from './undo';

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
const LOCAL_KEYS = [...LOCAL_PIECES, ...SYNC_PIECES].flatMap((name) => [name, `${name}$`]);

/** A new random id with every write of the settings (see readRevision). */
export const REVISION_KEY = 'settingsRevision';

export const readAreas = async (): Promise<Areas> => {
  const [sync, local] = await Promise.all([
    browser.storage.sync.get(SYNC_KEYS),
    browser.storage.local.get([...LOCAL_KEYS, PREVIOUS_KEY, REVISION_KEY, MANAGED_SNAPSHOT]),
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
  /** The revision of the stored settings (see readRevision). */
  revision: string | undefined;
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
  const revision = areas.local[REVISION_KEY];
  return {
    revision: typeof revision === 'string' ? revision : undefined,
    user,
    localOnly,
    canUndo: areas.local[PREVIOUS_KEY] != null,
    snapshot: typeof snapshot === 'string' ? snapshot : undefined,
  };
}

/** The version marker @wxt-dev/storage keeps beside a versioned item (`key$`), written with the value. */
const withMeta = (name: string, value: unknown) => ({ [name]: value, [`${name}$`]: value === null ? null : { v: STORAGE_VERSION } });

/** The stored pieces of the user's settings, by name. */
function piecesOf(user: Settings): Record<LocalPiece | SyncPiece, unknown> {
  const prefs: Prefs = { priorityMap: user.priorityMap, atRiskShare: user.atRiskShare, readHelpdeskApis: user.readHelpdeskApis };
  return { prefs, sites: user.sites, recipes: user.recipes, customers: user.customers, holidays: user.holidays, customPolicies: user.customPolicies };
}

/** What is stored now, as loaded: the base a write compares with, so it writes only what changed. */
export interface StoredState {
  user: Settings;
  localOnly: SyncPiece[];
  /** Stored pieces were invalid or could not be migrated: everything is written again. */
  problems: boolean;
}

export interface Written {
  warnings: string[];
  localOnly: SyncPiece[];
}

/**
 * What this page's last write put into (or removed from) the sync area, by key (JSON; removed: null):
 * watchSettings need not reload for the change events of a write whose settings it already has.
 */
export const ownSync = new Map<string, string>();

/**
 * Stores the user's settings over `stored` (what is stored now), writing only the pieces that changed,
 * with a new revision and the undo copy (`keep`: of what this write replaces; `drop`: none). The local
 * area is written in one call, which the browser applies atomically; the sync area (small pieces)
 * before it, and restored when the local write fails. A piece that moves between the areas is set to
 * null in the area it leaves within the same call (null reads as absent), then removed.
 */
export async function write(user: Settings, stored: StoredState, undo: 'keep' | 'drop', revision: string): Promise<Written> {
  const next = piecesOf(user);
  const plan = planSync({ prefs: next.prefs, sites: next.sites, recipes: next.recipes });
  const localOnly = SYNC_PIECES.filter((name) => name in plan.overflow);
  const changes = changesBetween(stored.user, user);
  const changed = new Set<string>(changes.fields);
  if (['priorityMap', 'atRiskShare', 'readHelpdeskApis'].some((field) => changed.has(field))) changed.add('prefs');
  const unchanged = (name: LocalPiece | SyncPiece) =>
    !stored.problems && stored.localOnly.includes(name as SyncPiece) === localOnly.includes(name as SyncPiece) && !changed.has(name);

  const local: Record<string, unknown> = { [REVISION_KEY]: revision };
  const sync: Record<string, unknown> = {};
  const leaving = { local: [] as string[], sync: [] as string[] };
  for (const name of LOCAL_PIECES) if (!unchanged(name)) Object.assign(local, withMeta(name, next[name]));
  for (const name of SYNC_PIECES) {
    if (unchanged(name)) continue;
    const toLocal = name in plan.overflow;
    Object.assign(toLocal ? local : sync, withMeta(name, next[name]));
    if (toLocal) leaving.sync.push(name, `${name}$`);
    else if (stored.localOnly.includes(name) || stored.problems) {
      Object.assign(local, withMeta(name, null));
      leaving.local.push(name, `${name}$`);
    }
  }
  local[PREVIOUS_KEY] = undo === 'keep' ? undoCopy(stored.user, changes, revision) : null;
  if (undo === 'drop') leaving.local.push(PREVIOUS_KEY);

  const syncKeys = Object.keys(sync);
  ownSync.clear();
  for (const key of [...syncKeys, ...leaving.sync]) ownSync.set(key, JSON.stringify(sync[key] ?? null));
  const syncBefore = syncKeys.length ? await browser.storage.sync.get(syncKeys) : {};
  if (syncKeys.length) await browser.storage.sync.set(sync);
  try {
    await browser.storage.local.set(local);
  } catch (err) {
    await restoreSync(syncKeys, syncBefore);
    throw err;
  }
  // Best effort: what is left is null in local (reads as absent) or overruled by local in sync.
  for (const area of ['local', 'sync'] as const) {
    if (leaving[area].length) await browser.storage[area].remove(leaving[area]).catch(() => undefined);
  }
  return { warnings: plan.warnings, localOnly };
}

async function restoreSync(keys: string[], before: Record<string, unknown>) {
  try {
    const absent = keys.filter((key) => !(key in before));
    if (absent.length) await browser.storage.sync.remove(absent);
    await browser.storage.sync.set(before);
  } catch {
    // Nothing more can be done; the caller reports the original error.
  }
}

/** The revision of the stored settings (a new one with every write): a cheap check that nothing changed. */
export async function readRevision(): Promise<string | undefined> {
  const value = (await browser.storage.local.get(REVISION_KEY))[REVISION_KEY];
  return typeof value === 'string' ? value : undefined;
}

/** The stored undo copy, if any. */
export async function readUndoCopy(): Promise<unknown> {
  return (await browser.storage.local.get(PREVIOUS_KEY))[PREVIOUS_KEY] ?? undefined;
}

/** What watchSettings listens to, by area. */
export const WATCHED_KEYS = {
  sync: new Set<string>(SYNC_PIECES),
  local: new Set<string>([...SYNC_PIECES, ...LOCAL_PIECES, MANAGED_SNAPSHOT, REVISION_KEY]),
};
