import { Readable } from 'node:stream';
import { run } from '../../core/cli/main';

/**
 * Runs the CLI in this process, as the bin does, on buffers instead of the process's streams (the
 * local zone is Europe/Berlin).
 */
export async function sla(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    localZone: 'Europe/Berlin',
  });
  return { code, out, err };
}
