import { createInterface } from 'node:readline';
import { EvaluateError } from '../evaluate/error';
import { evaluate } from '../evaluate/evaluate';

/** One evaluate() per input line, answers in order; a bad line answers with an error and the rest go on. */
export async function runBatch(input: NodeJS.ReadableStream, output: { write(text: string): unknown }): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let failures = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let answer: unknown;
    try {
      answer = evaluate(JSON.parse(line));
    } catch (error) {
      failures++;
      answer = { error: errorOf(error, lineNumber) };
    }
    output.write(`${JSON.stringify(answer)}\n`);
  }
  return failures ? 1 : 0;
}

function errorOf(error: unknown, line: number): { message: string; path: Array<string | number>; line: number } {
  if (error instanceof EvaluateError) return { message: error.message, path: error.path, line };
  if (error instanceof SyntaxError) return { message: `invalid JSON: ${error.message}`, path: [], line };
  throw error;
}
