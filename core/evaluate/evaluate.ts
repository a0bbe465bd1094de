import { getPolicy } from '../policy/builtin';
import { classifyScope } from '../policy/scope';
import type { Policy, TargetRule } from '../policy/schema';
import { isoUtc } from '../time/iso';
import type { BusinessCalendar } from '../time/types';
import { policyCalendar, holidayRegions } from './calendars';
import { EvaluateError } from './error';
import { formatInZone, formatMinutes, formatSpan } from './format';
import { decideLanguage, LANGUAGE_NAMES, type LanguageDecision, routingText } from './language';
import { requireLevel } from './level';
import { EvaluateInput, type EvaluateResult, type Note, type Target } from './types';

type Parsed = ReturnType<typeof EvaluateInput.parse>;

const MINUTE = 60_000;
/** Openings listed one by one in the explanation before they are summarised. */
const OPENINGS_LISTED = 4;

/** What evaluateTarget() returns: the target and the codes of the notes, without any text. */
export interface TargetResult {
  target: Target | null;
  /** evaluate()'s notes by code, in the same order, without scope classification (it never decides a target). */
  notes: Array<Pick<Note, 'code'>>;
}

/**
 * The contractual first-response target for one request: which rule applies, when the clock
 * starts, and the deadline — with notes and an explanation a support lead can check by hand.
 */
export function evaluate(raw: EvaluateInput): EvaluateResult {
  const { target, notes, explain } = run(raw, true);
  return { target, notes, explain: explain as string[] };
}

/**
 * The same target as evaluate() without composing any text (explanation, note messages, the
 * English alternative, scope classification): for lists of hundreds of tickets, whose explanations
 * are only read when someone opens one.
 */
export function evaluateTarget(raw: EvaluateInput): TargetResult {
  const { target, notes } = run(raw, false);
  return { target, notes: notes.map(({ code }) => ({ code })) };
}

/** Collects notes and explanation lines; without `explain`, texts are never built. */
class Report {
  readonly notes: Note[] = [];
  constructor(readonly explain: string[] | undefined) {}
  note(code: string, message: () => string): void {
    this.notes.push({ code, message: this.explain ? message() : '' });
  }
  say(...lines: Array<() => string>): void {
    if (this.explain) for (const line of lines) this.explain.push(line());
  }
}

/** An input that already satisfies the EvaluateInput schema (its parsed form). */
export type ParsedEvaluateInput = Parsed;

/**
 * evaluateTarget() without validating the input: for callers whose inputs are valid by
 * construction (the overlay builds them from validated settings, typed ticket fields and a
 * submission time it has checked), so 500 rows do not run the schema 500 times. Anything else
 * calls evaluateTarget(), which reports invalid inputs as EvaluateError.
 */
export function evaluateTargetTrusted(input: ParsedEvaluateInput): TargetResult {
  const { target, notes } = compute(input, input, false);
  return { target, notes: notes.map(({ code }) => ({ code })) };
}

function run(raw: EvaluateInput, detail: boolean): { target: Target | null; notes: Note[]; explain?: string[] } {
  const parsed = EvaluateInput.safeParse(raw);
  if (!parsed.success) throw EvaluateError.fromZod(parsed.error);
  return compute(parsed.data, raw, detail);
}

function compute(
  input: Parsed,
  raw: EvaluateInput,
  detail: boolean,
): { target: Target | null; notes: Note[]; explain?: string[] } {
  const policy = resolvePolicy(input.policy);
  const report = new Report(detail ? [] : undefined);
  const done = (target: Target | null) => ({ target, notes: report.notes, explain: report.explain });
  report.say(() => `Policy: ${policy.name} — ${policy.document}.`);

  if (policy.noTargets) {
    const none = policy.noTargets;
    report.note(none.note, () => `${none.message} (${none.source})`);
    report.say(() => `No response time is promised (${none.source}).`);
    if (detail) scopeNotes(policy, input.topic, report);
    return done(null);
  }

  const { id: levelId, rule: level } = requireLevel(policy, input.level);
  report.say(() => `Level: ${level.name} (${level.source}).`);
  const type = input.type ?? 'technical';
  const feature = policy.requestTypes.feature;
  if (type === 'feature' && feature) {
    report.note(feature.note, () => `${feature.message} (${feature.source})`);
    report.say(() => `Feature request: no first-response target (${feature.source}).`);
    return done(null);
  }
  const levelNone = level.noTarget;
  if (levelNone) {
    report.note(levelNone.note, () => `${levelNone.message} (${levelNone.source})`);
    report.say(() => `${level.name}: no first-response target (${levelNone.source}).`);
    return done(null);
  }

  const region = resolveRegion(policy, input.region);
  const language = decideLanguage(policy, levelId, input.language, type, input.englishAccepted ?? false);
  languageNotes(language, level.name, report);

  const override = language.kind === 'routed' && language.useOverrides ? language.rule.overrides[levelId]?.[input.priority] : undefined;
  const rule = override ?? level.targets[input.priority];
  if (!rule) {
    report.note('no-target-for-priority', () => `${level.name} defines no target for ${input.priority}.`);
    return done(null);
  }
  if (rule.note) report.note(rule.note, () => ruleNoteMessage(rule, input.priority, level.name));
  report.say(
    () =>
      `Rule: ${input.priority} → first response within ${formatMinutes(rule.minutes)} ${rule.clock === '24/7' ? 'around the clock (24/7)' : 'of business hours'} (${rule.source}${override ? `, ${LANGUAGE_NAMES[language.kind === 'routed' ? language.language : 'en']} requests` : ''}).`,
  );

  const submitted = Date.parse(input.submitted);
  const teamCalendar = language.kind === 'routed' ? policyCalendar(policy, language.rule.calendar, region, input.holidays) : undefined;
  const target = computeTarget(policy, rule, submitted, region, input, teamCalendar, language, report);

  if (target.start > submitted) {
    report.note(
      'deferred-start',
      () => `Received outside ${target.calendarName}; the clock starts at ${formatInZone(target.start, target.zone)}.`,
    );
  }
  if (language.kind === 'routed' && teamCalendar) {
    report.note('language-routed', () => routingText(language, teamCalendar, submitted, target.start) + englishAlternative(raw, teamCalendar));
  }

  return done({
    minutes: rule.minutes,
    clock: rule.clock,
    calendar: target.calendarId,
    start: isoUtc(target.start),
    deadline: isoUtc(target.deadline),
    source: `${policy.document} ${rule.source}`,
  });
}

function resolvePolicy(policy: Parsed['policy']): Policy {
  if (typeof policy !== 'string') return policy;
  const found = getPolicy(policy);
  if (!found) throw new EvaluateError(['policy'], `unknown policy "${policy}"`);
  return found;
}

function resolveRegion(policy: Policy, region: string | undefined): string | undefined {
  const regions = holidayRegions(policy);
  if (region !== undefined && regions.length > 0 && !regions.includes(region)) {
    throw new EvaluateError(['region'], `unknown region "${region}" for ${policy.id}; one of ${regions.join(', ')}`);
  }
  return region ?? policy.defaultRegion;
}

interface ComputedTarget {
  calendarId: string;
  calendarName: string;
  zone: string;
  start: number;
  deadline: number;
}

function computeTarget(
  policy: Policy,
  rule: TargetRule,
  submitted: number,
  region: string | undefined,
  input: Parsed,
  teamCalendar: BusinessCalendar | undefined,
  language: LanguageDecision,
  report: Report,
): ComputedTarget {
  if (rule.clock === '24/7') {
    const deferTo = language.kind === 'routed' && language.deferAll ? teamCalendar : undefined;
    const start = deferTo ? deferTo.nextOpening(submitted) : submitted;
    // Times read best in the contract's own zone: the team's for routed requests, else the main calendar's.
    const home = policy.calendar ? policy.calendars[policy.calendar] : undefined;
    const zone = (deferTo ?? teamCalendar)?.spec.timeZone ?? home?.timeZone ?? 'UTC';
    const deadline = start + rule.minutes * MINUTE;
    report.say(
      () =>
        deferTo
          ? `Clock: 24/7, but ${LANGUAGE_NAMES[language.kind === 'routed' ? language.language : 'en']} requests are taken only in ${deferTo.spec.name}: submitted ${formatInZone(submitted, zone)}, clock starts ${formatInZone(start, zone)}.`
          : `Clock: 24/7 from submission at ${formatInZone(submitted, zone)}.`,
      () => `Deadline: ${formatInZone(deadline, zone)}${zone === 'UTC' ? '' : ` (${formatInZone(deadline, 'UTC')})`}.`,
    );
    return { calendarId: '24/7', calendarName: deferTo?.spec.name ?? '24/7', zone, start, deadline };
  }

  const calendar = teamCalendar ?? policyCalendar(policy, policy.calendar ?? '', region, input.holidays);
  const zone = calendar.spec.timeZone;
  const start = calendar.nextOpening(submitted);
  const deadline = calendar.addMinutes(start, rule.minutes);
  const holidays = calendar.spec.holidays.length;
  report.say(
    () =>
      `Calendar: ${calendar.spec.name} in ${zone}${holidays ? `, ${holidays} holiday${holidays === 1 ? '' : 's'}${region ? ` (region ${region})` : ''} closed` : ''}.`,
    () =>
      start === submitted
        ? `Submitted ${formatInZone(submitted, zone)} during business hours: the clock starts at once.`
        : `Submitted ${formatInZone(submitted, zone)} outside business hours: the clock starts at the next opening, ${formatInZone(start, zone)}.`,
    () => describeOpenings(calendar, start, deadline, zone),
    () => `Deadline: ${formatInZone(deadline, zone)} (${formatInZone(deadline, 'UTC')}).`,
  );
  return { calendarId: calendar.spec.id, calendarName: calendar.spec.name, zone, start, deadline };
}

function describeOpenings(calendar: BusinessCalendar, start: number, deadline: number, zone: string): string {
  const openings = calendar.openIntervals(start, deadline);
  const listed = openings
    .slice(0, OPENINGS_LISTED)
    .map(([from, to]) => `${formatSpan(from, to, zone)} (${formatMinutes((to - from) / MINUTE)})`);
  const more = openings.length - listed.length;
  return `Business hours used: ${listed.join('; ')}${more > 0 ? `; and ${more} more opening${more === 1 ? '' : 's'}` : ''}.`;
}

function languageNotes(language: LanguageDecision, levelName: string, report: Report): void {
  if (language.kind === 'not-included') {
    const name = LANGUAGE_NAMES[language.language];
    report.note(
      'language-not-included',
      () => `Support in ${name} is not included for ${levelName}${language.source ? ` (${language.source})` : ''}: English terms apply.`,
    );
    report.say(() => `Language: ${name} is not included for ${levelName}, so English terms apply.`);
  } else if (language.kind === 'english-accepted') {
    report.note(
      'english-accepted',
      () => `The customer agreed to English: English terms apply, no routing to the ${language.rule.team} (${language.rule.source}).`,
    );
    report.say(() => `Language: ${LANGUAGE_NAMES[language.language]}, but the customer agreed to English.`);
  } else if (language.kind === 'routed') {
    report.say(
      () =>
        `Language: ${LANGUAGE_NAMES[language.language]}${language.billing ? ' billing' : ''} request, handled by the ${language.rule.team} (${language.billing ? (language.rule.billing?.source ?? language.rule.source) : language.rule.source}).`,
    );
  }
}

/** " If the customer accepts English: 1h 24/7, due …": what changes for a routed request. */
function englishAlternative(raw: EvaluateInput, team: BusinessCalendar): string {
  const english = evaluate({ ...raw, englishAccepted: true }).target;
  return english
    ? ` If the customer accepts English: ${formatMinutes(english.minutes)} ${english.clock === '24/7' ? '24/7' : 'business hours'}, due ${formatInZone(Date.parse(english.deadline), team.spec.timeZone)}.`
    : '';
}

function ruleNoteMessage(rule: TargetRule, priority: string, levelName: string): string {
  if (rule.note === 'p1-not-available-for-role') {
    return `The ${levelName} role cannot send ${priority} requests; the P2 target applies (${rule.source}).`;
  }
  return `${rule.note} (${rule.source})`;
}

function scopeNotes(policy: Policy, topic: string | undefined, report: Report): void {
  if (!policy.scope) return;
  if (!topic?.trim()) {
    report.note('scope-unclear', () => 'No request text to classify: check the scope by hand.');
    return;
  }
  const result = classifyScope(policy.scope, topic);
  const describe = (found: typeof result.inScope) => found.map((m) => `${m.label} ("${m.keyword}", ${m.source})`).join('; ');
  if (result.verdict === 'out-of-scope') {
    const offer = policy.scope.offer;
    report.note('out-of-scope', () => `Out of scope: ${describe(result.outOfScope)}. ${offer.message} (${offer.source})`);
  } else if (result.verdict === 'in-scope') {
    report.note('in-scope', () => `In scope: ${describe(result.inScope)}.`);
  } else {
    report.note('scope-unclear', () => 'No scope keyword matched: check the scope table by hand.');
  }
  report.say(() => `Scope: ${result.verdict} by the keyword rules in the policy data.`);
}
