import { describe, expect, it } from 'vitest';
import { csvLocation, customersToCsv, importCustomersCsv, readCustomersCsv } from '../../core/settings/csv';
import { diffSettings } from '../../core/settings/diff';
import { validateSettings } from '../../core/settings/validate';
import { customer, settings } from './fixtures';

/** Role changes (2.0 §1.2) and Enterprise days (§5.2) in the settings: checked, exported, imported. */

const hoshino = customer({
  id: 'hoshino',
  name: 'Hoshino Robotics',
  policy: 'velostrata-2.0',
  level: 'development',
  enterprise: { enrolled: '2024-03-14', notice: '2025-01-10' },
  contacts: [
    {
      address: 'aiko@hoshino.example',
      role: 'production',
      roleChanged: '2024-12-01',
      roleChanges: [{ date: '2025-01-10', role: 'development' }, { date: '2025-02-20' }],
    },
  ],
});
const current = settings({ customers: [hoshino, customer({ id: 'acme', name: 'ACME' })] });

describe('dated contract changes in the settings', () => {
  it('refuses a change to a role the policy does not have, and a notice before the enrolment', () => {
    const broken = {
      ...current,
      customers: [
        {
          ...hoshino,
          enterprise: { enrolled: '2024-03-14', notice: '2024-03-01' },
          contacts: [{ address: 'aiko@hoshino.example', role: 'production', roleChanges: [{ date: '2025-01-10', role: 'gold' }] }],
        },
      ],
    };
    const result = validateSettings(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['customers.0.contacts.0.roleChanges.0.role', 'unknown-role'],
      ['customers.0.enterprise.notice', 'date-order'],
    ]);
  });

  it('refuses a change day that is not a date', () => {
    const result = validateSettings({
      ...current,
      customers: [{ ...hoshino, contacts: [{ address: 'aiko@hoshino.example', roleChanges: [{ date: '10.01.2025', role: 'production' }] }] }],
    });
    expect(!result.ok && result.errors.map((e) => [e.path, e.code])).toEqual([['customers.0.contacts.0.roleChanges.0.date', 'date']]);
  });

  it('carries them through a JSON export and import unchanged', () => {
    const back = validateSettings(JSON.parse(JSON.stringify(current)));
    expect(back.ok && back.settings).toEqual(current);
    expect(back.ok && diffSettings(current, back.settings).empty).toBe(true);
  });

  it('carries the Enterprise days through CSV (role changes stay with the contacts); an untouched file changes nothing', () => {
    const csv = customersToCsv(current.customers);
    expect(csv.split('\n')[1]).toContain(',2024-03-14,2025-01-10,hoshino');
    const imported = importCustomersCsv(csv, current, 'replace');
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.settings.customers).toEqual(current.customers);
    expect(diffSettings(current, imported.settings).empty).toBe(true);
  });

  it('sets, clears and checks the Enterprise days from CSV cells, at their row and column', () => {
    const edited = customersToCsv(current.customers).replace(',2024-03-14,2025-01-10,hoshino', ',2024-03-14,,hoshino');
    const cleared = importCustomersCsv(edited, current, 'replace');
    expect(cleared.ok && cleared.settings.customers[0]?.enterprise).toEqual({ enrolled: '2024-03-14' });

    const bad = customersToCsv(current.customers).replace(',2024-03-14,2025-01-10,hoshino', ',14.03.2024,2024-01-01,hoshino');
    const result = importCustomersCsv(bad, current, 'replace');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'enterpriseEnrolled', 'date']]);
    const read = readCustomersCsv(bad, current.customers, 'replace');
    expect(csvLocation({ path: 'customers.0.enterprise.notice', message: '' }, read)).toEqual({ row: 2, column: 'enterpriseNotice' });
  });
});
