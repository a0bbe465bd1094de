import { browser } from 'wxt/browser';

/**
 * Sync quota handling: which of the small pieces fit storage.sync. Chrome's limit for one item is
 * 8,192 bytes (Firefox's is the same). The 100 KB total cannot be reached: the three sync items are at
 * most 8 KB each and everything else lives in local.
 */
const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

/** Settings pieces that go to `sync:` when they fit. */
export const SYNC_PIECES = ['prefs', 'sites', 'recipes'] as const;
export type SyncPiece = (typeof SYNC_PIECES)[number];

const SYNC_LABELS: Record<SyncPiece, string> = {
  prefs: 'Priority values and the at-risk threshold',
  sites: 'Helpdesk sites',
  recipes: 'Recipes',
};

/** Bytes storage.sync charges for one item: its key plus its JSON. */
function syncBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export interface SyncPlan {
  sync: Partial<Record<SyncPiece, unknown>>;
  overflow: Partial<Record<SyncPiece, unknown>>;
  warnings: string[];
}

/** Which sync pieces fit storage.sync; the others stay in this browser, with a warning saying why. */
export function planSync(values: Record<SyncPiece, unknown>): SyncPlan {
  const perItem = browser.storage.sync?.QUOTA_BYTES_PER_ITEM ?? SYNC_QUOTA_BYTES_PER_ITEM;
  const plan: SyncPlan = { sync: {}, overflow: {}, warnings: [] };
  for (const name of SYNC_PIECES) {
    const bytes = syncBytes(name, values[name]);
    if (bytes <= perItem) plan.sync[name] = values[name];
    else {
      plan.overflow[name] = values[name];
      plan.warnings.push(
        `${SYNC_LABELS[name]} take ${bytes.toLocaleString('en')} bytes, over the browser's ${perItem.toLocaleString('en')}-byte limit for one synced item: kept in this browser only, not synced to your other browsers.`,
      );
    }
  }
  return plan;
}
