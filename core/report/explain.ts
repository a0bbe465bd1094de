import { evaluate } from '../evaluate/evaluate';
import type { EvaluateInput } from '../evaluate/types';
import { renderExplanation } from '../explain/render';
import type { ReportLanguage } from './words';

/**
 * A worst miss's explanation in the report's language, composed when the report is rendered (never
 * for the other rows). `holidayNames` (yyyy-mm-dd → name, e.g. from the settings' holiday lists)
 * names the holidays the clock skipped.
 */
export function explainMiss(input: EvaluateInput, lang: ReportLanguage, holidayNames?: Readonly<Record<string, string>>): string[] {
  return renderExplanation(evaluate(input).steps, lang, { holidayNames });
}
