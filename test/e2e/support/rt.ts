import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { rtBaseUrl, rtSession, type SeedManifest, seedRt } from '../../../scripts/rt/seed';

/**
 * The real Request Tracker for E2E tests: starts it with scripts/rt/setup.sh when it is not answering
 * (installing it first if needed: about a minute), then seeds it and returns the manifest.
 */
async function answers(baseUrl: string) {
  try {
    return (await fetch(`${baseUrl}/NoAuth/Login.html`, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}

export async function ensureRt(): Promise<SeedManifest> {
  const baseUrl = rtBaseUrl();
  if (!(await answers(baseUrl))) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        `Request Tracker is not answering on ${baseUrl} and setting it up needs root: run \`sudo scripts/rt/setup.sh\` (CI does).`,
      );
    }
    try {
      const setup = new URL('../../../scripts/rt/setup.sh', import.meta.url).pathname;
      await promisify(execFile)('bash', [setup], { timeout: 170_000 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`scripts/rt/setup.sh failed, so the RT tests cannot run:\n${stdout}\n${stderr}`);
    }
  }
  return seedRt(baseUrl);
}

/** Signs the browser into RT with the REST session's cookie (no login form round trip). */
export async function signInRt(context: BrowserContext, baseUrl: string): Promise<void> {
  const { cookie } = await rtSession(baseUrl);
  const [name = '', value = ''] = cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl }]);
}
