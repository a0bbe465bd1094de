import { storage } from '@wxt-dev/storage';

/**
 * The zone the popup last read a submission time in ("a ticket from Berlin read in New York"):
 * kept in this browser only, so the next ad-hoc deadline starts there.
 */
const item = storage.defineItem<string | null>('local:adhocZone', { fallback: null });

export const loadAdhocZone = (): Promise<string | null> => item.getValue();
export const rememberAdhocZone = (zone: string): Promise<void> => item.setValue(zone);
