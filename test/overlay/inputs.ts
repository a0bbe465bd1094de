import type { EvaluateResult, Target } from '../../core/evaluate/types';
import type { ScannedTicket } from '../../entrypoints/overlay.content/adapters/types';
import type { BadgeInput } from '../../entrypoints/overlay.content/badge-state';

/** Inputs shared by the badge and pipeline tests: a 4-hour 24/7 target and a scanned ticket. */

export const target: Target = {
  minutes: 240,
  clock: '24/7',
  calendar: '24/7',
  start: '2026-11-16T00:00:00.000Z',
  deadline: '2026-11-16T04:00:00.000Z',
  source: 'Velostrata Supportrichtlinien Version 1.2 §4.2',
};

export const result = (t: Target | null, notes: EvaluateResult['notes'] = []): EvaluateResult => ({ target: t, notes, steps: [] });

export type Evaluated = Extract<BadgeInput, { kind: 'evaluated' }>;

/** "P2 · Gold" on `target`, at risk with a quarter left. */
export const evaluated = (extra: Partial<Evaluated> = {}): Evaluated => ({
  kind: 'evaluated',
  label: 'P2 · Gold',
  result: result(target),
  atRiskShare: 0.25,
  ...extra,
});

export const at = (iso: string) => Date.parse(iso);

const element = {} as Element;
/** A ticket as an adapter hands it over, keyed by its id. */
export const ticket = (fields: ScannedTicket['fields'], missing: ScannedTicket['missing'] = []): ScannedTicket => ({
  key: fields.id ?? 'x',
  element,
  anchor: element,
  fields,
  missing,
});
