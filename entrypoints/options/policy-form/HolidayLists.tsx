import { useEffect, useState } from 'react';
import { Field } from '@/components/Field';
import { uiLocale } from '@/components/format';
import { holidaysFromCountry } from '@/core/settings/holidays';
import { type Row, slug, uniqueId } from './draft';
import { fl } from './PolicyForm';
import { controlId } from './problems';

type Lists = Record<string, string[]>;

const splitDates = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/**
 * A calendar's built-in holiday lists, one per region (the schema's `holidays`): whole closed days.
 * A contract picks its region; with lists here, a contract of this policy can use only these regions.
 */
export function HolidayLists({ row, update, errorOf }: { row: Row; update: (next: Row) => void; errorOf: (target: string) => string | undefined }) {
  const lists = (row.rule.holidays ?? {}) as Lists;
  const regions = Object.keys(lists);
  const setLists = (next: Lists) => update({ ...row, rule: { ...row.rule, holidays: next } });
  const rename = (from: string, to: string) => setLists(Object.fromEntries(Object.entries(lists).map(([r, d]) => [r === from ? to : r, d])));

  return (
    <fieldset>
      <legend>{fl('holidays')}</legend>
      <p className="hint">{fl('holidaysHint')}</p>
      {regions.map((region, i) => (
        <div key={region} className="toolbar">
          <RegionId
            id={controlId.calendar(row, `hol-${i}-region`)}
            label={fl('holidayRegion', [String(i + 1)])}
            value={region}
            taken={regions.filter((r) => r !== region)}
            onCommit={(to) => rename(region, to)}
          />
          <DatesInput
            id={controlId.calendar(row, `hol-${i}-dates`)}
            label={fl('holidayDates', [region])}
            error={errorOf(controlId.calendar(row, `hol-${i}-dates`))}
            dates={lists[region] ?? []}
            onChange={(dates) => setLists({ ...lists, [region]: dates })}
          />
          <button type="button" onClick={() => setLists(Object.fromEntries(Object.entries(lists).filter(([r]) => r !== region)))}>
            {fl('removeHolidays', [region])}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setLists({ ...lists, [uniqueId('region', new Set(regions))]: [] })}>
        {fl('addHolidays')}
      </button>
      <PublicHolidays calendar={row.id} onAdd={(region, dates) => setLists({ ...lists, [region]: [...new Set([...(lists[region] ?? []), ...dates])].sort() })} />
    </fieldset>
  );
}

/** A region id is a key: it is renamed when it is valid and free, so two lists never merge. */
function RegionId({ id, label, value, taken, onCommit }: { id: string; label: string; value: string; taken: string[]; onCommit: (to: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const error = !text.trim() ? fl('problem.regionEmpty') : taken.includes(text.trim()) ? fl('problem.regionTaken', [text.trim()]) : undefined;
  return (
    <Field id={id} label={label} error={error}>
      {(c) => (
        <input
          {...c}
          value={text}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => (error ? setText(value) : text.trim() !== value && onCommit(text.trim()))}
        />
      )}
    </Field>
  );
}

/** Dates one per line; the text is kept as typed (a half-typed line is not dropped), the list follows it. */
function DatesInput({ id, label, error, dates, onChange }: { id: string; label: string; error?: string; dates: string[]; onChange: (dates: string[]) => void }) {
  const [text, setText] = useState(dates.join('\n'));
  useEffect(() => {
    if (splitDates(text).join('\n') !== dates.join('\n')) setText(dates.join('\n'));
  }, [dates, text]);
  return (
    <Field id={id} label={label} error={error}>
      {(c) => (
        <textarea
          {...c}
          rows={4}
          className="code"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(splitDates(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

/** A country's (or state's) public holidays for some years, added as a region's list. */
function PublicHolidays({ calendar, onAdd }: { calendar: string; onAdd: (region: string, dates: string[]) => void }) {
  const year = new Date().getFullYear();
  const [country, setCountry] = useState('');
  const [state, setState] = useState('');
  const [from, setFrom] = useState(String(year));
  const [to, setTo] = useState(String(year + 1));
  const [error, setError] = useState('');
  const add = () => {
    const years = { from: Number(from), to: Number(to) };
    if (!Number.isInteger(years.from) || !Number.isInteger(years.to) || years.to < years.from) return setError(fl('problem.years'));
    const outcome = holidaysFromCountry({ country: country.trim(), state: state.trim() || undefined, calendar, years, language: uiLocale().slice(0, 2) });
    if (!outcome.ok) return setError(fl('problem.country', [[country, state].filter(Boolean).join('-')]));
    setError('');
    onAdd(
      slug([country, state].filter(Boolean).join('-'), 'region'),
      outcome.calendar.dates.map((d) => d.date),
    );
  };
  return (
    <fieldset className="toolbar">
      <legend>{fl('publicHolidays')}</legend>
      <Field label={fl('country')} error={error || undefined}>
        {(c) => <input {...c} size={4} value={country} onChange={(e) => setCountry(e.target.value)} />}
      </Field>
      <Field label={fl('state')}>{(c) => <input {...c} size={4} value={state} onChange={(e) => setState(e.target.value)} />}</Field>
      <Field label={fl('yearFrom')}>{(c) => <input {...c} type="number" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
      <Field label={fl('yearTo')}>{(c) => <input {...c} type="number" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      <button type="button" disabled={!country.trim()} onClick={add}>
        {fl('addPublicHolidays')}
      </button>
    </fieldset>
  );
}
