import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Customer } from '../../core/settings/schema';
import { customer, settings } from './fixtures';

/**
 * How the store writes from the settings a page holds: only what changed, with an undo copy of only
 * what it replaced, without reading everything again, and never over another page's change unseen.
 * Each `page()` is a fresh copy of the store module, as a separately opened extension page has.
 */

const page = async () => {
  vi.resetModules();
  return import('../../utils/settings-store');
};

const rawArea = (area: 'local' | 'sync') => fakeBrowser.storage[area].get() as Promise<Record<string, unknown>>;
const both = () => Promise.all([rawArea('local'), rawArea('sync')]);

const team = (n: number): Customer[] => Array.from({ length: n }, (_, i) => customer({ id: `c${i}`, name: `Customer ${i}`, domains: [`c${i}.example`] }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('writing from the settings the page holds', () => {
  it('writes only the pieces that changed, and an undo copy of only the customers it replaced', async () => {
    const store = await page();
    const before = settings({ customers: team(50), atRiskShare: 0.3, sites: [{ adapter: 'rt', matches: ['https://rt.example.com/*'] }] });
    expect((await store.applySettings(before)).ok).toBe(true);
    const loaded = await store.loadSettings();
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');

    const customers = before.customers.map((c, i) => (i % 25 === 3 ? { ...c, level: 'platinum' } : c));
    expect((await store.applySettings({ ...before, customers }, loaded)).ok).toBe(true);

    // No sync write (nothing small changed), one local write with the customers, the undo copy and a new revision.
    expect(syncSet).not.toHaveBeenCalled();
    expect(localSet).toHaveBeenCalledTimes(1);
    expect(Object.keys(localSet.mock.calls[0]?.[0] ?? {}).sort()).toEqual(['customers', 'customers$', 'previousSettings', 'settingsRevision']);
    // Only the revision was read, not the settings again.
    expect(localGet.mock.calls.map((c) => c[0])).toEqual(['settingsRevision']);
    const undo = (await rawArea('local')).previousSettings as { fields: { customers: Array<Customer | string> } };
    expect(Object.keys(undo.fields)).toEqual(['customers']);
    expect(undo.fields.customers.filter((c) => typeof c !== 'string')).toEqual([before.customers[3], before.customers[28]]);
    expect(undo.fields.customers.filter((c) => typeof c === 'string')).toHaveLength(48);
  });

  it('undoes a partial change exactly, also from a page opened after the apply', async () => {
    const first = await page();
    const before = settings({ customers: team(30), atRiskShare: 0.3, holidays: {} });
    await first.applySettings(before);
    const [localBefore, syncBefore] = await both();
    const loaded = await first.loadSettings();
    const customers = [...before.customers.slice(0, 10).map((c) => ({ ...c, notes: 'moved' })), ...before.customers.slice(12), team(31)[30] as Customer];
    expect((await first.applySettings({ ...before, customers, atRiskShare: 0.4 }, loaded)).ok).toBe(true);

    const reopened = await page();
    const now = await reopened.loadSettings();
    expect(now.canUndo).toBe(true);
    expect((await reopened.undoLastApply(now)).ok).toBe(true);
    const after = await reopened.loadSettings();
    expect(after.user).toEqual(before);
    expect(after.canUndo).toBe(false);
    const [local, sync] = await both();
    expect(sync).toEqual(syncBefore);
    // The same stored settings; only the revision is new and the undo copy is gone.
    const { settingsRevision: _a, previousSettings: _b, ...rest } = local;
    const { settingsRevision: _c, previousSettings: _d, ...restBefore } = localBefore;
    expect(rest).toEqual(restBefore);
    expect(local.previousSettings).toBeUndefined();
  });

  it('leaves every key untouched when the import is rejected', async () => {
    const store = await page();
    await store.applySettings(settings({ customers: team(3), atRiskShare: 0.2 }));
    await store.applySettings(settings({ customers: team(4), atRiskShare: 0.2 }));
    const loaded = await store.loadSettings();
    const [localBefore, syncBefore] = await both();
    const rejected = await store.applySettings({ ...settings({ customers: team(4) }), customers: [...team(4), { id: 'c0', name: 'Again' }] }, loaded);
    expect(rejected.ok).toBe(false);
    expect(await both()).toEqual([localBefore, syncBefore]);
  });

  it('refuses to write over a change another page made since this page loaded, and says so', async () => {
    const mine = await page();
    await mine.applySettings(settings({ customers: team(2) }));
    const held = await mine.loadSettings();

    const other = await page();
    expect((await other.applySettings(settings({ customers: team(5) }), await other.loadSettings())).ok).toBe(true);
    const [localBefore, syncBefore] = await both();

    const refused = await mine.applySettings(settings({ customers: team(3) }), held);
    expect(refused).toEqual({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/^could not save settings: the settings were changed in another window/), code: 'changed-elsewhere' }],
    });
    expect(await both()).toEqual([localBefore, syncBefore]);
    expect(await mine.undoLastApply(held)).toMatchObject({ ok: false });
    expect((await mine.loadSettings()).user.customers).toHaveLength(5);

    // With the settings as they are now, the same page writes.
    expect((await mine.applySettings(settings({ customers: team(3) }), await mine.loadSettings())).ok).toBe(true);
  });

  it('saves twice in a row from the same held settings (its own write is no other page’s)', async () => {
    const store = await page();
    const held = await store.loadSettings();
    expect((await store.applySettings(settings({ customers: team(1) }), held)).ok).toBe(true);
    expect((await store.applySettings(settings({ customers: team(2) }), held)).ok).toBe(true);
    expect((await store.loadSettings()).user.customers).toEqual(team(2));
  });

  it('restores the sync area when the local write fails', async () => {
    const store = await page();
    await store.applySettings(settings({ customers: team(2), atRiskShare: 0.2 }));
    const loaded = await store.loadSettings();
    const [localBefore, syncBefore] = await both();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const result = await store.applySettings(settings({ customers: team(3), atRiskShare: 0.5 }), loaded);
    expect(result).toEqual({ ok: false, errors: [{ path: '', message: 'could not save settings: QUOTA_BYTES quota exceeded' }] });
    expect(await both()).toEqual([localBefore, syncBefore]);
  });

  it('still undoes to a full copy of the settings that an earlier version kept', async () => {
    const store = await page();
    await store.applySettings(settings({ customers: team(3) }));
    const earlier = settings({ customers: team(1), atRiskShare: 0.1 });
    await fakeBrowser.storage.local.set({ previousSettings: earlier });
    expect((await store.undoLastApply(await store.loadSettings())).ok).toBe(true);
    expect((await store.loadSettings()).user).toEqual(earlier);
  });
});

describe('watchSettings after a write', () => {
  it('gives the writing page its settings without reading them again, and other pages read them', async () => {
    const other = await page();
    const seenByOther: number[] = [];
    const stopOther = other.watchSettings((l) => seenByOther.push(l.user.customers.length));
    const mine = await page();
    const seen: Array<{ customers: number; canUndo: boolean }> = [];
    const stop = mine.watchSettings((l) => seen.push({ customers: l.user.customers.length, canUndo: l.canUndo }));
    const held = await mine.loadSettings();
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');

    expect((await mine.applySettings(settings({ customers: team(4), atRiskShare: 0.4 }), held)).ok).toBe(true);
    await vi.waitFor(() => expect(seen).toEqual([{ customers: 4, canUndo: true }]));
    await vi.waitFor(() => expect(seenByOther).toEqual([4]));
    // The revision check only; the full reads (null or the key list) are the other page's.
    const fullReads = localGet.mock.calls.filter((c) => Array.isArray(c[0])).length;
    expect(fullReads).toBe(1);
    stop();
    stopOther();
  });

  it('does not miss another page’s change that comes right after its own write', async () => {
    const mine = await page();
    const seen: number[] = [];
    const stop = mine.watchSettings((l) => seen.push(l.user.customers.length));
    const written = mine.applySettings(settings({ customers: team(2) }), await mine.loadSettings());
    const other = await page();
    await written;
    await other.applySettings(settings({ customers: team(6) }));
    await vi.waitFor(() => expect(seen.at(-1)).toBe(6));
    stop();
  });
});
