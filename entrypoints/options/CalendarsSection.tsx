import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { formProblems } from '@/components/problems';
import { Field } from '@/components/Field';
import { uiLocale } from '@/components/format';
import { policyChoices } from '@/components/policy-choices';
import { holidaysFromCountry, holidaysFromIcs } from '@/core/settings/holidays';
import type { HolidayCalendar } from '@/core/settings/schema';
import { useStore } from './store';

/** date-holidays' countries, named in the reader's language where it has the names. */
let countryList: Array<[string, string]> | undefined;
const countries = () => {
  countryList ??= Object.entries(new Holidays().getCountries(uiLocale().slice(0, 2))).sort((a, b) => a[1].localeCompare(b[1], uiLocale()));
  return countryList;
};

const formatDate = (date: string) =>
  DateTime.fromISO(date).setLocale(uiLocale()).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** The documents' own lists (2019), shown read-only: they are part of the contracts. */
function BuiltinLists() {
  const { settings } = useStore();
  const lists = policyChoices(settings.customPolicies).flatMap((policy) =>
    Object.entries(policy.calendars).flatMap(([calendarId, calendar]) =>
      Object.entries(calendar.holidays).map(([region, dates]) => ({ key: `${policy.id}/${calendarId}/${region}`, policy, calendar, region, dates })),
    ),
  );
  return (
    <section aria-labelledby="cal-builtin">
      <h2 id="cal-builtin">{i18n.t('options.calendars.builtin')}</h2>
      {lists.map((l) => (
        <details key={l.key}>
          <summary>
            {l.policy.name} · {l.calendar.name} · {l.region} ({i18n.t('options.calendars.days', l.dates.length)})
          </summary>
          <ul className="dates">
            {l.dates.map((d) => (
              <li key={d}>
                <time dateTime={d}>{formatDate(d)}</time>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

/** The team's lists: per region, closing one policy calendar; dates by hand, from .ics or date-holidays. */
function TeamLists() {
  const { settings, loaded, save } = useStore();
  const calendarIds = [...new Set(policyChoices(settings.customPolicies).flatMap((p) => Object.keys(p.calendars)))].sort();
  const regions = Object.keys(settings.holidays);
  const [region, setRegion] = useState(regions[0] ?? '');
  const [newRegion, setNewRegion] = useState('');
  const list: HolidayCalendar = settings.holidays[region] ?? { name: region, calendar: calendarIds[0] ?? '', dates: [] };
  const [draft, setDraft] = useState<HolidayCalendar | null>(null);
  const current = draft ?? list;
  const [date, setDate] = useState('');
  const [dateName, setDateName] = useState('');
  const [country, setCountry] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [errors, setErrors] = useState<PathError[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  // Whether the problems shown stopped a save (an import's problems changed nothing either way).
  const [refused, setRefused] = useState(false);
  const [status, setStatus] = useState('');
  // ~200 options: built once, so typing elsewhere in the form does not re-render them.
  const countryOptions = useMemo(
    () =>
      countries().map(([code, name]) => (
        <option key={code} value={code}>
          {name} ({code})
        </option>
      )),
    [],
  );

  const merge = (incoming: HolidayCalendar['dates']) => {
    const byDate = new Map(current.dates.map((d) => [d.date, d]));
    for (const d of incoming) if (!byDate.has(d.date)) byDate.set(d.date, d);
    setDraft({ ...current, dates: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) });
  };
  const years = () => ({ from: Number(year), to: Number(year) + 1 });

  async function importIcs(file: File) {
    const outcome = holidaysFromIcs(await file.text(), { name: current.name, calendar: current.calendar, years: years() });
    if (!outcome.ok) return setErrors([{ path: file.name, message: outcome.error }]);
    merge(outcome.calendar.dates);
    // Skipped events are not problems: the dates were added; the list says which events were left out.
    setErrors([]);
    setSkipped(outcome.skipped);
    setStatus(i18n.t('options.calendars.imported', outcome.calendar.dates.length));
  }

  function importCountry() {
    const outcome = holidaysFromCountry({ country, calendar: current.calendar, years: years(), language: uiLocale().slice(0, 2) });
    if (!outcome.ok) return setErrors([{ path: 'country', message: outcome.error }]);
    merge(outcome.calendar.dates);
    setErrors([]);
    setSkipped([]);
    setStatus(i18n.t('options.calendars.imported', outcome.calendar.dates.length));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = await save({ ...settings, holidays: { ...settings.holidays, [region]: current } });
    setErrors(formProblems(found, settings));
    setRefused(found.length > 0);
    if (found.length === 0) {
      setDraft(null);
      setStatus(i18n.t('common.saved'));
    }
  }

  return (
    <section aria-labelledby="cal-team" className="card">
      <h2 id="cal-team">{i18n.t('options.calendars.team')}</h2>
      <p className="muted">{i18n.t('options.calendars.teamIntro')}</p>
      <div className="toolbar">
        <Field label={i18n.t('options.calendars.region')}>
          {(c) => (
            <select
              {...c}
              value={region}
              onChange={(e) => {
                setRegion(e.target.value);
                setDraft(null);
              }}
            >
              {regions.length === 0 && <option value="">—</option>}
              {regions.map((r) => (
                <option key={r} value={r}>
                  {settings.holidays[r]?.name ?? r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('options.calendars.newRegion')}>
          {(c) => <input {...c} value={newRegion} placeholder="emea" onChange={(e) => setNewRegion(e.target.value.trim())} />}
        </Field>
        <button
          type="button"
          disabled={!newRegion || newRegion in settings.holidays}
          onClick={() => {
            setRegion(newRegion);
            setDraft({ name: newRegion, calendar: calendarIds[0] ?? '', dates: [] });
            setNewRegion('');
          }}
        >
          {i18n.t('options.calendars.addRegion')}
        </button>
      </div>
      {region && (
        <form onSubmit={submit} noValidate aria-label={i18n.t('options.calendars.editList', [current.name || region])}>
          <div className="grid">
            <Field label={i18n.t('options.calendars.listName')} error={errors.find((e) => e.path === `holidays.${region}.name`)?.message}>
              {(c) => <input {...c} value={current.name} onChange={(e) => setDraft({ ...current, name: e.target.value })} />}
            </Field>
            <Field label={i18n.t('options.calendars.closes')} hint={i18n.t('options.calendars.closesHint')}>
              {(c) => (
                <select {...c} value={current.calendar} onChange={(e) => setDraft({ ...current, calendar: e.target.value })}>
                  {calendarIds.map((id) => (
                    <option key={id}>{id}</option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <ul className="dates editable">
            {current.dates.map((d) => (
              <li key={d.date}>
                <time dateTime={d.date}>{formatDate(d.date)}</time> {d.name && <span className="muted">{d.name}</span>}{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={i18n.t('options.calendars.removeDate', [d.date])}
                  onClick={() => setDraft({ ...current, dates: current.dates.filter((x) => x.date !== d.date) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <fieldset>
            <legend>{i18n.t('options.calendars.addByHand')}</legend>
            <div className="row">
              <Field label={i18n.t('options.calendars.date')}>
                {(c) => <input {...c} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
              </Field>
              <Field label={i18n.t('options.calendars.dateName')}>
                {(c) => <input {...c} value={dateName} onChange={(e) => setDateName(e.target.value)} />}
              </Field>
              <button
                type="button"
                disabled={!date}
                onClick={() => {
                  merge([{ date, name: dateName }]);
                  setDate('');
                  setDateName('');
                }}
              >
                {i18n.t('options.calendars.addDate')}
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>{i18n.t('options.calendars.importFrom')}</legend>
            <div className="row">
              <Field label={i18n.t('options.calendars.year')} hint={i18n.t('options.calendars.yearHint')}>
                {(c) => <input {...c} type="number" min={1970} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />}
              </Field>
              <Field label={i18n.t('options.calendars.ics')}>
                {(c) => (
                  <input
                    {...c}
                    type="file"
                    accept=".ics,text/calendar"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      if (file) importIcs(file);
                      e.target.value = '';
                    }}
                  />
                )}
              </Field>
              <Field label={i18n.t('options.calendars.country')}>
                {(c) => (
                  <select {...c} value={country} onChange={(e) => setCountry(e.target.value)}>
                    <option value="">—</option>
                    {countryOptions}
                  </select>
                )}
              </Field>
              <button type="button" disabled={!country} onClick={importCountry}>
                {i18n.t('options.calendars.takeCountry')}
              </button>
            </div>
          </fieldset>
          {skipped.length > 0 && (
            <div className="notes">
              <p>{i18n.t('options.calendars.skipped', skipped.length)}</p>
              <ul>
                {skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          )}
          <ErrorList errors={errors} refused={refused} />
          <div className="actions">
            {loaded.managed.holidays.includes(region) ? (
              <span className="muted">{i18n.t('options.readOnly')}</span>
            ) : (
              <button type="submit" className="primary">
                {i18n.t('common.save')}
              </button>
            )}
            {status && <span role="status">{status}</span>}
          </div>
        </form>
      )}
    </section>
  );
}

export function CalendarsSection() {
  return (
    <>
      <TeamLists />
      <BuiltinLists />
    </>
  );
}
