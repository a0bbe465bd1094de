/**
 * The badge's look, inside its shadow root so page CSS cannot reach it. Colour follows the host's
 * data-sla-state, so a state change touches one attribute. Every state also differs in text.
 */
export const BADGE_CSS = `
button {
  all: unset; box-sizing: border-box; display: block; width: 100%; height: 100%; padding: 0 7px;
  border: 1px solid; border-radius: 9px; font: 600 11px/16px system-ui, sans-serif;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: pointer;
}
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: -2px; }
:host([data-sla-state="on-track"]) button { background: #e6f4ea; color: #0d652d; border-color: #34a853; }
:host([data-sla-state="at-risk"]) button { background: #fef7e0; color: #6b4500; border-color: #f9ab00; }
:host([data-sla-state="breached"]) button { background: #c5221f; color: #fff; border-color: #a50e0e; }
:host([data-sla-state="waiting"]) button { background: #e8f0fe; color: #174ea6; border-color: #8ab4f8; }
:host([data-sla-state="met"]) button { background: #fff; color: #0d652d; border-color: #34a853; }
:host([data-sla-state="missed"]) button { background: #fce8e6; color: #a50e0e; border-color: #d93025; }
:host([data-sla-state="no-target"]) button { background: #f1f3f4; color: #3c4043; border-color: #bdc1c6; }
:host([data-sla-state="unmapped"]) button { background: #f3e8fd; color: #681da8; border-color: #a142f4; border-style: dashed; }
:host([data-sla-state="unreadable"]) button { background: #fff; color: #5f6368; border-color: #9aa0a6; border-style: dashed; }
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

/**
 * Inline host style (beats page rules without !important): a fixed, size- and layout-contained box,
 * so a changing countdown never moves or relays out the page (the browser relays out the badge only).
 */
export const HOST_STYLE =
  'all: initial; display: inline-block; box-sizing: border-box; width: 184px; height: 18px; margin: 0 0 0 6px; vertical-align: middle; contain: strict;';
