import type { Priority } from '../policy/schema';
import { compileCalendar } from '../time/compile';
import type { BusinessCalendar } from '../time/types';
import { isMine, knowsMe, type PageAgent } from './owner';
import type { AlertPrefs, AlertState } from './prefs';

/**
 * Pure: which desktop alerts are due, and when. Given the tickets seen on the agent's open helpdesk
 * tabs (their at-risk and breach instants), the agent's alert settings and the quiet periods (outside
 * working hours, browser idle), it says
 * - `alertTimeline`: every alert that will be delivered up to an instant, grouped by instant;
 * - `planAlerts`: what to deliver at `now`, what to drop, and when to wake next (the background's
 *   alarm) — the timeline, walked one wake-up at a time.
 *
 * Rules: at most one alert per ticket and state (`done` keys); a transition that happened before the
 * ticket was first seen does not alert (the agent just opened the page that shows it); an alert
 * falling into a quiet period is held back to the first instant that is not quiet, and dropped if
 * the ticket is no longer in that state then (an at-risk alert that would arrive after the breach);
 * met and answered tickets are not passed in at all.
 */

export interface AlertTicket {
  /** Unique across tabs and helpdesks (the helpdesk origin and ticket key). */
  id: string;
  /** Clock start, at-risk instant and deadline (ms). */
  start: number;
  atRisk: number;
  deadline: number;
  /** When the background first heard of the ticket (ms). */
  firstSeen: number;
  priority?: Priority | string;
  /** The contract level's or role's name. */
  level?: string;
  /** The owner as the page shows it; null: unassigned; undefined: this helpdesk's page shows no owner. */
  owner?: string | null;
  /** The logged-in agent as the helpdesk's pages show them; undefined: they show no one. */
  agent?: PageAgent;
}

export interface Alert {
  id: string;
  state: AlertState;
  /** The transition's instant (at-risk instant or deadline). */
  at: number;
}

export const alertKey = (id: string, state: AlertState) => `${id}|${state}`;

/** Working hours as a compiled calendar (cached by content); null: no working hours set. */
export function workingCalendar(prefs: Pick<AlertPrefs, 'workingHours'>): BusinessCalendar | null {
  const hours = prefs.workingHours;
  if (!hours || hours.weekly.length === 0) return null;
  return compileCalendar({ id: 'agent-working-hours', name: 'working hours', timeZone: hours.timeZone, weekly: hours.weekly, holidays: [] });
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Whether "only mine" lets the ticket through: always where the page shows no owner (the filter
 * cannot tell, and the popup says so); never for an unassigned ticket; an assigned one when its owner
 * is the agent the helpdesk's pages show or one of the agent's typed names (core/alerts/owner.ts),
 * and when neither tells who the agent is (again the popup says so).
 */
export function passesOwner(ticket: Pick<AlertTicket, 'owner' | 'agent'>, prefs: Pick<AlertPrefs, 'onlyMine' | 'myNames'>): boolean {
  if (!prefs.onlyMine || ticket.owner === undefined) return true;
  if (ticket.owner === null) return false;
  const me = { agent: ticket.agent, names: prefs.myNames };
  return !knowsMe(me) || isMine(ticket.owner, me);
}

/** The states this ticket may alert for under the agent's filters (priority, level, owner). */
export function wantedStates(ticket: AlertTicket, prefs: AlertPrefs): AlertState[] {
  if (!prefs.enabled) return [];
  if (ticket.priority !== undefined && !prefs.priorities.includes(ticket.priority as Priority)) return [];
  if (prefs.levels.length > 0 && !(ticket.level !== undefined && prefs.levels.some((level) => same(level, ticket.level as string)))) {
    return [];
  }
  if (!passesOwner(ticket, prefs)) return [];
  return prefs.states;
}

/** The state a ticket is in at instant t (an open ticket: no reply). */
export function stateAt(ticket: Pick<AlertTicket, 'start' | 'atRisk' | 'deadline'>, t: number): 'waiting' | 'on-track' | AlertState {
  if (t >= ticket.deadline) return 'breached';
  if (t < ticket.start) return 'waiting';
  return t >= ticket.atRisk ? 'at-risk' : 'on-track';
}

/** The instant a ticket enters `state`, or undefined when it never does (an at-risk share of 0). */
function transition(ticket: AlertTicket, state: AlertState): number | undefined {
  if (state === 'breached') return ticket.deadline;
  return ticket.atRisk < ticket.deadline ? Math.max(ticket.atRisk, ticket.start) : undefined;
}

/** Quiet periods: outside working hours, and the intervals [from, to) in which the browser was idle. */
export interface Quiet {
  calendar?: BusinessCalendar | null;
  idle?: ReadonlyArray<readonly [number, number]>;
}

/** The first instant ≥ t that is not quiet (Infinity when none). */
export function quietUntil(t: number, quiet: Quiet): number {
  let at = t;
  for (let guard = 0; guard < 10_000; guard++) {
    const open = quiet.calendar ? quiet.calendar.nextOpening(at) : at;
    if (!Number.isFinite(open)) return Number.POSITIVE_INFINITY;
    const idle = quiet.idle?.find(([from, to]) => from <= open && open < to);
    if (!idle) return open;
    at = idle[1];
  }
  return Number.POSITIVE_INFINITY;
}

/** Every alert delivered up to `until` (inclusive), grouped by the instant it is delivered at. */
export function alertTimeline(
  tickets: readonly AlertTicket[],
  prefs: AlertPrefs,
  quiet: Quiet,
  until: number,
): Array<{ at: number; alerts: Alert[] }> {
  const byInstant = new Map<number, Alert[]>();
  for (const ticket of tickets) {
    for (const state of wantedStates(ticket, prefs)) {
      const at = transition(ticket, state);
      if (at === undefined || at < ticket.firstSeen) continue;
      const delivered = quietUntil(at, quiet);
      if (delivered > until || stateAt(ticket, delivered) !== state) continue;
      const group = byInstant.get(delivered) ?? [];
      group.push({ id: ticket.id, state, at });
      byInstant.set(delivered, group);
    }
  }
  return [...byInstant.entries()].sort(([a], [b]) => a - b).map(([at, alerts]) => ({ at, alerts }));
}

export interface AlertPlan {
  /** Alerts to show now (one grouped notification when more than one). */
  deliver: Alert[];
  /** Keys (alertKey) that will never alert: passed before the ticket was seen, or stale when their turn came. */
  settle: string[];
  /** When to wake next (ms), or undefined when nothing is pending (or the browser is idle: its return wakes us). */
  wakeAt?: number;
}

/**
 * What to do at `now`: deliver every pending alert whose instant has come (if now is not quiet and
 * the ticket is still in that state), settle the ones that can never alert, and wake at the next
 * instant something becomes due.
 */
export function planAlerts(input: {
  tickets: readonly AlertTicket[];
  prefs: AlertPrefs;
  done: ReadonlySet<string>;
  now: number;
  /** The browser is idle now (and the agent wants quiet while idle). */
  idle?: boolean;
  calendar?: BusinessCalendar | null;
}): AlertPlan {
  const { tickets, prefs, done, now, idle = false } = input;
  const calendar = input.calendar === undefined ? workingCalendar(prefs) : input.calendar;
  const quietNow = idle || (calendar ? !calendar.isOpen(now) : false);
  const deliver: Alert[] = [];
  const settle: string[] = [];
  let wakeAt = Number.POSITIVE_INFINITY;
  let heldBack = false;
  for (const ticket of tickets) {
    for (const state of wantedStates(ticket, prefs)) {
      const key = alertKey(ticket.id, state);
      if (done.has(key)) continue;
      const at = transition(ticket, state);
      if (at === undefined || at < ticket.firstSeen) {
        settle.push(key);
        continue;
      }
      if (at > now) {
        const due = calendar ? calendar.nextOpening(at) : at;
        if (due < wakeAt) wakeAt = due;
        continue;
      }
      if (quietNow) {
        heldBack = true;
        continue;
      }
      if (stateAt(ticket, now) === state) deliver.push({ id: ticket.id, state, at });
      else settle.push(key);
    }
  }
  // Held back by working hours: their opening wakes us (the browser's return from idle does itself).
  if (heldBack && !idle && calendar) wakeAt = Math.min(wakeAt, calendar.nextOpening(now));
  return Number.isFinite(wakeAt) && !idle ? { deliver, settle, wakeAt } : { deliver, settle };
}
