import type { z } from 'zod';

/** Invalid input: names the field (`path`) and why, e.g. `level: unknown level "bronze" …`. */
export class EvaluateError extends Error {
  readonly path: Array<string | number>;

  constructor(path: Array<string | number>, reason: string) {
    super(path.length ? `${path.join('.')}: ${reason}` : reason);
    this.name = 'EvaluateError';
    this.path = path;
  }

  static fromZod(error: z.ZodError): EvaluateError {
    const issue = error.issues[0];
    if (!issue) return new EvaluateError([], 'invalid input');
    return new EvaluateError(
      issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      issue.message,
    );
  }
}
