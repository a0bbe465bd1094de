import { BADGE_CSS } from './badge-style';

/**
 * What every badge of a document shares, built once per document (frames have their own): the
 * host prototype, the stylesheet and the observer of which badges are near the screen. Creating a
 * badge then costs a clone and a few calls, not the feature checks and lookups done here.
 */
export interface BadgeKit {
  /**
   * A bare host with the fixed attributes, cloned for each badge. The host is the button itself
   * (role, focus, ARIA state); its shadow root holds only the text (a span and a text node): few
   * elements per badge is what keeps a 500-row list cheap.
   */
  prototype: HTMLElement;
  /** Styles a badge's shadow root (an adopted stylesheet, no <style> element per badge). */
  style(shadow: ShadowRoot): void;
  /**
   * Which badges are near the screen (within a viewport's height above or below it), where the
   * page has IntersectionObserver. A countdown elsewhere keeps its state and deadline attributes
   * current every tick but writes its new text only when it comes near: in the minute when every
   * countdown on a 500-row list changes, the browser restyles and repaints a screenful of badges.
   */
  near: IntersectionObserver | null;
}

const BADGE_TAG = 'sla-lens-badge';

const kits = new WeakMap<Document, BadgeKit>();

/** The document's kit; `seen` hears which badge hosts came near the screen or left it. */
export function badgeKit(doc: Document, seen: (target: Element, near: boolean) => void): BadgeKit {
  let kit = kits.get(doc);
  if (!kit) {
    kit = { prototype: hostPrototype(doc), style: styler(doc), near: nearScreen(doc, seen) };
    kits.set(doc, kit);
  }
  return kit;
}

function hostPrototype(doc: Document): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('data-sla-badge', '');
  host.setAttribute('role', 'button');
  host.setAttribute('tabindex', '0');
  host.setAttribute('aria-haspopup', 'dialog');
  host.setAttribute('aria-expanded', 'false');
  return host;
}

/**
 * Adopts the document's one constructed stylesheet (every supported browser has them: Chrome 73,
 * Firefox 101); where a page's window has none, badges stay unstyled rather than fail.
 */
function styler(doc: Document): (shadow: ShadowRoot) => void {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (typeof Sheet !== 'function') return () => {};
  const sheet = new Sheet();
  sheet.replaceSync(BADGE_CSS);
  // One array for every badge: the setter copies it into the shadow root's own list.
  const sheets = [sheet];
  return (shadow) => {
    shadow.adoptedStyleSheets = sheets;
  };
}

function nearScreen(doc: Document, seen: (target: Element, near: boolean) => void): IntersectionObserver | null {
  const Observer = doc.defaultView?.IntersectionObserver;
  if (typeof Observer !== 'function') return null;
  const observer: IntersectionObserver = new Observer(
    (entries) => {
      for (const entry of entries) {
        try {
          // A badge removed with its row is let go.
          if (!entry.target.isConnected) observer.unobserve(entry.target);
          seen(entry.target, entry.isIntersecting);
        } catch {
          // Never throw into the page.
        }
      }
    },
    { rootMargin: '100% 0px' },
  );
  return observer;
}
