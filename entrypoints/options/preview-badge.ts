import { i18n } from '#i18n';
import { buildContractIndex, lookupContract, type MatchedBy } from '@/core/contracts/lookup';
import type { TicketFields } from '@/core/contracts/ticket';
import type { Settings } from '@/core/settings/schema';
import type { BadgeModel } from '../overlay.content/badge-model';
import { type BadgeView, badgeState } from '../overlay.content/badge-state';
import { type BadgeWords, badgeWords, type MessageLookup } from '../overlay.content/badge-words';
import { createPipeline } from '../overlay.content/pipeline';

/**
 * The badge an agent would see for a ticket, for the contract preview: the overlay's own pipeline
 * (lookup, routing, evaluation, popover sections) and badgeState, in the UI's language. Only these
 * pure modules are imported, none of the content script's DOM code.
 */

export interface PreviewBadge {
  model: BadgeModel;
  view: BadgeView;
  /** The overlay's words in the options page's language (its messages are the badge's and popover's). */
  words: BadgeWords;
  /** The customer the ticket's fields match when that is not the one previewed (the requester's address is another's). */
  matched?: { name: string; by: MatchedBy };
}

interface Built {
  /** The language the words were built in (the UI's; tests switch it). */
  locale: string;
  words: BadgeWords;
  pipeline: ReturnType<typeof createPipeline>;
  index: ReturnType<typeof buildContractIndex>;
}

/** One pipeline per settings object: the pipeline memoises per ticket, and settings are replaced, never changed. */
const pipelines = new WeakMap<Settings, Built>();

export function previewBadge(settings: Settings, fields: TicketFields & { customer: string }, customerId: string, now: number): PreviewBadge {
  const locale = i18n.t('badge.locale');
  let built = pipelines.get(settings);
  if (built?.locale !== locale) {
    // i18n.t as the overlay passes it: badgeWords asks for its keys by name.
    const words = badgeWords(i18n.t as MessageLookup);
    built = { locale, words, pipeline: createPipeline(settings, undefined, words), index: buildContractIndex(settings) };
    pipelines.set(settings, built);
  }
  // The pipeline reads a scanned ticket's fields only; its row and anchor are a detached element.
  const row = document.createElement('span');
  const model = built.pipeline({ key: fields.id, fields, missing: [], element: row, anchor: row });
  const view = badgeState(model.input, now, true, built.words);
  const match = lookupContract(built.index, fields);
  const matched = match && match.customer.id !== customerId ? { name: match.customer.name, by: match.matchedBy } : undefined;
  return { model, view, words: built.words, matched };
}
