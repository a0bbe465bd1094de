import { DEFAULT_PRIORITY_MAP, SETTINGS_VERSION } from './schema';

/**
 * Settings files and stored settings from earlier versions, brought up to the current one. Each step
 * takes version N to N+1 and knows nothing of later versions, so an old file runs through the whole
 * chain. The result is still unvalidated: `validateSettings` parses it with the current schema.
 */

/**
 * v0, the prototype (before `version` existed): one flat list of match → customer rows, sites as a
 * host → adapter record, holidays as plain date lists that closed the only calendar it knew (1.2's
 * Pacific business hours), and the at-risk threshold in percent.
 */
export interface MappingV0 {
  /** An address ("a@b.com"), a domain ("b.com") or an organisation name. */
  match: string;
  customer: string;
  policy: string;
  level?: string;
  region?: string;
}
export interface SettingsV0 {
  version?: 0;
  mappings?: MappingV0[];
  sites?: Record<string, string>;
  priorities?: Record<string, string>;
  atRiskPercent?: number;
  holidays?: Record<string, string[]>;
}

/** The calendar v0's holiday lists closed: it only knew Velostrata 1.2's Pacific business hours. */
export const V0_HOLIDAY_CALENDAR = 'pacific';

type Json = Record<string, unknown>;

const DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;

/**
 * A stable, readable customer id from a name: "ACME Corp." → "acme-corp", "Café Müller" → "cafe-muller",
 * "星野ロボティクス 株式会社" → "星野ロボティクス-株式会社". Accents are dropped from Latin letters only (a
 * kana's voicing mark is part of the letter); other scripts keep their letters, so a Japanese name
 * gets an id that reads as the name rather than "customer".
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/([a-z])\p{M}+/giu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'customer';
}

/** Ids unique within `taken` (mutated): "acme", "acme-2", … */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** v0 rows, one per match string, grouped into v1 customers by name (first row's policy wins). */
export function customersFromMappings(mappings: MappingV0[]): Json[] {
  const byName = new Map<string, Json & { organisations: string[]; domains: string[]; addresses: string[] }>();
  const ids = new Set<string>();
  for (const row of mappings) {
    const key = row.customer.trim().toLowerCase();
    let customer = byName.get(key);
    if (!customer) {
      customer = {
        id: uniqueId(slugify(row.customer), ids),
        name: row.customer.trim(),
        organisations: [],
        domains: [],
        addresses: [],
        policy: row.policy,
        ...(row.level ? { level: row.level } : {}),
        ...(row.region ? { region: row.region } : {}),
      };
      byName.set(key, customer);
    }
    const match = row.match.trim();
    if (match.includes('@')) customer.addresses.push(match);
    else if (DOMAIN.test(match)) customer.domains.push(match);
    else customer.organisations.push(match);
  }
  return [...byName.values()];
}

/** v0 host → adapter id; v0 only ever ran on https. */
export function sitesFromHosts(hosts: Record<string, string>): Json[] {
  return Object.entries(hosts).map(([host, adapter]) => ({ adapter, matches: [`https://${host}/*`], enabled: true }));
}

/** v0 region → dates, which closed the Pacific calendar. */
export function holidaysFromLists(lists: Record<string, string[]>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(lists).map(([region, dates]) => [
      region,
      { name: region, calendar: V0_HOLIDAY_CALENDAR, dates: dates.map((date) => ({ date, name: '' })) },
    ]),
  );
}

/** v0 priority values were matched as typed; v1 keeps its defaults and adds them lower-cased. */
export function priorityMapFromV0(priorities: Record<string, string>): Record<string, string> {
  const map: Record<string, string> = { ...DEFAULT_PRIORITY_MAP };
  for (const [raw, p] of Object.entries(priorities)) map[raw.trim().toLowerCase()] = p.toUpperCase();
  return map;
}

function v0ToV1(old: SettingsV0 & Json): Json {
  const { mappings, sites, priorities, atRiskPercent, holidays, version: _v, ...rest } = old;
  return {
    ...rest,
    version: 1,
    customers: customersFromMappings(mappings ?? []),
    sites: sitesFromHosts(sites ?? {}),
    ...(priorities ? { priorityMap: priorityMapFromV0(priorities) } : {}),
    ...(atRiskPercent !== undefined ? { atRiskShare: atRiskPercent / 100 } : {}),
    holidays: holidaysFromLists(holidays ?? {}),
  };
}

/** Step N turns version N into N+1. */
const STEPS: Record<number, (old: Json) => Json> = { 0: v0ToV1 };

export class MigrationError extends Error {}

/** Keys only the prototype (v0) wrote, and keys only v1 and later write. */
const V0_KEYS = ['mappings', 'priorities', 'atRiskPercent'];
const V1_KEYS = ['customers', 'recipes', 'customPolicies', 'priorityMap', 'atRiskShare', 'readHelpdeskApis'];

/**
 * The version of a file that names none. The prototype wrote no `version`; a current file whose
 * `version` was lost (hand-written, or cut by an editor) is recognised by its keys and read as the
 * current version, never as v0 (which would drop its customers). A file with keys of both is refused.
 */
function implicitVersion(value: Json): number {
  const has = (key: string) => Object.hasOwn(value, key);
  const v0 = V0_KEYS.filter(has);
  // v0 sites were a host → adapter record, holidays date lists; v1 sites are a list.
  if (has('sites') && value.sites !== null && typeof value.sites === 'object' && !Array.isArray(value.sites)) v0.push('sites');
  const v1 = V1_KEYS.filter(has);
  if (Array.isArray(value.sites)) v1.push('sites');
  if (v0.length && v1.length) {
    throw new MigrationError(
      `the file names no "version" and mixes keys of the prototype format (${v0.join(', ')}) with keys of version ${SETTINGS_VERSION} (${v1.join(', ')}); add "version": ${SETTINGS_VERSION} or remove the old keys`,
    );
  }
  return v0.length ? 0 : SETTINGS_VERSION;
}

/**
 * Brings a parsed settings object of any known version to SETTINGS_VERSION. A missing `version` is
 * told from the keys (see implicitVersion); a newer version than this build knows is refused rather
 * than guessed at.
 */
export function migrate(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let value = raw as Json;
  let version = value.version === undefined ? implicitVersion(value) : value.version;
  if (value.version === undefined && version === SETTINGS_VERSION) return { ...value, version };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return raw;
  if (version > SETTINGS_VERSION) {
    throw new MigrationError(`settings version ${version} is newer than this extension understands (${SETTINGS_VERSION})`);
  }
  while (version < SETTINGS_VERSION) {
    const step = STEPS[version];
    if (!step) throw new MigrationError(`no migration from settings version ${version}`);
    value = step(value);
    version += 1;
  }
  return value;
}
