import { evaluate } from '@/core';
import type { EvaluateInput, EvaluateResult } from '@/core/evaluate/types';
import type { PathError } from './ErrorList';

/** evaluate() for forms: bad input comes back as path-precise errors instead of a throw. */
export function evaluateSafe(input: EvaluateInput): { result: EvaluateResult; errors: [] } | { result: null; errors: PathError[] } {
  try {
    return { result: evaluate(input), errors: [] };
  } catch (error) {
    const raw = (error as { path?: unknown }).path;
    const path = Array.isArray(raw) ? raw.join('.') : '';
    const message = error instanceof Error ? error.message : String(error);
    // EvaluateError messages start with their path; the list shows the path on its own.
    return { result: null, errors: [{ path, message: path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message }] };
  }
}
