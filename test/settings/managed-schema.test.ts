import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlertPrefs, WorkingHours } from '../../core/alerts/prefs';
import { Customer, DesignatedContact, HolidayCalendar, Settings } from '../../core/settings/schema';
import config from '../../wxt.config';

const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'));
const keys = (o: { properties?: Record<string, unknown> }) => Object.keys(o.properties ?? {}).sort();

describe('public/managed_schema.json', () => {
  it('is registered in the manifest', () => {
    const manifest = config.manifest as { storage?: { managed_schema?: string } };
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
  });

  it('describes exactly the fields the settings schema has, so IT cannot push a field that is dropped', () => {
    const customer = schema.properties.customers.items;
    expect(keys(customer)).toEqual(Object.keys(Customer.shape).sort());
    expect(keys(customer.properties.contacts.items)).toEqual(Object.keys(DesignatedContact.shape).sort());
    const calendar = schema.properties.holidays.additionalProperties;
    expect(keys(calendar)).toEqual(Object.keys(HolidayCalendar.shape).sort());
    // `alerts`: the agent's alert settings (core/alerts/prefs.ts), kept apart from the team's settings.
    for (const key of keys(schema).filter((k) => k !== 'alerts')) expect(Object.keys(Settings.shape)).toContain(key);
    expect(keys(schema.properties.alerts)).toEqual(Object.keys(AlertPrefs.shape).sort());
    expect(keys(schema.properties.alerts.properties.workingHours)).toEqual(Object.keys(WorkingHours.shape).sort());
  });

  it('uses only the JSON Schema subset browsers accept for policies', () => {
    const allowed = new Set(['type', 'properties', 'items', 'additionalProperties', 'title', 'description', 'enum']);
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [key, value] of Object.entries(node)) {
        expect(allowed.has(key), `${path}.${key}`).toBe(true);
        if (key === 'properties') for (const [name, child] of Object.entries(value as object)) walk(child, `${path}.${name}`);
        else if (key === 'items' || key === 'additionalProperties') walk(value as Record<string, unknown>, `${path}.${key}`);
      }
    };
    walk(schema, '$');
  });
});
