import type { Settings } from './schema';

/**
 * What applying `after` over `before` will change, in words a team lead checks before pressing
 * "Apply": entries added, removed and changed (with the fields that changed) per section.
 */

export type DiffSection = 'customers' | 'sites' | 'recipes' | 'customPolicies' | 'holidays' | 'priorityMap' | 'atRiskShare';

export interface SectionDiff {
  section: DiffSection;
  added: string[];
  removed: string[];
  changed: Array<{ name: string; fields: string[] }>;
}

export interface SettingsDiff {
  empty: boolean;
  sections: SectionDiff[];
  /** One line per section that changes, e.g. "Customers: 2 added (ACME, Initech); 1 changed (Globex: domains, level)". */
  lines: string[];
}

const LABELS: Record<DiffSection, string> = {
  customers: 'Customers',
  sites: 'Helpdesk sites',
  recipes: 'Recipes',
  customPolicies: 'Custom policies',
  holidays: 'Holiday calendars',
  priorityMap: 'Priority values',
  atRiskShare: 'At-risk threshold',
};

/** The keys of an object that hold a value: an absent key and one set to undefined are the same (JSON drops both). */
const keysOf = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);

/** Key-order-independent equality of JSON values. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  const ka = keysOf(a);
  const kb = keysOf(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function changedFields(a: object, b: object): string[] {
  const keys = new Set([...keysOf(a), ...keysOf(b)]);
  return [...keys].filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function diffById<T extends object>(
  section: DiffSection,
  before: T[],
  after: T[],
  id: (item: T) => string,
  name: (item: T) => string,
): SectionDiff {
  const old = new Map(before.map((item) => [id(item), item]));
  const next = new Map(after.map((item) => [id(item), item]));
  const diff: SectionDiff = { section, added: [], removed: [], changed: [] };
  for (const [key, item] of next) {
    const prev = old.get(key);
    if (!prev) diff.added.push(name(item));
    else if (!same(prev, item)) diff.changed.push({ name: name(item), fields: changedFields(prev, item) });
  }
  for (const [key, item] of old) if (!next.has(key)) diff.removed.push(name(item));
  return diff;
}

function diffRecord(section: DiffSection, before: Record<string, unknown>, after: Record<string, unknown>, name = (k: string) => k) {
  const diff: SectionDiff = { section, added: [], removed: [], changed: [] };
  for (const [key, value] of Object.entries(after)) {
    if (!(key in before)) diff.added.push(name(key));
    else if (!same(before[key], value)) {
      const prev = before[key];
      diff.changed.push({
        name: name(key),
        fields: typeof value === 'object' && value && typeof prev === 'object' && prev ? changedFields(prev, value) : [],
      });
    }
  }
  for (const key of Object.keys(before)) if (!(key in after)) diff.removed.push(name(key));
  return diff;
}

const MAX_NAMES = 8;
function names(list: string[]): string {
  const shown = list.slice(0, MAX_NAMES).join(', ');
  return list.length > MAX_NAMES ? `${shown} and ${list.length - MAX_NAMES} more` : shown;
}

function describe(diff: SectionDiff): string | undefined {
  const parts: string[] = [];
  if (diff.added.length) parts.push(`${diff.added.length} added (${names(diff.added)})`);
  if (diff.removed.length) parts.push(`${diff.removed.length} removed (${names(diff.removed)})`);
  if (diff.changed.length) {
    const changed = diff.changed.map((c) => (c.fields.length ? `${c.name}: ${c.fields.join(', ')}` : c.name));
    parts.push(`${diff.changed.length} changed (${names(changed)})`);
  }
  return parts.length ? `${LABELS[diff.section]}: ${parts.join('; ')}` : undefined;
}

export function diffSettings(before: Settings, after: Settings): SettingsDiff {
  const sections: SectionDiff[] = [
    diffById('customers', before.customers, after.customers, (c) => c.id, (c) => c.name),
    diffById('sites', before.sites, after.sites, (s) => `${s.adapter} ${s.matches.join(' ')}`, (s) => `${s.adapter} on ${s.matches.join(', ')}`),
    diffById('recipes', before.recipes, after.recipes, (r) => r.id, (r) => r.name),
    diffById('customPolicies', before.customPolicies, after.customPolicies, (p) => p.id, (p) => p.name),
    diffRecord('holidays', before.holidays, after.holidays, (region) => after.holidays[region]?.name ?? before.holidays[region]?.name ?? region),
    diffRecord('priorityMap', before.priorityMap, after.priorityMap, (raw) => `"${raw}"`),
  ];
  if (before.atRiskShare !== after.atRiskShare) {
    const pct = (share: number) => `${Math.round(share * 100)}%`;
    sections.push({ section: 'atRiskShare', added: [], removed: [], changed: [{ name: `${pct(before.atRiskShare)} → ${pct(after.atRiskShare)}`, fields: [] }] });
  }
  const changed = sections.filter((s) => s.added.length || s.removed.length || s.changed.length);
  const lines = changed.map(describe).filter((l): l is string => !!l);
  return { empty: changed.length === 0, sections: changed, lines };
}
