import type { Messages } from './types';

const scopeMatches = (matches: Array<{ label: string; keyword: string; source: string }>) =>
  matches.map((m) => `${m.label} ("${m.keyword}", ${m.source})`).join('; ');

/** English: the core's historical wording (the CLI prints it by default). */
export const en: Messages = {
  regions: { americas: 'Americas', emea: 'Europe, Middle East and Africa' },
  steps: {
    policy: (s) => `Policy: ${s.policy} — ${s.document}.`,
    'no-response-times': (s) => `No response time is promised (${s.source}).`,
    level: (s) => `Level: ${s.level} (${s.source}).`,
    'feature-request': (s) => `Feature request: no first-response target (${s.source}).`,
    'level-no-target': (s) => `${s.level}: no first-response target (${s.source}).`,
    'language-not-included': (s, f) => `Language: ${f.language(s.language)} is not included for ${s.level}, so English terms apply.`,
    'language-english-accepted': (s, f) => `Language: ${f.language(s.language)}, but the customer agreed to English.`,
    'language-routed': (s, f) =>
      `Language: ${f.language(s.language)}${s.billing ? ' billing' : ''} request, handled by the ${s.team} (${s.source}).`,
    rule: (s, f) =>
      `Rule: ${s.priority} → first response within ${f.minutes(s.minutes)} ${s.clock === '24/7' ? 'around the clock (24/7)' : 'of business hours'} (${s.source}${s.language ? `, ${f.language(s.language)} requests` : ''}).`,
    'clock-24/7': (s, f) => `Clock: 24/7 from submission at ${f.when(s.submitted, s.zone)}.`,
    'clock-24/7-deferred': (s, f) =>
      `Clock: 24/7, but ${f.language(s.language)} requests are taken only in ${s.calendar}: submitted ${f.when(s.submitted, s.zone)}, clock starts ${f.when(s.start, s.zone)}.`,
    calendar: (s, f, names) =>
      `Calendar: ${s.name} in ${s.zone} (${s.source})${
        s.holidays
          ? `, ${s.holidays} holiday${s.holidays === 1 ? '' : 's'}${s.region ? ` (region ${names.regionNames?.[s.region] ?? en.regions[s.region] ?? s.region})` : ''} closed${s.skipped.length ? `; skipped: ${f.days(s.skipped, names.holidayNames)}` : ''}`
          : ''
      }.`,
    'submitted-open': (s, f) => `Submitted ${f.when(s.submitted, s.zone)} during business hours: the clock starts at once.`,
    'submitted-closed': (s, f) =>
      `Submitted ${f.when(s.submitted, s.zone)} outside business hours: the clock starts at the next opening, ${f.when(s.start, s.zone)}.`,
    openings: (s, f) =>
      `Business hours used: ${s.spans.map(([from, to]) => `${f.span(from, to, s.zone)} (${f.minutes((Date.parse(to) - Date.parse(from)) / 60_000)})`).join('; ')}${
        s.more > 0 ? `; and ${s.more} more opening${s.more === 1 ? '' : 's'}` : ''
      }.`,
    deadline: (s, f) => `Deadline: ${f.when(s.deadline, s.zone)}${s.utc ? ` (${f.when(s.deadline, 'UTC')})` : ''}.`,
    scope: (s) => `Scope: ${s.verdict} by the keyword rules in the policy data.`,
  },
  notes: {
    'p1-not-available-for-role': (n) => `The ${n.level} role cannot send ${n.priority} requests; the P2 target applies (${n.source}).`,
    'no-target-for-priority': (n) => `${n.level} defines no target for ${n.priority}.`,
    'language-not-included': (n, f) =>
      `Support in ${f.language(n.language)} is not included for ${n.level}${n.source ? ` (${n.source})` : ''}: English terms apply.`,
    'english-accepted': (n) => `The customer agreed to English: English terms apply, no routing to the ${n.team} (${n.source}).`,
    'deferred-start': (n, f) => `Received outside ${n.calendar}; the clock starts at ${f.when(n.start, n.zone)}.`,
    'out-of-scope': (n) => `Out of scope: ${scopeMatches(n.matches)}. ${n.offer} (${n.offerSource})`,
    'in-scope': (n) => `In scope: ${scopeMatches(n.matches)}.`,
    'scope-unclear': (n) =>
      n.reason === 'no-text' ? 'No request text to classify: check the scope by hand.' : 'No scope keyword matched: check the scope table by hand.',
  },
  routing: {
    route: (team, calendar) => `Route to the ${team} — ${calendar}`,
    open: (route, received) => `${route}; received during those hours (${received}): the clock starts at receipt.`,
    deferred: (route, received, opening) => `${route}; received outside those hours (${received}): the clock starts at their next opening, ${opening}.`,
    running: (route, received, opening) =>
      `${route}; received outside those hours (${received}): the 24/7 clock runs from receipt; the team's hours begin ${opening}.`,
    english: (minutes, clock, due) => ` If the customer accepts English: ${minutes} ${clock === '24/7' ? '24/7' : 'business hours'}, due ${due}.`,
  },
  policyNote: (text, source) => `${text} (${source})`,
  texts: {},
};
