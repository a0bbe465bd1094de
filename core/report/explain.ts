import { evaluate } from '../evaluate/evaluate';
import type { EvaluateInput } from '../evaluate/types';
import { type RenderOptions, renderExplanation } from '../explain/render';
import type { ReportLanguage } from './words';

/**
 * A worst miss's explanation in the report's language, composed when the report is rendered (never
 * for the other rows). `names` (`explanationNames(settings.holidays)`) names the holidays the clock
 * skipped and the team's regions.
 */
export function explainMiss(input: EvaluateInput, lang: ReportLanguage, names?: RenderOptions): string[] {
  return renderExplanation(evaluate(input).steps, lang, names);
}
