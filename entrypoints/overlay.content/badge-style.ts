/**
 * The badge's look, inside its shadow root. The host itself is the button; its shadow root holds
 * the text, a countdown's label in a span that gives way to the time when space runs out. Every declaration on `:host` is !important: a shadow tree's important rules win
 * over the page's, important or not, so `all: initial` resets whatever page CSS reaches the host
 * (`* { … !important }` included) and the box is always the same fixed, size- and layout-contained
 * one: a changing countdown never moves or relays out the page. Colour follows the host's
 * data-sla-state, so a state change touches one attribute. Every state also differs in text.
 * `white-space: pre`, not `nowrap`: the time (" · 3h left") is a flex item of its own, and nowrap
 * would drop the space it starts with.
 */
export const BADGE_CSS = `
:host {
  all: initial !important; display: inline-flex !important; box-sizing: border-box !important;
  width: 184px !important; height: 18px !important; margin: 0 0 0 6px !important; vertical-align: middle !important;
  contain: strict !important; padding: 0 7px !important; border: 1px solid !important; border-radius: 9px !important;
  font: 600 11px/16px system-ui, sans-serif !important; white-space: pre !important; overflow: hidden !important;
  cursor: pointer !important;
}
span { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
:host(:focus-visible) { outline: 2px solid #1a73e8 !important; outline-offset: -2px !important; }
:host([data-sla-state="on-track"]) { background: #e6f4ea !important; color: #0d652d !important; border-color: #34a853 !important; }
:host([data-sla-state="at-risk"]) { background: #fef7e0 !important; color: #6b4500 !important; border-color: #f9ab00 !important; }
:host([data-sla-state="breached"]) { background: #c5221f !important; color: #fff !important; border-color: #a50e0e !important; }
:host([data-sla-state="waiting"]) { background: #e8f0fe !important; color: #174ea6 !important; border-color: #8ab4f8 !important; }
:host([data-sla-state="met"]) { background: #fff !important; color: #0d652d !important; border-color: #34a853 !important; }
:host([data-sla-state="missed"]) { background: #fce8e6 !important; color: #a50e0e !important; border-color: #d93025 !important; }
:host([data-sla-state="no-target"]) { background: #f1f3f4 !important; color: #3c4043 !important; border-color: #bdc1c6 !important; }
:host([data-sla-state="unmapped"]) { background: #f3e8fd !important; color: #681da8 !important; border-color: #a142f4 !important; border-style: dashed !important; }
:host([data-sla-state="unreadable"]) { background: #fff !important; color: #5f6368 !important; border-color: #9aa0a6 !important; border-style: dashed !important; }
`;

/** The shared popover (popover.ts), in its own shadow root. */
export const POPOVER_CSS = `
.pop {
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: max-content; max-width: 380px;
  padding: 8px 10px; background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); font: 12px/1.45 system-ui, sans-serif; white-space: normal; text-align: left;
}
.pop[hidden] { display: none; }
.pop strong { display: block; margin-bottom: 2px; }
.pop h3 { margin: 6px 0 1px; font: 600 11px/1.4 system-ui, sans-serif; color: #5f6368; text-transform: uppercase; }
.pop ul { margin: 0; padding-left: 16px; }
.pop .warning { color: #a50e0e; }
.pop .map { all: unset; margin-top: 6px; padding: 2px 8px; border-radius: 4px; background: #681da8; color: #fff; cursor: pointer; }
.pop .map:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
`;
