import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

/**
 * The built extension (.output/chrome-mv3) in Debian's headless Chromium, for the E2E tests. One
 * persistent profile per launch (extensions need one), removed on close.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.SLA_EXTENSION_DIR ?? '.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker (evaluate() runs with `chrome.*` in scope). */
  worker: Worker;
  close(): Promise<void>;
}

/**
 * A browser zone for tests: deliberately not UTC (RT's zone in the tests), so a test only passes
 * when the overlay reads page times in the site's configured zone rather than the browser's.
 */
export const TEST_BROWSER_ZONE = 'America/New_York';

export interface LaunchOptions {
  /** Headless unless false (`npm run demo` opens a visible window when a display exists). */
  headless?: boolean;
  /** The browser's zone (pages, content scripts, service worker); the system's when absent. */
  timeZone?: string;
  /** The browser's UI language (the extension's i18n follows it; Debian needs chromium-l10n). */
  lang?: string;
}

export async function launchExtension(
  extensionDir = EXTENSION_DIR,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first (npm run test:e2e does).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'sla-lens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ...(options.timeZone ? { timezoneId: options.timeZone, env: { ...process.env, TZ: options.timeZone } } : {}),
    ...(options.lang ? { locale: options.lang } : {}),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Newer Chrome builds ignore --load-extension unless this feature is off.
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        // A second or two after launch on an idle machine; several times that at load 10.
        timeout: 30_000,
      }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      worker,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Everything in one of the extension's storage areas, read from its service worker. */
export async function getExtensionStorage(
  worker: Worker,
  area: 'local' | 'sync' | 'session' = 'local',
): Promise<Record<string, unknown>> {
  // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`, not typed in Node
  return worker.evaluate(async (a) => (globalThis as any).chrome.storage[a].get(null), area);
}
