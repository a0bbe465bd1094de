import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { localZone, uiLocale } from '@/components/format';
import { type AlertPrefs, AlertPrefs as AlertPrefsSchema, type AlertState, type WorkingHours } from '@/core/alerts/prefs';
import { PRIORITIES, type Priority } from '@/core/policy/schema';
import type { Weekday } from '@/core/time/types';
import { requestAndSave, useAlertPrefs } from '@/entrypoints/popup/AlertsSwitch';
import { useTabReports } from '@/entrypoints/popup/NextToBreach';
import { saveAlertPrefs } from '@/utils/alert-prefs';
import type { TabReports } from '@/utils/next-to-breach';
import { agentsByOrigin, hostOf } from '@/utils/page-agents';

/**
 * Options → Desktop alerts: the agent's own alert settings (utils/alert-prefs.ts), saved as they
 * change. Turning alerts on, or quiet while away, asks for the permission it needs in the click.
 */

type Day = { on: boolean; from: string; to: string };
const DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const DEFAULT_DAY = (day: Weekday): Day => ({ on: day <= 5, from: '09:00', to: '17:00' });

/** One stretch per weekday; a day ending at or before it starts runs overnight into the next day. */
export function toWeekly(days: Record<Weekday, Day>): WorkingHours['weekly'] {
  return DAYS.filter((day) => days[day].on && days[day].from !== days[day].to).map((day) => {
    const { from, to } = days[day];
    // Until midnight ("00:00" in a time input) is the end of that day.
    if (to === '00:00' || to === '24:00') return { from: { day, time: from }, to: { day, time: '24:00' } };
    const overnight = to <= from;
    return { from: { day, time: from }, to: { day: overnight ? (((day % 7) + 1) as Weekday) : day, time: to } };
  });
}

export function fromWeekly(weekly: WorkingHours['weekly'] | undefined): Record<Weekday, Day> {
  const days = Object.fromEntries(DAYS.map((day) => [day, { ...DEFAULT_DAY(day), on: !weekly && day <= 5 }])) as Record<Weekday, Day>;
  for (const stretch of weekly ?? []) {
    if (days[stretch.from.day].on && weekly) continue;
    days[stretch.from.day] = { on: true, from: stretch.from.time, to: stretch.to.time === '24:00' ? '00:00' : stretch.to.time };
  }
  return days;
}

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

function weekdayName(day: Weekday): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(uiLocale(), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

/** Who the open helpdesk tabs show as logged in, per helpdesk, so the agent can check it ("only mine"). */
function RecognisedAgents({ tabs, namesTyped }: { tabs: TabReports[] | undefined; namesTyped: boolean }) {
  if (!tabs) return null;
  const agents = [...agentsByOrigin(tabs)];
  return (
    <section aria-label={i18n.t('alerts.settings.recognisedTitle')} data-testid="recognised-agents">
      {agents.length === 0 ? (
        <p className={namesTyped ? 'muted' : 'warning'}>{i18n.t('alerts.settings.recognisedNone')}</p>
      ) : (
        <ul>
          {agents.map(([origin, agent]) => (
            <li key={origin}>
              {agent.form === 'first-name'
                ? i18n.t('alerts.settings.recognisedFirstName', [agent.name, hostOf(origin)])
                : i18n.t('alerts.settings.recognised', [agent.name, hostOf(origin)])}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AlertsSection() {
  const [loaded, permitted] = useAlertPrefs();
  const tabs = useTabReports();
  const [status, setStatus] = useState<string>();
  const [levels, setLevels] = useState('');
  const [names, setNames] = useState('');
  const [days, setDays] = useState<Record<Weekday, Day>>(() => fromWeekly(undefined));
  const prefs = loaded?.prefs;
  useEffect(() => {
    if (!prefs) return;
    setLevels(prefs.levels.join(', '));
    setNames(prefs.myNames.join(', '));
    setDays(fromWeekly(prefs.workingHours?.weekly));
  }, [prefs]);
  if (!loaded || !prefs) return <p className="muted">{i18n.t('common.loading')}</p>;
  const managed = loaded.managed;

  const save = (next: AlertPrefs) => {
    const parsed = AlertPrefsSchema.safeParse(next);
    if (!parsed.success) {
      setStatus(parsed.error.issues[0]?.message);
      return;
    }
    void saveAlertPrefs(parsed.data).then(() => setStatus(i18n.t('alerts.settings.saved')));
  };
  /** Changes that need a permission (alerts on; quiet while away) ask for it inside the click. */
  const saveAsking = (next: AlertPrefs) => {
    void requestAndSave(next).then((ok) => setStatus(ok ? i18n.t('alerts.settings.saved') : i18n.t('alerts.settings.denied')));
  };
  const toggle = <T,>(items: readonly T[], item: T, on: boolean): T[] => (on ? [...new Set([...items, item])] : items.filter((x) => x !== item));
  const hours = prefs.workingHours;
  const saveDays = (next: Record<Weekday, Day>) => {
    setDays(next);
    if (hours) save({ ...prefs, workingHours: { timeZone: hours.timeZone, weekly: toWeekly(next) } });
  };

  return (
    <section className="alerts-settings" aria-label={i18n.t('alerts.settings.title')}>
      {managed && <p className="muted">{i18n.t('alerts.settings.managed')}</p>}
      <fieldset disabled={managed}>
        <p>
          <label>
            <input
              type="checkbox"
              checked={prefs.enabled}
              onChange={(event) => (event.currentTarget.checked ? saveAsking({ ...prefs, enabled: true }) : save({ ...prefs, enabled: false }))}
            />{' '}
            {i18n.t('alerts.settings.enable')}
          </label>
        </p>
        {prefs.enabled && !permitted && (
          <p className="warning">
            {i18n.t('alerts.settings.needPermission')}{' '}
            <button type="button" onClick={() => saveAsking(prefs)}>
              {i18n.t('alerts.settings.allow')}
            </button>
          </p>
        )}
        <p className="muted">{i18n.t('alerts.settings.rules')}</p>
        <fieldset>
          <legend>{i18n.t('alerts.settings.states')}</legend>
          {(['at-risk', 'breached'] as AlertState[]).map((state) => (
            <label key={state}>
              <input type="checkbox" checked={prefs.states.includes(state)} onChange={(event) => save({ ...prefs, states: toggle(prefs.states, state, event.currentTarget.checked) })} />{' '}
              {state === 'at-risk' ? i18n.t('alerts.settings.atRisk') : i18n.t('alerts.settings.breached')}{' '}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{i18n.t('alerts.settings.priorities')}</legend>
          {PRIORITIES.map((priority: Priority) => (
            <label key={priority}>
              <input
                type="checkbox"
                checked={prefs.priorities.includes(priority)}
                onChange={(event) => save({ ...prefs, priorities: toggle(prefs.priorities, priority, event.currentTarget.checked) })}
              />{' '}
              {priority}{' '}
            </label>
          ))}
        </fieldset>
        <p>
          <label>
            {i18n.t('alerts.settings.levels')}
            <br />
            <input type="text" value={levels} onChange={(event) => setLevels(event.currentTarget.value)} onBlur={() => save({ ...prefs, levels: list(levels) })} />
          </label>
        </p>
        <p>
          <label>
            <input type="checkbox" checked={prefs.onlyMine} onChange={(event) => save({ ...prefs, onlyMine: event.currentTarget.checked })} />{' '}
            {i18n.t('alerts.settings.onlyMine')}
          </label>
        </p>
        {prefs.onlyMine && (
          <>
            <RecognisedAgents tabs={tabs} namesTyped={prefs.myNames.length > 0} />
            <p>
              <label>
                {i18n.t('alerts.settings.myNames')}
                <br />
                <input type="text" value={names} onChange={(event) => setNames(event.currentTarget.value)} onBlur={() => save({ ...prefs, myNames: list(names) })} />
              </label>
            </p>
            {prefs.myNames.length === 0 && <p className="muted">{i18n.t('alerts.settings.myNamesMissing')}</p>}
            <p className="muted">{i18n.t('alerts.settings.ownerHelpdesks')}</p>
          </>
        )}
        <p>
          <label>
            <input
              type="checkbox"
              checked={prefs.quietWhenIdle}
              onChange={(event) =>
                event.currentTarget.checked && prefs.enabled ? saveAsking({ ...prefs, quietWhenIdle: true }) : save({ ...prefs, quietWhenIdle: event.currentTarget.checked })
              }
            />{' '}
            {i18n.t('alerts.settings.quietIdle')}
          </label>
        </p>
        <p>
          <label>
            <input
              type="checkbox"
              checked={hours !== null}
              onChange={(event) =>
                save({ ...prefs, workingHours: event.currentTarget.checked ? { timeZone: localZone(), weekly: toWeekly(days) } : null })
              }
            />{' '}
            {i18n.t('alerts.settings.workingHours')}
          </label>
        </p>
        {hours && (
          <fieldset className="working-hours">
            <p>
              <label>
                {i18n.t('alerts.settings.zone')}{' '}
                <input
                  type="text"
                  list="sla-zones"
                  defaultValue={hours.timeZone}
                  onBlur={(event) => save({ ...prefs, workingHours: { timeZone: event.currentTarget.value.trim(), weekly: hours.weekly } })}
                />
              </label>
              <datalist id="sla-zones">
                {(Intl.supportedValuesOf?.('timeZone') ?? []).map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </p>
            <table className="compact">
              <tbody>
                {DAYS.map((day) => (
                  <tr key={day}>
                    <th scope="row">
                      <label>
                        <input type="checkbox" checked={days[day].on} onChange={(event) => saveDays({ ...days, [day]: { ...days[day], on: event.currentTarget.checked } })} />{' '}
                        {weekdayName(day)}
                      </label>
                    </th>
                    <td>
                      <label>
                        {i18n.t('alerts.settings.from')}{' '}
                        <input type="time" value={days[day].from} disabled={!days[day].on} onChange={(event) => saveDays({ ...days, [day]: { ...days[day], from: event.currentTarget.value } })} />
                      </label>
                    </td>
                    <td>
                      <label>
                        {i18n.t('alerts.settings.to')}{' '}
                        <input type="time" value={days[day].to} disabled={!days[day].on} onChange={(event) => saveDays({ ...days, [day]: { ...days[day], to: event.currentTarget.value } })} />
                      </label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        )}
      </fieldset>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
