import { describe, expect, it } from 'vitest';
import { migrate, V0_HOLIDAY_CALENDAR } from '../../core/settings/migrate';
import { SETTINGS_VERSION } from '../../core/settings/schema';
import { validateSettings } from '../../core/settings/validate';
import { V0_FILE } from './fixtures';

describe('migrate', () => {
  it('brings a v0 file (no version field) to the current version, grouping mappings into customers', () => {
    const result = validateSettings(V0_FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const s = result.settings;
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.customers).toHaveLength(2);
    expect(s.customers[0]).toMatchObject({
      id: 'acme-corp',
      name: 'ACME Corp',
      domains: ['acme.com'],
      addresses: ['cto@acme-labs.io'],
      organisations: ['ACME Holding AG'],
      policy: 'velostrata-1.2',
      level: 'gold',
      region: 'emea',
    });
    expect(s.customers[1]).toMatchObject({ id: 'globex', domains: ['globex.de'], policy: 'velostrata-4.0' });
    expect(s.sites).toEqual([{ adapter: 'rt', matches: ['https://support.example.com/*'], enabled: true, priorityMap: {} }]);
    expect(s.priorityMap.blocker).toBe('P1');
    expect(s.priorityMap.urgent).toBe('P1');
    expect(s.atRiskShare).toBe(0.1);
    expect(s.holidays.emea).toEqual({
      name: 'emea',
      calendar: V0_HOLIDAY_CALENDAR,
      dates: [
        { date: '2026-12-24', name: '' },
        { date: '2026-12-31', name: '' },
      ],
    });
  });

  it('accepts an explicit version 0 and leaves current files alone', () => {
    expect(migrate({ ...V0_FILE, version: 0 })).toMatchObject({ version: 1 });
    const current = { version: SETTINGS_VERSION, customers: [] };
    expect(migrate(current)).toBe(current);
  });

  it('refuses a file from a newer version instead of guessing', () => {
    const result = validateSettings({ version: SETTINGS_VERSION + 1 });
    expect(result).toEqual({ ok: false, errors: [{ path: 'version', message: expect.stringContaining('newer'), code: 'version' }] });
  });

  it('gives customers with the same slug distinct ids', () => {
    const out = migrate({
      mappings: [
        { match: 'a.com', customer: 'A/B', policy: 'velostrata-1.2' },
        { match: 'b.com', customer: 'A B', policy: 'velostrata-1.2' },
      ],
    }) as { customers: Array<{ id: string }> };
    expect(out.customers.map((c) => c.id)).toEqual(['a-b', 'a-b-2']);
  });
});
