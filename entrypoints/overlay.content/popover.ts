import type { BadgeActions, BadgeModel } from './badge-model';
import { POPOVER_CSS } from './badge-style';
import type { PopoverWords } from './badge-words';

/**
 * One popover per page, shared by all badges: its own host on <html> (outside table cells that clip,
 * and outside the badges, which are size-contained so a changing countdown never relays the page
 * out). Built only when an agent opens it; text only, never HTML.
 */

export const POPOVER_TAG = 'sla-lens-popover';

/** What the badge showing the popover wants to hear. */
export interface PopoverOwner {
  /** Close now (Escape, focus left, scroll, another badge opened it). */
  close(): void;
  /** The mouse left the popover: close unless the badge is pinned or focused. */
  left(): void;
}

interface Shared {
  host: HTMLElement;
  box: HTMLElement;
  owner?: Element;
  callbacks?: PopoverOwner;
  hovered: boolean;
}
const shared = new WeakMap<Document, Shared>();

function create(doc: Document): Shared {
  const host = doc.createElement(POPOVER_TAG);
  host.setAttribute('data-sla-popover', '');
  host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = POPOVER_CSS;
  const box = doc.createElement('div');
  box.className = 'pop';
  box.setAttribute('role', 'dialog');
  // Focusable, so clicking inside keeps focus (and the popover) with the badge that opened it.
  box.tabIndex = -1;
  box.hidden = true;
  shadow.append(style, box);
  const state: Shared = { host, box, hovered: false };
  shadow.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') {
      event.stopPropagation();
      state.callbacks?.close();
    }
  });
  // The mouse may travel from the badge into the popover (to click "Map customer").
  box.addEventListener('mouseenter', () => {
    state.hovered = true;
  });
  box.addEventListener('mouseleave', () => {
    state.hovered = false;
    state.callbacks?.left();
  });
  // Follows its badge when anything scrolls (once per frame).
  let queued = false;
  doc.addEventListener(
    'scroll',
    () => {
      if (box.hidden || queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        if (state.owner && !box.hidden) place(doc, box, state.owner);
      });
    },
    { capture: true, passive: true },
  );
  // Focus leaving for the page (not back to the badge that opened it) closes the popover.
  shadow.addEventListener('focusout', (event) => {
    const to = (event as FocusEvent).relatedTarget;
    if (!(to instanceof Node && (to === state.owner || to === host || host.contains(to)))) state.callbacks?.close();
  });
  // Clicks inside stay inside: the page's own handlers never see them.
  for (const type of ['click', 'mousedown']) host.addEventListener(type, (event) => event.stopPropagation());
  return state;
}

function fill(doc: Document, box: HTMLElement, model: BadgeModel, title: string, actions: BadgeActions, words: PopoverWords) {
  box.replaceChildren();
  const heading = doc.createElement('strong');
  heading.textContent = title;
  box.append(heading);
  for (const section of model.sections) {
    if (section.lines.length === 0) continue;
    const name = doc.createElement('h3');
    name.textContent = section.title;
    const list = doc.createElement('ul');
    if (section.warning) list.className = 'warning';
    for (const line of section.lines) {
      const item = doc.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    box.append(name, list);
  }
  const prefill = model.mapCustomer;
  if (model.input.kind === 'unmapped' && prefill) {
    const map = doc.createElement('button');
    map.className = 'map';
    map.type = 'button';
    map.textContent = words.mapCustomer;
    map.addEventListener('click', () => {
      try {
        actions.mapCustomer(prefill);
      } catch {
        // The options page could not be opened; nothing else to do.
      }
    });
    box.append(map);
  }
}

/** Opens the popover under (or above, near the bottom) `owner`, replacing whatever it showed. */
export function showPopover(
  doc: Document,
  owner: Element,
  model: BadgeModel,
  title: string,
  actions: BadgeActions,
  callbacks: PopoverOwner,
  words: PopoverWords,
): void {
  let state = shared.get(doc);
  if (!state) {
    state = create(doc);
    shared.set(doc, state);
  }
  if (!state.host.isConnected) doc.documentElement.append(state.host);
  if (state.owner && state.owner !== owner) state.callbacks?.close();
  state.owner = owner;
  state.callbacks = callbacks;
  const { box } = state;
  fill(doc, box, model, title, actions, words);
  box.hidden = false;
  place(doc, box, owner);
}

/** Below the badge, or above it near the bottom of the window (fixed: table cells may clip). */
function place(doc: Document, box: HTMLElement, owner: Element): void {
  const rect = owner.getBoundingClientRect();
  const viewport = doc.defaultView?.innerHeight ?? 0;
  box.style.left = `${Math.max(4, rect.left)}px`;
  if (viewport > 0 && rect.bottom + 200 > viewport && rect.top > 200) {
    box.style.top = '';
    box.style.bottom = `${viewport - rect.top + 4}px`;
  } else {
    box.style.bottom = '';
    box.style.top = `${rect.bottom + 4}px`;
  }
}

/** Hides the popover if `owner` is the badge showing it. */
export function hidePopover(doc: Document, owner: Element): void {
  const state = shared.get(doc);
  if (!state || state.owner !== owner) return;
  state.box.hidden = true;
  state.owner = undefined;
  state.callbacks = undefined;
  state.hovered = false;
}

/** Whether the mouse is over the popover. */
export function popoverHovered(doc: Document): boolean {
  return shared.get(doc)?.hovered ?? false;
}

/** The new countdown text, if `owner` is showing the popover. */
export function retitlePopover(doc: Document, owner: Element, title: string): void {
  const state = shared.get(doc);
  if (state?.owner === owner && state.box.firstChild) state.box.firstChild.textContent = title;
}

/** Whether focus moving to `node` stays within the popover (focus events retarget to its host). */
export function inPopover(doc: Document, node: EventTarget | null): boolean {
  const host = shared.get(doc)?.host;
  return !!host && node instanceof Node && (node === host || host.contains(node));
}

/** The popover's box, for tests and the E2E checks. */
export function popoverBox(doc: Document): HTMLElement | undefined {
  return shared.get(doc)?.box;
}
