import type { TicketField } from '../../core/contracts/ticket';
import type { TargetResult } from '../../core/evaluate/evaluate';
import type { Target } from '../../core/evaluate/types';
import { isoUtc } from '../../core/time/iso';
import { zoneAbbreviation } from '../../core/time/zone-abbreviation';
import { clockFor } from '../../core/time/zone-clock';

/**
 * Pure: what a badge shows at instant `now`. The ticker calls this for every badge each second, so
 * everything that does not depend on `now` (parsed instants, the waiting text) is cached.
 */

export const BADGE_STATES = [
  'on-track',
  'at-risk',
  'breached',
  'waiting',
  'met',
  'missed',
  'no-target',
  'unmapped',
  'unreadable',
] as const;
export type BadgeState = (typeof BADGE_STATES)[number];

export type BadgeInput =
  | {
      kind: 'evaluated';
      /** Shown before the countdown, e.g. "P2 · Gold". */
      label: string;
      /** evaluateTarget()'s result (an evaluate() result also fits). */
      result: TargetResult;
      /** First agent reply, ISO 8601, when the page shows one. */
      firstReply?: string;
      /** Zone of the target's calendar, so "starts Mon 09:00 JST" reads in the team's time. */
      startZone?: string;
      /** `at-risk` when this share of the target or less is left. */
      atRiskShare: number;
      /**
       * Business-hours targets: the instant (ms) from which `atRiskShare` or less of the business
       * minutes is left, computed once (not every second); the wall-time share is used when absent.
       */
      atRiskFrom?: number;
      /** The submission time was read from relative text ("3 hours ago"): times are shown with "≈". */
      approximate?: boolean;
    }
  | { kind: 'unmapped'; customer?: string }
  | { kind: 'unreadable'; reason: string };

export interface BadgeView {
  state: BadgeState;
  text: string;
  /** ISO UTC deadline when there is a target. */
  deadline?: string;
  /** The view stays the same until this instant (ms): the ticker skips the badge until then. */
  until: number;
  /** A countdown's time (" · 2h 14m left"): the end of `text` kept whole when a long label is cut short. */
  time?: string;
}

const MINUTE = 60_000;

/** "2h 14m", "1d 3h", "42m", "<1m" — whole minutes, rounded down. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return '<1m';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

const FIELD_WORDS: Partial<Record<TicketField, string>> = {
  id: 'ticket id',
  priority: 'priority',
  priorityRaw: 'priority',
  customer: 'customer',
  organisation: 'organisation',
  requesterEmail: 'requester e-mail',
  submitted: 'submission time',
  language: 'language',
  subject: 'subject',
  type: 'request type',
  level: 'support level',
  firstReply: 'first reply',
};

/** "no submission time" for the `unreadable` badge. */
export function missingFieldReason(field: TicketField): string {
  return `no ${FIELD_WORDS[field] ?? field}`;
}

/** Short words for why there is no target, by note code; the full message is in the popover. */
const NO_TARGET_WORDS: Record<string, string> = {
  'feature-request': 'feature request',
  'no-technical-support': 'no technical support',
  'no-response-times': 'no response times',
  'out-of-scope': 'out of scope',
  'p1-not-available-for-role': 'P1 not in role',
  'language-not-included': 'language not included',
};

function noTargetText(result: TargetResult): string {
  const note = result.notes.find((n) => n.code in NO_TARGET_WORDS) ?? result.notes[0];
  if (!note) return 'No target';
  return `No target · ${NO_TARGET_WORDS[note.code] ?? note.code.replaceAll('-', ' ')}`;
}

type Evaluated = Extract<BadgeInput, { kind: 'evaluated' }>;
type Instants = { start: number; due: number; reply: number | undefined };
const parsed = new WeakMap<Evaluated, Instants>();
/**
 * The input's instants (ms), parsed once per input: the ticker reads them for every badge each
 * second. Keyed by the input object (the pipeline memoises models), not by ISO text: hashing three
 * fresh strings per badge was a visible part of badging a 500-row list.
 */
function instantsOf(input: Evaluated, target: Target): Instants {
  let instants = parsed.get(input);
  if (!instants) {
    instants = {
      start: Date.parse(target.start),
      due: Date.parse(target.deadline),
      reply: input.firstReply ? Date.parse(input.firstReply) : undefined,
    };
    parsed.set(input, instants);
  }
  return instants;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const waitingTexts = new Map<string, string>();
function waitingText(start: number, zone: string | undefined): string {
  const key = `${start}|${zone ?? ''}`;
  let text = waitingTexts.get(key);
  if (text === undefined) {
    // The engine's cached zone offsets, not luxon: a list may show hundreds of different starts.
    const name = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const wall = start + clockFor(name).offset(start) * MINUTE;
    text = `Waiting · starts ${WEEKDAYS[new Date(wall).getUTCDay()]} ${isoUtc(wall).slice(11, 16)} ${zoneAbbreviation(name, new Date(start))}`;
    if (waitingTexts.size > 5000) waitingTexts.clear();
    waitingTexts.set(key, text);
  }
  return text;
}

/**
 * The view at `now`. Without `withText` the text of a ticking countdown is left empty (state,
 * deadline and `until` are the same): a badge off screen is not shown, so its text is not composed.
 */
export function badgeState(input: BadgeInput, now: number, withText = true): BadgeView {
  const never = Number.POSITIVE_INFINITY;
  if (input.kind === 'unmapped') return { state: 'unmapped', text: 'Unmapped · map customer…', until: never };
  if (input.kind === 'unreadable') return { state: 'unreadable', text: `Unreadable · ${input.reason}`, until: never };
  const { result, label } = input;
  const target = result.target;
  if (!target) return { state: 'no-target', text: noTargetText(result), until: never };
  const deadline = target.deadline;
  const { start, due, reply } = instantsOf(input, target);
  // Not colour, not a popover: the badge itself says when its times rest on a guessed start.
  const about = input.approximate ? '≈ ' : '';
  if (reply !== undefined) {
    if (reply <= due) {
      // A reply before the clock started (outside the team's hours) took no time on the contract's clock.
      const took = reply < start ? 'before start' : `in ${formatDuration(reply - start)}`;
      return { state: 'met', text: `${about}Answered ${took} ✓`, deadline, until: never };
    }
    return { state: 'missed', text: `${about}Missed by ${formatDuration(reply - due)}`, deadline, until: never };
  }
  if (now >= due) {
    const over = Math.floor((now - due) / MINUTE);
    const text = withText ? `${about}Breached ${formatDuration(now - due)} ago` : '';
    return { state: 'breached', text, deadline, until: due + (over + 1) * MINUTE };
  }
  if (now < start) {
    return { state: 'waiting', text: withText ? about + waitingText(start, input.startZone) : '', deadline, until: start };
  }
  const left = due - now;
  const atRiskFrom =
    input.atRiskFrom !== undefined && target.clock === 'business-hours'
      ? input.atRiskFrom
      : Math.ceil(due - input.atRiskShare * (due - start));
  const state = now >= atRiskFrom ? 'at-risk' : 'on-track';
  // The text changes when the whole minutes left drop; the at-risk switch may come sooner.
  let until = Math.min(due, due - Math.floor(left / MINUTE) * MINUTE + 1);
  if (state === 'on-track') until = Math.min(until, atRiskFrom);
  // At-risk gets a mark as well as a colour, so the state never depends on colour alone.
  const mark = state === 'at-risk' ? '⚠ ' : '';
  if (!withText) return { state, text: '', deadline, until };
  const time = ` · ${formatDuration(left)} left`;
  return { state, text: `${mark}${about}${label}${time}`, deadline, until, time };
}
