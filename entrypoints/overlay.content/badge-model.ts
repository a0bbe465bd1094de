import type { BadgeInput } from './badge-state';

/** One block of the badge's popover, e.g. "Routing" with its lines. */
export interface BadgeSection {
  title: string;
  lines: string[];
  /** Shown as a warning (designated-contact problems, out-of-scope). */
  warning?: boolean;
}

/** What the options page is prefilled with when an agent maps an unknown customer. */
export interface MapCustomerPrefill {
  name?: string;
  domain?: string;
}

/** What a badge's popover can ask of the page's overlay. */
export interface BadgeActions {
  /** "Map customer" on an unmapped badge: background opens the options page prefilled. */
  mapCustomer(prefill: MapCustomerPrefill): void;
}

/** Everything a badge shows for one ticket; built by the pipeline, rendered by badge.ts. */
export interface BadgeModel {
  /** The ticket id (rows are keyed by it, never by node). */
  key: string;
  input: BadgeInput;
  sections: BadgeSection[];
  mapCustomer?: MapCustomerPrefill;
}
