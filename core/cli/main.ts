#!/usr/bin/env node
/**
 * `sla` — the SLA core on the command line (same code as the extension):
 *   sla deadline --policy ID [--level L] --priority P --submitted ISO [--language X]
 *                [--english-accepted] [--region R] [--type T] [--topic TEXT] [--now ISO] [--json]
 *   sla batch            JSON Lines of evaluate() inputs on stdin → one JSON result per line
 *   sla check FILE       validate a custom policy or a settings export, with path-precise errors
 */
import { runBatch } from './batch';
import { runCheck } from './check';
import { runDeadline } from './deadline';

const USAGE = `usage:
  sla deadline --policy ID [--level L] --priority P1|P2|P3|P4 --submitted ISO
               [--language en|ja|ko|zh] [--english-accepted] [--region R]
               [--type technical|billing|feature] [--topic TEXT] [--now ISO] [--json]
  sla batch  < inputs.jsonl
  sla check FILE`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'deadline':
      return runDeadline(rest);
    case 'batch':
      return runBatch(process.stdin, process.stdout);
    case 'check':
      return runCheck(rest);
    default:
      process.stderr.write(`${command && command !== '--help' ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
      return command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sla: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
