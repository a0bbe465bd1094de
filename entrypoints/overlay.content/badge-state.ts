import type { TicketField } from '../../core/contracts/ticket';
import type { TargetResult } from '../../core/evaluate/evaluate';
import type { Target } from '../../core/evaluate/types';
import { isoUtc } from '../../core/time/iso';
import { zoneAbbreviation } from '../../core/time/zone-abbreviation';
import { clockFor } from '../../core/time/zone-clock';
import { type BadgeWords, type DurationWords, ENGLISH_WORDS } from './badge-words';

/**
 * Pure: what a badge shows at instant `now`. The ticker calls this for every badge each second, so
 * everything that does not depend on `now` (parsed instants, the waiting text) is cached, and the
 * words come prepared (badge-words.ts).
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
  /**
   * The end of `text` kept whole when the rest is cut short: a countdown's time (" · 2h 14m left"),
   * a waiting badge's start ("Mon 09:00 JST").
   */
  time?: string;
}

const MINUTE = 60_000;

/** "2h 14m", "1d 3h", "42m", "<1m" (in `words`' language) — whole minutes, rounded down. */
export function formatDuration(ms: number, words: DurationWords = ENGLISH_WORDS.duration): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return words.underMinute;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? words.daysHours(days, hours) : words.days(days);
  if (hours > 0) return rest > 0 ? words.hoursMinutes(hours, rest) : words.hours(hours);
  return words.minutes(rest);
}

/** "no submission time" for the `unreadable` badge. */
export function missingFieldReason(field: TicketField, words: BadgeWords = ENGLISH_WORDS): string {
  return words.missing[field] ?? field;
}

function noTargetText(result: TargetResult, words: BadgeWords): string {
  const reasons = words.noTargetReasons;
  const note = result.notes.find((n) => n.code in reasons) ?? result.notes[0];
  if (!note) return words.noTarget;
  return words.noTargetBecause(reasons[note.code] ?? note.code.replaceAll('-', ' '));
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

/** A waiting badge's text and its end from the start's weekday on ("Mon 09:00 JST"), kept whole like a countdown's time. */
type WaitingText = { text: string; time: string };
/** Waiting texts by start and zone, per set of words (one per overlay; English in tests). */
const waitingTexts = new WeakMap<BadgeWords, Map<string, WaitingText>>();
function waitingText(start: number, zone: string | undefined, words: BadgeWords): WaitingText {
  let texts = waitingTexts.get(words);
  if (!texts) {
    texts = new Map();
    waitingTexts.set(words, texts);
  }
  const key = `${start}|${zone ?? ''}`;
  let waiting = texts.get(key);
  if (waiting === undefined) {
    // The engine's cached zone offsets, not luxon: a list may show hundreds of different starts.
    const name = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const wall = start + clockFor(name).offset(start) * MINUTE;
    const when = `${words.weekdays[new Date(wall).getUTCDay()]} ${isoUtc(wall).slice(11, 16)} ${zoneAbbreviation(name, new Date(start))}`;
    const text = words.waiting(when);
    // From the start on, with whatever the language puts after it ("… JST から"): the zone is never cut off.
    waiting = { text, time: text.slice(text.lastIndexOf(when)) };
    if (texts.size > 5000) texts.clear();
    texts.set(key, waiting);
  }
  return waiting;
}

/**
 * The instant (ms) from which an open ticket is at risk: business-hours targets carry it, computed
 * once by the pipeline; otherwise the at-risk share of the wall time. The background's alerts use
 * the same instant (deadline-report.ts).
 */
export function atRiskInstant(input: Evaluated, target: Target, start: number, due: number): number {
  return input.atRiskFrom !== undefined && target.clock === 'business-hours' ? input.atRiskFrom : Math.ceil(due - input.atRiskShare * (due - start));
}

/**
 * The view at `now`. Without `withText` the text of a ticking countdown is left empty (state,
 * deadline and `until` are the same): a badge off screen is not shown, so its text is not composed.
 * `words` are the overlay's language (badge.ts passes them; state and `until` never depend on them).
 */
export function badgeState(input: BadgeInput, now: number, withText = true, words: BadgeWords = ENGLISH_WORDS): BadgeView {
  const never = Number.POSITIVE_INFINITY;
  if (input.kind === 'unmapped') return { state: 'unmapped', text: words.unmapped, until: never };
  if (input.kind === 'unreadable') return { state: 'unreadable', text: words.unreadable(input.reason), until: never };
  const { result, label } = input;
  const target = result.target;
  if (!target) return { state: 'no-target', text: noTargetText(result, words), until: never };
  const deadline = target.deadline;
  const { start, due, reply } = instantsOf(input, target);
  // Not colour, not a popover: the badge itself says when its times rest on a guessed start.
  const about = input.approximate ? '≈ ' : '';
  if (reply !== undefined) {
    if (reply <= due) {
      // A reply before the clock started (outside the team's hours) took no time on the contract's clock.
      const took = reply < start ? words.answeredBeforeStart : words.answeredIn(formatDuration(reply - start, words.duration));
      return { state: 'met', text: about + took, deadline, until: never };
    }
    return { state: 'missed', text: about + words.missedBy(formatDuration(reply - due, words.duration)), deadline, until: never };
  }
  if (now >= due) {
    const over = Math.floor((now - due) / MINUTE);
    const text = withText ? about + words.breached(formatDuration(now - due, words.duration)) : '';
    return { state: 'breached', text, deadline, until: due + (over + 1) * MINUTE };
  }
  if (now < start) {
    if (!withText) return { state: 'waiting', text: '', deadline, until: start };
    const { text, time } = waitingText(start, input.startZone, words);
    return { state: 'waiting', text: about + text, deadline, until: start, time };
  }
  const left = due - now;
  const atRiskFrom = atRiskInstant(input, target, start, due);
  const state = now >= atRiskFrom ? 'at-risk' : 'on-track';
  // The text changes when the whole minutes left drop; the at-risk switch may come sooner.
  let until = Math.min(due, due - Math.floor(left / MINUTE) * MINUTE + 1);
  if (state === 'on-track') until = Math.min(until, atRiskFrom);
  // At-risk gets a mark as well as a colour, so the state never depends on colour alone.
  const mark = state === 'at-risk' ? '⚠ ' : '';
  if (!withText) return { state, text: '', deadline, until };
  const time = ` · ${words.left(formatDuration(left, words.duration))}`;
  return { state, text: `${mark}${about}${label}${time}`, deadline, until, time };
}
