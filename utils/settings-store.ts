import { browser } from 'wxt/browser';
import { type SettingsDiff, diffSettings } from '@/core/settings/diff';
import type { Settings } from '@/core/settings/schema';
import { type SettingsError, validateSettings } from '@/core/settings/validate';
import { ownSync, REVISION_KEY, readRevision, readUndoCopy, readUser, WATCHED_KEYS, write } from './settings-store/layout';
import { keepSnapshot, MANAGED_KEYS, type ManagedFlags, overlay, readManaged, withoutManaged } from './settings-store/managed';
import type { SyncPiece } from './settings-store/sync-quota';
import { previousSettings, serialised } from './settings-store/undo';

/**
 * The one settings module the overlay, popup and options page read. The parts live beside it:
 * - settings-store/layout.ts: which piece is stored where (sync or local), reading and writing them;
 * - settings-store/migrations.ts: pieces an earlier version stored, migrated on load;
 * - settings-store/managed.ts: IT's values from storage.managed, over the user's and read-only;
 * - settings-store/sync-quota.ts: which small pieces fit storage.sync;
 * - settings-store/undo.ts: the settings before the last apply, and one write at a time.
 */

export type { ManagedFlags };

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
  /** The revision of the stored settings these are (changes with every write). */
  revision?: string;
}

export type ApplyResult =
  | { ok: true; settings: Settings; diff: SettingsDiff; warnings: string[] }
  | { ok: false; errors: SettingsError[] };

/** The managed values this page last used: a preview or a write does not ask storage.managed again (see loadSettings). */
let managedValues: Record<string, unknown> | undefined;

/**
 * Settings objects this page's preview validated, with the managed customers they were checked
 * against: applying the same object unchanged (the preview's, as the options page does) need not
 * validate 5,000 customers a second time. Validated objects are never modified in place.
 */
const validated = new WeakMap<object, string>();
const checkedAgainst = (managed: ManagedFlags) => JSON.stringify(managed.customers);

/** Validation, or the object as it is when this page validated it against the same managed customers. */
function validate(next: unknown, managed: ManagedFlags): ReturnType<typeof validateSettings> {
  const against = checkedAgainst(managed);
  if (typeof next === 'object' && next !== null && validated.get(next) === against) return { ok: true, settings: next as Settings };
  const validation = validateSettings(next, { managedCustomers: new Set(managed.customers) });
  if (validation.ok) validated.set(validation.settings, against);
  return validation;
}

/** This page's last write: its revision and, once written, the settings it stored (for watchSettings). */
let own: { revision: string; loaded: Promise<LoadedSettings | undefined> } | undefined;

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
  const { user, localOnly, canUndo, revision, snapshot } = await readUser(problems);
  let raw = answered;
  if (raw) await keepSnapshot(raw, snapshot);
  else {
    void managedRead.then((late) => keepSnapshot(late, snapshot));
    raw = snapshot ? (JSON.parse(snapshot) as Record<string, unknown>) : {};
  }
  managedValues = raw;
  const { settings, managed } = overlay(user, raw, problems);
  return { settings, user, managed, problems, localOnly, canUndo, revision };
}

/**
 * Validation and the change summary an import would make, without writing anything. `current`: the
 * settings the page holds (loaded when not given).
 */
export async function previewImport(
  raw: unknown,
  current?: LoadedSettings,
): Promise<{ ok: true; settings: Settings; diff: SettingsDiff } | { ok: false; errors: SettingsError[] }> {
  const base = current ?? (await loadSettings());
  const validation = validate(raw, base.managed);
  if (!validation.ok) return validation;
  const next = overlay(withoutManaged(validation.settings, base.managed), managedValues ?? (await readManaged()), []).settings;
  return { ok: true, settings: validation.settings, diff: diffSettings(base.settings, next) };
}

/**
 * The stored settings a write starts from. `base`: the settings the page holds; they are used (no
 * full read) when the stored revision is still theirs or this page's own last write — otherwise
 * another page or window changed the settings since, and the write is refused rather than
 * overwriting that change unseen (the page receives the new settings through watchSettings).
 */
async function storedNow(base: LoadedSettings | undefined): Promise<LoadedSettings | SettingsError> {
  if (!base) return loadSettings();
  const revision = await readRevision();
  const last = own;
  if (last && last.revision === revision) {
    const written = await last.loaded;
    if (written) return written;
  }
  if (revision === base.revision) return base;
  return {
    path: '',
    message: 'the settings were changed in another window since this page showed them: check them and apply again',
    code: 'changed-elsewhere',
  };
}

/**
 * Validates and stores settings (an imported file of any known version, or the options page's
 * edit) all or nothing: invalid settings or a failed write leave storage as it was. What the apply
 * replaces is kept for `undoLastApply`. `base`: the settings the page holds (see storedNow).
 */
export function applySettings(next: unknown, base?: LoadedSettings): Promise<ApplyResult> {
  return serialised(async () => {
    const current = await storedNow(base);
    if (!('user' in current)) return { ok: false, errors: [{ ...current, message: `could not save settings: ${current.message}` }] };
    const validation = validate(next, current.managed);
    if (!validation.ok) return validation;
    return store(validation.settings, 'keep', 'could not save settings', current);
  });
}

/** Restores the settings from before the last apply (once). */
export function undoLastApply(base?: LoadedSettings): Promise<ApplyResult> {
  return serialised(async () => {
    const current = await storedNow(base);
    if (!('user' in current)) return { ok: false, errors: [{ ...current, message: `could not restore settings: ${current.message}` }] };
    let previous: unknown;
    try {
      previous = previousSettings(await readUndoCopy(), current.user, current.revision);
    } catch (err) {
      return { ok: false, errors: [{ path: '', message: `could not restore settings: ${(err as Error).message}` }] };
    }
    if (!previous) return { ok: false, errors: [{ path: '', message: 'nothing to undo' }] };
    const validation = validateSettings(previous, { managedCustomers: new Set(current.managed.customers) });
    if (!validation.ok) return validation;
    return store(validation.settings, 'drop', 'could not restore settings', current);
  });
}

async function store(next: Settings, undo: 'keep' | 'drop', failure: string, current: LoadedSettings): Promise<ApplyResult> {
  const user = withoutManaged(next, current.managed);
  const revision = crypto.randomUUID();
  let done: (loaded: LoadedSettings | undefined) => void = () => undefined;
  own = { revision, loaded: new Promise((resolve) => (done = resolve)) };
  try {
    const stored = { user: current.user, localOnly: current.localOnly, problems: current.problems.some((p) => p.path.startsWith('stored')) };
    const { warnings, localOnly } = await write(user, stored, undo, revision);
    const problems: SettingsError[] = [];
    const { settings, managed } = overlay(user, managedValues ?? (await readManaged()), problems);
    done({ settings, user, managed, problems, localOnly, canUndo: undo === 'keep', revision });
    return { ok: true, settings, diff: diffSettings(current.settings, settings), warnings };
  } catch (err) {
    done(undefined);
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
  const watched: Record<string, ReadonlySet<string>> = { ...WATCHED_KEYS, managed: new Set(MANAGED_KEYS) };
  let pending: ReturnType<typeof setTimeout> | undefined;
  let written: Promise<LoadedSettings | undefined> | undefined;
  let stopped = false;
  // A stored managed snapshot that only confirms what was delivered changes nothing.
  let delivered = '';
  // One listener on browser.storage.onChanged: every browser has it, while onChanged on the
  // managed area itself is missing in some.
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    // A key set to null and then removed changes nothing (null reads as absent).
    const keys = Object.keys(changes).filter((key) => watched[area]?.has(key) && (changes[key]?.oldValue ?? changes[key]?.newValue) != null);
    if (stopped || keys.length === 0) return;
    // This page's own write: its sync part is already known, its local part delivered without a read.
    if (area === 'sync' && keys.every((key) => ownSync.get(key) === JSON.stringify(changes[key]?.newValue ?? null))) {
      for (const key of keys) ownSync.delete(key);
      return;
    }
    const mine = area === 'local' && own && changes[REVISION_KEY]?.newValue === own.revision ? own.loaded : undefined;
    // Changes in a row make one call: with the settings of this page's last write when that is all they are.
    written = pending && !written ? undefined : mine;
    if (pending) return;
    pending = setTimeout(async () => {
      pending = undefined;
      const source = written;
      written = undefined;
      try {
        const mine = await source;
        const loaded = mine ?? (await loadSettings());
        // The settings this page wrote are new by their revision; a reload is compared in full.
        const signature = mine ? '' : JSON.stringify(loaded);
        if (stopped || (signature && signature === delivered)) return;
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
