import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinPolicies } from '../../core/policy/builtin';
import { SETTINGS_VERSION } from '../../core/settings/schema';
import {
  applySettings,
  exportSettings,
  loadSettings,
  previewImport,
  undoLastApply,
  watchSettings,
} from '../../utils/settings-store';
import { customer, settings, V0_FILE } from './fixtures';

const acme = customer({ id: 'acme', name: 'ACME', domains: ['acme.com'] });
const globex = customer({ id: 'globex', name: 'Globex', domains: ['globex.de'], level: 'silver' });

const rawArea = (area: 'local' | 'sync') => fakeBrowser.storage[area].get() as Promise<Record<string, unknown>>;

/** A site whose priority map makes it about `bytes` long as JSON. */
const bigSite = (bytes: number) => ({
  adapter: 'rt',
  matches: ['https://rt.example.com/*'],
  priorityMap: Object.fromEntries(
    Array.from({ length: Math.ceil(bytes / 20) }, (_, i) => [`value-${String(i).padStart(5, '0')}`, 'P3' as const]),
  ),
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('loadSettings', () => {
  it('gives the defaults on a fresh install', async () => {
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(settings());
    expect(loaded.managed).toEqual({
      customers: [],
      customPolicies: [],
      holidays: [],
      priorityMap: [],
      atRiskShare: false,
      readHelpdeskApis: false,
    });
    expect(loaded.settings.readHelpdeskApis).toBe(true);
    expect(loaded).toMatchObject({ problems: [], localOnly: [], canUndo: false });
  });

  it('migrates items the prototype stored (item version 1 = settings v0) and marks them version 2', async () => {
    await fakeBrowser.storage.local.set({ customers: V0_FILE.mappings, holidays: V0_FILE.holidays });
    await fakeBrowser.storage.sync.set({
      sites: V0_FILE.sites,
      prefs: { priorities: V0_FILE.priorities, atRiskPercent: V0_FILE.atRiskPercent },
    });
    const { settings: s, problems } = await loadSettings();
    expect(problems).toEqual([]);
    expect(s.customers.map((c) => [c.id, c.domains])).toEqual([
      ['acme-corp', ['acme.com']],
      ['globex', ['globex.de']],
    ]);
    expect(s.sites[0]?.matches).toEqual(['https://support.example.com/*']);
    expect(s.priorityMap.blocker).toBe('P1');
    expect(s.atRiskShare).toBe(0.1);
    expect(s.holidays.emea?.dates).toHaveLength(2);
    expect((await rawArea('local')).customers$).toEqual({ v: 2 });
    expect((await rawArea('sync')).sites$).toEqual({ v: 2 });
    // Migrated once: a second load reads the stored v2 values as they are.
    expect((await loadSettings()).settings).toEqual(s);
  });

  it('reports an invalid stored piece and falls back to its default, keeping the rest', async () => {
    await fakeBrowser.storage.local.set({ customers: [acme], 'customers$': { v: 2 }, holidays: [], 'holidays$': { v: 2 } });
    await fakeBrowser.storage.sync.set({ prefs: { priorityMap: { urgent: 'P9' }, atRiskShare: 0.3 }, 'prefs$': { v: 2 } });
    const loaded = await loadSettings();
    expect(loaded.settings.customers).toEqual([acme]);
    expect(loaded.settings.atRiskShare).toBe(0.3);
    expect(loaded.settings.priorityMap).toEqual(settings().priorityMap);
    expect(loaded.settings.holidays).toEqual({});
    expect(loaded.problems.map((p) => p.path)).toEqual(['stored.priorityMap.urgent', 'stored.holidays']);
  });

  it('leaves out a piece whose migration fails, saying why, and loads the others', async () => {
    await fakeBrowser.storage.local.set({ customers: [{ match: 'bob@@example', customer: 'X', policy: 'velostrata-1.2' }] });
    await fakeBrowser.storage.sync.set({ sites: V0_FILE.sites });
    const loaded = await loadSettings();
    expect(loaded.settings.customers).toEqual([]);
    expect(loaded.settings.sites).toHaveLength(1);
    expect(loaded.problems).toEqual([
      { path: 'stored.customers', message: expect.stringMatching(/^could not migrate the stored customers: 0\.addresses\.0: /) },
    ]);
  });

  it('still loads where the browser has no managed storage (Firefox without a policy)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect((await loadSettings()).settings.customers).toEqual([]);
  });
});

describe('applySettings', () => {
  it('stores small settings in sync and customers in local, and reads them back', async () => {
    const next = settings({ customers: [acme], sites: [{ adapter: 'rt', matches: ['https://rt.example.com/*'] }], atRiskShare: 0.2 });
    const result = await applySettings(next);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(result.ok && result.diff.lines).toEqual([
      'Customers: 1 added (ACME)',
      'Helpdesk sites: 1 added (rt on https://rt.example.com/*)',
      'At-risk threshold: 1 changed (25% → 20%)',
    ]);
    const [local, sync] = await Promise.all([rawArea('local'), rawArea('sync')]);
    // Only what changed is written: the recipes are still the defaults.
    expect(Object.keys(sync).sort()).toEqual(['prefs', 'prefs$', 'sites', 'sites$']);
    expect(local.customers).toEqual([acme]);
    expect(local.sites).toBeUndefined();
    expect((await loadSettings()).settings).toEqual(next);
  });

  it('accepts an older settings file and migrates it before storing', async () => {
    const result = await applySettings(V0_FILE);
    expect(result.ok && result.settings.version).toBe(SETTINGS_VERSION);
    expect((await loadSettings()).settings.customers).toHaveLength(2);
  });

  it('leaves settings untouched when the import is invalid, with path-precise errors', async () => {
    await applySettings(settings({ customers: [acme] }));
    const [localBefore, syncBefore] = await Promise.all([rawArea('local'), rawArea('sync')]);
    const result = await applySettings({ ...settings({ customers: [globex] }), customers: [{ ...globex, domains: ['not a domain'] }] });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'customers.0.domains.0', message: 'a domain such as "example.com"', code: 'domain', params: { value: 'not a domain' } }],
    });
    expect(await rawArea('local')).toEqual(localBefore);
    expect(await rawArea('sync')).toEqual(syncBefore);
    const unknownPolicy = await applySettings(settings({ customers: [{ ...globex, policy: 'nope' }] }));
    expect(unknownPolicy.ok ? [] : unknownPolicy.errors.map((e) => e.path)).toEqual(['customers.0.policy']);
    expect((await loadSettings()).settings.customers).toEqual([acme]);
  });

  it('keeps a sync piece over the 8 KB item quota in local storage, says so, and moves it back when it fits', async () => {
    const site = bigSite(9000);
    const result = await applySettings(settings({ sites: [site] }));
    const warnings = result.ok ? result.warnings : [];
    expect(warnings).toEqual([expect.stringMatching(/^Helpdesk sites take [\d,]+ bytes, over the browser's 8,192-byte limit/)]);
    const bytes = Number(/take ([\d,]+) bytes/.exec(warnings[0] ?? '')?.[1]?.replace(/,/g, ''));
    expect(bytes).toBe(new TextEncoder().encode(`sites${JSON.stringify(settings({ sites: [site] }).sites)}`).length);
    const [local, sync] = await Promise.all([rawArea('local'), rawArea('sync')]);
    expect(sync.sites).toBeUndefined();
    expect((local.sites as unknown[]).length).toBe(1);
    const loaded = await loadSettings();
    expect(loaded.localOnly).toEqual(['sites']);
    expect(loaded.settings.sites[0]?.priorityMap).toEqual(site.priorityMap);

    const small = settings({ sites: [bigSite(2000)] });
    expect(await applySettings(small)).toMatchObject({ ok: true, warnings: [] });
    expect((await rawArea('local')).sites).toBeUndefined();
    expect((await loadSettings()).localOnly).toEqual([]);
    expect((await loadSettings()).settings.sites).toEqual(small.sites);
  });

  it('rolls back both areas when the browser refuses the sync write', async () => {
    await applySettings(settings({ customers: [acme], atRiskShare: 0.2 }));
    const [localBefore, syncBefore] = await Promise.all([rawArea('local'), rawArea('sync')]);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const result = await applySettings(settings({ customers: [globex], atRiskShare: 0.5 }));
    expect(result).toEqual({ ok: false, errors: [{ path: '', message: 'could not save settings: QUOTA_BYTES quota exceeded' }] });
    expect(await rawArea('local')).toEqual(localBefore);
    expect(await rawArea('sync')).toEqual(syncBefore);
  });
});

describe('undoLastApply', () => {
  it('restores the settings from before the last apply, once', async () => {
    const first = settings({ customers: [acme] });
    await applySettings(first);
    await applySettings(settings({ customers: [globex], atRiskShare: 0.4 }));
    expect((await loadSettings()).canUndo).toBe(true);
    const undone = await undoLastApply();
    expect(undone.ok && undone.diff.lines).toEqual([
      'Customers: 1 added (ACME); 1 removed (Globex)',
      'At-risk threshold: 1 changed (40% → 25%)',
    ]);
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(first);
    expect(loaded.canUndo).toBe(false);
    expect(await undoLastApply()).toEqual({ ok: false, errors: [{ path: '', message: 'nothing to undo' }] });
  });
});

describe('managed storage', () => {
  const teamPolicy = { ...builtinPolicies['velostrata-1.2'], id: 'team-gold', name: 'Team gold' };

  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({
      customers: [{ id: 'acme', name: 'ACME (IT)', domains: ['acme.com'], policy: 'team-gold', level: 'gold' }],
      customPolicies: [JSON.stringify(teamPolicy), '{broken'],
      priorityMap: { Blocker: 'P1' },
      atRiskShare: 0.5,
      holidays: { emea: { name: 'EMEA (IT)', calendar: 'pacific', dates: [{ date: '2026-12-24' }] } },
      readHelpdeskApis: false,
    });
  });

  it('wins over the user’s own values and is flagged read-only', async () => {
    await applySettings(
      settings({
        customers: [customer({ id: 'zeta', name: 'Zeta', domains: ['acme.com'] })],
        atRiskShare: 0.2,
        holidays: { emea: { name: 'mine', calendar: 'pacific', dates: [] } },
      }),
    );
    const loaded = await loadSettings();
    expect(loaded.managed).toEqual({
      customers: ['acme'],
      customPolicies: ['team-gold'],
      holidays: ['emea'],
      priorityMap: ['Blocker'],
      atRiskShare: true,
      readHelpdeskApis: true,
    });
    // IT turned API reading off for everyone; the user's own choice (on) is kept underneath.
    expect(loaded.settings.readHelpdeskApis).toBe(false);
    expect(loaded.user.readHelpdeskApis).toBe(true);
    expect(loaded.settings.customers.map((c) => c.name)).toEqual(['ACME (IT)', 'Zeta']);
    expect(loaded.settings.customPolicies.map((p) => p.id)).toEqual(['team-gold']);
    expect(loaded.settings.atRiskShare).toBe(0.5);
    expect(loaded.user.atRiskShare).toBe(0.2);
    expect(loaded.settings.holidays.emea?.name).toBe('EMEA (IT)');
    expect(loaded.settings.priorityMap.Blocker).toBe('P1');
    expect(loaded.settings.priorityMap.urgent).toBe('P1');
    expect(loaded.problems).toEqual([{ path: 'managed.customPolicies.1', message: expect.stringContaining('not valid JSON') }]);
  });

  it('ignores an invalid managed value without touching the user’s', async () => {
    await fakeBrowser.storage.managed.set({ atRiskShare: 7 });
    await applySettings(settings({ atRiskShare: 0.2 }));
    const loaded = await loadSettings();
    expect(loaded.settings.atRiskShare).toBe(0.2);
    expect(loaded.managed.atRiskShare).toBe(false);
    expect(loaded.problems.map((p) => p.path)).toContain('managed.atRiskShare');
  });

  it('does not store a copy of managed entries when the merged settings are applied back', async () => {
    const { settings: merged } = await loadSettings();
    const result = await applySettings({ ...merged, customers: [...merged.customers, globex] });
    expect(result.ok).toBe(true);
    expect(((await rawArea('local')).customers as Array<{ id: string }>).map((c) => c.id)).toEqual(['globex']);
    await fakeBrowser.storage.managed.clear();
    expect((await loadSettings()).settings.customers.map((c) => c.id)).toEqual(['globex']);
  });
});

describe('a slow first managed read (fresh browser profile)', () => {
  const itCustomer = { id: 'it', name: 'IT', domains: ['it.example'], policy: 'velostrata-1.2', level: 'gold' };

  it('does not wait for it: the last managed answer stands in, and the real one is delivered when it comes', async () => {
    await applySettings(settings({ customers: [acme] }));
    await fakeBrowser.storage.managed.set({ atRiskShare: 0.5 });
    expect((await loadSettings()).settings.atRiskShare).toBe(0.5); // answered at once: kept as the snapshot

    // Next browser start: managed answers late, and IT has changed its values meanwhile.
    let answer: (value: Record<string, unknown>) => void = () => {};
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const seen: Array<[number, string[]]> = [];
    const stop = watchSettings(({ settings: s }) => seen.push([s.atRiskShare, s.customers.map((c) => c.id)]));
    const loaded = await loadSettings();
    expect(loaded.settings.atRiskShare).toBe(0.5);
    expect(loaded.settings.customers.map((c) => c.id)).toEqual(['acme']);
    expect(loaded.managed.atRiskShare).toBe(true);

    vi.mocked(fakeBrowser.storage.managed.get).mockResolvedValue({ atRiskShare: 0.4, customers: [itCustomer] } as never);
    answer({ atRiskShare: 0.4, customers: [itCustomer] });
    await vi.waitFor(() => expect(seen).toEqual([[0.4, ['it', 'acme']]]));
    expect((await loadSettings()).settings.atRiskShare).toBe(0.4);
    stop();
  });

  it('loads the user’s settings without managed values when there is no snapshot yet', async () => {
    await applySettings(settings({ customers: [acme], atRiskShare: 0.2 }));
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}) as never);
    const loaded = await loadSettings();
    expect(loaded.settings.atRiskShare).toBe(0.2);
    expect(loaded.managed.customers).toEqual([]);
  });
});

describe('previewImport, exportSettings and watchSettings', () => {
  it('previews the change without writing anything', async () => {
    await applySettings(settings({ customers: [acme] }));
    const before = await rawArea('local');
    const preview = await previewImport(settings({ customers: [acme, globex] }));
    expect(preview.ok && preview.diff.lines).toEqual(['Customers: 1 added (Globex)']);
    expect(await rawArea('local')).toEqual(before);
  });

  it('exports JSON that imports back to the same settings', async () => {
    await applySettings(settings({ customers: [acme, globex] }));
    const text = await exportSettings();
    fakeBrowser.reset();
    expect(await applySettings(JSON.parse(text))).toMatchObject({ ok: true });
    expect((await loadSettings()).settings.customers).toEqual([acme, globex]);
  });

  it('calls back once per apply with the new settings, and stops when asked', async () => {
    const seen: number[] = [];
    const stop = watchSettings((loaded) => seen.push(loaded.settings.customers.length));
    await applySettings(settings({ customers: [acme, globex], atRiskShare: 0.3 }));
    await vi.waitFor(() => expect(seen).toEqual([2]));
    await fakeBrowser.storage.managed.set({ customers: [{ id: 'it', name: 'IT', policy: 'velostrata-1.2', level: 'gold' }] });
    await vi.waitFor(() => expect(seen).toEqual([2, 3]));
    // Other modules' keys do not reload settings. The two 20 ms windows below prove that a callback
    // does NOT come (the fake storage calls back within the same few microtasks when it does).
    await fakeBrowser.storage.local.set({ badgeCounts: { 1: 3 } });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([2, 3]);
    stop();
    await applySettings(settings());
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([2, 3]);
  });
});
