import Holidays from 'date-holidays';

/**
 * The countries and states date-holidays has public holidays for, named in the UI's language and
 * sorted as that language sorts (Intl.Collator): "Österreich" among the Os in German.
 */

export interface Place {
  code: string;
  name: string;
}

const holidays = new Holidays();
const byLocale = new Map<string, Place[]>();

const sorted = (places: Place[], locale: string) => {
  const collator = new Intl.Collator(locale);
  return places.sort((a, b) => collator.compare(a.name, b.name));
};

/** Countries: Intl's name for the code in the UI's language, date-holidays' own where Intl has none. */
export function countryChoices(locale: string): Place[] {
  let list = byLocale.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    const own = holidays.getCountries(locale.slice(0, 2));
    list = sorted(
      Object.entries(own).map(([code, name]) => ({ code, name: names.of(code) ?? name })),
      locale,
    );
    byLocale.set(locale, list);
  }
  return list;
}

/** A country's states or regions (Bayern, 東京都 …), as date-holidays names them; none for most countries. */
export function stateChoices(country: string, locale: string): Place[] {
  if (!country) return [];
  const states = holidays.getStates(country, locale.slice(0, 2)) ?? {};
  return sorted(
    Object.entries(states).map(([code, name]) => ({ code, name })),
    locale,
  );
}
