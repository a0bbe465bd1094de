import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { Field } from '@/components/Field';
import { localZone } from '@/components/format';
import { CalendarFields } from './CalendarFields';
import { type Draft, type Json, newRowKey, renameCalendarRefs, renameLevelRefs, type Row, slug, uniqueId, withField } from './draft';
import { LanguageFields } from './LanguageFields';
import { LevelFields } from './LevelFields';
import { controlId } from './problems';
import { RowSelect } from './RowSelect';

/** What every part of the form gets: the draft, a way to change it, and the error of a control (once shown). */
export interface PartProps {
  draft: Draft;
  change: (next: Draft) => void;
  errorOf: (target: string) => string | undefined;
}

export const fl = (key: string, substitutions?: string[]) =>
  (i18n.t as unknown as (key: string, substitutions?: string[]) => string)(`options.policyForm.${key}`, substitutions);

/** A row's name changed: its id follows (unique among the other rows) until the user types one. */
export function renamedRow(list: Row[], row: Row, name: string, fallback: string): Row {
  if (row.idTouched) return { ...row, rule: { ...row.rule, name } };
  const taken = new Set(list.filter((r) => r !== row).map((r) => r.id));
  return { ...row, id: uniqueId(slug(name, fallback), taken), rule: { ...row.rule, name } };
}

/** Replaces one calendar row; a changed id is renamed in the policy's references too. */
export function withCalendar(draft: Draft, row: Row, next: Row): Draft {
  const policy = next.id === row.id ? draft.policy : renameCalendarRefs(draft.policy, row.id, next.id);
  return { ...draft, policy, calendars: draft.calendars.map((r) => (r.key === row.key ? next : r)) };
}

export function withLevel(draft: Draft, row: Row, next: Row): Draft {
  const policy = next.id === row.id ? draft.policy : renameLevelRefs(draft.policy, row.id, next.id);
  return { ...draft, policy, levels: draft.levels.map((r) => (r.key === row.key ? next : r)) };
}

const WORKDAYS = [1, 2, 3, 4, 5] as const;

function newCalendar(draft: Draft): Draft {
  const id = uniqueId('calendar', new Set(draft.calendars.map((r) => r.id)));
  const rule: Json = {
    name: '',
    timeZone: localZone(),
    weekly: WORKDAYS.map((day) => ({ from: { day, time: '09:00' }, to: { day, time: '17:00' } })),
    holidays: {},
    source: '',
  };
  const calendars = [...draft.calendars, { key: newRowKey(), id, idTouched: false, rule }];
  // The first calendar is the one "business hours" means until the user picks another.
  const policy = draft.policy.calendar === undefined ? { ...draft.policy, calendar: id } : draft.policy;
  return { ...draft, policy, calendars };
}

function newLevel(draft: Draft): Draft {
  const id = uniqueId('level', new Set(draft.levels.map((r) => r.id)));
  return { ...draft, levels: [...draft.levels, { key: newRowKey(), id, idTouched: false, rule: { name: '', source: '', targets: {} } }] };
}

/** Calendars or levels: a heading, one fieldset per row, the button that adds one, then the choices among them. */
function RowList({ list, rows, onAdd, children }: { list: 'calendars' | 'levels'; rows: ReactNode; onAdd: () => void; children: ReactNode }) {
  return (
    <section aria-labelledby={`pf-${list}-title`}>
      <h3 id={`pf-${list}-title`}>{fl(list)}</h3>
      {rows}
      <p>
        <button type="button" id={controlId.top(`add-${list}`)} onClick={onAdd}>
          {fl(list === 'calendars' ? 'addCalendar' : 'addLevel')}
        </button>
      </p>
      {children}
    </section>
  );
}

/** The policy as a form: general fields, calendars, levels with their targets, language teams. */
export function PolicyForm({ draft, change, errorOf, idTouched, onIdTouched, takenIds }: PartProps & {
  idTouched: boolean;
  onIdTouched: () => void;
  /** Ids the policy's own id must not take when it follows the name. */
  takenIds: ReadonlySet<string>;
}) {
  const p = draft.policy;
  const text = (field: string) => (typeof p[field] === 'string' ? (p[field] as string) : '');
  const set = (field: string, value: string | undefined) => change({ ...draft, policy: withField(p, field, value) });
  const mainCalendar = draft.calendars.find((r) => r.id === p.calendar);
  const regions = Object.keys((mainCalendar?.rule.holidays as object | undefined) ?? {});
  const top = (field: string) => ({ id: controlId.top(field), error: errorOf(controlId.top(field)) });

  return (
    <div className="policy-form">
      <fieldset>
        <legend>{fl('general')}</legend>
        <div className="grid">
          <Field label={fl('name')} {...top('name')}>
            {(c) => (
              <input
                {...c}
                value={text('name')}
                onChange={(e) => {
                  const name = e.target.value;
                  const next = withField(p, 'name', name);
                  change({ ...draft, policy: idTouched ? next : { ...next, id: uniqueId(slug(name, 'policy'), takenIds) } });
                }}
              />
            )}
          </Field>
          <Field label={fl('id')} hint={fl('idHint')} {...top('id')}>
            {(c) => (
              <input
                {...c}
                value={text('id')}
                spellCheck={false}
                onChange={(e) => {
                  onIdTouched();
                  set('id', e.target.value);
                }}
              />
            )}
          </Field>
          <Field label={fl('document')} wide {...top('document')}>
            {(c) => <input {...c} value={text('document')} onChange={(e) => set('document', e.target.value)} />}
          </Field>
        </div>
      </fieldset>

      <RowList
        list="calendars"
        rows={draft.calendars.map((row, i) => (
          <CalendarFields key={row.key} row={row} index={i} draft={draft} change={change} errorOf={errorOf} />
        ))}
        onAdd={() => change(newCalendar(draft))}
      >
        <div className="grid">
          <Field label={fl('businessCalendar')} hint={fl('businessCalendarHint')} {...top('calendar')}>
            {(c) => <RowSelect control={c} rows={draft.calendars} value={text('calendar')} onChange={(id) => set('calendar', id)} />}
          </Field>
          <Field label={fl('defaultRegion')} hint={fl('defaultRegionHint')} {...top('defaultRegion')}>
            {(c) => (
              <select {...c} value={text('defaultRegion')} onChange={(e) => set('defaultRegion', e.target.value || undefined)}>
                <option value="">{fl('none')}</option>
                {[...new Set([...regions, ...(text('defaultRegion') ? [text('defaultRegion')] : [])])].map((region) => (
                  <option key={region} value={region}>
                    {region}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </RowList>

      <RowList
        list="levels"
        rows={draft.levels.map((row, i) => (
          <LevelFields key={row.key} row={row} index={i} draft={draft} change={change} errorOf={errorOf} />
        ))}
        onAdd={() => change(newLevel(draft))}
      >
        <Field label={fl('defaultLevel')} hint={fl('defaultLevelHint')} {...top('defaultLevel')}>
          {(c) => <RowSelect control={c} rows={draft.levels} value={text('defaultLevel')} onChange={(id) => set('defaultLevel', id)} />}
        </Field>
      </RowList>

      <LanguageFields draft={draft} change={change} errorOf={errorOf} />
    </div>
  );
}
