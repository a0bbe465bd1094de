/**
 * Whether a value on the page is one the agent can see. Decided from markup only (no layout), so it
 * is cheap on 500-row lists and works in happy-dom: helpdesks hide duplicate values with attributes
 * and inline styles (RT puts an edit form with the same value next to every field). Hidden by:
 * `[hidden]`, `<template>`, `<input type=hidden>`, RT's `form.editor`, the `.hidden` / `.d-none`
 * utility classes, and inline `display: none` / `visibility: hidden`.
 */

// Class lists are separated by ASCII whitespace, as CSS class selectors read them.
const HIDDEN_CLASS = /(?:^|[ \t\n\f\r])(?:hidden|d-none)(?:[ \t\n\f\r]|$)/;
const EDITOR_CLASS = /(?:^|[ \t\n\f\r])editor(?:[ \t\n\f\r]|$)/;
const INVISIBLE_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

/**
 * Every element hiddenByMarkup may hide matches this (a superset: style and type values are checked
 * exactly there). One selector match rules out most elements in one call instead of four.
 */
export const MAYBE_HIDDEN_OWN =
  '[hidden], template, form.editor, .hidden, .d-none, input[type*="hidden" i], [style*="none" i], [style*="hidden" i]';

/** The rule itself: true when markup hides `element` itself (ancestors not considered). */
export function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const tag = element.tagName;
  if (tag === 'TEMPLATE') return true;
  if (tag === 'INPUT' && element.getAttribute('type')?.toLowerCase() === 'hidden') return true;
  const classes = element.getAttribute('class');
  if (classes !== null) {
    if (HIDDEN_CLASS.test(classes)) return true;
    if (tag === 'FORM' && EDITOR_CLASS.test(classes)) return true;
  }
  const style = element.getAttribute('style');
  return style !== null && INVISIBLE_STYLE.test(style);
}

/**
 * hiddenByMarkup, cheaply: this runs per ancestor per value on 500-row lists, and every DOM call from
 * a content script costs, so the exact checks run only on elements the selector could not rule out.
 */
export function isHiddenOwn(element: Element): boolean {
  return element.matches(MAYBE_HIDDEN_OWN) && hiddenByMarkup(element);
}

/**
 * True when `element` and its ancestors (up to a shadow root) are not hidden by markup. With
 * `within`, an ancestor the caller already found visible, the walk stops there: values are read
 * inside a ticket that was checked once, not re-checked up to <html> for every field of 500 rows.
 */
export function isVisible(element: Element, within?: Element): boolean {
  for (let node: Element | null = element; node && node !== within; node = node.parentElement)
    if (isHiddenOwn(node)) return false;
  return true;
}
