import type { Messages } from './types';

const scopeMatches = (matches: Array<{ label: string; keyword: string; source: string }>) =>
  matches.map((m) => `${m.label} („${m.keyword}“, ${m.source})`).join('; ');

const VERDICTS = { 'in-scope': 'im Leistungsumfang', 'out-of-scope': 'außerhalb des Leistungsumfangs', unclear: 'unklar' } as const;

export const de: Messages = {
  regions: { americas: 'Amerika', emea: 'Europa, Naher Osten und Afrika' },
  steps: {
    policy: (s) => `Vertrag: ${s.policy} — ${s.document}.`,
    'no-response-times': (s) => `Es wird keine Reaktionszeit zugesagt (${s.source}).`,
    level: (s) => `Supportstufe: ${s.level} (${s.source}).`,
    'feature-request': (s) => `Feature Request: keine angestrebte Erstreaktionszeit (${s.source}).`,
    'level-no-target': (s) => `${s.level}: keine angestrebte Erstreaktionszeit (${s.source}).`,
    'language-not-included': (s, f) =>
      `Sprache: ${f.language(s.language)} ist für ${s.level} nicht enthalten, daher gelten die englischen Bedingungen.`,
    'language-english-accepted': (s, f) => `Sprache: ${f.language(s.language)}, aber der Kunde hat Englisch zugestimmt.`,
    'language-routed': (s, f) =>
      `Sprache: ${s.billing ? 'Abrechnungsanfrage' : 'Anfrage'} auf ${f.language(s.language)}, bearbeitet vom Team „${s.team}“ (${s.source}).`,
    rule: (s, f) =>
      `Regel: ${s.priority} → Erstreaktion innerhalb von ${f.minutes(s.minutes)} ${s.clock === '24/7' ? 'rund um die Uhr (24/7)' : 'Geschäftszeit'} (${s.source}${s.language ? `, Anfragen auf ${f.language(s.language)}` : ''}).`,
    'clock-24/7': (s, f) => `Uhr: 24/7 ab Eingang am ${f.when(s.submitted, s.zone)}.`,
    'clock-24/7-deferred': (s, f) =>
      `Uhr: 24/7, aber Anfragen auf ${f.language(s.language)} werden nur während ${s.calendar} angenommen: eingegangen ${f.when(s.submitted, s.zone)}, die Uhr startet ${f.when(s.start, s.zone)}.`,
    calendar: (s, f, names) =>
      `Kalender: ${s.name} in ${s.zone} (${s.source})${
        s.holidays
          ? `, ${s.holidays} ${s.holidays === 1 ? 'Feiertag' : 'Feiertage'}${s.region ? ` (Region ${names.regionNames?.[s.region] ?? de.regions[s.region] ?? s.region})` : ''} geschlossen${s.skipped.length ? `; übersprungen: ${f.days(s.skipped, names.holidayNames)}` : ''}`
          : ''
      }.`,
    'submitted-open': (s, f) => `Eingegangen ${f.when(s.submitted, s.zone)} während der Geschäftszeiten: Die Uhr startet sofort.`,
    'submitted-closed': (s, f) =>
      `Eingegangen ${f.when(s.submitted, s.zone)} außerhalb der Geschäftszeiten: Die Uhr startet mit der nächsten Öffnung, ${f.when(s.start, s.zone)}.`,
    openings: (s, f) =>
      `Genutzte Geschäftszeiten: ${s.spans.map(([from, to]) => `${f.span(from, to, s.zone)} (${f.minutes((Date.parse(to) - Date.parse(from)) / 60_000)})`).join('; ')}${
        s.more > 0 ? `; und ${s.more} ${s.more === 1 ? 'weitere Öffnung' : 'weitere Öffnungen'}` : ''
      }.`,
    deadline: (s, f) => `Frist: ${f.when(s.deadline, s.zone)}${s.utc ? ` (${f.when(s.deadline, 'UTC')})` : ''}.`,
    scope: (s) => `Leistungsumfang: ${VERDICTS[s.verdict]} nach den Schlüsselwortregeln der Vertragsdaten.`,
  },
  notes: {
    'p1-not-available-for-role': (n) => `Die Rolle ${n.level} kann keine ${n.priority}-Anfragen stellen; es gilt die Frist für P2 (${n.source}).`,
    'no-target-for-priority': (n) => `${n.level} legt für ${n.priority} keine Frist fest.`,
    'language-not-included': (n, f) =>
      `Support auf ${f.language(n.language)} ist für ${n.level} nicht enthalten${n.source ? ` (${n.source})` : ''}: Es gelten die englischen Bedingungen.`,
    'english-accepted': (n) =>
      `Der Kunde hat Englisch zugestimmt: Es gelten die englischen Bedingungen, keine Weiterleitung an das Team „${n.team}“ (${n.source}).`,
    'deferred-start': (n, f) => `Außerhalb von ${n.calendar} eingegangen; die Uhr startet am ${f.when(n.start, n.zone)}.`,
    'out-of-scope': (n) => `Außerhalb des Leistungsumfangs: ${scopeMatches(n.matches)}. ${n.offer} (${n.offerSource})`,
    'in-scope': (n) => `Im Leistungsumfang: ${scopeMatches(n.matches)}.`,
    'scope-unclear': (n) =>
      n.reason === 'no-text'
        ? 'Kein Anfragetext zum Einordnen: Leistungsumfang bitte von Hand prüfen.'
        : 'Kein Schlüsselwort zum Leistungsumfang gefunden: bitte die Umfangstabelle von Hand prüfen.',
  },
  routing: {
    route: (team, calendar) => `Weiterleiten an das Team „${team}“ — ${calendar}`,
    open: (route, received) => `${route}; innerhalb dieser Zeiten eingegangen (${received}): Die Uhr startet bei Eingang.`,
    deferred: (route, received, opening) =>
      `${route}; außerhalb dieser Zeiten eingegangen (${received}): Die Uhr startet mit der nächsten Öffnung des Teams, ${opening}.`,
    running: (route, received, opening) =>
      `${route}; außerhalb dieser Zeiten eingegangen (${received}): Die 24/7-Uhr läuft ab Eingang; die Zeiten des Teams beginnen ${opening}.`,
    english: (minutes, clock, due) => ` Wenn der Kunde Englisch akzeptiert: ${minutes} ${clock === '24/7' ? '24/7' : 'Geschäftszeit'}, fällig ${due}.`,
  },
  policyNote: (text, source) => `${text} (${source})`,
  texts: {
    'Feature requests are noted for a future release; there is no response obligation.':
      'Feature Requests werden für ein künftiges Release vorgemerkt; es besteht keine Reaktionspflicht.',
    'The Basic role includes no technical support requests (only the roles Development, Production and Business-critical have response targets).':
      'Die Rolle Basic (Einfach) umfasst keine technischen Supportanfragen (nur die Rollen Development, Production und Business-critical haben angestrebte Reaktionszeiten).',
    "centron's Cloud GPU scope of support promises no response times; SLA Lens checks the request's scope only.":
      'Der Leistungsumfang von centron Cloud GPU sagt keine Reaktionszeiten zu; SLA Lens prüft nur, ob die Anfrage zum Leistungsumfang gehört.',
    "Out of regular support: offer centron's paid administrative services — a staff member reviews feasibility (complexity, availability of qualified staff) and sends a quote.":
      'Nicht im regulären Support: die kostenpflichtigen administrativen Dienste von centron anbieten — ein Mitarbeiter prüft die Machbarkeit (Komplexität, Verfügbarkeit qualifizierter Mitarbeiter) und sendet ein Angebot.',
  },
};
