import type { BadgeModel, MapCustomerPrefill } from './badge-model';
import { type BadgeView, badgeState } from './badge-state';
import { BADGE_CSS, HOST_STYLE } from './badge-style';
import { hidePopover, inPopover, popoverHovered, retitlePopover, showPopover } from './popover';

/**
 * The injected badge: a custom-named host element (page CSS written for ordinary tags misses it)
 * with a shadow root holding one button; the explanation opens in the page's shared popover.
 * Page text only ever reaches the DOM through textContent.
 */

export interface BadgeActions {
  /** "Map customer" on an unmapped badge: background opens the options page prefilled. */
  mapCustomer(prefill: MapCustomerPrefill): void;
}

export interface Badge {
  readonly host: HTMLElement;
  readonly model: BadgeModel;
  /** The last rendered view. */
  readonly view: BadgeView;
  /** A new model for the same host (recycled row, changed fields or settings). */
  setModel(model: BadgeModel, now: number): void;
  /** Re-render for `now`, touching the DOM only where text or state changed. */
  render(now: number): BadgeView;
}

export const BADGE_TAG = 'sla-lens-badge';

const sheets = new WeakMap<Document, CSSStyleSheet>();
/** One constructed stylesheet per document, adopted by every badge (cheap for 500 badges). */
function adoptStyle(doc: Document, shadow: ShadowRoot): void {
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

const prototypes = new WeakMap<Document, { host: HTMLElement; button: HTMLButtonElement }>();
/**
 * A bare host and button cloned from one prototype per document: the inline style and attributes
 * are parsed once, not for each of 500 badges.
 */
function prototypeFor(doc: Document): { host: HTMLElement; button: HTMLButtonElement } {
  let prototype = prototypes.get(doc);
  if (!prototype) {
    const host = doc.createElement(BADGE_TAG);
    host.setAttribute('style', HOST_STYLE);
    host.setAttribute('data-sla-badge', '');
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    // One text node whose data changes: cheaper per tick than replacing the button's children.
    button.append(doc.createTextNode(''));
    prototype = { host, button };
    prototypes.set(doc, prototype);
  }
  return prototype;
}

export function createBadge(doc: Document, initial: BadgeModel, now: number, actions: BadgeActions): Badge {
  const prototype = prototypeFor(doc);
  const host = prototype.host.cloneNode(false) as HTMLElement;
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyle(doc, shadow);
  const button = prototype.button.cloneNode(true) as HTMLButtonElement;
  const label = button.firstChild as Text;
  shadow.append(button);

  let model = initial;
  // Set by the first render below, before anything can open the popover.
  let view: BadgeView | undefined;
  let open = false;
  let pinned = false;

  const close = () => {
    open = false;
    pinned = false;
    hidePopover(doc, host);
    button.setAttribute('aria-expanded', 'false');
  };
  // Hover-opened popovers close when the mouse has left both the badge and the popover.
  const left = () => {
    if (open && !pinned && doc.activeElement !== host && !popoverHovered(doc)) close();
  };
  const show = () => {
    showPopover(doc, host, model, (view as BadgeView).text, actions, { close, left });
    open = true;
    button.setAttribute('aria-expanded', 'true');
  };

  // Every handler is guarded and stops at the badge: the page's own row handlers never see our clicks.
  const guard = (fn: (event: Event) => void) => (event: Event) => {
    try {
      fn(event);
    } catch {
      // Never throw into the page.
    }
  };
  button.addEventListener('mouseenter', guard(() => !open && show()));
  button.addEventListener('mouseleave', guard(() => setTimeout(guard(left), 150)));
  button.addEventListener('focus', guard(() => !open && show()));
  button.addEventListener(
    'blur',
    guard((event) => {
      if (!inPopover(doc, (event as FocusEvent).relatedTarget)) close();
    }),
  );
  button.addEventListener(
    'click',
    guard((event) => {
      event.stopPropagation();
      event.preventDefault();
      if (pinned) close();
      else {
        show();
        pinned = true;
      }
    }),
  );
  button.addEventListener(
    'keydown',
    guard((event) => {
      if ((event as KeyboardEvent).key === 'Escape' && open) {
        event.stopPropagation();
        close();
      }
    }),
  );
  host.addEventListener('mousedown', (event) => event.stopPropagation());

  let renderedAt = Number.NEGATIVE_INFINITY;
  let stale = true;
  const render = (at: number): BadgeView => {
    // Most seconds change nothing: skip until the instant the last view said it would change.
    if (view && !stale && at >= renderedAt && at < view.until) return view;
    stale = false;
    renderedAt = at;
    const next = badgeState(model.input, at);
    if (next.text !== view?.text) {
      label.data = next.text;
      if (open) retitlePopover(doc, host, next.text);
    }
    if (next.state !== view?.state) host.setAttribute('data-sla-state', next.state);
    if (next.deadline !== view?.deadline) {
      if (next.deadline) host.setAttribute('data-sla-deadline', next.deadline);
      else host.removeAttribute('data-sla-deadline');
    }
    view = next;
    return view;
  };

  const setModel = (next: BadgeModel, at: number) => {
    model = next;
    stale = true;
    host.setAttribute('data-sla-ticket', next.key);
    render(at);
    if (open) show();
  };
  setModel(initial, now);

  return {
    host,
    get model() {
      return model;
    },
    get view() {
      return view as BadgeView;
    },
    setModel,
    render,
  };
}
