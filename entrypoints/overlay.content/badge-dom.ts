import { BADGE_CSS } from './badge-style';

/**
 * What every badge of a document shares: the host prototype, the stylesheet and the observer of
 * which badges are near the screen. Built once per document (frames have their own).
 */

const BADGE_TAG = 'sla-lens-badge';

const sheets = new WeakMap<Document, CSSStyleSheet>();
/** One constructed stylesheet per document, adopted by every badge (cheap for 500 badges). */
export function adoptStyle(doc: Document, shadow: ShadowRoot): void {
  const win = doc.defaultView;
  if (win && 'adoptedStyleSheets' in shadow && typeof win.CSSStyleSheet === 'function') {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(BADGE_CSS);
      sheets.set(doc, sheet);
    }
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style);
}

const watchers = new WeakMap<Document, IntersectionObserver | null>();
/**
 * Which badges are near the screen (within a viewport's height above or below it). A countdown
 * elsewhere keeps its state and deadline attributes current every tick but writes its new text only
 * when it comes near: in the minute when every countdown on a 500-row list changes, the browser
 * restyles and repaints a screenful of badges, not 500.
 */
export function nearScreen(
  doc: Document,
  seen: (target: Element, near: boolean) => void,
): IntersectionObserver | null {
  let observer = watchers.get(doc);
  if (observer === undefined) {
    const Observer = doc.defaultView?.IntersectionObserver;
    observer =
      typeof Observer === 'function'
        ? new Observer(
            (entries) => {
              for (const entry of entries) {
                try {
                  // A badge removed with its row is let go.
                  if (!entry.target.isConnected) observer?.unobserve(entry.target);
                  seen(entry.target, entry.isIntersecting);
                } catch {
                  // Never throw into the page.
                }
              }
            },
            { rootMargin: '100% 0px' },
          )
        : null;
    watchers.set(doc, observer);
  }
  return observer;
}

const prototypes = new WeakMap<Document, HTMLElement>();
/**
 * A bare host cloned from one prototype per document: the attributes are set once, not for each of
 * 500 badges. The host is the button itself (role, focus, ARIA state); its
 * shadow root holds only the text: one element per badge is what keeps a 500-row list cheap.
 */
export function prototypeFor(doc: Document): HTMLElement {
  let host = prototypes.get(doc);
  if (!host) {
    host = doc.createElement(BADGE_TAG);
    host.setAttribute('data-sla-badge', '');
    host.setAttribute('role', 'button');
    host.setAttribute('tabindex', '0');
    host.setAttribute('aria-haspopup', 'dialog');
    host.setAttribute('aria-expanded', 'false');
    prototypes.set(doc, host);
  }
  return host;
}
