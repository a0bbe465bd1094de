import { useEffect, useState } from 'react';
import { type LoadedSettings, loadSettings, watchSettings } from '@/utils/settings-store';

/** The effective settings (managed values merged in), kept current while the page is open. */
export function useSettings(): LoadedSettings | null {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  useEffect(() => {
    let live = true;
    loadSettings().then((s) => live && setLoaded(s));
    const unwatch = watchSettings((s) => live && setLoaded(s));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return loaded;
}
