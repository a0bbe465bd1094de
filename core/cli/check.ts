import { readFileSync } from 'node:fs';
import { builtinPolicies } from '../policy/builtin';
import { Policy } from '../policy/schema';
import { checkSettingsFile, zodErrors } from '../settings/validate';
import type { CliIo } from './io';

/** Validates a custom policy (it has `levels`) or a settings export; prints one line per problem. */
export function runCheck(args: string[], io: CliIo): number {
  const [file] = args;
  if (!file) {
    io.stderr.write('usage: sla check FILE\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr.write(`sla check: ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const { kind, errors } = check(text);
  if (errors.length === 0) {
    io.stdout.write(`${file}: valid ${kind}\n`);
    return 0;
  }
  for (const { path, message } of errors) io.stdout.write(`${file}: ${path || '(file)'}: ${message}\n`);
  io.stdout.write(`${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'} in this ${kind}\n`);
  return 1;
}

function check(text: string): { kind: string; errors: Array<{ path: string; message: string }> } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: 'file', errors: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (raw && typeof raw === 'object' && 'levels' in raw) {
    const parsed = Policy.safeParse(raw);
    return { kind: 'policy', errors: parsed.success ? [] : zodErrors(parsed.error) };
  }
  return { kind: 'settings export', errors: checkSettingsFile(text, { policies: { ...builtinPolicies } }) };
}
