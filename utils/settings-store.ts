import { browser } from 'wxt/browser';
import { type SettingsDiff, diffSettings } from '@/core/settings/diff';
import type { Settings } from '@/core/settings/schema';
import { type SettingsError, validateSettings } from '@/core/settings/validate';
import { readUser, WATCHED_KEYS, write } from './settings-store/layout';
import { keepSnapshot, MANAGED_KEYS, type ManagedFlags, overlay, readManaged, withoutManaged } from './settings-store/managed';
import type { SyncPiece } from './settings-store/sync-quota';
import { readPrevious, serialised } from './settings-store/undo';

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
}

export type ApplyResult =
  | { ok: true; settings: Settings; diff: SettingsDiff; warnings: string[] }
  | { ok: false; errors: SettingsError[] };

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

/** Validation and the change summary an import would make, without writing anything. */
export async function previewImport(
  raw: unknown,
): Promise<{ ok: true; settings: Settings; diff: SettingsDiff } | { ok: false; errors: SettingsError[] }> {
  const current = await loadSettings();
  const validation = validateSettings(raw, { managedCustomers: new Set(current.managed.customers) });
  if (!validation.ok) return validation;
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
    const current = await loadSettings();
    const validation = validateSettings(next, { managedCustomers: new Set(current.managed.customers) });
    if (!validation.ok) return validation;
    return store(validation.settings, 'keep', 'could not save settings', current);
  });
}

/** Restores the settings from before the last apply (once). */
export function undoLastApply(): Promise<ApplyResult> {
  return serialised(async () => {
    const previous = await readPrevious();
    if (!previous) return { ok: false, errors: [{ path: '', message: 'nothing to undo' }] };
    const current = await loadSettings();
    const validation = validateSettings(previous, { managedCustomers: new Set(current.managed.customers) });
    if (!validation.ok) return validation;
    return store(validation.settings, 'drop', 'could not restore settings', current);
  });
}

async function store(next: Settings, undo: 'keep' | 'drop', failure: string, current: LoadedSettings): Promise<ApplyResult> {
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
  const watched: Record<string, ReadonlySet<string>> = { ...WATCHED_KEYS, managed: new Set(MANAGED_KEYS) };
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
