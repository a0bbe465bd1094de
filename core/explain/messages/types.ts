import type { EvaluateNote, ExplainStep } from '../../evaluate/types';
import type { Formatter } from '../format';

type StepOf<C extends ExplainStep['code']> = Extract<ExplainStep, { code: C }>;
/** The core's own notes (those whose values it defines, not the policy data's). */
export type CoreNote = Exclude<EvaluateNote, { text: string }>;
type NoteOf<C extends CoreNote['code']> = Extract<CoreNote, { code: C }>;

/** One language's words for every step and note code. */
export interface Messages {
  steps: { [C in ExplainStep['code']]: (step: StepOf<C>, f: Formatter, holidayNames?: Readonly<Record<string, string>>) => string };
  notes: { [C in CoreNote['code']]: (note: NoteOf<C>, f: Formatter) => string };
  /** A note from the policy data: its own words (`text`, translated where `texts` knows it) and section. */
  policyNote(text: string, source: string): string;
  /**
   * The built-in policies' own sentences (no-target messages, centron's offer) in this language, by
   * their English text. A custom policy's words are shown as written.
   */
  texts: Readonly<Record<string, string>>;
}
