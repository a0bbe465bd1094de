import { clockFor } from './zone-clock.ts';

/**
 * A short zone name such as "JST" or "PST" for badge text. CLDR only has an abbreviation for a zone
 * in some locales (Tokyo's "JST" only in ja-JP), so a few locales are tried; zones CLDR has none for
 * (Seoul, Hong Kong) come from a small table; anything else is its UTC offset ("UTC+8", "UTC+5:30").
 */
const LOCALES = ['en-US', 'en-GB', 'ja-JP', 'en-IN', 'en-AU', 'en-SG', 'zh-TW'];
const NO_CLDR_ABBREVIATION: Record<string, string> = {
  'Asia/Seoul': 'KST',
  'Asia/Hong_Kong': 'HKT',
};
/**
 * Abbreviations that several zones share, kept only at the offset most readers take them for:
 * "CST" is US Central (UTC−6) to an American agent, never China or Taiwan (UTC+8, whose CLDR
 * abbreviation it also is), so those get their offset.
 */
const ONLY_AT_OFFSET: Record<string, number> = { CST: -360, CDT: -300 };
/** Names by zone and UTC offset: building Intl formatters is slow, and a zone has only a few offsets. */
const cache = new Map<string, string>();

function nameIn(locale: string, zone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** "UTC", "UTC+8", "UTC-3", "UTC+5:30" for an offset in minutes. */
function offsetName(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** The abbreviation in effect at `at` (PST vs PDT). */
export function zoneAbbreviation(zone: string, at: Date): string {
  const offset = clockFor(zone).offset(at.getTime());
  const key = `${zone}|${offset}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let name: string | undefined;
  // Locales in order, stopping at the first abbreviation: each one tried builds an Intl formatter.
  for (const locale of LOCALES) {
    const candidate = nameIn(locale, zone, at);
    if (/^[A-Z]{2,5}$/.test(candidate)) {
      const only = ONLY_AT_OFFSET[candidate];
      if (only === undefined || only === offset) name = candidate;
      break;
    }
  }
  name ??= NO_CLDR_ABBREVIATION[zone] ?? offsetName(offset);
  cache.set(key, name);
  return name;
}
