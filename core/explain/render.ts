import type { EvaluateNote, EvaluateResult, ExplainStep, Note, Target } from '../evaluate/types';
import { type Formatter, formatterFor, type ReaderLanguage } from './format';
import { de } from './messages/de';
import { en } from './messages/en';
import { ja } from './messages/ja';
import type { CoreNote, Messages } from './messages/types';

/**
 * evaluate()'s steps and notes in words, in the reader's language — composed only here, when
 * someone reads them (the popover, the popup and options page, the CLI, the report).
 */

const MESSAGES: Record<ReaderLanguage, Messages> = { en, de, ja };

export interface RenderOptions {
  /** Holiday names by day (yyyy-mm-dd), e.g. from the team's holiday lists: named where the explanation lists skipped holidays. */
  holidayNames?: Readonly<Record<string, string>>;
  /** Holiday regions by name (a team list's own name, e.g. "Tokyo office"); the built-in regions are named in each language. */
  regionNames?: Readonly<Record<string, string>>;
}

/** The explanation, one line per step. */
export function renderExplanation(steps: readonly ExplainStep[], lang: ReaderLanguage, options: RenderOptions = {}): string[] {
  const messages = MESSAGES[lang];
  const f = formatterFor(lang);
  // Each step's own message: the table is typed per code, the call by the union.
  return steps.map((step) => (messages.steps[step.code] as (s: ExplainStep, ...rest: unknown[]) => string)(step, f, options));
}

/** One note in words. */
export function renderNote(note: EvaluateNote, lang: ReaderLanguage): string {
  const messages = MESSAGES[lang];
  if (note.text !== undefined) return messages.policyNote(messages.texts[note.text] ?? note.text, note.source);
  const core = note as CoreNote;
  const f = formatterFor(lang);
  if (core.code === 'language-routed') return routing(core, messages, f);
  const values = core.code === 'out-of-scope' ? { ...core, offer: messages.texts[core.offer] ?? core.offer } : core;
  return (messages.notes[core.code] as (n: CoreNote, ...rest: unknown[]) => string)(values, f);
}

/** Where a routed request goes, how its receipt stands to the team's hours, and what English would change. */
function routing(note: Extract<CoreNote, { code: 'language-routed' }>, messages: Messages, f: Formatter): string {
  const words = messages.routing;
  const route = words.route(note.team, note.calendar);
  const received = f.when(note.submitted, note.zone);
  const opening = note.opening ? f.when(note.opening, note.zone) : '';
  const where =
    note.received === 'open'
      ? words.open(route, received)
      : note.received === 'deferred'
        ? words.deferred(route, received, opening)
        : words.running(route, received, opening);
  const { english } = note;
  return english ? where + words.english(f.minutes(english.minutes), english.clock, f.when(english.deadline, note.zone)) : where;
}

/** A result as the CLI writes it (`sla batch`, `sla deadline --json`): the target, notes with their message, the explanation's lines. */
export interface RenderedResult {
  target: Target | null;
  notes: Note[];
  explain: string[];
}

export function renderResult(result: EvaluateResult, lang: ReaderLanguage, options: RenderOptions = {}): RenderedResult {
  return {
    target: result.target,
    notes: result.notes.map((note) => ({ code: note.code, message: renderNote(note, lang) })),
    explain: renderExplanation(result.steps, lang, options),
  };
}
