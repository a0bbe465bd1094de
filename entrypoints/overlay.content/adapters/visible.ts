/**
 * Whether a value on the page is one the agent can see. Decided from markup only (no layout), so it
 * is cheap on 500-row lists and works in happy-dom: helpdesks hide duplicate values with attributes
 * and inline styles (RT puts an edit form with the same value next to every field). Hidden by:
 * `[hidden]`, `<template>`, `<input type=hidden>`, RT's `form.editor`, the `.hidden` / `.d-none`
 * utility classes, and inline `display: none` / `visibility: hidden`.
 */

const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none)(?:\s|$)/;
const EDITOR_CLASS = /(?:^|\s)editor(?:\s|$)/;
const INVISIBLE_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

/** True when markup hides `element` itself (ancestors not considered). Plain checks, no selector matching: this runs per ancestor per value. */
export function isHiddenOwn(element: Element): boolean {
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
 * True when `element` and its ancestors (up to a shadow root) are not hidden by markup. With
 * `within`, an ancestor the caller already found visible, the walk stops there: values are read
 * inside a ticket that was checked once, not re-checked up to <html> for every field of 500 rows.
 */
export function isVisible(element: Element, within?: Element): boolean {
  for (let node: Element | null = element; node && node !== within; node = node.parentElement)
    if (isHiddenOwn(node)) return false;
  return true;
}
