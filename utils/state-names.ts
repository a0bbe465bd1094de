import { i18n } from '#i18n';
import type { BadgeState } from '@/entrypoints/overlay.content/badge-state';

/** Each badge state's name in the browser's language (message keys cannot contain "-"). */
const NAMES: Record<BadgeState, () => string> = {
  'on-track': () => i18n.t('state.onTrack'),
  'at-risk': () => i18n.t('state.atRisk'),
  breached: () => i18n.t('state.breached'),
  waiting: () => i18n.t('state.waiting'),
  met: () => i18n.t('state.met'),
  missed: () => i18n.t('state.missed'),
  'no-target': () => i18n.t('state.noTarget'),
  unmapped: () => i18n.t('state.unmapped'),
  unreadable: () => i18n.t('state.unreadable'),
};

/** The state's name; text that is no badge state (a count's key from an older report) as it is. */
export const stateName = (state: string): string => (state in NAMES ? NAMES[state as BadgeState]() : state);
