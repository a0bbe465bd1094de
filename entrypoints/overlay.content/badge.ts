import type { BadgeModel, MapCustomerPrefill } from './badge-model';
import { type BadgeView, badgeState } from './badge-state';
import { BADGE_CSS, HOST_STYLE } from './badge-style';

/**
 * The injected badge: a custom-named host element (page CSS written for ordinary tags misses it)
 * with a shadow root holding a button and a lazily built popover. Page text only ever reaches the
 * DOM through textContent.
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

function buildPopover(doc: Document, model: BadgeModel, view: BadgeView, actions: BadgeActions, pop: HTMLElement) {
  pop.replaceChildren();
  const title = doc.createElement('strong');
  title.textContent = view.text;
  pop.append(title);
  for (const section of model.sections) {
    if (section.lines.length === 0) continue;
    const heading = doc.createElement('h3');
    heading.textContent = section.title;
    const list = doc.createElement('ul');
    if (section.warning) list.className = 'warning';
    for (const line of section.lines) {
      const item = doc.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    pop.append(heading, list);
  }
  const prefill = model.mapCustomer;
  if (model.input.kind === 'unmapped' && prefill) {
    const map = doc.createElement('button');
    map.className = 'map';
    map.type = 'button';
    map.textContent = 'Map customer';
    map.addEventListener('click', (event) => {
      event.stopPropagation();
      try {
        actions.mapCustomer(prefill);
      } catch {
        // The options page could not be opened; the badge stays as it is.
      }
    });
    pop.append(map);
  }
}

export function createBadge(doc: Document, initial: BadgeModel, now: number, actions: BadgeActions): Badge {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('data-sla-badge', '');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyle(doc, shadow);
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  shadow.append(button);

  let model = initial;
  // Set by the first render below, before anything can open the popover.
  let view: BadgeView | undefined;
  let pop: HTMLElement | undefined;
  let pinned = false;

  const isOpen = () => pop !== undefined && !pop.hidden;
  const open = () => {
    if (!pop) {
      pop = doc.createElement('div');
      pop.className = 'pop';
      pop.setAttribute('role', 'dialog');
      // Focusable, so clicking inside the popover keeps focus (and the popover) within the badge.
      pop.tabIndex = -1;
      shadow.append(pop);
    }
    buildPopover(doc, model, view as BadgeView, actions, pop);
    pop.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    // Fixed positioning escapes table cells with overflow:hidden; placed below, or above near the bottom.
    const rect = host.getBoundingClientRect();
    const viewport = doc.defaultView?.innerHeight ?? 0;
    pop.style.left = `${Math.max(4, rect.left)}px`;
    if (viewport > 0 && rect.bottom + 200 > viewport && rect.top > 200) {
      pop.style.top = '';
      pop.style.bottom = `${viewport - rect.top + 4}px`;
    } else {
      pop.style.bottom = '';
      pop.style.top = `${rect.bottom + 4}px`;
    }
  };
  const close = () => {
    pinned = false;
    if (pop) pop.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };

  // Every handler is guarded and stops at the badge: the page's own row handlers never see our clicks.
  const guard = (fn: (event: Event) => void) => (event: Event) => {
    try {
      fn(event);
    } catch {
      // Never throw into the page.
    }
  };
  button.addEventListener('mouseenter', guard(() => !isOpen() && open()));
  button.addEventListener('mouseleave', guard(() => !pinned && doc.activeElement !== host && close()));
  button.addEventListener('focus', guard(() => !isOpen() && open()));
  shadow.addEventListener(
    'focusout',
    guard((event) => {
      const to = (event as FocusEvent).relatedTarget;
      if (!(to instanceof Node && shadow.contains(to))) close();
    }),
  );
  button.addEventListener(
    'click',
    guard((event) => {
      event.stopPropagation();
      event.preventDefault();
      if (pinned) close();
      else {
        open();
        pinned = true;
      }
    }),
  );
  shadow.addEventListener(
    'keydown',
    guard((event) => {
      if ((event as KeyboardEvent).key === 'Escape' && isOpen()) {
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
      button.textContent = next.text;
      if (isOpen() && pop?.firstChild) pop.firstChild.textContent = next.text;
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
    if (isOpen() && pop && view) buildPopover(doc, model, view, actions, pop);
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
