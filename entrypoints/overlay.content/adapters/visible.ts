/**
 * Whether a value on the page is one the agent can see. Decided from markup only (no layout), so it
 * is cheap on 500-row lists and works in happy-dom: helpdesks hide duplicate values with attributes
 * and inline styles (RT puts an edit form with the same value next to every field).
 */

/** Containers whose content is never what the agent sees. */
const HIDDEN_CONTAINER = [
  '[hidden]',
  'template',
  'form.editor', // RT inline edit forms (list cells and ticket page)
  '.hidden', // RT and Bootstrap 3 utility class
  '.d-none', // Bootstrap 4/5 utility class
  'input[type="hidden"]',
].join(',');

const INVISIBLE_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

/** True when markup hides `element` itself (ancestors not considered). */
export function isHiddenOwn(element: Element): boolean {
  if (element.matches(HIDDEN_CONTAINER)) return true;
  const style = element.getAttribute('style');
  return style !== null && INVISIBLE_STYLE.test(style);
}

/** True when `element` and its ancestors (up to a shadow root) are not hidden by markup. */
export function isVisible(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) if (isHiddenOwn(node)) return false;
  return true;
}
