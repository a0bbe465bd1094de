import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../core/policy/builtin';
import { importCustomersCsv, customersToCsv, readCustomersCsv } from '../../core/settings/csv';
import { diffSettings } from '../../core/settings/diff';
import { jsonLines, jsonSyntaxError, lineOf } from '../../core/settings/json-lines';
import { usableRegions } from '../../core/settings/regions';
import { validateSettings } from '../../core/settings/validate';
import { customer, settings } from './fixtures';

const teamList = (calendar: string) => ({ name: 'Team', calendar, dates: [{ date: '2026-05-01', name: 'May Day' }] });

describe('holiday regions a contract can use', () => {
  const holidays = { 'jp-team': teamList('japan'), 'gpu-team': teamList('berlin') };

  it('offers a policy with regional lists only those, and a policy without them the team lists of its calendars', () => {
    expect(usableRegions(builtinPolicies['velostrata-4.0'] as never, holidays)).toEqual(['americas', 'emea']);
    expect(usableRegions(builtinPolicies['velostrata-1.2'] as never, holidays)).toEqual(['jp-team']);
    expect(usableRegions(builtinPolicies['centron-cloud-gpu'] as never, holidays)).toEqual([]);
  });

  it('refuses a region that would make every badge of the customer unreadable, and only that', () => {
    const result = validateSettings(
      settings({
        holidays,
        customers: [
          customer({ id: 'a', name: 'A', policy: 'velostrata-4.0', level: undefined, region: 'jp-team' }),
          customer({ id: 'b', name: 'B', region: 'jp-team' }),
          customer({ id: 'c', name: 'C', region: 'gpu-team' }),
          customer({ id: 'd', name: 'D', region: 'nowhere' }),
        ],
      }),
    );
    if (result.ok) throw new Error('expected errors');
    // Under 1.2 (no regional lists) a list of another calendar or none adds no days but breaks no badge.
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['customers.0.region', 'region-not-in-policy']]);
    expect(result.errors[0]?.message).toBe('velostrata-4.0 knows only the holiday regions americas, emea, not "jp-team"');
  });
});

describe('a settings file without "version"', () => {
  it('is read as the current format when it has current keys: its customers are kept', () => {
    const result = validateSettings({ customers: [{ id: 'acme', name: 'ACME', policy: 'velostrata-1.2', level: 'gold' }], sites: [] });
    expect(result.ok && result.settings.customers.map((c) => c.id)).toEqual(['acme']);
  });

  it('is read as the prototype format when it has only its keys', () => {
    const result = validateSettings({ mappings: [{ match: 'acme.com', customer: 'ACME', policy: 'velostrata-1.2' }] });
    expect(result.ok && result.settings.customers.map((c) => c.domains)).toEqual([['acme.com']]);
  });

  it('is refused, naming the keys, when it mixes both', () => {
    const result = validateSettings({ customers: [], mappings: [] });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'version', code: 'version', message: expect.stringContaining('mappings') }] });
  });
});

/** 500 customers as a real team has them: some without level or region, lists and notes of every kind. */
const team = Array.from({ length: 500 }, (_, i) =>
  customer({
    id: `c-${i}`,
    name: `Customer ${i}`,
    policy: i % 3 === 0 ? 'velostrata-4.0' : 'velostrata-1.2',
    level: i % 3 === 0 ? undefined : i % 2 ? 'gold' : 'silver',
    ...(i % 3 === 0 && i % 2 ? { region: 'emea' } : {}),
    domains: [`c${i}.example.com`],
    organisations: i % 5 === 0 ? [`Org ${i}, Ltd.`] : [],
    addresses: i % 7 === 0 ? [`boss@c${i}.example.org`] : [],
    languages: i % 4 === 0 ? ['ja'] : [],
    englishAccepted: i % 8 === 0,
    contacts: i % 9 === 0 ? [{ address: `ops@c${i}.example.com` }] : [],
    notes: i % 6 === 0 ? 'Line one\nline "two"; three' : '',
  }),
);

describe('CSV export → spreadsheet → import', () => {
  it('reports no changes for an untouched file, in both modes', () => {
    const current = settings({ customers: team });
    const csv = customersToCsv(team);
    for (const mode of ['merge', 'replace'] as const) {
      const result = importCustomersCsv(csv, current, mode);
      if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
      expect(diffSettings(current, result.settings).lines).toEqual([]);
    }
  });

  it('reports no changes when a spreadsheet saved it with CRLF line ends, a BOM and without the id column', () => {
    const current = settings({ customers: team });
    const parsed = Papa.parse<Record<string, string>>(customersToCsv(team), { header: true });
    const fields = (parsed.meta.fields ?? []).filter((f) => f !== 'id');
    const noIds = Papa.unparse({ fields, data: parsed.data }, { newline: '\r\n' });
    expect(noIds.split('\r\n')[0]).not.toContain('id');
    const result = importCustomersCsv(`\uFEFF${noIds}`, current, 'merge');
    if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
    expect(diffSettings(current, result.settings).empty).toBe(true);
  });

  it('names the changed field of an edited row, and keeps a renamed customer (by id) with its contacts', () => {
    const current = settings({ customers: team });
    const csv = customersToCsv(team).replace('Customer 9,', 'Customer Nine,').replace('c1.example.com', 'c1.example.net');
    const result = importCustomersCsv(csv, current, 'replace');
    if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'));
    const diff = diffSettings(current, result.settings);
    expect(diff.lines).toEqual(['Customers: 2 changed (Customer 1: domains, Customer Nine: name)']);
    expect(result.settings.customers.find((c) => c.name === 'Customer Nine')?.contacts).toEqual([{ address: 'ops@c9.example.com' }]);
  });

  it('merge keeps the customers the file does not name; replace removes them', () => {
    const current = settings({ customers: team.slice(0, 3) });
    const csv = `name,policy,level\nCustomer 1,velostrata-1.2,platinum\nNew one,velostrata-1.2,gold`;
    const merged = importCustomersCsv(csv, current, 'merge');
    const replaced = importCustomersCsv(csv, current, 'replace');
    if (!merged.ok || !replaced.ok) throw new Error('expected both to pass');
    expect(merged.settings.customers.map((c) => [c.name, c.level])).toEqual([
      ['Customer 0', undefined],
      ['Customer 1', 'platinum'],
      ['Customer 2', 'silver'],
      ['New one', 'gold'],
    ]);
    // Columns the file lacks keep the stored values.
    expect(merged.settings.customers[1]?.domains).toEqual(['c1.example.com']);
    expect(replaced.settings.customers.map((c) => c.name)).toEqual(['Customer 1', 'New one']);
  });
});

describe('every problem of a file at once, where it is', () => {
  it('CSV: cell errors and reference errors together, by spreadsheet row and column', () => {
    const current = settings({ customers: [customer({ id: 'hoshino', name: 'Hoshino Robotics', domains: ['hoshino.example'] })] });
    const csv = [
      'name,domains,policy,level,region,englishAccepted',
      'Good,good.example,velostrata-1.2,gold,,no',
      'Bad domain,not a domain,velostrata-9,gold,,no',
      ',x.example,velostrata-1.2,bronze,,maybe',
      'hoshino robotics,HOSHINO.example,velostrata-4.0,,jp-team,no',
    ].join('\n');
    const result = importCustomersCsv(csv, current, 'merge');
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.text)).toEqual([
      'row 3, column domains: "not a domain": a domain such as "example.com"',
      expect.stringMatching(/^row 3, column policy: unknown policy "velostrata-9"/),
      'row 4, column englishAccepted: "maybe" is not yes or no',
      'row 4, column name: Too small: expected string to have >=1 characters',
      'row 4, column level: "bronze" is not a level of velostrata-1.2 (silver, gold, platinum)',
      'row 5, column region: velostrata-4.0 knows only the holiday regions americas, emea, not "jp-team"',
    ]);
  });

  it('CSV: a second customer with a name or domain already taken (case differs) is refused', () => {
    const current = settings({ customers: [customer({ id: 'hoshino', name: 'Hoshino Robotics', domains: ['hoshino.example'] })] });
    const result = importCustomersCsv('name,domains,policy,level\nHoshino Robotics KK,Hoshino.Example,velostrata-1.2,gold', current, 'merge');
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.code, e.params?.other])).toEqual([[2, 'domains', 'duplicate-match', 'Hoshino Robotics']]);
    const twice = validateSettings(settings({ customers: [current.customers[0] as never, customer({ id: 'h2', name: 'HOSHINO robotics' })] }));
    expect(twice.ok ? [] : twice.errors.map((e) => [e.path, e.code])).toEqual([['customers.1.name', 'duplicate-name']]);
  });

  it('a customer IT manages may share a domain: the managed one wins by design', () => {
    const it = customer({ id: 'it', name: 'IT copy', domains: ['acme.com'] });
    const mine = customer({ id: 'mine', name: 'ACME', domains: ['acme.com'] });
    expect(validateSettings(settings({ customers: [it, mine] }), { managedCustomers: new Set(['it']) }).ok).toBe(true);
  });

  it('JSON: the line of each path, and of a syntax error', () => {
    const text = '{\n  "version": 1,\n  "customers": [\n    {\n      "id": "a",\n      "name": "",\n      "level":\n        "bronze"\n    }\n  ]\n}\n';
    const lines = jsonLines(text);
    expect(lineOf(lines, 'customers.0.name')).toBe(6);
    expect(lineOf(lines, 'customers.0.level')).toBe(7);
    expect(lineOf(lines, 'customers.0.policy')).toBe(4);
    expect(jsonSyntaxError('{\n  "version": 1,\n  "customers": [\n}')).toMatchObject({ line: 4 });
    expect(jsonSyntaxError(text)).toBeUndefined();
  });
});

describe('CSV reading', () => {
  it('never sets an absent optional field to undefined', () => {
    const read = readCustomersCsv('name,policy,level,region\nA,velostrata-1.2,,', []);
    expect(Object.keys(read.customers[0] ?? {})).not.toContain('level');
    expect(Object.keys(read.customers[0] ?? {})).not.toContain('region');
  });
});

describe('diff', () => {
  it('counts a field set to undefined as absent (JSON drops it), and names the fields that changed', () => {
    const a = customer({ id: 'a', name: 'A', level: undefined });
    const withUndefined = { ...a, region: undefined } as typeof a;
    expect(diffSettings(settings({ customers: [a] }), settings({ customers: [withUndefined] })).empty).toBe(true);
    expect(diffSettings(settings({ customers: [a] }), settings({ customers: [{ ...withUndefined, level: 'gold' }] })).lines).toEqual([
      'Customers: 1 changed (A: level)',
    ]);
  });
});
