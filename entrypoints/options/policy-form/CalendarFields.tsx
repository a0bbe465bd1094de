import { Info } from 'luxon';
import { useMemo } from 'react';
import { Field } from '@/components/Field';
import { localZone, uiLocale } from '@/components/format';
import { ZoneSelect } from '@/components/ZoneSelect';
import type { Json, Row } from './draft';
import { HolidayLists } from './HolidayLists';
import { fl, type PartProps, renamedRow, withCalendar } from './PolicyForm';
import { controlId } from './problems';

type End = { day: number; time: string };
type Stretch = { from: End; to: End };

/** Monday … Sunday in the UI's language, as the schema numbers them (1 … 7). */
const weekdays = () => Info.weekdays('long', { locale: uiLocale() }).map((name, i) => ({ day: i + 1, name }));

/** One calendar: its name and id, zone, weekly opening stretches (half-open, may span days) and holiday lists. */
export function CalendarFields({ row, index, draft, change, errorOf }: PartProps & { row: Row; index: number }) {
  const rule = row.rule;
  const str = (field: string) => (typeof rule[field] === 'string' ? (rule[field] as string) : '');
  const zone = str('timeZone');
  const days = useMemo(weekdays, []);
  const weekly = (Array.isArray(rule.weekly) ? rule.weekly : []) as Stretch[];
  const update = (next: Row) => change(withCalendar(draft, row, next));
  const setRule = (patch: Json) => update({ ...row, rule: { ...rule, ...patch } });
  const setStretch = (i: number, end: 'from' | 'to', patch: Partial<End>) =>
    setRule({ weekly: weekly.map((s, j) => (j === i ? { ...s, [end]: { ...s[end], ...patch } } : s)) });
  const addStretch = () => {
    const last = weekly.at(-1);
    const day = last ? (last.to.day % 7) + 1 : 1;
    const from = last?.from.time ?? '09:00';
    const to = last && last.from.day === last.to.day ? last.to.time : '17:00';
    setRule({ weekly: [...weekly, { from: { day, time: from }, to: { day, time: to } }] });
  };
  const ctl = (field: string) => ({ id: controlId.calendar(row, field), error: errorOf(controlId.calendar(row, field)) });
  const title = fl('calendar', [String(index + 1), str('name') || row.id]);

  const daySelect = (i: number, end: 'from' | 'to', label: string) => (
    <Field label={label} {...ctl(`w${i}-${end}-day`)}>
      {(c) => (
        <select {...c} value={weekly[i]?.[end].day} onChange={(e) => setStretch(i, end, { day: Number(e.target.value) })}>
          {days.map((d) => (
            <option key={d.day} value={d.day}>
              {d.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const timeInput = (i: number, end: 'from' | 'to', label: string) => (
    <Field label={label} {...ctl(`w${i}-${end}-time`)}>
      {(c) => (
        <input
          {...c}
          className="time"
          inputMode="numeric"
          placeholder="09:00"
          value={weekly[i]?.[end].time ?? ''}
          onChange={(e) => setStretch(i, end, { time: e.target.value.trim() })}
        />
      )}
    </Field>
  );

  return (
    <fieldset className="card" data-testid={`policy-calendar-${index + 1}`}>
      <legend>{title}</legend>
      <div className="grid">
        <Field label={fl('calendarName')} {...ctl('name')}>
          {(c) => <input {...c} value={str('name')} onChange={(e) => update(renamedRow(draft.calendars, row, e.target.value, 'calendar'))} />}
        </Field>
        <Field label={fl('calendarId')} hint={fl('calendarIdHint')} {...ctl('id')}>
          {(c) => <input {...c} value={row.id} spellCheck={false} onChange={(e) => update({ ...row, id: e.target.value, idTouched: true })} />}
        </Field>
        <Field label={fl('zone')} {...ctl('timeZone')}>
          {(c) => (
            // The calendar's own zone first, so a zone the browser does not list stays visible.
            <ZoneSelect control={c} label={fl('zone')} value={zone} first={[zone, localZone()]} onChange={(value) => setRule({ timeZone: value })} />
          )}
        </Field>
        <Field label={fl('source')} hint={fl('sourceHint')} {...ctl('source')}>
          {(c) => <input {...c} value={str('source')} onChange={(e) => setRule({ source: e.target.value })} />}
        </Field>
      </div>
      <fieldset>
        <legend>{fl('weekly')}</legend>
        <p className="hint">{fl('weeklyHint')}</p>
        <ol className="plain stretches">
          {weekly.map((_, i) => {
            const n = String(i + 1);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: stretches have no identity but their place
              <li key={i} className="toolbar">
                {daySelect(i, 'from', fl('where.stretch', [n, fl('opensDay')]))}
                {timeInput(i, 'from', fl('where.stretch', [n, fl('opensTime')]))}
                {daySelect(i, 'to', fl('where.stretch', [n, fl('closesDay')]))}
                {timeInput(i, 'to', fl('where.stretch', [n, fl('closesTime')]))}
                <button type="button" onClick={() => setRule({ weekly: weekly.filter((__, j) => j !== i) })}>
                  {fl('removeStretch', [n])}
                </button>
              </li>
            );
          })}
        </ol>
        <button type="button" id={controlId.calendar(row, 'add-stretch')} onClick={addStretch}>
          {fl('addStretch')}
        </button>
      </fieldset>
      <HolidayLists row={row} update={update} errorOf={errorOf} />
      <p>
        <button type="button" onClick={() => change({ ...draft, calendars: draft.calendars.filter((r) => r.key !== row.key) })}>
          {fl('removeCalendar', [str('name') || row.id])}
        </button>
      </p>
    </fieldset>
  );
}
