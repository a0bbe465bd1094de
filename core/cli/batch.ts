import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { EvaluateError } from '../evaluate/error';
import { evaluate } from '../evaluate/evaluate';
import { READER_LANGUAGES } from '../explain/format';
import { renderResult } from '../explain/render';
import type { CliIo } from './io';
import { readerLanguageFlag } from './lang';

/**
 * `sla batch [--lang en|de|ja]`: one evaluate() per input line, answers in order (notes and
 * explanation in words, English by default); a bad line answers with an error and the rest go on.
 */
export async function runBatch(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { lang: { type: 'string' } }, strict: true });
  const lang = readerLanguageFlag(values.lang);
  if (!lang) {
    io.stderr.write(`sla batch: --lang: one of ${READER_LANGUAGES.join(', ')}\n`);
    return 2;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let failures = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let answer: unknown;
    try {
      answer = renderResult(evaluate(JSON.parse(line)), lang);
    } catch (error) {
      failures++;
      answer = { error: errorOf(error, lineNumber) };
    }
    io.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  return failures ? 1 : 0;
}

function errorOf(error: unknown, line: number): { message: string; path: Array<string | number>; line: number } {
  if (error instanceof EvaluateError) return { message: error.message, path: error.path, line };
  if (error instanceof SyntaxError) return { message: `invalid JSON: ${error.message}`, path: [], line };
  throw error;
}
