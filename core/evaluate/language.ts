import type { Language, LanguageRule, Policy } from '../policy/schema';
import type { BusinessCalendar } from '../time/types';
import { formatInZone } from './format';
import type { RequestType } from './types';

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ja: 'Japanese',
  ko: 'Korean',
  zh: 'Mandarin',
};

/** How a request in a language other than English is handled under a policy and level. */
export type LanguageDecision =
  | { kind: 'english' }
  | { kind: 'not-included'; language: Language; source: string }
  | { kind: 'english-accepted'; language: Language; rule: LanguageRule }
  | {
      kind: 'routed';
      language: Language;
      rule: LanguageRule;
      /** Every request outside the team's hours starts at the next opening, 24/7 targets included. */
      deferAll: boolean;
      /** Language-specific targets (e.g. Gold P1 in Japanese) apply. */
      useOverrides: boolean;
      billing: boolean;
    };

/** One shared answer for the usual case (most requests are in English, or say nothing). */
const ENGLISH: LanguageDecision = Object.freeze({ kind: 'english' });

export function decideLanguage(
  policy: Policy,
  levelId: string,
  language: Language | undefined,
  type: RequestType,
  englishAccepted: boolean,
): LanguageDecision {
  if (!language || language === 'en') return ENGLISH;
  const rule = policy.languages[language];
  const billing = type === 'billing' ? rule?.billing : undefined;
  const entitled = rule && (rule.levels.includes(levelId) || billing?.allLevels === true);
  if (!rule || !entitled) {
    return { kind: 'not-included', language, source: rule?.source ?? policy.languageSource ?? '' };
  }
  if (englishAccepted) return { kind: 'english-accepted', language, rule };
  if (billing && !billing.technicalLevels.includes(levelId)) {
    return { kind: 'routed', language, rule, deferAll: billing.deferAll, useOverrides: false, billing: true };
  }
  return { kind: 'routed', language, rule, deferAll: rule.deferAll, useOverrides: true, billing: Boolean(billing) };
}

/**
 * Where a routed request goes and when its team's hours begin for it, told from the request's own
 * times (`submitted`, the clock's `start`), never from the moment the note is read: a ticket received
 * in the team's hours two weeks ago is not "open now" because someone reads it on a Sunday.
 */
export function routingText(language: Extract<LanguageDecision, { kind: 'routed' }>, team: BusinessCalendar, submitted: number, start: number): string {
  const zone = team.spec.timeZone;
  const route = `Route to the ${language.rule.team} — ${team.spec.name}`;
  const received = formatInZone(submitted, zone);
  if (team.isOpen(submitted)) return `${route}; received during those hours (${received}): the clock starts at receipt.`;
  const opening = formatInZone(team.nextOpening(submitted), zone);
  // A 24/7 target outside a team that takes every request (deferAll) runs from receipt all the same.
  return start > submitted
    ? `${route}; received outside those hours (${received}): the clock starts at their next opening, ${opening}.`
    : `${route}; received outside those hours (${received}): the 24/7 clock runs from receipt; the team's hours begin ${opening}.`;
}
