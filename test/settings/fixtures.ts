import { Customer, SETTINGS_VERSION, Settings, type SettingsInput } from '../../core/settings/schema';

/** A customer with schema defaults filled in. */
export const customer = (input: Partial<Customer> & { id: string; name: string }): Customer =>
  Customer.parse({ policy: 'velostrata-1.2', level: 'gold', ...input });

export const settings = (input: Partial<SettingsInput> = {}): Settings => Settings.parse({ version: SETTINGS_VERSION, ...input });

/** A settings file as the prototype (v0) wrote it. */
export const V0_FILE = {
  mappings: [
    { match: 'acme.com', customer: 'ACME Corp', policy: 'velostrata-1.2', level: 'gold', region: 'emea' },
    { match: 'cto@acme-labs.io', customer: 'ACME Corp', policy: 'velostrata-1.2' },
    { match: 'ACME Holding AG', customer: 'ACME Corp', policy: 'velostrata-1.2' },
    { match: 'globex.de', customer: 'Globex', policy: 'velostrata-4.0' },
  ],
  sites: { 'support.example.com': 'rt' },
  priorities: { Blocker: 'p1' },
  atRiskPercent: 10,
  holidays: { emea: ['2026-12-24', '2026-12-31'] },
};
