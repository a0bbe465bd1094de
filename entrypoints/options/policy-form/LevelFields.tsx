import { Field } from '@/components/Field';
import { PRIORITIES, type Priority } from '@/core/policy/schema';
import type { Json, Row } from './draft';
import { fl, type PartProps, renamedRow, withLevel } from './PolicyForm';
import { controlId } from './problems';

type Target = Json & { minutes: number; clock: string; source?: string };

/** Minutes as the hours and minutes fields show them; a target without a time shows both empty. */
function split(minutes: number): { hours: string; minutes: string } {
  if (!minutes) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

const number = (text: string) => (text.trim() === '' ? 0 : Math.trunc(Number(text)) || 0);

/** One level: name and id, section, and per priority a target (24/7 or business hours) or none. */
export function LevelFields({ row, index, draft, change, errorOf }: PartProps & { row: Row; index: number }) {
  const rule = row.rule;
  const str = (field: string) => (typeof rule[field] === 'string' ? (rule[field] as string) : '');
  const targets = (rule.targets ?? {}) as Partial<Record<Priority, Target>>;
  const update = (next: Row) => change(withLevel(draft, row, next));
  const setTargets = (next: Partial<Record<Priority, Target>>) => update({ ...row, rule: { ...rule, targets: next } });
  const setTarget = (priority: Priority, target: Target | undefined) => {
    const next = { ...targets };
    if (target) next[priority] = target;
    else delete next[priority];
    setTargets(next);
  };
  /** Targets cite the level's section unless they were given their own. */
  const setSource = (source: string) => {
    const old = str('source');
    const next = Object.fromEntries(
      Object.entries(targets).map(([p, t]) => [p, t && (t.source === old || !t.source) ? { ...t, source } : t]),
    ) as Partial<Record<Priority, Target>>;
    update({ ...row, rule: { ...rule, source, targets: next } });
  };
  const ctl = (field: string) => ({ id: controlId.level(row, field), error: errorOf(controlId.level(row, field)) });
  const name = str('name') || row.id;
  const noTarget = rule.noTarget as { message?: string } | undefined;

  return (
    <fieldset className="card" data-testid={`policy-level-${index + 1}`}>
      <legend>{fl('level', [String(index + 1), name])}</legend>
      <div className="grid">
        <Field label={fl('levelName')} {...ctl('name')}>
          {(c) => <input {...c} value={str('name')} onChange={(e) => update(renamedRow(draft.levels, row, e.target.value, 'level'))} />}
        </Field>
        <Field label={fl('levelId')} hint={fl('levelIdHint')} {...ctl('id')}>
          {(c) => <input {...c} value={row.id} spellCheck={false} onChange={(e) => update({ ...row, id: e.target.value, idTouched: true })} />}
        </Field>
        <Field label={fl('source')} hint={fl('sourceHint')} {...ctl('source')}>
          {(c) => <input {...c} value={str('source')} onChange={(e) => setSource(e.target.value)} />}
        </Field>
      </div>
      {noTarget?.message && <p className="muted">{fl('noTargetNote', [noTarget.message])}</p>}
      <fieldset>
        <legend>{fl('targets', [name])}</legend>
        {PRIORITIES.map((priority) => {
          const target = targets[priority];
          const time = split(target?.minutes ?? 0);
          const setTime = (hours: string, minutes: string) => target && setTarget(priority, { ...target, minutes: number(hours) * 60 + number(minutes) });
          const label = (key: string) => fl('where.target', [priority, fl(key)]);
          return (
            <div key={priority} className="toolbar" data-testid={`policy-level-${index + 1}-${priority}`}>
              <Field label={label('clock')} {...ctl(`${priority}-clock`)}>
                {(c) => (
                  <select
                    {...c}
                    value={target?.clock ?? ''}
                    onChange={(e) => {
                      const clock = e.target.value;
                      if (!clock) return setTarget(priority, undefined);
                      setTarget(priority, target ? { ...target, clock } : { minutes: 0, clock, source: str('source') });
                    }}
                  >
                    <option value="">{fl('clockNone')}</option>
                    <option value="24/7">{fl('clock247')}</option>
                    <option value="business-hours">{fl('clockBusiness')}</option>
                    {target && target.clock !== '24/7' && target.clock !== 'business-hours' && <option value={target.clock}>{target.clock}</option>}
                  </select>
                )}
              </Field>
              {target && (
                <>
                  <Field label={label('hours')} {...ctl(`${priority}-hours`)}>
                    {(c) => <input {...c} type="number" min={0} className="number" value={time.hours} onChange={(e) => setTime(e.target.value, time.minutes)} />}
                  </Field>
                  <Field label={label('minutes')}>
                    {(c) => (
                      <input {...c} type="number" min={0} max={59} className="number" value={time.minutes} onChange={(e) => setTime(time.hours, e.target.value)} />
                    )}
                  </Field>
                  <Field label={label('source')} {...ctl(`${priority}-source`)}>
                    {(c) => <input {...c} value={target.source ?? ''} onChange={(e) => setTarget(priority, { ...target, source: e.target.value })} />}
                  </Field>
                </>
              )}
            </div>
          );
        })}
      </fieldset>
      <p>
        <button type="button" onClick={() => change({ ...draft, levels: draft.levels.filter((r) => r.key !== row.key) })}>
          {fl('removeLevel', [name])}
        </button>
      </p>
    </fieldset>
  );
}
