import type { BadgeActions, BadgeModel } from './badge-model';
import { type BadgeView, badgeState } from './badge-state';
import { type BadgeWords, ENGLISH_WORDS } from './badge-words';
import { badgeKit } from './badge-dom';
import { hidePopover, inPopover, popoverHovered, retitlePopover, showPopover } from './popover';

/**
 * The injected badge: a custom-named host element (page CSS written for ordinary tags misses it)
 * that is itself the button (role, focus, keyboard), with a shadow root holding its text and adopting
 * its stylesheet; the explanation opens in the page's shared popover. Page text only ever reaches the
 * DOM as text.
 */

export type { BadgeActions } from './badge-model';

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

/** Which badge a host belongs to: one set of listeners per document serves every badge. */
const owners = new WeakMap<Element, BadgeElement>();
const seenNear = (host: Element, near: boolean) => owners.get(host)?.seen(near);

// A badge's host is the button. Events from inside its shadow root reach the document retargeted
// to the host, so an over/out whose other side is the host itself is the mouse moving within the
// badge, not leaving it. Clicks and the keys a badge handles stop at the badge.
const HANDLERS: Array<[string, (badge: BadgeElement, event: Event) => void]> = [
  ['mouseover', (badge) => badge.hovered()],
  [
    'mouseout',
    (badge, event) => {
      if ((event as MouseEvent).relatedTarget !== badge.host) setTimeout(() => badge.leftSafely(), 150);
    },
  ],
  ['focusin', (badge) => badge.hovered()],
  ['focusout', (badge, event) => badge.blurred(event as FocusEvent)],
  ['click', (badge, event) => badge.clicked(event)],
  ['keydown', (badge, event) => badge.keyDown(event as KeyboardEvent)],
  ['mousedown', (_badge, event) => event.stopPropagation()],
];

const listening = new WeakSet<Document>();
/**
 * The badges' event listeners, once per document, in the capture phase at the document (events
 * from a badge arrive with the host as target): seven listeners, not seven per badge. Clicks stop
 * there, so the page's own row handlers never see them. Never throws into the page.
 */
function listenOnce(doc: Document): void {
  if (listening.has(doc)) return;
  listening.add(doc);
  for (const [type, handle] of HANDLERS) {
    doc.addEventListener(
      type,
      (event) => {
        try {
          const badge = owners.get(event.target as Element);
          if (badge) handle(badge, event);
        } catch {
          // Never throw into the page.
        }
      },
      true,
    );
  }
}

/**
 * One badge. A class, not closures: 500 badges share their methods and listener functions, which
 * keeps creating a list's badges cheap.
 */
class BadgeElement implements Badge {
  readonly host: HTMLElement;
  /** The text before the view's `time` (or all of any other text): it gives way when space runs out. */
  private readonly head: HTMLElement;
  private headText = '';
  /** The view's `time` (" · 3h 59m left", "Mon 09:00 JST"), always shown whole. */
  private readonly tail: Text;
  /** The text in the shadow root (undefined before the first write). */
  private written: string | undefined;
  model: BadgeModel;
  // Set by the first render (in the constructor), before anything can open the popover.
  private current: BadgeView | undefined;
  private open = false;
  private pinned = false;
  private renderedAt = Number.NEGATIVE_INFINITY;
  private stale = true;
  /** Near the screen (until the page's IntersectionObserver says otherwise). */
  private near = true;
  /** The text shown is older than the view (a countdown that changed while off screen). */
  private textBehind = false;
  /** What the popover calls back; made when the popover first opens (most badges never open it). */
  private owner?: { close(): void; left(): void };

  constructor(
    private readonly doc: Document,
    initial: BadgeModel,
    now: number,
    private readonly actions: BadgeActions,
    /** The overlay's language, for badgeState and the popover (one object shared by all badges). */
    private readonly words: BadgeWords,
  ) {
    const kit = badgeKit(doc, seenNear);
    this.host = kit.prototype.cloneNode(false) as HTMLElement;
    const shadow = this.host.attachShadow({ mode: 'open' });
    kit.style(shadow);
    this.head = doc.createElement('span');
    this.tail = doc.createTextNode('');
    shadow.append(this.head, this.tail);
    owners.set(this.host, this);
    listenOnce(doc);
    kit.near?.observe(this.host);
    this.model = initial;
    this.setModel(initial, now);
  }

  /** The IntersectionObserver's news: write a countdown that changed while the badge was off screen. */
  seen(near: boolean): void {
    this.near = near;
    if (near && this.textBehind) this.write(this.view);
  }

  /** The last view, with its text (composed now if the badge was off screen when it was rendered). */
  get view(): BadgeView {
    let view = this.current as BadgeView;
    if (!view.text) {
      view = badgeState(this.model.input, this.renderedAt, true, this.words);
      this.current = view;
    }
    return view;
  }

  setModel(next: BadgeModel, at: number): void {
    this.model = next;
    this.stale = true;
    this.host.setAttribute('data-sla-ticket', next.key);
    this.render(at);
    if (this.open) this.show();
  }

  render(at: number): BadgeView {
    const view = this.current;
    // Most seconds change nothing: skip until the instant the last view said it would change.
    if (view && !this.stale && at >= this.renderedAt && at < view.until) return view;
    // A new model (new ticket, changed fields) is written at once; a ticking countdown only near the screen.
    const shown = this.stale || this.near || this.open;
    this.stale = false;
    this.renderedAt = at;
    // Off screen, a ticking countdown's new text is neither composed nor written until it comes near.
    const next = badgeState(this.model.input, at, shown, this.words);
    if (!shown) this.textBehind = true;
    else if (next.text !== this.written) {
      this.write(next);
      if (this.open) retitlePopover(this.doc, this.host, next.text);
    }
    if (next.state !== view?.state) this.host.setAttribute('data-sla-state', next.state);
    if (next.deadline !== view?.deadline) {
      if (next.deadline) this.host.setAttribute('data-sla-deadline', next.deadline);
      else this.host.removeAttribute('data-sla-deadline');
    }
    this.current = next;
    return next;
  }

  /**
   * The shadow root's text. A countdown is split before its time, a waiting badge before its start:
   * a long label is cut short ("P1 · Business-cr… · 3h 59m left", "≈ Waiting · sta… Mon 09:00 UTC+8"),
   * never the time the agent looks for. Each minute only the time changes, so only the tail is written.
   */
  private write({ text, time = '' }: BadgeView): void {
    const head = text.slice(0, text.length - time.length);
    if (head !== this.headText) {
      this.head.textContent = head;
      this.headText = head;
    }
    if (time !== this.tail.data) this.tail.data = time;
    this.written = text;
    this.textBehind = false;
  }

  hovered(): void {
    if (!this.open) this.show();
  }

  leftSafely(): void {
    try {
      this.left();
    } catch {
      // Never throw into the page.
    }
  }

  blurred(event: FocusEvent): void {
    if (!inPopover(this.doc, event.relatedTarget)) this.close();
  }

  clicked(event: Event): void {
    event.stopPropagation();
    event.preventDefault();
    if (this.pinned) this.close();
    else {
      this.show();
      this.pinned = true;
    }
  }

  keyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close();
    } else if (event.key === 'Enter' || event.key === ' ') {
      // What a <button> does on its own: Enter and Space activate it (and Space does not scroll).
      this.clicked(event);
    }
  }

  private show(): void {
    this.owner ??= { close: () => this.close(), left: () => this.left() };
    showPopover(this.doc, this.host, this.model, this.view.text, this.actions, this.owner, this.words.popover);
    this.open = true;
    this.host.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.open = false;
    this.pinned = false;
    hidePopover(this.doc, this.host);
    this.host.setAttribute('aria-expanded', 'false');
  }

  // Hover-opened popovers close when the mouse has left both the badge and the popover.
  private left(): void {
    if (this.open && !this.pinned && this.doc.activeElement !== this.host && !popoverHovered(this.doc)) this.close();
  }
}

export function createBadge(
  doc: Document,
  initial: BadgeModel,
  now: number,
  actions: BadgeActions,
  words: BadgeWords = ENGLISH_WORDS,
): Badge {
  return new BadgeElement(doc, initial, now, actions, words);
}
