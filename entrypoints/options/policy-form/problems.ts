import type { z } from 'zod';
import { i18n } from '#i18n';
import { problemText } from '@/components/problems';
import { builtinPolicies } from '@/core';
import { Policy } from '@/core/policy/schema';
import { zodErrors } from '@/core/settings/validate';
import { type Draft, draftPolicy, duplicateRows, openPolicy, type Row } from './draft';

/**
 * The policy form's problems: the core's Policy schema (the one JSON imports and the built-in
 * policies pass) plus what only the form can get wrong (two rows with one id, another custom
 * policy's id), each in the user's words, named as the form labels the field, and tied to the
 * control it is about so a refused save can move focus there.
 */

export interface FormProblem {
  /** The control's element id ('' when the form has no control for it: the JSON view has). */
  target: string;
  /** Where, as the form labels it. */
  path: string;
  message: string;
}

/** i18n.t for keys chosen at run time (each one is in locales/*.yml). */
const t = i18n.t as unknown as (key: string, substitutions?: string[]) => string;
const label = (key: string) => t(`options.policyForm.${key}`);
const say = (key: string, value?: string) => t(`options.policyForm.problem.${key}`, value === undefined ? undefined : [value]);

/** Element ids of the form's controls, shared by the fields and by the problems that point at them. */
export const controlId = {
  top: (field: string) => `pf-${field}`,
  calendar: (row: Row, field: string) => `pf-cal-${row.key}-${field}`,
  level: (row: Row, field: string) => `pf-lvl-${row.key}-${field}`,
  language: (lang: string, field: string) => `pf-lang-${lang}-${field}`,
};

const TOP_FIELDS: Record<string, string> = {
  id: 'id',
  name: 'name',
  document: 'document',
  calendar: 'businessCalendar',
  defaultRegion: 'defaultRegion',
  defaultLevel: 'defaultLevel',
  languageSource: 'languageSource',
  calendars: 'calendars',
  levels: 'levels',
};

type Where = { target: string; path: string };

const rowName = (row: Row) => (typeof row.rule.name === 'string' && row.rule.name) || row.id || '—';

/** The control and label of a path into the policy. */
function where(draft: Draft, path: PropertyKey[]): Where {
  const [section, key, ...rest] = path.map(String);
  if (section === 'calendars' && key !== undefined) {
    const index = draft.calendars.findIndex((r) => r.id === key);
    const row = draft.calendars[index];
    if (row) {
      const inner = calendarField(row, rest);
      return { target: inner.target, path: t('options.policyForm.where.calendar', [String(index + 1), rowName(row), inner.path]) };
    }
  }
  if (section === 'levels' && key !== undefined) {
    const index = draft.levels.findIndex((r) => r.id === key);
    const row = draft.levels[index];
    if (row) {
      const inner = levelField(row, rest);
      return { target: inner.target, path: t('options.policyForm.where.level', [String(index + 1), rowName(row), inner.path]) };
    }
  }
  if (section === 'languages' && key !== undefined) {
    const field = ['team', 'calendar', 'source', 'levels', 'deferAll'].includes(rest[0] ?? '') ? (rest[0] as string) : '';
    const labels: Record<string, string> = { team: 'team', calendar: 'teamCalendar', source: 'source', levels: 'entitled', deferAll: 'deferAll' };
    return {
      target: field ? controlId.language(key, field) : '',
      path: t('options.policyForm.where.language', [t(`language.${key}`), field ? label(labels[field] as string) : rest.join('.')]),
    };
  }
  const field = section ? TOP_FIELDS[section] : undefined;
  if (field) return { target: controlId.top(section === 'calendars' || section === 'levels' ? `add-${section}` : (section as string)), path: label(field) };
  return { target: '', path: path.join('.') };
}

function calendarField(row: Row, rest: string[]): Where {
  const [field, n, end, part] = rest;
  const id = (f: string) => controlId.calendar(row, f);
  if (field === 'weekly' && n !== undefined) {
    const which = end === 'to' ? 'closes' : 'opens';
    const f = `w${n}-${end ?? 'from'}-${part ?? 'time'}`;
    return { target: id(f), path: t('options.policyForm.where.stretch', [String(Number(n) + 1), label(`${which}${part === 'day' ? 'Day' : 'Time'}`)]) };
  }
  if (field === 'weekly') return { target: id('add-stretch'), path: label('weekly') };
  if (field === 'holidays' && n !== undefined) {
    const regions = Object.keys((row.rule.holidays as object | undefined) ?? {});
    return { target: id(`hol-${regions.indexOf(n)}-dates`), path: t('options.policyForm.where.holiday', [n]) };
  }
  const labels: Record<string, string> = { name: 'calendarName', timeZone: 'zone', source: 'source' };
  if (field && labels[field]) return { target: id(field), path: label(labels[field] as string) };
  return { target: id('id'), path: label('calendarId') };
}

function levelField(row: Row, rest: string[]): Where {
  const [field, priority, part] = rest;
  const id = (f: string) => controlId.level(row, f);
  if (field === 'targets' && priority !== undefined) {
    const control = part === 'clock' ? 'clock' : part === 'source' ? 'source' : 'hours';
    const labels: Record<string, string> = { clock: 'clock', source: 'source', hours: 'duration' };
    return { target: id(`${priority}-${control}`), path: t('options.policyForm.where.target', [priority, label(labels[control] as string)]) };
  }
  const labels: Record<string, string> = { name: 'levelName', source: 'source' };
  if (field && labels[field]) return { target: id(field), path: label(labels[field] as string) };
  if (field === undefined) return { target: id('id'), path: label('levelId') };
  return { target: '', path: rest.join('.') };
}

/** What is wrong with one schema issue, in the user's words. */
function issueText(issue: z.core.$ZodIssue, input: unknown): string {
  const last = String(issue.path.at(-1) ?? '');
  const value = valueAt(input, issue.path);
  const quoted = typeof value === 'string' ? value : JSON.stringify(value);
  // An id or a choice left empty: asked for, not called invalid.
  if (issue.code === 'invalid_format' && value === '') return problemText({ code: 'required', message: issue.message });
  if (issue.code === 'invalid_key' || (issue.code === 'invalid_format' && issue.message.startsWith('lower-case'))) return say('id', quoted);
  if (issue.code === 'invalid_format' && issue.message.startsWith('a wall time')) return say('wall', quoted);
  if (issue.code === 'custom') {
    if (issue.message.startsWith('closes at or before')) return say('order');
    if (issue.message.startsWith('an IANA')) return say('zone', quoted);
    if (issue.message.startsWith('name the business-hours')) return say('calendarMissing');
    if (issue.message.startsWith('unknown calendar')) return say('unknownCalendar', quoted);
    if (issue.message.startsWith('unknown level')) return say('unknownLevel', quoted);
    if (issue.message.startsWith('define at least one level')) return say('noLevels');
  }
  if (issue.code === 'too_small' && last === 'weekly') return say('noWeekly');
  if (issue.code === 'too_small' && last === 'source') return say('section');
  if ((issue.code === 'too_small' || issue.code === 'invalid_type') && last === 'minutes') return say('minutes');
  const [settingsError] = zodErrors({ issues: [issue] } as z.ZodError, [], input);
  return settingsError ? problemText(settingsError) : issue.message;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

export interface CheckContext {
  /** The other custom policies' ids (not the one being edited). */
  takenIds: ReadonlySet<string>;
}

/** Every problem of the draft, in the form's order. */
/** The policy's fields in the order the form shows them: problems are listed in that order. */
const FORM_ORDER = ['name', 'id', 'document', 'calendars', 'calendar', 'defaultRegion', 'levels', 'defaultLevel', 'languages', 'languageSource'];

export function checkDraft(draft: Draft, context: CheckContext): { problems: FormProblem[]; policy: Policy | null } {
  const found: Array<{ field: string; problem: FormProblem }> = [];
  const json = draftPolicy(draft);
  const id = typeof json.id === 'string' ? json.id : '';
  if (context.takenIds.has(id)) found.push({ field: 'id', problem: { ...where(draft, ['id']), message: say('policyTaken', id) } });
  for (const [kind, list] of [
    ['calendar', draft.calendars],
    ['level', draft.levels],
  ] as const) {
    for (const row of duplicateRows(list)) {
      const index = list.indexOf(row);
      const target = kind === 'calendar' ? controlId.calendar(row, 'id') : controlId.level(row, 'id');
      const key = kind === 'calendar' ? 'options.policyForm.where.calendar' : 'options.policyForm.where.level';
      const idLabel = label(kind === 'calendar' ? 'calendarId' : 'levelId');
      const problem = { target, path: t(key, [String(index + 1), rowName(row), idLabel]), message: say(`${kind}Taken`, row.id) };
      found.push({ field: `${kind}s`, problem });
    }
  }
  const parsed = Policy.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      found.push({ field: String(issue.path[0] ?? ''), problem: { ...where(draft, issue.path), message: issueText(issue, json) } });
    }
  }
  const rank = (field: string) => (FORM_ORDER.includes(field) ? FORM_ORDER.indexOf(field) : FORM_ORDER.length);
  const problems = found.sort((a, b) => rank(a.field) - rank(b.field)).map((f) => f.problem);
  return { problems, policy: problems.length === 0 && parsed.success ? parsed.data : null };
}

/** Ids a new custom policy must not take: the other custom policies' (a built-in one's may be replaced on purpose). */
export function otherCustomIds(customIds: readonly string[], editing: string | undefined): Set<string> {
  return new Set(customIds.filter((id) => id && id !== editing));
}

/** The built-in policy a custom id replaces, if any. */
export const replacedBuiltin = (id: string) => builtinPolicies[id];

/** The JSON view's text area: every problem found in the JSON view points at it. */
export const JSON_CONTROL = 'pf-json';

/** The JSON view's problems: the same checks, labelled as the form would where the form can show the policy. */
export function checkJson(text: string, context: CheckContext): { problems: FormProblem[]; policy: Policy | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [{ target: JSON_CONTROL, path: '', message: i18n.t('common.badJson', [(error as Error).message]) }], policy: null };
  }
  const opened = openPolicy(raw);
  if (opened.ok) {
    const checked = checkDraft(opened.draft, context);
    return { ...checked, problems: checked.problems.map((p) => ({ ...p, target: JSON_CONTROL })) };
  }
  const problems: FormProblem[] = [];
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && context.takenIds.has(id)) problems.push({ target: JSON_CONTROL, path: label('id'), message: say('policyTaken', id) });
  const parsed = Policy.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ target: JSON_CONTROL, path: issue.path.join('.'), message: issueText(issue, raw) });
  }
  return { problems, policy: problems.length === 0 && parsed.success ? parsed.data : null };
}
