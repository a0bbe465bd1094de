import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as "rule: target, …" lines. */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated over the debugging protocol: the page's CSP refuses an added <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    // target-size (WCAG 2.2 AA: 24 px targets) is off in axe's defaults.
    // biome-ignore lint/suspicious/noExplicitAny: axe's global in the page
    const { violations } = await (window as any).axe.run(document, { rules: { 'target-size': { enabled: true } } });
    return violations.map(
      (v: { id: string; nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}
