/**
 * Roots a `querySelectorAll` on the page does not enter: open shadow roots and same-origin iframes
 * (ServiceNow's Next Experience nests the classic UI in `iframe#gsft_main` inside shadow roots).
 * Closed shadow roots and cross-origin frames are unreachable and skipped.
 */

type Root = Document | ShadowRoot | Element;

/** Bounds the walk on pathological pages (frames inside shadow roots inside frames …). */
const MAX_DEPTH = 6;

export function reachableRoots(root: Root, depth = 0): Root[] {
  const roots: Root[] = [root];
  if (depth >= MAX_DEPTH) return roots;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) roots.push(...reachableRoots(element.shadowRoot, depth + 1));
    if (element.tagName === 'IFRAME' || element.tagName === 'FRAME') {
      let inner: Document | null = null;
      try {
        inner = (element as HTMLIFrameElement).contentDocument; // null or throws when cross-origin
      } catch {
        inner = null;
      }
      if (inner?.documentElement) roots.push(...reachableRoots(inner, depth + 1));
    }
  }
  return roots;
}
