import type { Worker } from 'playwright-core';
import { Settings, type SettingsInput } from '../../../core/settings/schema';

/**
 * Puts settings into the extension's storage before a test, in the layout utils/settings-store.ts
 * writes (small pieces in `sync:`, large ones in `local:`, each with the `key$` version marker of
 * @wxt-dev/storage — without it the store would migrate the value as an old one). Written from the
 * service worker, so the overlay sees a storage change exactly as after an options-page save.
 */
const STORAGE_VERSION = 2;

export async function seedSettings(worker: Worker, input: SettingsInput): Promise<Settings> {
  const settings = Settings.parse(input);
  const meta = { v: STORAGE_VERSION };
  const sync = {
    prefs: { priorityMap: settings.priorityMap, atRiskShare: settings.atRiskShare },
    'prefs$': meta,
    sites: settings.sites,
    'sites$': meta,
    recipes: settings.recipes,
    'recipes$': meta,
  };
  const local = {
    customers: settings.customers,
    'customers$': meta,
    holidays: settings.holidays,
    'holidays$': meta,
    customPolicies: settings.customPolicies,
    'customPolicies$': meta,
  };
  await worker.evaluate(
    async ([s, l]) => {
      // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`, not typed in Node
      const chrome = (globalThis as any).chrome;
      await chrome.storage.local.set(l);
      await chrome.storage.sync.set(s);
    },
    [sync, local] as const,
  );
  return settings;
}
