/**
 * A ticket asked for from outside the page (an alert clicked, the popup's next-to-breach list):
 * its badge scrolled into view, focused (which opens its explanation) and outlined for two seconds.
 * Reads and writes our own badge hosts only; never throws into the page.
 */

const HIGHLIGHT_MS = 2000;

function badgeOf(doc: Document, key: string): HTMLElement | null {
  try {
    return doc.querySelector(`[data-sla-badge][data-sla-ticket="${CSS.escape(key)}"]`);
  } catch {
    return null;
  }
}

/** Whether this frame shows the ticket's badge (then it is revealed). */
export function revealTicket(doc: Document, key: string): boolean {
  const badge = badgeOf(doc, key);
  if (!badge) return false;
  try {
    badge.scrollIntoView({ block: 'center' });
    badge.focus({ preventScroll: true });
    badge.setAttribute('data-sla-highlight', '');
    badge.animate?.(
      [
        { outline: '3px solid #1a73e8', outlineOffset: '2px' },
        { outline: '3px solid #1a73e8', outlineOffset: '2px', offset: 0.7 },
        { outline: '3px solid transparent', outlineOffset: '2px' },
      ],
      { duration: HIGHLIGHT_MS },
    );
    setTimeout(() => badge.removeAttribute('data-sla-highlight'), HIGHLIGHT_MS);
  } catch {
    // Revealing is best effort.
  }
  return true;
}

/** Marks the badges of alerted tickets (`data-sla-alerted="at-risk breached"`), so one can tell an alert was sent. */
export function markAlerted(doc: Document, alerts: ReadonlyArray<{ key: string; state: string }>): void {
  for (const { key, state } of alerts) {
    const badge = badgeOf(doc, key);
    if (!badge) continue;
    const states = new Set((badge.getAttribute('data-sla-alerted') ?? '').split(' ').filter(Boolean));
    states.add(state);
    badge.setAttribute('data-sla-alerted', [...states].sort().join(' '));
  }
}
