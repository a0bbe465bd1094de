import { z } from 'zod';
import { type Clock, Language, Policy, Priority } from '../policy/schema';

/** ISO 8601 with an explicit offset or Z: a submission time without a zone is ambiguous. */
export const IsoWithOffset = z.iso.datetime({ offset: true, local: false });
/**
 * IsoWithOffset's check alone (zod's own pattern for the format): for hot paths that check one
 * string per ticket, where safeParse's machinery costs ~20 µs a call in a freshly loaded page.
 */
export const isIsoWithOffset = (text: string): boolean => IsoWithOffset._zod.pattern.test(text);

export const RequestType = z.enum(['technical', 'billing', 'feature']);
export type RequestType = z.infer<typeof RequestType>;

export const EvaluateInput = z.object({
  /** A built-in policy id (e.g. "velostrata-1.2") or a custom policy object. */
  policy: z.union([z.string().min(1), Policy]),
  /** Support level (1.2), role (2.0), … Optional where the policy has a default level. */
  level: z.string().optional(),
  priority: Priority,
  submitted: IsoWithOffset,
  language: Language.optional(),
  englishAccepted: z.boolean().optional(),
  /** Holiday region (e.g. "americas", "emea"); defaults to the policy's. */
  region: z.string().optional(),
  type: RequestType.optional(),
  /** The request's subject/text, for scope classification (centron). Never leaves the browser. */
  topic: z.string().optional(),
  /** Extra closed days per calendar id (yyyy-mm-dd), e.g. a team's own holiday list. */
  holidays: z.record(z.string(), z.array(z.iso.date())).optional(),
});
export type EvaluateInput = z.input<typeof EvaluateInput>;

export interface Target {
  minutes: number;
  clock: Clock;
  /** Calendar id whose hours count ("24/7" for round-the-clock targets). */
  calendar: string;
  /** When the clock starts, ISO 8601 UTC. */
  start: string;
  /** The contractual first-response deadline, ISO 8601 UTC. */
  deadline: string;
  /** Document and section, e.g. "Velostrata Supportrichtlinien Version 1.2 §4.2". */
  source: string;
}

/**
 * A note composed elsewhere, already in words (the contract lookup's warnings: designated contacts,
 * role changes). The core's own notes are `EvaluateNote`s, written out only when read.
 */
export interface Note {
  code: string;
  message: string;
}

/** A scope keyword rule that matched the request's text (centron). */
export interface ScopeMatchValues {
  label: string;
  keyword: string;
  source: string;
}

/**
 * evaluate()'s notes: a stable code and its values, no text — `renderNote(note, lang)` writes one in
 * the reader's language. Instants are ISO 8601 UTC, `zone` the IANA zone they read best in.
 */
export type EvaluateNote =
  /** A note the policy data defines (no target for feature requests, a role, a whole contract; a rule's own note code): its `text` is the policy's own words, `source` its section. */
  | { code: string; text: string; source: string }
  | { code: 'p1-not-available-for-role'; level: string; priority: string; source: string; text?: never }
  | { code: 'no-target-for-priority'; level: string; priority: string; text?: never }
  | { code: 'language-not-included'; language: Language; level: string; source: string; text?: never }
  | { code: 'english-accepted'; team: string; source: string; text?: never }
  | { code: 'deferred-start'; calendar: string; start: string; zone: string; text?: never }
  | {
      code: 'language-routed';
      team: string;
      /** The team calendar's name. */
      calendar: string;
      zone: string;
      submitted: string;
      /** In the team's hours; outside them with the clock at their next opening; outside them with a 24/7 clock running from receipt. */
      received: 'open' | 'deferred' | 'running';
      /** The team's next opening after receipt (absent when received in its hours). */
      opening?: string;
      /** The target if the customer accepts English. */
      english?: { minutes: number; clock: Clock; deadline: string };
      text?: never;
    }
  | { code: 'out-of-scope'; matches: ScopeMatchValues[]; offer: string; offerSource: string; text?: never }
  | { code: 'in-scope'; matches: ScopeMatchValues[]; text?: never }
  | { code: 'scope-unclear'; reason: 'no-text' | 'no-match'; text?: never };

/**
 * One step of evaluate()'s explanation: a stable code and its values, no text —
 * `renderExplanation(steps, lang)` writes them in the reader's language.
 */
export type ExplainStep =
  | { code: 'policy'; policy: string; document: string }
  | { code: 'no-response-times'; source: string }
  | { code: 'level'; level: string; source: string }
  | { code: 'feature-request'; source: string }
  | { code: 'level-no-target'; level: string; source: string }
  | { code: 'language-not-included'; language: Language; level: string }
  | { code: 'language-english-accepted'; language: Language }
  | { code: 'language-routed'; language: Language; billing: boolean; team: string; source: string }
  /** `language`: set when the rule is that language's own (e.g. Gold P1 in Japanese). */
  | { code: 'rule'; priority: string; minutes: number; clock: Clock; source: string; language?: Language }
  | { code: 'clock-24/7'; submitted: string; zone: string }
  /** A 24/7 target whose clock waits for a language team's hours (`calendar`: its name). */
  | { code: 'clock-24/7-deferred'; language: Language; calendar: string; submitted: string; start: string; zone: string }
  | {
      code: 'calendar';
      /** Calendar id and name, its zone, and the section of the document defining its hours and holidays. */
      calendar: string;
      name: string;
      zone: string;
      source: string;
      region?: string;
      /** How many holidays close the calendar in all. */
      holidays: number;
      /** The holidays (yyyy-mm-dd, local days) between submission and deadline: the days the clock skipped. */
      skipped: string[];
    }
  | { code: 'submitted-open'; submitted: string; zone: string }
  | { code: 'submitted-closed'; submitted: string; start: string; zone: string }
  /** The business hours used, the first few listed (`more`: how many more openings). */
  | { code: 'openings'; spans: Array<[string, string]>; more: number; zone: string }
  /** `utc`: also say the deadline in UTC. */
  | { code: 'deadline'; deadline: string; zone: string; utc: boolean }
  | { code: 'scope'; verdict: 'in-scope' | 'out-of-scope' | 'unclear' };

export interface EvaluateResult {
  target: Target | null;
  notes: EvaluateNote[];
  /** How the target was found, step by step (`renderExplanation` writes it out). */
  steps: ExplainStep[];
}
