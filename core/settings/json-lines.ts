/**
 * Where things are in a JSON file's text, for messages a person can find in an editor: the line of
 * each value by its dotted path ("customers.16.level" → 412), and the line and column of a syntax
 * error. A small scanner, used only to locate: the file itself is read by JSON.parse.
 */

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

/** The 1-based line of every value in the text, by dotted path ("" is the whole file). */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let pos = 0;
  let line = 1;
  const skip = () => {
    for (;;) {
      const ch = text[pos];
      if (ch === '\n') line++;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\uFEFF') return;
      pos++;
    }
  };
  const string = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      return text.slice(start + 1, pos - 1);
    }
  };
  const value = (path: string, depth: number): void => {
    skip();
    if (depth > 200 || pos >= text.length) return;
    lines.set(path, line);
    const join = (key: string) => (path ? `${path}.${key}` : key);
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      for (;;) {
        skip();
        if (text[pos] === '}' || pos >= text.length) return void pos++;
        if (text[pos] !== '"') return;
        const keyLine = line;
        const key = string();
        skip();
        if (text[pos] !== ':') return;
        pos++;
        value(join(key), depth + 1);
        // A value on the line after its key is found by its key's line.
        if ((lines.get(join(key)) ?? keyLine) !== keyLine) lines.set(join(key), keyLine);
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') return void pos++;
        else return;
      }
    }
    if (ch === '[') {
      pos++;
      for (let i = 0; ; i++) {
        skip();
        if (text[pos] === ']' || pos >= text.length) return void pos++;
        value(join(String(i)), depth + 1);
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') return void pos++;
        else return;
      }
    }
    if (ch === '"') return void string();
    while (pos < text.length && !/[\s,\]}]/.test(text[pos] as string)) pos++;
  };
  value('', 0);
  return lines;
}

/** The line of a path, or of its nearest ancestor the text has (a missing field: its object's line). */
export function lineOf(lines: Map<string, number>, path: string): number | undefined {
  for (let p = path; ; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const line = lines.get(p);
    if (line !== undefined) return line;
    if (p === '') return undefined;
  }
}

/** JSON.parse's complaint about a text, with its line and column; undefined when the text parses. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = (err as Error).message;
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc) return { line: Number(lc[1]), column: Number(lc[2]), message };
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message };
  }
}
