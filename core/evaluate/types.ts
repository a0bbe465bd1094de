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

export interface Note {
  /** Stable code: feature-request, no-technical-support, p1-not-available-for-role,
   * language-not-included, language-routed, deferred-start, out-of-scope, in-scope, no-response-times … */
  code: string;
  message: string;
}

export interface EvaluateResult {
  target: Target | null;
  notes: Note[];
  /** The steps in words a support lead understands. */
  explain: string[];
}
