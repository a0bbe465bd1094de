import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Field } from '@/components/Field';
import { uiLocale } from '@/components/format';
import { countryChoices, stateChoices } from './holiday-places';

/**
 * A country and, where date-holidays knows them, one of its states or regions (Bayern adds
 * Epiphany and Corpus Christi to Germany's days), named and sorted in the UI's language.
 */
export function CountryHolidays({ onTake }: { onTake: (country: string, state: string | undefined) => void }) {
  const locale = uiLocale();
  const [country, setCountry] = useState('');
  const [state, setState] = useState('');
  // ~200 options: built once per language, so typing elsewhere in the form does not re-render them.
  const countryOptions = useMemo(
    () =>
      countryChoices(locale).map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      )),
    [locale],
  );
  const states = useMemo(() => stateChoices(country, locale), [country, locale]);
  return (
    <>
      <Field label={i18n.t('options.calendars.country')}>
        {(c) => (
          <select
            {...c}
            value={country}
            onChange={(e) => {
              setCountry(e.target.value);
              setState('');
            }}
          >
            <option value="">—</option>
            {countryOptions}
          </select>
        )}
      </Field>
      {states.length > 0 && (
        <Field label={i18n.t('options.calendars.state')}>
          {(c) => (
            <select {...c} value={state} onChange={(e) => setState(e.target.value)}>
              <option value="">{i18n.t('options.calendars.wholeCountry')}</option>
              {states.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <button type="button" disabled={!country} onClick={() => onTake(country, state || undefined)}>
        {i18n.t('options.calendars.takeCountry')}
      </button>
    </>
  );
}
