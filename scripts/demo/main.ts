import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { type BadgeReading, waitForBadges } from '../../test/e2e/support/badges';
import { type DemoBrowser, openChromium, openFirefox, type WantedStates } from './browsers';
import { type ExpectedRow, startDemoServer } from './server';

/**
 * `npm run demo`: builds the extension, serves the demo helpdesk on 127.0.0.1, opens Chromium (or
 * Firefox) with the extension and the demo's contract mappings. Without a display, or with
 * --headless, it takes a screenshot instead and prints the badges it found by state (CI's smoke test).
 *
 *   npm run demo [-- --firefox] [--headless] [--screenshot FILE] [--docs] [--no-build] [--port N]
 */

const HELP = `Usage: npm run demo -- [options]
  --firefox          Firefox (firefox-esr) instead of Chromium
  --headless         no window (the default when $DISPLAY is unset); implies a screenshot
  --screenshot FILE  where the list screenshot goes (default demo-screenshot.png)
  --docs             also write the README screenshots to docs/screenshots/
  --no-build         use the existing build in .output/
  --port N           demo helpdesk port (default 8090; any free one if taken)`;

const { values: args } = parseArgs({
  options: {
    firefox: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    docs: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '8090' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const SCREENSHOTS = resolve('docs/screenshots');
const headless = args.headless || !process.env.DISPLAY;
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;

if (!args['no-build']) {
  const target = args.firefox ? ['-b', 'firefox'] : [];
  console.log(`Building the extension (wxt build ${target.join(' ')})…`);
  const build = spawnSync('npx', ['wxt', 'build', ...target], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startDemoServer({ port: Number(args.port) });
console.log(`Demo helpdesk: ${server.url}/ (${server.rows.length} tickets)`);
const browser: DemoBrowser = await (args.firefox ? openFirefox : openChromium)(headless);
const shutdown = async () => {
  await browser.close().catch(() => {});
  await server.close();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => shutdown().then(() => process.exit(130)));
}

try {
  // With RT's REST2 answered, the list shows each ticket's own state, a first reply's met or missed too.
  const listed = await browser.show(`${server.url}/`, wantedStates(server.rows));
  const shown = report('list', listed, server.rows, (row) => row.expected);
  if (headless) {
    const file = resolve(args.screenshot ?? 'demo-screenshot.png');
    await mkdir(dirname(file), { recursive: true });
    await browser.screenshot(file);
    console.log(`Screenshot: ${file}`);
  }
  if (args.docs && browser.page) await listScreenshots(browser.page);

  // A ticket's own page reads its first reply from the history as well: check those whose state depends on one.
  for (const row of server.rows.filter((r) => r.expected !== r.expectedInList)) {
    const badges = await browser.probe(`${server.url}/Ticket/Display.html?id=${row.id}`, wantedStates([row]));
    shown.push(...report(`ticket #${row.id}`, badges, [row], (r) => r.expected));
  }
  if (args.docs && browser.page) await ticketScreenshot(browser.page, server.url);
  const missing = missingStates(shown, server.rows);
  if (missing.length) console.error(`Missing badge states: ${missing.join(', ')}`);

  if (headless) {
    await shutdown();
    console.log(`Done in ${elapsed()}.`);
    process.exit(missing.length ? 1 : 0);
  }
  console.log(`${args.firefox ? 'Firefox' : 'Chromium'} is open with SLA Lens loaded. Close the window or press Ctrl-C to stop.`);
  await browser.closed();
  await server.close();
} catch (error) {
  await shutdown();
  throw error;
}

/** Prints what one page showed against what the demo meant it to show; returns the states seen. */
function report(
  where: string,
  badges: BadgeReading[],
  rows: ExpectedRow[],
  expected: (row: ExpectedRow) => string,
): string[] {
  const byState = new Map<string, number>();
  for (const badge of badges) byState.set(badge.state ?? '?', (byState.get(badge.state ?? '?') ?? 0) + 1);
  const counts = [...byState].sort().map(([state, count]) => `${state} ${count}`);
  console.log(`${where}: ${badges.length} badges after ${elapsed()} (${counts.join(', ')})`);
  for (const row of rows) {
    const badge = badges.find((b) => b.ticket === String(row.id));
    const mark = badge?.state === expected(row) ? ' ' : '✗';
    console.log(`  ${mark} #${row.id} ${(badge?.state ?? 'no badge').padEnd(10)} ${badge?.text ?? ''}  — ${row.shows}`);
  }
  return badges.map((b) => b.state ?? '?');
}

function wantedStates(rows: ExpectedRow[]): WantedStates {
  return new Map(rows.map((row) => [String(row.id), row.expected]));
}

function missingStates(shown: string[], rows: ExpectedRow[]): string[] {
  const wanted = new Set(rows.map((r) => r.expected));
  return [...wanted].filter((state) => !shown.includes(state));
}

/** README pictures: the badged list, and a badge's explanation (hover). */
async function listScreenshots(page: Page): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.locator('table.ticket-list').screenshot({ path: resolve(SCREENSHOTS, 'demo-list.png') });
  await page.locator('[data-sla-badge][data-sla-state="at-risk"]').first().hover();
  await page.waitForTimeout(500);
  await page.screenshot({ path: resolve(SCREENSHOTS, 'demo-explanation.png') });
  await page.mouse.move(0, 0);
  console.log(`README screenshots in ${SCREENSHOTS}`);
}

/** README picture: a Japanese ticket's page with its explanation and routing hint open. */
async function ticketScreenshot(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${url}/Ticket/Display.html?id=4113`);
  await waitForBadges(page, 1);
  await page.locator('[data-sla-badge]').first().hover();
  await page.waitForTimeout(500);
  await page.screenshot({ path: resolve(SCREENSHOTS, 'demo-ticket-ja.png') });
  await page.goto(`${url}/`);
}
