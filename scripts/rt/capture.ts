/**
 * Saves real Request Tracker pages from the seeded local RT as fixtures for the RT adapter's unit
 * tests (test/fixtures/rt-real/), so those tests run on RT's own markup without a server.
 *
 *   npx tsx scripts/rt/capture.ts [OUT_DIR]     (after setup.sh and seed.ts)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SLA_SEARCH_FORMAT, searchPath } from './data';
import { rtBaseUrl, rtSession, seedRt } from './seed';

async function main() {
  const out = process.argv[2] ?? 'test/fixtures/rt-real';
  const baseUrl = rtBaseUrl();
  const manifest = await seedRt(baseUrl);
  const { cookie } = await rtSession(baseUrl);
  const byData = (subject: string) => {
    const ticket = manifest.tickets.find((t) => t.subject === subject);
    if (!ticket) throw new Error(`seeded ticket "${subject}" not found`);
    return ticket.id;
  };
  const acme = byData('Robot arm controller down in production');
  const replied = byData('Sensor calibration drifts after restart');
  const japanese = byData('本番環境でログインできません');
  const pages: Record<string, string> = {
    'ticket-display.html': `/Ticket/Display.html?id=${acme}`,
    'ticket-display-replied.html': `/Ticket/Display.html?id=${replied}`,
    // RT 5 loads the history after the page, from this helper, into #delayed_ticket_history.
    'ticket-history-replied.html': `/Helpers/TicketHistory?id=${replied}`,
    'ticket-display-ja.html': `/Ticket/Display.html?id=${japanese}`,
    'search-results-default.html': searchPath(),
    'search-results-sla-format.html': searchPath(SLA_SEARCH_FORMAT),
  };
  await mkdir(out, { recursive: true });
  for (const [file, path] of Object.entries(pages)) {
    const response = await fetch(baseUrl + path, { headers: { cookie } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    await writeFile(join(out, file), await response.text());
  }
  await writeFile(
    join(out, 'manifest.json'),
    `${JSON.stringify({ capturedAt: new Date().toISOString(), timeZone: process.env.RT_TIMEZONE ?? 'UTC', pages, ...manifest }, null, 2)}\n`,
  );
  console.log(`Saved ${Object.keys(pages).length} RT pages and manifest.json to ${out}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
