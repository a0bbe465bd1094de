import { describe, expect, it } from 'vitest';
import { diffSettings } from '../../core/settings/diff';
import { customer, settings } from './fixtures';

describe('diffSettings', () => {
  const acme = customer({ id: 'acme', name: 'ACME', domains: ['acme.com'] });
  const globex = customer({ id: 'globex', name: 'Globex' });
  const before = settings({ customers: [acme, globex], holidays: { emea: { name: 'EMEA', calendar: 'pacific', dates: [] } } });

  it('is empty for identical settings, whatever the key order', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
          : v;
    const reordered = reverseKeys(before) as typeof before;
    expect(Object.keys(reordered)[0]).toBe('customPolicies');
    expect(diffSettings(before, reordered).empty).toBe(true);
    expect(diffSettings(before, reordered).lines).toEqual([]);
  });

  it('names customers added, removed and changed (with fields), and other sections', () => {
    const after = settings({
      customers: [{ ...acme, domains: ['acme.com', 'acme.de'], level: 'silver' }, customer({ id: 'initech', name: 'Initech' })],
      holidays: {
        emea: { name: 'EMEA', calendar: 'pacific', dates: [{ date: '2026-12-24', name: '' }] },
        de: { name: 'DE public', calendar: 'pacific', dates: [] },
      },
      sites: [{ adapter: 'rt', matches: ['https://rt.example.com/*'] }],
      atRiskShare: 0.1,
      priorityMap: { ...before.priorityMap, blocker: 'P1' },
    });
    const diff = diffSettings(before, after);
    expect(diff.lines).toEqual([
      'Customers: 1 added (Initech); 1 removed (Globex); 1 changed (ACME: domains, level)',
      'Helpdesk sites: 1 added (rt on https://rt.example.com/*)',
      'Holiday calendars: 1 added (DE public); 1 changed (EMEA: dates)',
      'Priority values: 1 added ("blocker")',
      'At-risk threshold: 1 changed (25% → 10%)',
    ]);
  });

  it('shortens long name lists', () => {
    const many = Array.from({ length: 20 }, (_, i) => customer({ id: `c${i}`, name: `C${i}` }));
    expect(diffSettings(settings(), settings({ customers: many })).lines[0]).toBe(
      'Customers: 20 added (C0, C1, C2, C3, C4, C5, C6, C7 and 12 more)',
    );
  });
});
