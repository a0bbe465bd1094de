import { describe, expect, it } from 'vitest';
import { checkSettingsFile, validateSettings } from '../../core/settings/validate';

const base = { version: 1 };
const acme = { id: 'acme', name: 'ACME', policy: 'velostrata-1.2', level: 'gold' };

describe('validateSettings', () => {
  it('joins zod paths to dotted, path-precise errors, and reports every problem of the file at once', () => {
    const result = validateSettings({
      ...base,
      customers: [acme, acme, acme, { ...acme, id: 'x', domains: ['ok.com', 'not a domain'] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: 'customers.1.id', message: 'customer id "acme" is already used by customers.0', code: 'duplicate-id', params: { value: 'acme', other: 'customers.0' } },
      expect.objectContaining({ path: 'customers.2.id', code: 'duplicate-id' }),
      { path: 'customers.3.domains.1', message: 'a domain such as "example.com"', code: 'domain', params: { value: 'not a domain' } },
      // The entry with a bad domain is still checked for the rest: its name is taken too.
      expect.objectContaining({ path: 'customers.3.name', code: 'duplicate-name', message: 'the name "ACME" is already used by customers.0' }),
    ]);
  });

  it("reports a bad top-level value together with the customers' problems, not first", () => {
    const result = validateSettings({ ...base, atRiskShare: 2, customers: [{ ...acme, domains: ['acme'] }, { ...acme, id: 'b', name: 'B', level: 'bronze' }] });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.path)).toEqual(['atRiskShare', 'customers.0.domains.0', 'customers.1.level']);
  });

  it('checks references: duplicate ids, unknown policies, levels and roles', () => {
    const result = validateSettings({
      ...base,
      customers: [
        acme,
        acme,
        { ...acme, id: 'b', policy: 'velostrata-9' },
        { ...acme, id: 'c', level: 'bronze' },
        { ...acme, id: 'd', name: 'D', policy: 'velostrata-2.0', level: 'Entwicklung', contacts: [{ address: 'a@d.com', role: 'boss' }] },
      ].map((c, i) => (i === 0 || c.id !== 'acme' ? { ...c, name: c.name === 'ACME' && i > 0 ? `ACME ${i}` : c.name } : c)),
    });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.path)).toEqual(['customers.1.id', 'customers.2.policy', 'customers.3.level', 'customers.4.contacts.0.role']);
    expect(result.errors[1]?.message).toContain('unknown policy "velostrata-9"');
  });

  it('accepts site and recipe patterns with a port, and says what to enter instead of one it cannot use', () => {
    const recipe = { id: 'desk', name: 'Desk', ticket: 'tr', anchor: 'td', fields: { id: { selector: 'td' } } };
    const ok = validateSettings({
      ...base,
      sites: [{ adapter: 'rt', matches: ['http://127.0.0.1:8080/*', 'https://rt.example.com:8443/*'] }],
      recipes: [{ ...recipe, matches: ['https://desk.example.org:9000/tickets/*'] }],
    });
    expect(ok.ok && ok.settings.sites[0]?.matches).toEqual(['http://127.0.0.1:8080/*', 'https://rt.example.com:8443/*']);
    const bad = validateSettings({
      ...base,
      sites: [{ adapter: 'rt', matches: ['https://rt.example.com/*', 'rt.example.com:8443'] }],
      recipes: [{ ...recipe, matches: ['https://desk.example.org:99999/*'] }],
    });
    if (bad.ok) throw new Error('expected errors');
    expect(bad.errors.map((e) => e.path)).toEqual(['sites.0.matches.1', 'recipes.0.matches.0']);
    expect(bad.errors[0]?.message).toBe(
      '"rt.example.com:8443" is not a site pattern: enter the scheme, the host, its port if any, and a path, e.g. "https://rt.example.com:8443/*" or "https://*.zendesk.com/*"',
    );
  });

  it('accepts level aliases and fills defaults', () => {
    const result = validateSettings({ ...base, customers: [{ ...acme, level: 'Silber' }] });
    expect(result.ok && result.settings.customers[0]?.domains).toEqual([]);
    expect(result.ok && result.settings.atRiskShare).toBe(0.25);
  });
});

describe('checkSettingsFile', () => {
  it('reports JSON syntax errors and schema errors with paths; [] for a valid file', () => {
    expect(checkSettingsFile('{"version": 1,')[0]).toMatchObject({ path: '', message: expect.stringContaining('not valid JSON') });
    expect(checkSettingsFile(JSON.stringify({ ...base, atRiskShare: 2 }))).toEqual([
      { path: 'atRiskShare', message: expect.any(String), code: 'range', params: { max: '1', value: '2' } },
    ]);
    expect(checkSettingsFile(JSON.stringify({ ...base, customers: [acme] }))).toEqual([]);
  });
});
