import type { EvaluateNote, ExplainStep } from '../../evaluate/types';
import type { Clock } from '../../policy/schema';
import type { Formatter } from '../format';
import type { RenderOptions } from '../render';

type StepOf<C extends ExplainStep['code']> = Extract<ExplainStep, { code: C }>;
/** The core's own notes (those whose values it defines, not the policy data's). */
export type CoreNote = Exclude<EvaluateNote, { text: string }>;
type NoteOf<C extends CoreNote['code']> = Extract<CoreNote, { code: C }>;
/** Notes written from one table entry each (`language-routed` is put together from `routing`). */
type TableNote = Exclude<CoreNote['code'], 'language-routed'>;

/** One language's words for every step and note code. */
export interface Messages {
  steps: { [C in ExplainStep['code']]: (step: StepOf<C>, f: Formatter, names: RenderOptions) => string };
  /** The built-in holiday regions' names (a team list's own name comes from `RenderOptions.regionNames`). */
  regions: Readonly<Record<string, string>>;
  notes: { [C in TableNote]: (note: NoteOf<C>, f: Formatter) => string };
  /** The parts of a `language-routed` note: where it goes, how its receipt stands to the team's hours, what English would change. */
  routing: {
    route(team: string, calendar: string): string;
    open(route: string, received: string): string;
    deferred(route: string, received: string, opening: string): string;
    running(route: string, received: string, opening: string): string;
    english(minutes: string, clock: Clock, due: string): string;
  };
  /** A note from the policy data: its own words (`text`, translated where `texts` knows it) and section. */
  policyNote(text: string, source: string): string;
  /**
   * The built-in policies' own sentences (no-target messages, centron's offer) in this language, by
   * their English text. A custom policy's words are shown as written.
   */
  texts: Readonly<Record<string, string>>;
}
