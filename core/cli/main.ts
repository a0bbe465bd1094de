/**
 * `sla` — the SLA core on the command line (same code as the extension):
 *   sla deadline --policy ID [--level L] --priority P --submitted ISO [--language X]
 *                [--english-accepted] [--region R] [--type T] [--topic TEXT] [--now ISO] [--json] [--lang L]
 *   sla batch [--lang L] JSON Lines of evaluate() inputs on stdin → one JSON result per line
 *   (--lang en|de|ja: the language of notes and explanations; English by default)
 *   sla check FILE       validate a custom policy or a settings export, with path-precise errors
 *   sla report FILE      an SLA compliance report from a helpdesk export (CSV, TSV, JSON Lines)
 *
 * `run()` is the whole CLI on given streams and returns the exit code; `bin.ts` calls it with the
 * process's own.
 */
import { runBatch } from './batch';
import { runCheck } from './check';
import { runDeadline } from './deadline';
import { REPORT_USAGE, runReport } from './report';
import type { CliIo } from './io';

export type { CliIo } from './io';

const USAGE = `usage:
  sla deadline --policy ID [--level L] --priority P1|P2|P3|P4 --submitted ISO
               [--language en|ja|ko|zh] [--english-accepted] [--region R]
               [--type technical|billing|feature] [--topic TEXT] [--now ISO] [--json]
               [--lang en|de|ja]
  sla batch [--lang en|de|ja] < inputs.jsonl
  sla check FILE
  ${REPORT_USAGE}`;

/** Runs `sla ARGV…` against `io`; resolves to the exit code (an unexpected error prints `sla: …` and gives 1). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    io.stderr.write(`sla: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'deadline':
      return runDeadline(rest, io);
    case 'batch':
      return runBatch(rest, io);
    case 'check':
      return runCheck(rest, io);
    case 'report':
      return runReport(rest, io);
    default:
      io.stderr.write(`${command && command !== '--help' ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
      return command === '--help' ? 0 : 2;
  }
}
