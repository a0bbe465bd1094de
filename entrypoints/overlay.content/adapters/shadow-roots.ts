/**
 * The document's open shadow roots, which a `querySelectorAll` on the page does not enter
 * (ServiceNow's Next Experience builds its shell from them). Closed shadow roots are unreachable
 * and skipped. Frames are not entered: the overlay runs in every frame, and each frame's own
 * instance reads its own document (badges, styles and listeners then belong to that document).
 */

type Root = Document | ShadowRoot | Element;

/** `root` and every open shadow root inside it, in document order (shadow roots cannot nest in a cycle). */
export function openShadowRoots(root: Root): Root[] {
  const roots: Root[] = [root];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) roots.push(...openShadowRoots(element.shadowRoot));
  }
  return roots;
}
