import { resolveLevel } from '../../core/contracts/level';
import { buildContractIndex, lookupContract, mapPriority, toEvaluateInput } from '../../core/contracts/lookup';
import type { TicketFields } from '../../core/contracts/ticket';
import { EvaluateError } from '../../core/evaluate/error';
import { evaluate, evaluateTarget, evaluateTargetTrusted, type ParsedEvaluateInput, type TargetResult } from '../../core/evaluate/evaluate';
import { policyCalendar } from '../../core/evaluate/calendars';
import { formatInZone } from '../../core/evaluate/format';
import { type EvaluateInput, type EvaluateNote, type EvaluateResult, isIsoWithOffset, type Note } from '../../core/evaluate/types';
import { type RenderOptions, renderExplanation, renderNote } from '../../core/explain/render';
import { getPolicy } from '../../core/policy/builtin';
import { zoneAbbreviation } from '../../core/time/zone-abbreviation';
import { type Language, PRIORITIES, type Policy } from '../../core/policy/schema';
import { explanationNames } from '../../core/settings/holiday-names';
import type { Settings, Site } from '../../core/settings/schema';
import type { ScannedTicket } from './adapters/types';
import { exactLine, helpdeskSection } from './api/popover-lines';
import type { BadgeModel, BadgeSection } from './badge-model';
import { missingFieldReason } from './badge-state';
import { type BadgeWords, type DurationWords, ENGLISH_WORDS, type PopoverWords } from './badge-words';

/**
 * ScannedTicket → contract lookup → evaluate() → BadgeModel. One pipeline per settings version;
 * models are memoised per ticket id and fields, so rescans of an unchanged page cost a Map read
 * and the scanner can tell unchanged rows by model identity.
 */

const ROUTING = new Set(['language-routed', 'language-not-included', 'english-accepted']);
const SCOPE = new Set(['in-scope', 'out-of-scope', 'no-technical-support', 'no-response-times']);
const SCOPE_WARNINGS = new Set(['out-of-scope', 'no-technical-support']);

/** An EvaluateError's message already starts with its path ("level: …"). */
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function unreadable(key: string, reason: string, lines: string[] = [], words: BadgeWords = ENGLISH_WORDS): BadgeModel {
  return {
    key,
    input: { kind: 'unreadable', reason },
    sections: [{ title: words.popover.titles.unreadable, lines: [reason, ...lines] }],
  };
}

/** The zone a deferred start is shown in: the target's calendar, else the language team's, else the policy's. */
function startZone(policy: Policy, input: EvaluateInput, result: TargetResult): string | undefined {
  const team = input.language ? policy.languages[input.language]?.calendar : undefined;
  // Plain lookups, not a list searched with a callback: this runs for every ticket of a list.
  return zoneOf(policy, result.target?.calendar) ?? zoneOf(policy, team) ?? zoneOf(policy, policy.calendar);
}

const zoneOf = (policy: Policy, calendar: string | undefined) => (calendar ? policy.calendars[calendar]?.timeZone : undefined);

function sectionsFor(
  result: EvaluateResult,
  policy: Policy,
  zone: string | undefined,
  contract: string,
  warnings: Note[],
  ticket: ScannedTicket,
  words: PopoverWords,
  duration: DurationWords,
  names: RenderOptions,
): BadgeSection[] {
  const target = result.target;
  const { titles, lang } = words;
  const notes = (filter: (n: EvaluateNote) => boolean) => result.notes.filter(filter).map((n) => renderNote(n, lang));
  const clock: string[] = [];
  if (target) {
    const calendar = policy.calendars[target.calendar];
    clock.push(target.clock === '24/7' ? words.aroundTheClock : words.businessHours(calendar?.name ?? target.calendar));
    clock.push(words.clockStarts(formatInZone(Date.parse(target.start), zone ?? 'UTC')));
    clock.push(words.due(formatInZone(Date.parse(target.deadline), zone ?? 'UTC')));
  }
  const page: string[] = [];
  if (ticket.fields.submittedApproximate) page.push(words.approximateStart);
  if (ticket.problem) page.push(ticket.problem);
  if (ticket.exact) page.push(exactLine(ticket.exact, localZone(), words));
  const helpdesk = ticket.exact?.exact?.helpdeskDeadline;
  return [
    { title: titles.contract, lines: [contract, ...(target ? [words.source(target.source)] : [])] },
    { title: titles.clock, lines: clock },
    { title: titles.routing, lines: notes((n) => ROUTING.has(n.code)) },
    { title: titles.scope, lines: notes((n) => SCOPE.has(n.code) && !SCOPE_WARNINGS.has(n.code)) },
    { title: titles.scopeWarning, lines: notes((n) => SCOPE_WARNINGS.has(n.code)), warning: true },
    { title: titles.notes, lines: notes((n) => !ROUTING.has(n.code) && !SCOPE.has(n.code)) },
    { title: titles.designatedContacts, lines: warnings.map((w) => w.message), warning: true },
    { title: titles.why, lines: renderExplanation(result.steps, lang, names) },
    ...(helpdesk ? [helpdeskSection(helpdesk, target?.deadline, zone ?? 'UTC', words, duration)] : []),
    { title: titles.page, lines: page },
  ];
}

/** The agent's own zone: when the API was read is the agent's business, not the contract's. */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function emailDomain(address: string | undefined): string | undefined {
  const match = address && /@([^\s<>@]+?)>?$/.exec(address.trim());
  return match?.[1]?.toLowerCase();
}

/** Customers warmed at most (distinct policy, region, level and holidays), so a huge contract list stays cheap. */
const WARM_LIMIT = 50;

/**
 * Evaluates a "submitted now" ticket for each configured contract (every priority, and the
 * policy's routed languages) and throws the results away: the calendars for the years around now
 * are compiled, zone clocks, zone abbreviations and Intl formatters created and the code
 * JIT-compiled before the first list of tickets arrives. Run when the page is idle after settings
 * load; never throws.
 */
export function warmPipeline(settings: Settings, now = Date.now()): void {
  const submitted = new Date(now).toISOString();
  const seen = new Set<string>();
  for (const customer of settings.customers) {
    if (seen.size >= WARM_LIMIT) break;
    const key = JSON.stringify([customer.policy, customer.region, customer.level, customer.englishAccepted]);
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      const policy = getPolicy(customer.policy, settings.customPolicies);
      if (!policy) continue;
      // Waiting badges name the start's zone ("starts Mon 09:00 JST"): Intl formatters, slow to build.
      for (const calendar of Object.values(policy.calendars)) zoneAbbreviation(calendar.timeZone, new Date(now));
      const languages: Array<Language | undefined> = [undefined, ...(Object.keys(policy.languages) as Language[])];
      for (const language of languages) {
        for (const priority of language ? PRIORITIES.slice(0, 1) : PRIORITIES) {
          const { input } = toEvaluateInput(settings, customer, { id: 'warm-up', submitted, language }, priority);
          try {
            const { target } = evaluateTarget(input);
            if (target?.clock === 'business-hours' && policy.calendars[target.calendar]) {
              policyCalendar(policy, target.calendar, input.region ?? policy.defaultRegion, input.holidays).addMinutes(now, target.minutes);
            }
          } catch {
            // A contract that cannot be evaluated shows its reason on its tickets; nothing to warm.
          }
        }
      }
    } catch {
      // Warming is an optimisation only.
    }
  }
}

/**
 * An evaluated ticket's model. Its popover sections are composed when first read (the popover
 * opens): formatting dates for 500 rows nobody hovers is waste. A class with the getter on its
 * prototype, not an object literal with one: that form is built through a slow path, 500 times.
 */
class EvaluatedModel implements BadgeModel {
  private composed: BadgeSection[] | undefined;

  constructor(
    readonly key: string,
    readonly input: BadgeModel['input'],
    private readonly compose: () => BadgeSection[],
  ) {}

  get sections(): BadgeSection[] {
    this.composed ??= this.compose();
    return this.composed;
  }
}

/**
 * Whether two scans of a ticket read the same values (fields are flat strings and flags). `elapsed`
 * (ms between the scans) recognises the same relative text read again: "3 hours ago" read a minute
 * later gives a start a minute later, and taking it would push the deadline back on every rescan.
 */
function sameReading(a: ScannedTicket, b: ScannedTicket, elapsed: number): boolean {
  if (a.problem !== b.problem || a.exact !== b.exact || a.missing.join() !== b.missing.join()) return false;
  const keys = Object.keys(a.fields) as Array<keyof ScannedTicket['fields']>;
  if (keys.length !== Object.keys(b.fields).length) return false;
  return keys.every((key) => a.fields[key] === b.fields[key] || (key === 'submitted' && sameRelativeStart(a, b, elapsed)));
}

/** Both starts read from relative text, the second later by the time between the scans (±1 s). */
function sameRelativeStart(a: ScannedTicket, b: ScannedTicket, elapsed: number): boolean {
  if (!a.fields.submittedApproximate || !b.fields.submittedApproximate) return false;
  const shift = Date.parse(b.fields.submitted ?? '') - Date.parse(a.fields.submitted ?? '');
  return Math.abs(shift - elapsed) <= 1000;
}

/** `words`: the language of the badges' reasons and the popovers' chrome (the core's own lines stay as it writes them). */
export function createPipeline(
  settings: Settings,
  site: Site | undefined,
  words: BadgeWords = ENGLISH_WORDS,
): (ticket: ScannedTicket) => BadgeModel {
  const index = buildContractIndex(settings);
  const cannotRead = (key: string, reason: string, lines?: string[]) => unreadable(key, reason, lines, words);
  const cache = new Map<string, { ticket: ScannedTicket; model: BadgeModel; at: number }>();

  const build = (ticket: ScannedTicket): BadgeModel => {
    const { key, fields } = ticket;
    const [firstMissing] = ticket.missing;
    if (firstMissing) {
      // A page-level problem (invalid selector, broken adapter) says more than "no ticket id".
      const reason = ticket.problem && firstMissing === 'id' ? ticket.problem : missingFieldReason(firstMissing, words);
      const lines = ticket.problem && reason !== ticket.problem ? [ticket.problem] : [];
      // The API was asked and could not help: say why, next to what the page lacked.
      if (ticket.exact) lines.push(exactLine(ticket.exact, localZone(), words.popover));
      return cannotRead(key, reason, lines);
    }
    const match = lookupContract(index, fields);
    if (!match) {
      const name = fields.organisation ?? fields.customer;
      const domain = emailDomain(fields.requesterEmail);
      const who = name ?? fields.requesterEmail ?? words.popover.thisCustomer;
      return {
        key,
        input: { kind: 'unmapped', customer: who },
        sections: [{ title: words.popover.titles.noContract, lines: [words.popover.notMapped(who)] }],
        mapCustomer: { name, domain },
      };
    }
    const priority = fields.priority ?? mapPriority(fields.priorityRaw, site?.priorityMap, settings.priorityMap);
    if (!priority) {
      return cannotRead(key, words.priorityNotMapped(fields.priorityRaw ?? ''), [words.popover.mapPriority]);
    }
    const submitted = fields.submitted;
    if (!submitted) return cannotRead(key, missingFieldReason('submitted', words));
    const { customer, matchedBy } = match;
    const { input, warnings } = toEvaluateInput(settings, customer, { ...fields, id: key, submitted } as TicketFields & {
      submitted: string;
    }, priority);
    const policy = getPolicy(customer.policy, settings.customPolicies);
    if (!policy) return cannotRead(key, words.unknownPolicy(customer.policy));
    let result: TargetResult;
    try {
      // The target only: the explanation is composed when the popover first opens. The input is
      // built from validated settings and typed fields; only the page's submission time needs the
      // schema's check (anything it rejects goes through evaluateTarget() for the same error).
      result = isIsoWithOffset(submitted)
        ? evaluateTargetTrusted(input as ParsedEvaluateInput)
        : evaluateTarget(input);
    } catch (error) {
      // No role from a designated contact, the customer, the page or the contract: say so and how to give one.
      if (input.level === undefined && error instanceof EvaluateError && error.path[0] === 'level') {
        return cannotRead(key, words.noRole, [...warnings.map((w) => w.message), words.popover.setRole(customer.name)]);
      }
      return cannotRead(key, errorText(error));
    }
    const level = resolveLevel(policy, input.level);
    const zone = startZone(policy, input, result);
    const target = result.target;
    const calendar =
      target?.clock === 'business-hours' && policy.calendars[target.calendar]
        ? policyCalendar(policy, target.calendar, input.region ?? policy.defaultRegion, input.holidays)
        : undefined;
    return new EvaluatedModel(
      key,
      {
        kind: 'evaluated',
        label: level ? `${priority} · ${level.rule.name}` : priority,
        result,
        firstReply: fields.firstReply,
        startZone: zone,
        atRiskShare: settings.atRiskShare,
        // At risk once the business minutes used reach (1 − share) of the target: the same as
        // "share or less left", found once instead of counting minutes left every second.
        atRiskFrom: target && calendar ? calendar.addMinutes(Date.parse(target.start), (1 - settings.atRiskShare) * target.minutes) : undefined,
        approximate: fields.submittedApproximate,
      },
      () => {
        const pop = words.popover;
        const contract = `${pop.matched(customer.name, pop.matchedBy[matchedBy])}: ${policy.name}${level ? `, ${level.rule.name}` : ''}`;
        // The team's own list names the holidays the explanation says the clock skipped.
        const names = explanationNames(settings.holidays, customer.region ?? policy.defaultRegion);
        return sectionsFor(evaluate(input), policy, zone, contract, warnings, ticket, words.popover, words.duration, names);
      },
    );
  };

  return (ticket) => {
    const hit = cache.get(ticket.key);
    const at = Date.now();
    if (hit && sameReading(hit.ticket, ticket, at - hit.at)) return hit.model;
    let model: BadgeModel;
    try {
      model = build(ticket);
    } catch (error) {
      model = cannotRead(ticket.key, errorText(error));
    }
    cache.set(ticket.key, { ticket, model, at });
    return model;
  };
}
