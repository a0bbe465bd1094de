import { formatInZone, formatMinutes, formatSpan } from '../evaluate/format';
import type { Language } from '../policy/schema';
import { clockFor } from '../time/zone-clock';
import { zoneAbbreviation } from '../time/zone-abbreviation';

/** The languages explanations are written in (the extension's UI languages). */
export const READER_LANGUAGES = ['en', 'de', 'ja'] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

/** "de-AT" → "de", "ja" → "ja"; anything else English. */
export function readerLanguage(locale: string | undefined): ReaderLanguage {
  const base = locale?.slice(0, 2).toLowerCase();
  return base === 'de' || base === 'ja' ? base : 'en';
}

/** How values are written in one language: instants in a zone, durations, language names, holidays. */
export interface Formatter {
  /** An ISO instant as wall time in `zone`, with the zone's abbreviation. */
  when(iso: string, zone: string): string;
  /** An opening from `from` to `to` (ISO) in `zone`. */
  span(from: string, to: string, zone: string): string;
  /** A duration in minutes, compact ("2h 14m", "2 Std. 14 Min.", "2時間14分"). */
  minutes(minutes: number): string;
  /** A request language's name. */
  language(language: Language): string;
  /** Holidays (yyyy-mm-dd) with their weekday and, where known, name. */
  days(days: readonly string[], names: Readonly<Record<string, string>> | undefined): string;
}

const MINUTE = 60_000;

const WEEKDAYS: Record<ReaderLanguage, readonly string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  de: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  ja: ['日', '月', '火', '水', '木', '金', '土'],
};

const LANGUAGE_NAMES: Record<ReaderLanguage, Record<Language, string>> = {
  en: { en: 'English', ja: 'Japanese', ko: 'Korean', zh: 'Mandarin' },
  de: { en: 'Englisch', ja: 'Japanisch', ko: 'Koreanisch', zh: 'Mandarin' },
  ja: { en: '英語', ja: '日本語', ko: '韓国語', zh: '中国語（標準中国語）' },
};

/** Date and time of `ms` on the wall clock of `zone`: "2019-07-01", "12:00", weekday 0–6. */
function wall(ms: number, zone: string): { date: string; time: string; weekday: number } {
  const local = new Date(ms + clockFor(zone).offset(ms) * MINUTE);
  const text = local.toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 16), weekday: local.getUTCDay() };
}

/** "Mo 2019-07-01" (de), "2019-07-01(月)" (ja). */
function day(lang: 'de' | 'ja', date: string, weekday: number): string {
  const name = WEEKDAYS[lang][weekday];
  return lang === 'ja' ? `${date}(${name})` : `${name} ${date}`;
}

function whenIn(lang: 'de' | 'ja', ms: number, zone: string): string {
  const at = wall(ms, zone);
  return `${day(lang, at.date, at.weekday)} ${at.time} ${zoneAbbreviation(zone, new Date(ms))}`;
}

function durationIn(lang: 'de' | 'ja', total: number): string {
  const minutes = Math.round(total);
  const parts: Array<[number, string]> = [
    [Math.floor(minutes / 1440), lang === 'de' ? ' T.' : '日'],
    [Math.floor((minutes % 1440) / 60), lang === 'de' ? ' Std.' : '時間'],
    [minutes % 60, lang === 'de' ? ' Min.' : '分'],
  ];
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`);
  return shown.length ? shown.join(lang === 'de' ? ' ' : '') : lang === 'de' ? '0 Min.' : '0分';
}

const formatters: Record<ReaderLanguage, Formatter> = {
  // English keeps the core's historical forms (the CLI's output, the docs' examples).
  en: {
    when: (iso, zone) => formatInZone(Date.parse(iso), zone),
    span: (from, to, zone) => formatSpan(Date.parse(from), Date.parse(to), zone),
    minutes: formatMinutes,
    language: (language) => LANGUAGE_NAMES.en[language],
    days: (days, names) =>
      days.map((date) => `${WEEKDAYS.en[weekdayOf(date)]} ${date}${names?.[date] ? ` (${names[date]})` : ''}`).join(', '),
  },
  de: localFormatter('de'),
  ja: localFormatter('ja'),
};

function localFormatter(lang: 'de' | 'ja'): Formatter {
  return {
    when: (iso, zone) => whenIn(lang, Date.parse(iso), zone),
    span: (from, to, zone) => {
      const start = wall(Date.parse(from), zone);
      const end = wall(Date.parse(to), zone);
      if (start.date !== end.date) return `${whenIn(lang, Date.parse(from), zone)} – ${whenIn(lang, Date.parse(to), zone)}`;
      return `${day(lang, start.date, start.weekday)} ${start.time}–${end.time} ${zoneAbbreviation(zone, new Date(Date.parse(to)))}`;
    },
    minutes: (minutes) => durationIn(lang, minutes),
    language: (language) => LANGUAGE_NAMES[lang][language],
    days: (days, names) =>
      days
        .map((date) => {
          const name = names?.[date];
          const text = day(lang, date, weekdayOf(date));
          return name ? (lang === 'ja' ? `${text}（${name}）` : `${text} (${name})`) : text;
        })
        .join(lang === 'ja' ? '、' : ', '),
  };
}

/** The weekday (0 = Sunday) of a calendar day yyyy-mm-dd. */
function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function formatterFor(lang: ReaderLanguage): Formatter {
  return formatters[lang];
}
