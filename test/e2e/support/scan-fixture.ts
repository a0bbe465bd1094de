/**
 * Runs built-in adapters over saved fixture pages in happy-dom (as the adapter unit tests do) and
 * prints, per page, the ticket keys found and which of them could not be read. The E2E test runs
 * this in a child process (the adapters expect a global `document`) and compares real Chromium.
 *
 *   npx tsx test/e2e/support/scan-fixture.ts ADAPTER_ID=FILE...
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

export interface FixtureScan {
  keys: string[];
  unreadable: string[];
}

async function main() {
  const window = new Window({ url: 'http://127.0.0.1/' });
  Object.assign(globalThis, { window, document: window.document });
  const { adapterFor } = await import('../../../entrypoints/overlay.content/adapters/registry');
  const out: Record<string, FixtureScan> = {};
  for (const arg of process.argv.slice(2)) {
    const [id = '', file = ''] = arg.split(/=(.*)/s);
    const adapter = adapterFor(id);
    if (!adapter) throw new Error(`no built-in adapter "${id}"`);
    const doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
    const tickets = adapter.scan(doc as unknown as Document, { timeZone: 'UTC', now: new Date() });
    out[file] = {
      keys: tickets.map((t) => t.key),
      unreadable: tickets.filter((t) => t.missing.length > 0).map((t) => t.key),
    };
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
