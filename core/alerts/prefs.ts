import { z } from 'zod';
import { CalendarRule, PRIORITIES, Priority } from '../policy/schema';

/**
 * The agent's own alert settings (desktop alerts before a breach). Personal, not the team's: they
 * are stored apart from the team's settings file (an import of the team's contracts never resets an
 * agent's working hours), and IT may push them through managed storage (`alerts`).
 */

export const ALERT_STATES = ['at-risk', 'breached'] as const;
export const AlertState = z.enum(ALERT_STATES);
export type AlertState = z.infer<typeof AlertState>;

/** The agent's weekly working hours in their own zone (the calendar engine's weekly stretches). */
export const WorkingHours = z.object({
  timeZone: CalendarRule.shape.timeZone,
  weekly: CalendarRule.shape.weekly,
});
export type WorkingHours = z.infer<typeof WorkingHours>;

export const AlertPrefs = z.object({
  /** Off until the agent turns alerts on (which asks for the notifications permission). */
  enabled: z.boolean().default(false),
  /** Which transitions alert. */
  states: z.array(AlertState).default([...ALERT_STATES]),
  /** Tickets of these priorities alert. */
  priorities: z.array(Priority).default([...PRIORITIES]),
  /** Contract levels or roles (their names, e.g. "Gold"); empty: every level. */
  levels: z.array(z.string().trim().min(1)).default([]),
  /** Only tickets assigned to the agent, where the helpdesk page shows the owner. */
  onlyMine: z.boolean().default(false),
  /**
   * Names that count as the agent's besides the agent the helpdesk's pages show ("jdoe", "Jane Doe",
   * a shared queue's alias); compared as core/alerts/owner.ts compares names.
   */
  myNames: z.array(z.string().trim().min(1)).default([]),
  /** No alerts while the browser is idle (asks for the idle permission); held back until the agent is back. */
  quietWhenIdle: z.boolean().default(false),
  /** No alerts outside these hours; held back until the next opening. None: any time. */
  workingHours: WorkingHours.nullable().default(null),
});
export type AlertPrefs = z.infer<typeof AlertPrefs>;
export type AlertPrefsInput = z.input<typeof AlertPrefs>;

export const DEFAULT_ALERT_PREFS: AlertPrefs = AlertPrefs.parse({});

/** Stored or pushed prefs, parsed; anything invalid gives the defaults (alerts off). */
export function parseAlertPrefs(raw: unknown): AlertPrefs {
  const parsed = AlertPrefs.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_ALERT_PREFS;
}
