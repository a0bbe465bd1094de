import { clockFor } from './zone-clock.ts';

/**
 * A short zone name such as "JST" or "PST" for badge text. CLDR only has an abbreviation for a zone
 * in some locales (Tokyo's "JST" only in ja-JP), so a few locales are tried; zones CLDR has none for
 * (Seoul, Shanghai, Taipei) come from a small table; anything else falls back to "GMT+9".
 */
const LOCALES = ['en-US', 'en-GB', 'ja-JP', 'en-IN', 'en-AU', 'en-SG', 'zh-TW'];
const NO_CLDR_ABBREVIATION: Record<string, string> = {
  'Asia/Seoul': 'KST',
  'Asia/Shanghai': 'CST',
  'Asia/Chongqing': 'CST',
  'Asia/Taipei': 'CST',
  'Asia/Hong_Kong': 'HKT',
};
/** Names by zone and UTC offset: building Intl formatters is slow, and a zone has only a few offsets. */
const cache = new Map<string, string>();

function nameIn(locale: string, zone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** The abbreviation in effect at `at` (PST vs PDT). */
export function zoneAbbreviation(zone: string, at: Date): string {
  const key = `${zone}|${clockFor(zone).offset(at.getTime())}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let name: string | undefined;
  // Locales in order, stopping at the first abbreviation: each one tried builds an Intl formatter.
  for (const locale of LOCALES) {
    const candidate = nameIn(locale, zone, at);
    if (/^[A-Z]{2,5}$/.test(candidate)) {
      name = candidate;
      break;
    }
  }
  name ??= NO_CLDR_ABBREVIATION[zone] ?? nameIn('en-US', zone, at);
  cache.set(key, name);
  return name;
}
