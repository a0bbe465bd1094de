import { createContext, type ReactNode, useContext, useRef } from 'react';
import { useSettings } from '@/components/use-settings';
import type { Settings, SettingsInput } from '@/core/settings/schema';
import type { SettingsError } from '@/core/settings/validate';
import { applySettings, type LoadedSettings, undoLastApply } from '@/utils/settings-store';

export interface OptionsStore {
  loaded: LoadedSettings;
  settings: Settings;
  /**
   * Validates and stores the whole settings object, all or nothing; the errors when refused. Edits start
   * from the effective settings: the store leaves IT's managed entries out when it writes. `base`: the
   * settings `next` was made from, when not the page's current ones (an import previewed earlier):
   * refused if another window changed them since.
   */
  save(next: SettingsInput, base?: LoadedSettings): Promise<SettingsError[]>;
  undo(): Promise<boolean>;
  /**
   * How many saves and undos this page has made: an offer to undo one change holds only while no other
   * change came after it (undo restores the settings before the last one).
   */
  changes(): number;
}

const Store = createContext<OptionsStore | null>(null);

export function useStore(): OptionsStore {
  const store = useContext(Store);
  if (!store) throw new Error('useStore outside <StoreProvider>');
  return store;
}

export function StoreProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const loaded = useSettings();
  const changes = useRef(0);
  if (!loaded) return fallback;
  const store: OptionsStore = {
    loaded,
    settings: loaded.settings,
    async save(next, base = loaded) {
      const outcome = await applySettings(next, base);
      if (outcome.ok) changes.current++;
      return outcome.ok ? [] : outcome.errors;
    },
    async undo() {
      const { ok } = await undoLastApply(loaded);
      if (ok) changes.current++;
      return ok;
    },
    changes: () => changes.current,
  };
  return <Store.Provider value={store}>{children}</Store.Provider>;
}
