import { cleanText } from './field-values';
import { isHiddenOwn, isVisible, MAYBE_HIDDEN_OWN } from './visible';

/**
 * Reads one value from the page: the first visible element matching `selector` inside `scope` (the
 * scope itself counts), as text or as an attribute. Never parses anything as HTML.
 */

/** Bootstrap tooltips move `title` into these attributes once initialised. */
const TITLE_FALLBACKS = ['title', 'data-original-title', 'data-bs-original-title'];

export function elementValue(element: Element, attribute?: string): string {
  if (attribute) {
    const names = attribute === 'title' ? TITLE_FALLBACKS : [attribute];
    for (const name of names) {
      const value = cleanText(element.getAttribute(name));
      if (value) return value;
    }
    return '';
  }
  // Form controls (ServiceNow forms, Zammad sidebar). A select's saved value is the option the page
  // rendered as selected; an unsaved change in the form is not yet the ticket's value.
  const tag = element.tagName;
  if (tag === 'SELECT') {
    const saved = element.querySelector('option[selected]') ?? (element as HTMLSelectElement).selectedOptions[0];
    return cleanText(saved?.textContent);
  }
  if (tag === 'INPUT' || tag === 'TEXTAREA') return cleanText((element as HTMLInputElement).value);
  return visibleText(element);
}

/**
 * Text of `element` without hidden descendants (RT nests its edit form inside the value cell).
 * Subtrees without anything hidden are read with the native `textContent`: a 500-row list has
 * thousands of cells, and every DOM call from a content script costs (more so on nodes it has
 * not touched before), so a cell is checked with one query rather than walked child by child.
 */
export function visibleText(element: Element): string {
  if (!mayHide(element)) return cleanText(element.textContent);
  let text = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue;
      else if (child.nodeType !== 1) continue;
      else if (SKIPPED_TAGS.has((child as Element).tagName) || isHiddenOwn(child as Element)) continue;
      else if (mayHide(child as Element)) walk(child);
      else text += child.textContent;
    }
  };
  walk(element);
  return cleanText(text);
}

/**
 * Whether anything below `element` may be hidden. Without child elements nothing can be: no query
 * needed (`childElementCount` is a number; `firstElementChild` would make a wrapper for the child).
 */
const mayHide = (element: Element): boolean =>
  element.childElementCount !== 0 && element.querySelector(MAYBE_HIDDEN) !== null;

/** A superset of what isHiddenOwn hides or visibleText skips (style values are checked exactly there). */
const MAYBE_HIDDEN = `${MAYBE_HIDDEN_OWN}, script, style, select, textarea, noscript`;

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'SELECT', 'TEXTAREA', 'NOSCRIPT']);

/**
 * A selector list is a list of fallbacks: "A, B" reads A when it has a visible value, else B (unlike
 * querySelector, which takes whichever comes first in the document).
 */
export function fallbacks(selector: string): string[] {
  let parts = split.get(selector);
  if (!parts) {
    parts = splitList(selector);
    split.set(selector, parts);
  }
  return parts;
}

/** Selectors come from a handful of recipes: split each once. */
const split = new Map<string, string[]>();

function splitList(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts.filter(Boolean);
}

function* candidates(scope: Element, selector: string): Generator<Element> {
  for (const part of fallbacks(selector)) {
    if (scope.matches(part)) yield scope;
    yield* scope.querySelectorAll(part);
  }
}

/**
 * The first visible value inside `scope` (which the caller has found visible). Throws the browser's
 * SyntaxError for an invalid selector (callers validate first).
 */
export function readValue(scope: Element, selector: string, attribute?: string): string | undefined {
  for (const element of candidates(scope, selector)) {
    if (!isVisible(element, scope)) continue;
    const value = elementValue(element, attribute);
    if (value) return value;
  }
  return undefined;
}

/** The first visible match inside the visible `scope` (fallback order; the scope itself counts), for anchors. */
export function findVisible(scope: Element, selector: string): Element | undefined {
  for (const element of candidates(scope, selector)) if (isVisible(element, scope)) return element;
  return undefined;
}

const checked = new Map<string, string | undefined>();

/** The SyntaxError message for an invalid selector, undefined when valid. Cached: selectors repeat. */
export function selectorError(selector: string, document: Document): string | undefined {
  if (!checked.has(selector)) {
    try {
      document.createDocumentFragment().querySelector(selector);
      checked.set(selector, undefined);
    } catch (error) {
      checked.set(selector, error instanceof Error ? error.message : String(error));
    }
  }
  return checked.get(selector);
}
