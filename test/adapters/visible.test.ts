// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenByMarkup, isHiddenOwn, MAYBE_HIDDEN_OWN } from '../../entrypoints/overlay.content/adapters/visible';
import { loadFixture } from './fixture';

/** isHiddenOwn skips the exact rule for elements its selector rules out: it must never rule out a hidden one. */
function expectSameRule(element: Element): void {
  const hidden = hiddenByMarkup(element);
  if (hidden) expect(element.matches(MAYBE_HIDDEN_OWN), element.outerHTML).toBe(true);
  expect(isHiddenOwn(element), element.outerHTML).toBe(hidden);
}

const PAGES = ['rt/search-results.html', 'rt-real/search-results-default.html', 'rt-real/ticket-display.html', 'osticket-1.18.1/queue-open.html', 'osticket-1.18.1/ticket-310734.html'];

describe('isHiddenOwn', () => {
  // About 1.3 s of work on an idle machine (every element of the fixture pages, twice); 30 s
  // covers a 2-core machine at load 10.
  it('agrees with the plain rule on every element of the fixture pages', { timeout: 30_000 }, () => {
    const elements = PAGES.flatMap((path) => [...loadFixture(path).querySelectorAll('*')]);
    expect(elements.filter(hiddenByMarkup).length).toBeGreaterThan(10);
    for (const element of elements) expectSameRule(element);
  });

  it('agrees with the plain rule on any mix of the attributes that hide', () => {
    const spaces = fc.constantFrom(' ', '\t', '\n', '  ', '\u00a0');
    const classes = fc.array(fc.constantFrom('hidden', 'd-none', 'editor', 'Hidden', 'not-hidden', 'value', 'd-none-x'), { maxLength: 3 });
    const styles = fc.constantFrom(
      'display:none',
      'display : none !important',
      'color: red; visibility: hidden;',
      'VISIBILITY:HIDDEN',
      'border: none',
      'overflow: hidden',
      'display: block',
      'display:none-ish',
    );
    fc.assert(
      fc.property(
        fc.constantFrom('div', 'span', 'form', 'input', 'template', 'td'),
        fc.option(classes),
        spaces,
        fc.option(styles),
        fc.boolean(),
        fc.option(fc.constantFrom('hidden', 'HIDDEN', 'text')),
        (tag, classList, space, style, hiddenAttribute, type) => {
          const element = document.createElement(tag);
          if (classList) element.setAttribute('class', classList.join(space));
          if (style) element.setAttribute('style', style);
          if (hiddenAttribute) element.setAttribute('hidden', '');
          if (type) element.setAttribute('type', type);
          expectSameRule(element);
        },
      ),
      { numRuns: 500 },
    );
  });
});
