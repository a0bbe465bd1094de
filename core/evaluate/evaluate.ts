import { getPolicy } from '../policy/builtin';
import { classifyScope } from '../policy/scope';
import type { Policy, TargetRule } from '../policy/schema';
import { isoUtc } from '../time/iso';
import type { BusinessCalendar } from '../time/types';
import { clockFor } from '../time/zone-clock';
import { policyCalendar, policyRegions } from './calendars';
import { checkInput, type ParsedEvaluateInput } from './check-input';
import { parseSubmitted } from './submitted';
import { EvaluateError } from './error';
import { decideLanguage, type LanguageDecision } from './language';
import { requireLevel } from './level';
import type { EvaluateInput, EvaluateNote, EvaluateResult, ExplainStep, Target } from './types';

export type { ParsedEvaluateInput } from './check-input';

const MINUTE = 60_000;
/** Openings listed one by one in the explanation before they are summarised. */
const OPENINGS_LISTED = 4;

/** What evaluateTarget() returns: the target and the codes of the notes, without any values. */
export interface TargetResult {
  target: Target | null;
  /** evaluate()'s notes by code, in the same order, without scope classification (it never decides a target). */
  notes: Array<Pick<EvaluateNote, 'code'>>;
}

/**
 * The contractual first-response target for one request: which rule applies, when the clock
 * starts, and the deadline — with notes and the steps of an explanation a support lead can check by
 * hand, as codes and values (`renderExplanation`, `renderNote` write them in the reader's language).
 */
export function evaluate(raw: EvaluateInput): EvaluateResult {
  const { input, policy, submitted } = checkInput(raw);
  const report = new Report(true);
  const target = compute(input, resolvePolicy(policy), submitted, report);
  return { target, notes: report.notes as EvaluateNote[], steps: report.steps ?? [] };
}

/**
 * The same target as evaluate() without the explanation's steps, the notes' values, the English
 * alternative or scope classification: for lists of hundreds of tickets, whose explanations are only
 * read when someone opens one.
 */
export function evaluateTarget(raw: EvaluateInput): TargetResult {
  const { input, policy, submitted } = checkInput(raw);
  const report = new Report(false);
  return { target: compute(input, resolvePolicy(policy), submitted, report), notes: report.notes };
}

/**
 * evaluateTarget() without validating the input: for callers whose inputs are valid by
 * construction (the overlay builds them from validated settings, typed ticket fields and a
 * submission time it has checked). Anything else calls evaluateTarget(), which reports invalid
 * inputs as EvaluateError.
 */
export function evaluateTargetTrusted(input: ParsedEvaluateInput): TargetResult {
  const report = new Report(false);
  return { target: compute(input, resolvePolicy(input.policy), parseSubmitted(input.submitted), report), notes: report.notes };
}

/**
 * Collects notes and steps. Without `detail` (evaluateTarget) notes are codes only and `steps` is
 * absent, so `report.steps?.push({…})` never builds a step: a list of 500 tickets allocates no text,
 * no values and no closures for explanations nobody opens.
 */
class Report {
  readonly notes: Array<EvaluateNote | Pick<EvaluateNote, 'code'>> = [];
  readonly steps: ExplainStep[] | undefined;
  constructor(readonly detail: boolean) {
    this.steps = detail ? [] : undefined;
  }
}

/** `submitted`: input.submitted read (epoch ms). */
function compute(input: ParsedEvaluateInput, policy: Policy, submitted: number, report: Report): Target | null {
  const { notes, steps, detail } = report;
  steps?.push({ code: 'policy', policy: policy.name, document: policy.document });

  if (policy.noTargets) {
    const none = policy.noTargets;
    notes.push(detail ? { code: none.note, text: none.message, source: none.source } : { code: none.note });
    steps?.push({ code: 'no-response-times', source: none.source });
    if (detail) scopeNotes(policy, input.topic, report);
    return null;
  }

  const { id: levelId, rule: level } = requireLevel(policy, input.level);
  steps?.push({ code: 'level', level: level.name, source: level.source });
  const type = input.type ?? 'technical';
  const feature = policy.requestTypes.feature;
  if (type === 'feature' && feature) {
    notes.push(detail ? { code: feature.note, text: feature.message, source: feature.source } : { code: feature.note });
    steps?.push({ code: 'feature-request', source: feature.source });
    return null;
  }
  const levelNone = level.noTarget;
  if (levelNone) {
    notes.push(detail ? { code: levelNone.note, text: levelNone.message, source: levelNone.source } : { code: levelNone.note });
    steps?.push({ code: 'level-no-target', level: level.name, source: levelNone.source });
    return null;
  }

  const region = resolveRegion(policy, input.region);
  const language = decideLanguage(policy, levelId, input.language, type, input.englishAccepted ?? false);
  if (language.kind !== 'english') languageNotes(language, level.name, report);

  const override = language.kind === 'routed' && language.useOverrides ? language.rule.overrides[levelId]?.[input.priority] : undefined;
  const rule = override ?? level.targets[input.priority];
  if (!rule) {
    notes.push(detail ? { code: 'no-target-for-priority', level: level.name, priority: input.priority } : { code: 'no-target-for-priority' });
    return null;
  }
  const ruleNote = rule.note;
  if (ruleNote) {
    notes.push(
      !detail
        ? { code: ruleNote }
        : ruleNote === 'p1-not-available-for-role'
          ? { code: ruleNote, level: level.name, priority: input.priority, source: rule.source }
          : { code: ruleNote, text: ruleNote, source: rule.source },
    );
  }
  steps?.push({
    code: 'rule',
    priority: input.priority,
    minutes: rule.minutes,
    clock: rule.clock,
    source: rule.source,
    ...(override && language.kind === 'routed' ? { language: language.language } : {}),
  });

  const teamCalendar = language.kind === 'routed' ? policyCalendar(policy, language.rule.calendar, region, input.holidays) : undefined;
  const target = computeTarget(policy, rule, submitted, region, input, teamCalendar, language, report);

  if (target.start > submitted) {
    notes.push(
      detail
        ? { code: 'deferred-start', calendar: target.calendarName, start: isoUtc(target.start), zone: target.zone }
        : { code: 'deferred-start' },
    );
  }
  if (language.kind === 'routed' && teamCalendar) {
    notes.push(detail ? routingNote(language, teamCalendar, submitted, target.start, input, policy) : { code: 'language-routed' });
  }

  return {
    minutes: rule.minutes,
    clock: rule.clock,
    calendar: target.calendarId,
    start: isoUtc(target.start),
    deadline: isoUtc(target.deadline),
    source: `${policy.document} ${rule.source}`,
  };
}

function resolvePolicy(policy: Policy | string): Policy {
  if (typeof policy !== 'string') return policy;
  const found = getPolicy(policy);
  if (!found) throw new EvaluateError(['policy'], `unknown policy "${policy}"`);
  return found;
}

function resolveRegion(policy: Policy, region: string | undefined): string | undefined {
  if (region !== undefined) {
    const regions = policyRegions(policy);
    if (regions.length > 0 && !regions.includes(region)) {
      throw new EvaluateError(['region'], `unknown region "${region}" for ${policy.id}; one of ${regions.join(', ')}`);
    }
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
  input: ParsedEvaluateInput,
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
    report.steps?.push(
      deferTo && language.kind === 'routed'
        ? { code: 'clock-24/7-deferred', language: language.language, calendar: deferTo.spec.name, submitted: isoUtc(submitted), start: isoUtc(start), zone }
        : { code: 'clock-24/7', submitted: isoUtc(submitted), zone },
      { code: 'deadline', deadline: isoUtc(deadline), zone, utc: zone !== 'UTC' },
    );
    return { calendarId: '24/7', calendarName: deferTo?.spec.name ?? '24/7', zone, start, deadline };
  }

  const calendar = teamCalendar ?? policyCalendar(policy, policy.calendar ?? '', region, input.holidays);
  const zone = calendar.spec.timeZone;
  const [start, deadline] = calendar.openAndAdd(submitted, rule.minutes);
  if (report.steps) {
    const { id, name, holidays } = calendar.spec;
    report.steps.push(
      {
        code: 'calendar',
        calendar: id,
        name,
        zone,
        source: policy.calendars[id]?.source ?? '',
        ...(region && holidays.length ? { region } : {}),
        holidays: holidays.length,
        skipped: skippedHolidays(holidays, submitted, deadline, zone),
      },
      start === submitted
        ? { code: 'submitted-open', submitted: isoUtc(submitted), zone }
        : { code: 'submitted-closed', submitted: isoUtc(submitted), start: isoUtc(start), zone },
      openingsStep(calendar, start, deadline, zone),
      { code: 'deadline', deadline: isoUtc(deadline), zone, utc: true },
    );
  }
  return { calendarId: calendar.spec.id, calendarName: calendar.spec.name, zone, start, deadline };
}

/** The calendar's holidays (sorted yyyy-mm-dd) from the local day of `from` to that of `to`. */
function skippedHolidays(holidays: readonly string[], from: number, to: number, zone: string): string[] {
  if (holidays.length === 0) return [];
  const clock = clockFor(zone);
  const first = isoUtc(from + clock.offset(from) * MINUTE).slice(0, 10);
  const last = isoUtc(to + clock.offset(to) * MINUTE).slice(0, 10);
  return holidays.filter((day) => day >= first && day <= last);
}

function openingsStep(calendar: BusinessCalendar, start: number, deadline: number, zone: string): ExplainStep {
  const openings = calendar.openIntervals(start, deadline);
  const spans = openings.slice(0, OPENINGS_LISTED).map(([from, to]): [string, string] => [isoUtc(from), isoUtc(to)]);
  return { code: 'openings', spans, more: openings.length - spans.length, zone };
}

function languageNotes(language: Exclude<LanguageDecision, { kind: 'english' }>, levelName: string, report: Report): void {
  const { notes, steps, detail } = report;
  if (language.kind === 'not-included') {
    notes.push(
      detail
        ? { code: 'language-not-included', language: language.language, level: levelName, source: language.source }
        : { code: 'language-not-included' },
    );
    steps?.push({ code: 'language-not-included', language: language.language, level: levelName });
  } else if (language.kind === 'english-accepted') {
    notes.push(detail ? { code: 'english-accepted', team: language.rule.team, source: language.rule.source } : { code: 'english-accepted' });
    steps?.push({ code: 'language-english-accepted', language: language.language });
  } else {
    steps?.push({
      code: 'language-routed',
      language: language.language,
      billing: language.billing,
      team: language.rule.team,
      source: language.billing ? (language.rule.billing?.source ?? language.rule.source) : language.rule.source,
    });
  }
}

/**
 * Where a routed request goes and when its team's hours begin for it, told from the request's own
 * times (`submitted`, the clock's `start`), never from the moment the note is read: a ticket received
 * in the team's hours two weeks ago is not "open now" because someone reads it on a Sunday. With
 * what changes if the customer accepts English.
 */
function routingNote(
  language: Extract<LanguageDecision, { kind: 'routed' }>,
  team: BusinessCalendar,
  submitted: number,
  start: number,
  input: ParsedEvaluateInput,
  policy: Policy,
): EvaluateNote {
  const open = team.isOpen(submitted);
  const english = compute({ ...input, englishAccepted: true }, policy, submitted, new Report(false));
  return {
    code: 'language-routed',
    team: language.rule.team,
    calendar: team.spec.name,
    zone: team.spec.timeZone,
    submitted: isoUtc(submitted),
    // A 24/7 target outside a team that takes every request (deferAll) runs from receipt all the same.
    received: open ? 'open' : start > submitted ? 'deferred' : 'running',
    ...(open ? {} : { opening: isoUtc(team.nextOpening(submitted)) }),
    ...(english ? { english: { minutes: english.minutes, clock: english.clock, deadline: english.deadline } } : {}),
  };
}

function scopeNotes(policy: Policy, topic: string | undefined, report: Report): void {
  if (!policy.scope) return;
  if (!topic?.trim()) {
    report.notes.push({ code: 'scope-unclear', reason: 'no-text' } satisfies EvaluateNote);
    return;
  }
  const result = classifyScope(policy.scope, topic);
  const values = (found: typeof result.inScope) => found.map(({ label, keyword, source }) => ({ label, keyword, source }));
  const offer = policy.scope.offer;
  const note: EvaluateNote =
    result.verdict === 'out-of-scope'
      ? { code: 'out-of-scope', matches: values(result.outOfScope), offer: offer.message, offerSource: offer.source }
      : result.verdict === 'in-scope'
        ? { code: 'in-scope', matches: values(result.inScope) }
        : { code: 'scope-unclear', reason: 'no-match' };
  report.notes.push(note);
  report.steps?.push({ code: 'scope', verdict: result.verdict });
}
