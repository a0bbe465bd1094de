// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../entrypoints/overlay.content/adapters/field-values';
import { visibleText } from '../../entrypoints/overlay.content/adapters/read-value';
import { hiddenByMarkup } from '../../entrypoints/overlay.content/adapters/visible';
import { loadFixture } from './fixture';

/** The rule without shortcuts: every text node not under something hidden or never shown. */
const NEVER_SHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'SELECT', 'TEXTAREA', 'NOSCRIPT']);
function reference(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === 3) text += child.nodeValue;
    else if (child.nodeType === 1 && !NEVER_SHOWN.has((child as Element).tagName) && !hiddenByMarkup(child as Element)) {
      text += reference(child);
    }
  }
  return text;
}

const PAGES = [
  'rt/search-results.html',
  'rt-real/search-results-default.html',
  'rt-real/search-results-sla-format.html',
  'rt-real/ticket-display.html',
  'recipe/tickets.html',
  'servicenow/list.html',
  'osticket-1.18.1/queue-open.html',
  'osticket-1.18.1/ticket-310734-de.html',
];

// Up to about 0.6 s of work a test on an idle machine (every element of a real RT page); 15 s covers
// a 2-core machine at load 10.
describe('visibleText', { timeout: 15_000 }, () => {
  it.each(PAGES)('reads every element of %s as the plain rule does (shortcuts included)', (path) => {
    const root = loadFixture(path).body;
    const elements = [...root.querySelectorAll('*')];
    expect(elements.length).toBeGreaterThan(20);
    for (const element of elements) expect(visibleText(element)).toBe(cleanText(reference(element)));
  });
});
