import { z } from 'zod';

/**
 * The policy schema: the built-in contracts (policies/*.json) and team leads' custom policies are
 * both validated by it, so a custom policy can express everything a built-in one does.
 * Every rule carries `source`, the section of the document it encodes (e.g. "§4.2").
 */

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const LANGUAGES = ['en', 'ja', 'ko', 'zh'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, "." and "-"');
const Section = z.string().min(1, 'cite the section this rule comes from');
const IsoDate = z.iso.date();
const Wall = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a wall time "HH:mm" (24:00 allowed)');
/** ISO weekday, 1 = Monday … 7 = Sunday. */
const Weekday = z.literal([1, 2, 3, 4, 5, 6, 7]);

export const TimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as "America/Los_Angeles"');

/**
 * One opening stretch, half-open. On the same weekday it must close after it opens: the engine reads
 * "Mon 17:00 → Mon 09:00" as a whole week and refuses it, which would make every badge unreadable.
 */
const WeeklyStretch = z
  .object({ from: z.object({ day: Weekday, time: Wall }), to: z.object({ day: Weekday, time: Wall }) })
  .refine((s) => s.from.day !== s.to.day || s.to.time > s.from.time, {
    path: ['to', 'time'],
    message: 'closes at or before it opens on the same weekday',
  });

export const CalendarRule = z.object({
  name: z.string().min(1),
  timeZone: TimeZone,
  weekly: z.array(WeeklyStretch).min(1, 'a calendar needs at least one weekly opening stretch'),
  /** Closed whole days per region (holiday list), in the calendar's zone. */
  holidays: z.record(z.string(), z.array(IsoDate)).default({}),
  source: Section,
});
export type CalendarRule = z.infer<typeof CalendarRule>;

export const Clock = z.enum(['business-hours', '24/7']);
export type Clock = z.infer<typeof Clock>;

export const TargetRule = z.object({
  minutes: z.number().int().positive(),
  clock: Clock,
  source: Section,
  /** A note code attached whenever this rule is used (e.g. "p1-not-available-for-role"). */
  note: z.string().optional(),
});
export type TargetRule = z.infer<typeof TargetRule>;

const NoTarget = z.object({ note: z.string().min(1), message: z.string().min(1), source: Section });

export const LevelRule = z.object({
  name: z.string().min(1),
  /** Other names the helpdesk or document may use (e.g. "Silber", "Enterprise"). */
  aliases: z.array(z.string()).default([]),
  /** Order for upgrades/downgrades (higher = more support). */
  rank: z.number().int().default(0),
  /** Designated contacts allowed; null = unlimited. */
  contactLimit: z.number().int().positive().nullable().default(null),
  source: Section,
  targets: z.partialRecord(Priority, TargetRule).default({}),
  /** Set when this level gets no target at all (e.g. 2.0 role "basic"). */
  noTarget: NoTarget.optional(),
});
export type LevelRule = z.infer<typeof LevelRule>;

export const LanguageRule = z.object({
  /** The team calendar (an id in `calendars`) whose hours business-hours targets use. */
  calendar: Id,
  /** Levels entitled to support in this language; others get English terms. */
  levels: z.array(Id),
  /** Every request received outside the team's hours — 24/7 targets included — starts at the next opening. */
  deferAll: z.boolean().default(false),
  /** Per level, targets that replace the level's own for requests in this language. */
  overrides: z.record(Id, z.partialRecord(Priority, TargetRule)).default({}),
  /** Billing requests in this language: which levels, and how. */
  billing: z
    .object({
      allLevels: z.boolean(),
      /** Levels whose billing requests are handled like technical ones in this language. */
      technicalLevels: z.array(Id).default([]),
      /** Everyone else: only during the team's hours. */
      deferAll: z.boolean(),
      source: Section,
    })
    .optional(),
  team: z.string().min(1),
  source: Section,
});
export type LanguageRule = z.infer<typeof LanguageRule>;

export const ScopeTopic = z.object({
  id: Id,
  label: z.string().min(1),
  /** Case-insensitive keywords (German and English) matched as whole words or phrases. */
  keywords: z.array(z.string().min(1)).min(1),
  source: Section,
});

export const ScopeRule = z.object({
  inScope: z.array(ScopeTopic),
  outOfScope: z.array(ScopeTopic),
  /** What is offered for out-of-scope requests. */
  offer: z.object({ message: z.string().min(1), source: Section }),
});
export type ScopeRule = z.infer<typeof ScopeRule>;

export const RequestClass = z.object({
  id: Id,
  name: z.string().min(1),
  definition: z.string().min(1),
  source: Section,
});

export const Reading = z.object({ topic: z.string().min(1), reading: z.string().min(1), source: Section });

export const Policy = z
  .object({
    /** Editors' JSON Schema link; ignored. */
    $schema: z.string().optional(),
    id: Id,
    name: z.string().min(1),
    /** The source document, as its title reads. */
    document: z.string().min(1),
    calendars: z.record(Id, CalendarRule),
    /** The calendar "business hours" means when no language routing applies (absent with `noTargets`). */
    calendar: Id.optional(),
    /** Holiday region used when the input names none. */
    defaultRegion: z.string().optional(),
    levels: z.record(Id, LevelRule).refine((levels) => Object.keys(levels).length > 0, 'define at least one level'),
    /** The level used when the input names none (a policy with one level). */
    defaultLevel: Id.optional(),
    languages: z.partialRecord(Language, LanguageRule).default({}),
    /** Where the document says support is in English only. */
    languageSource: Section.optional(),
    requestTypes: z
      .object({
        feature: NoTarget.optional(),
        billing: z.object({ source: Section }).optional(),
      })
      .default({}),
    /** Set for documents that promise no response times at all (centron). */
    noTargets: NoTarget.optional(),
    scope: ScopeRule.optional(),
    requestClasses: z.array(RequestClass).default([]),
    /** How ambiguous text was read; shown in the README and explanations. */
    readings: z.array(Reading).default([]),
  })
  .superRefine((policy, ctx) => {
    const calendarIds = Object.keys(policy.calendars);
    const levelIds = Object.keys(policy.levels);
    if (policy.calendar === undefined) {
      if (!policy.noTargets) ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'name the business-hours calendar (or set noTargets)' });
    } else if (!calendarIds.includes(policy.calendar)) {
      ctx.addIssue({ code: 'custom', path: ['calendar'], message: `unknown calendar "${policy.calendar}"; defined: ${calendarIds.join(', ') || 'none'}` });
    }
    if (policy.defaultLevel && !levelIds.includes(policy.defaultLevel)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLevel'], message: `unknown level "${policy.defaultLevel}"` });
    }
    for (const [lang, rule] of Object.entries(policy.languages)) {
      if (!rule) continue;
      if (!calendarIds.includes(rule.calendar)) {
        ctx.addIssue({ code: 'custom', path: ['languages', lang, 'calendar'], message: `unknown calendar "${rule.calendar}"` });
      }
      const levelRefs: Array<[string, Array<string | number>]> = [
        ...rule.levels.map((level, i): [string, Array<string | number>] => [level, ['levels', i]]),
        ...Object.keys(rule.overrides).map((level): [string, Array<string | number>] => [level, ['overrides', level]]),
        ...(rule.billing?.technicalLevels ?? []).map((level, i): [string, Array<string | number>] => [level, ['billing', 'technicalLevels', i]]),
      ];
      for (const [level, path] of levelRefs) {
        if (!levelIds.includes(level)) {
          ctx.addIssue({ code: 'custom', path: ['languages', lang, ...path], message: `unknown level "${level}"` });
        }
      }
    }
  });
export type Policy = z.infer<typeof Policy>;
/** What a policy file may contain before defaults are filled in. */
export type PolicyInput = z.input<typeof Policy>;

/** The policy schema as JSON Schema, for editors and for team leads writing custom policies. */
export function policyJsonSchema() {
  return z.toJSONSchema(Policy, { io: 'input', unrepresentable: 'any' });
}
