import { createContext, type ReactNode, useContext } from 'react';
import { useSettings } from '@/components/use-settings';
import type { Settings, SettingsInput } from '@/core/settings/schema';
import type { SettingsError } from '@/core/settings/validate';
import { applySettings, type LoadedSettings, undoLastApply } from '@/utils/settings-store';

export interface OptionsStore {
  loaded: LoadedSettings;
  settings: Settings;
  /**
   * Validates and stores the whole settings object, all or nothing; the errors when refused. Edits start
   * from the effective settings: the store leaves IT's managed entries out when it writes.
   */
  save(next: SettingsInput): Promise<SettingsError[]>;
  undo(): Promise<boolean>;
}

const Store = createContext<OptionsStore | null>(null);

export function useStore(): OptionsStore {
  const store = useContext(Store);
  if (!store) throw new Error('useStore outside <StoreProvider>');
  return store;
}

export function StoreProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const loaded = useSettings();
  if (!loaded) return fallback;
  const store: OptionsStore = {
    loaded,
    settings: loaded.settings,
    async save(next) {
      const outcome = await applySettings(next);
      return outcome.ok ? [] : outcome.errors;
    },
    undo: async () => (await undoLastApply()).ok,
  };
  return <Store.Provider value={store}>{children}</Store.Provider>;
}
