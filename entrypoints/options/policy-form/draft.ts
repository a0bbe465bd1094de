import { z } from 'zod';
import { Language, Priority } from '@/core/policy/schema';

/**
 * The policy form edits the policy's own JSON object, so every field it does not show (readings,
 * request classes, per-language overrides …) stays exactly as it was. Calendars and levels are held
 * as rows rather than records while editing: renaming an id to one another row already has must
 * show an error, not merge the two.
 */

export type Json = Record<string, unknown>;

export interface Row {
  /** Stable while the id is edited: React keys and control ids. */
  key: string;
  id: string;
  /** The user typed the id: it no longer follows the name. */
  idTouched: boolean;
  rule: Json;
}

export interface Draft {
  policy: Json;
  calendars: Row[];
  levels: Row[];
}

let rowCount = 0;
export const newRowKey = () => `r${++rowCount}`;

/** An id from a name: lower-case letters, digits, "." and "-" (what the schema accepts). */
export function slug(name: string, fallback: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return id || fallback;
}

/** `base`, or `base-2`, `base-3` … whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const Text = z.string().optional();
const Stretch = z.object({
  from: z.object({ day: z.number().int().min(1).max(7), time: z.string() }).loose(),
  to: z.object({ day: z.number().int().min(1).max(7), time: z.string() }).loose(),
});
/**
 * What the form can show: the types of the fields it has controls for (their values may still be
 * invalid — the form shows those errors). Documents without response times or with a scope of
 * support (centron) are edited as JSON: the form's targets would misstate them.
 */
const FormShape = z
  .object({
    id: Text,
    name: Text,
    document: Text,
    calendar: Text,
    defaultRegion: Text,
    defaultLevel: Text,
    languageSource: Text,
    calendars: z.record(
      z.string(),
      z
        .object({
          name: Text,
          timeZone: Text,
          source: Text,
          weekly: z.array(Stretch.loose()).optional(),
          holidays: z.record(z.string(), z.array(z.string())).optional(),
        })
        .loose(),
    ),
    levels: z.record(
      z.string(),
      z
        .object({
          name: Text,
          source: Text,
          targets: z
            .partialRecord(Priority, z.object({ minutes: z.number().int().min(0), clock: z.string(), source: Text }).loose())
            .optional(),
        })
        .loose(),
    ),
    languages: z
      .partialRecord(
        Language,
        z.object({ calendar: Text, team: Text, source: Text, deferAll: z.boolean().optional(), levels: z.array(z.string()).optional() }).loose(),
      )
      .optional(),
    noTargets: z.never().optional(),
    scope: z.never().optional(),
  })
  .loose();

export type Opened = { ok: true; draft: Draft } | { ok: false; reason: 'json'; detail: string } | { ok: false; reason: 'shape'; paths: string[] };

const rows = (record: Record<string, unknown>): Row[] =>
  Object.entries(record).map(([id, rule]) => ({ key: newRowKey(), id, idTouched: true, rule: rule as Json }));

/** A policy object for the form, or why the form cannot show it (it then stays in the JSON view). */
export function openPolicy(value: unknown): Opened {
  const shape = FormShape.safeParse(value);
  if (!shape.success) return { ok: false, reason: 'shape', paths: [...new Set(shape.error.issues.map((i) => i.path.join('.') || '—'))] };
  const policy = value as Json;
  return {
    ok: true,
    draft: { policy, calendars: rows(policy.calendars as Json), levels: rows(policy.levels as Json) },
  };
}

/** JSON text for the form, or why not. */
export function openPolicyText(text: string): Opened {
  try {
    return openPolicy(JSON.parse(text));
  } catch (error) {
    return { ok: false, reason: 'json', detail: (error as Error).message };
  }
}

/** The policy object the form shows: its own fields in their places, calendars and levels from the rows. */
export function draftPolicy(draft: Draft): Json {
  const record = (list: Row[]) => Object.fromEntries(list.map((row) => [row.id, row.rule]));
  return { ...draft.policy, calendars: record(draft.calendars), levels: record(draft.levels) };
}

/** Ids used by more than one row: the record would keep only one, so the form refuses them. */
export function duplicateRows(list: Row[]): Row[] {
  const seen = new Set<string>();
  return list.filter((row) => {
    if (seen.has(row.id)) return true;
    seen.add(row.id);
    return false;
  });
}

/** A new, empty policy: the form's starting point. */
export function emptyDraft(): Draft {
  return { policy: { id: '', name: '', document: '', calendars: {}, levels: {}, languages: {} }, calendars: [], levels: [] };
}

const renameIn = (list: unknown, from: string, to: string) => (Array.isArray(list) ? list.map((x) => (x === from ? to : x)) : list);

/**
 * The policy with a calendar id renamed everywhere the schema refers to it (the business-hours
 * calendar, language teams), so a rename in the form does not leave a dangling reference.
 */
export function renameCalendarRefs(policy: Json, from: string, to: string): Json {
  const languages = mapLanguages(policy.languages, (rule) => (rule.calendar === from ? { ...rule, calendar: to } : rule));
  const next = languages ? { ...policy, languages } : policy;
  return policy.calendar === from ? { ...next, calendar: to } : next;
}

/** The same for a level id: the default level, language entitlements, overrides and billing levels. */
export function renameLevelRefs(policy: Json, from: string, to: string): Json {
  const languages = mapLanguages(policy.languages, (rule) => {
    const next: Json = { ...rule, levels: renameIn(rule.levels, from, to) };
    if (rule.overrides && typeof rule.overrides === 'object') {
      next.overrides = Object.fromEntries(Object.entries(rule.overrides).map(([level, v]) => [level === from ? to : level, v]));
    }
    const billing = rule.billing as Json | undefined;
    if (billing && typeof billing === 'object') next.billing = { ...billing, technicalLevels: renameIn(billing.technicalLevels, from, to) };
    return next;
  });
  const next = languages ? { ...policy, languages } : policy;
  return policy.defaultLevel === from ? { ...next, defaultLevel: to } : next;
}

function mapLanguages(languages: unknown, change: (rule: Json) => Json): Json | undefined {
  if (!languages || typeof languages !== 'object') return undefined;
  return Object.fromEntries(Object.entries(languages).map(([lang, rule]) => [lang, change(rule as Json)]));
}

/** Keeps an undefined field out of the JSON (the schema's optional fields are absent, not null). */
export function withField(object: Json, field: string, value: unknown): Json {
  const next = { ...object, [field]: value };
  if (value === undefined) delete next[field];
  return next;
}
