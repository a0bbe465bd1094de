import { storage } from '@wxt-dev/storage';
import { z } from 'zod';
import {
  customersFromMappings,
  holidaysFromLists,
  type MappingV0,
  priorityMapFromV0,
  sitesFromHosts,
} from '@/core/settings/migrate';
import { SETTINGS_VERSION, Settings } from '@/core/settings/schema';
import { type SettingsError, zodErrors } from '@/core/settings/validate';
import type { Areas } from './areas';

/**
 * Migrations of stored pieces. Item versions: @wxt-dev/storage counts from 1, so item version 1 is
 * the prototype's (settings v0) shape of a piece and version 2 is settings v1. The per-item
 * migrations reuse core/settings/migrate.
 */
export const STORAGE_VERSION = SETTINGS_VERSION + 1;

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

/**
 * Migrates the pieces an earlier version wrote (sync data may also come from an older copy on
 * another device), given what was read. A piece whose migration fails is reported and returned in
 * `failed`. `migrated` tells whether anything was written (the caller then reads again).
 */
export async function migrateStale(areas: Areas, problems: SettingsError[]): Promise<{ migrated: boolean; failed: Set<string> }> {
  const stale = MIGRATED.filter(({ area, name }) => {
    const meta = areas[area][`${name}$`] as { v?: number } | undefined;
    return areas[area][name] != null && meta?.v !== STORAGE_VERSION;
  });
  const failed = new Set<string>();
  await Promise.all(
    stale.map(({ name, item }) =>
      item.migrate().catch((err: Error) => {
        failed.add(name);
        const cause = err.cause instanceof z.ZodError ? zodErrors(err.cause)[0] : undefined;
        const detail = cause ? `${cause.path}: ${cause.message}` : ((err.cause as Error | undefined)?.message ?? err.message);
        problems.push({ path: `stored.${name}`, message: `could not migrate the stored ${name}: ${detail}` });
      }),
    ),
  );
  return { migrated: stale.length > 0, failed };
}
