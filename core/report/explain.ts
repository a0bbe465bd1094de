import * as core from '../index';
import type { EvaluateInput } from '../evaluate/types';
import type { ReportLanguage } from './words';

/**
 * A worst miss's explanation, composed when the report is rendered (never for the other rows): the
 * core's steps in the report's language where the core renders them (`renderExplanation`), else
 * evaluate()'s own English lines.
 */
export function explainMiss(input: EvaluateInput, lang: ReportLanguage): string[] {
  const result = core.evaluate(input) as unknown as { explain?: string[]; steps?: unknown[] };
  const render = (core as unknown as { renderExplanation?: (steps: unknown[], lang: ReportLanguage) => string[] }).renderExplanation;
  if (render && result.steps) return render(result.steps, lang);
  return result.explain ?? [];
}
