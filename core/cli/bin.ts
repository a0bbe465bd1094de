#!/usr/bin/env node
/** The `sla` executable (`npm run sla -- …`): the CLI of `main.ts` on this process's streams. */
import { run } from './main';

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
