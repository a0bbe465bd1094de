import { DateTime } from 'luxon';
import { useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { formProblems } from '@/components/problems';
import { Field } from '@/components/Field';
import { uiLocale } from '@/components/format';
import { policyChoices } from '@/components/policy-choices';
import { calendarName, regionName } from '@/components/region-names';
import { holidaysFromCountry, holidaysFromIcs } from '@/core/settings/holidays';
import type { HolidayCalendar, Settings } from '@/core/settings/schema';
import { CountryHolidays } from './CountryHolidays';
import { DeleteHolidayList } from './DeleteHolidayList';
import { useStore } from './store';

/** A new list's id (CSV and settings files name regions by it): its name in lower-case letters, digits and "-", made unique. */
function newListId(name: string, taken: Settings['holidays']): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'holidays';
  let id = base;
  for (let n = 2; id in taken; n++) id = `${base}-${n}`;
  return id;
}

const formatDate = (date: string) =>
  DateTime.fromISO(date).setLocale(uiLocale()).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** The documents' own lists (2019), shown read-only: they are part of the contracts. */
function BuiltinLists() {
  const { settings } = useStore();
  const lists = policyChoices(settings.customPolicies).flatMap((policy) =>
    Object.entries(policy.calendars).flatMap(([calendarId, calendar]) =>
      Object.entries(calendar.holidays).map(([region, dates]) => ({ key: `${policy.id}/${calendarId}/${region}`, policy, calendarId, region, dates })),
    ),
  );
  return (
    <section aria-labelledby="cal-builtin">
      <h2 id="cal-builtin">{i18n.t('options.calendars.builtin')}</h2>
      {lists.map((l) => (
        <details key={l.key}>
          <summary>
            {l.policy.name} · {calendarName(l.calendarId)} · {regionName(l.region)} ({i18n.t('options.calendars.days', l.dates.length)})
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
  const collator = new Intl.Collator(uiLocale());
  const regions = Object.keys(settings.holidays).sort((a, b) => collator.compare(regionName(a, settings.holidays), regionName(b, settings.holidays)));
  const [chosen, setRegion] = useState(regions[0] ?? '');
  const [newName, setNewName] = useState('');
  const [draft, setDraft] = useState<HolidayCalendar | null>(null);
  // A list deleted (here or elsewhere) gives way to the first one left; a new one is a draft until saved.
  const region = chosen in settings.holidays || draft ? chosen : (regions[0] ?? '');
  const list: HolidayCalendar = settings.holidays[region] ?? { name: region, calendar: calendarIds[0] ?? '', dates: [] };
  const current = draft ?? list;
  const [date, setDate] = useState('');
  const [dateName, setDateName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [errors, setErrors] = useState<PathError[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  // Whether the problems shown stopped a save (an import's problems changed nothing either way).
  const [refused, setRefused] = useState(false);
  const [status, setStatus] = useState('');
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

  function importCountry(country: string, state: string | undefined) {
    const outcome = holidaysFromCountry({ country, state, calendar: current.calendar, years: years(), language: uiLocale().slice(0, 2) });
    if (!outcome.ok) return setErrors([{ path: i18n.t('options.calendars.country'), message: outcome.error }]);
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

  async function remove() {
    const { [region]: _gone, ...holidays } = settings.holidays;
    const found = await save({ ...settings, holidays });
    setErrors(formProblems(found, settings));
    setRefused(found.length > 0);
    if (found.length > 0) return;
    setDraft(null);
    setRegion(regions.find((r) => r !== region) ?? '');
    setStatus(i18n.t('options.calendars.deleted', [current.name || region]));
  }

  function addList() {
    const id = newListId(newName, settings.holidays);
    setRegion(id);
    setDraft({ name: newName.trim(), calendar: calendarIds[0] ?? '', dates: [] });
    setNewName('');
    setErrors([]);
    setStatus('');
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
              {regions.length === 0 && !draft && <option value="">—</option>}
              {draft && !(region in settings.holidays) && <option value={region}>{draft.name || region}</option>}
              {regions.map((r) => (
                <option key={r} value={r}>
                  {regionName(r, settings.holidays)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('options.calendars.newRegion')}>
          {(c) => <input {...c} value={newName} placeholder={i18n.t('options.calendars.newRegionExample')} onChange={(e) => setNewName(e.target.value)} />}
        </Field>
        <button type="button" disabled={!newName.trim()} onClick={addList}>
          {i18n.t('options.calendars.addRegion')}
        </button>
      </div>
      {region && (
        <form onSubmit={submit} noValidate aria-label={i18n.t('options.calendars.editList', [current.name || region])}>
          <div className="grid">
            <Field
              label={i18n.t('options.calendars.listName')}
              hint={i18n.t('options.calendars.listId', [region])}
              error={errors.find((e) => e.path === `holidays.${region}.name`)?.message}
            >
              {(c) => <input {...c} value={current.name} onChange={(e) => setDraft({ ...current, name: e.target.value })} />}
            </Field>
            <Field label={i18n.t('options.calendars.closes')} hint={i18n.t('options.calendars.closesHint')}>
              {(c) => (
                <select {...c} value={current.calendar} onChange={(e) => setDraft({ ...current, calendar: e.target.value })}>
                  {calendarIds.map((id) => (
                    <option key={id} value={id}>
                      {calendarName(id, settings.customPolicies)}
                    </option>
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
              <CountryHolidays onTake={importCountry} />
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
              <>
                <button type="submit" className="primary">
                  {i18n.t('common.save')}
                </button>
                {region in settings.holidays && (
                  <DeleteHolidayList key={region} settings={settings} region={region} name={current.name || region} onDelete={remove} />
                )}
              </>
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
