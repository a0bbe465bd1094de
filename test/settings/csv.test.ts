import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, customersFromCsv, customersToCsv } from '../../core/settings/csv';
import { customer } from './fixtures';

/** The columns of a file written before the export had an id column or the Enterprise days. */
const HEADER = CSV_COLUMNS.filter((c) => c !== 'id' && !c.startsWith('enterprise')).join(',');

describe('customer CSV', () => {
  it('round-trips customers, keeping ids and contacts of existing customers by name', () => {
    const customers = [
      customer({
        id: 'acme-1',
        name: 'ACME, Inc.',
        organisations: ['ACME Holding', 'ACME "Labs"'],
        domains: ['acme.com', 'acme.de'],
        addresses: ['cto@partner.io'],
        level: 'gold',
        region: 'emea',
        languages: ['ja', 'en'],
        englishAccepted: true,
        contacts: [{ address: 'ops@acme.com' }],
        notes: 'Line one\nline two',
      }),
      customer({ id: 'globex', name: 'Globex', policy: 'velostrata-4.0', level: undefined }),
    ];
    const csv = customersToCsv(customers);
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const back = customersFromCsv(csv, customers);
    expect(back).toEqual({ ok: true, customers });
  });

  it('gives new customers fresh ids that do not collide with existing ones', () => {
    const existing = [customer({ id: 'acme', name: 'Old name' })];
    const csv = `${HEADER}\nACME,,acme.com,,velostrata-1.2,gold,,,no,\nOld name,,,,velostrata-1.2,silver,,,,`;
    const result = customersFromCsv(csv, existing);
    expect(result.ok && result.customers.map((c) => [c.id, c.name, c.level])).toEqual([
      ['acme-2', 'ACME', 'gold'],
      ['acme', 'Old name', 'silver'],
    ]);
  });

  it('reports errors by spreadsheet row and column, skipping blank lines', () => {
    const csv = [
      HEADER,
      'Good,,good.com,,velostrata-1.2,gold,,,yes,',
      '',
      'Bad domain,,ok.com; not a domain,,velostrata-1.2,gold,,,no,',
      'Bad lang,,,,velostrata-1.2,gold,,fr,no,',
      ',,,,velostrata-1.2,gold,,,maybe,',
      'Good,,,,velostrata-1.2,gold,,,no,',
      ',,,,,,,,,',
    ].join('\n');
    const result = customersFromCsv(csv);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.text)).toEqual([
      'row 4, column domains: "not a domain": a domain such as "example.com"',
      'row 5, column languages: "fr": Invalid option: expected one of "en"|"ja"|"ko"|"zh"',
      'row 6, column englishAccepted: "maybe" is not yes or no',
      'row 6, column name: Too small: expected string to have >=1 characters',
      'row 7, column name: "Good" is already on row 2',
    ]);
  });

  it('rejects unknown and missing columns on the header row', () => {
    const result = customersFromCsv('name,domain\nACME,acme.com');
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([
      expect.stringMatching(/^row 1, column domain: unknown column/),
      'row 1, column policy: required column is missing',
    ]);
  });
});
