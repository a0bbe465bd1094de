import { i18n } from '#i18n';
import { PRIORITIES, type Priority } from '@/core/policy/schema';
import type { PriorityRow } from './priority-rows';

/**
 * A priority map's rows — helpdesk value → P1–P4 — edited in place: add and remove rows. `locked`
 * values (IT's) are shown read-only. `label` names the map in each control's accessible name when
 * a page shows more than one.
 */
export function PriorityRows({
  rows,
  onChange,
  locked = () => false,
  label,
}: {
  rows: PriorityRow[];
  onChange: (rows: PriorityRow[]) => void;
  locked?: (value: string) => boolean;
  label?: string;
}) {
  const named = (text: string) => (label ? `${label}: ${text}` : text);
  const set = (i: number, row: PriorityRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">{i18n.t('options.sites.priorityValue')}</th>
            <th scope="col">{i18n.t('adhoc.priority')}</th>
            <th scope="col">
              <span className="sr-only">{i18n.t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([value, p], i) => {
            const fixed = locked(value);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity.
              <tr key={i}>
                <td>
                  <input
                    aria-label={named(i18n.t('options.sites.priorityValueN', [String(i + 1)]))}
                    readOnly={fixed}
                    value={value}
                    onChange={(e) => set(i, [e.target.value, p])}
                  />
                </td>
                <td>
                  <select
                    aria-label={named(i18n.t('options.sites.priorityFor', [value || String(i + 1)]))}
                    disabled={fixed}
                    value={p}
                    onChange={(e) => set(i, [value, e.target.value as Priority | ''])}
                  >
                    <option value="">—</option>
                    {PRIORITIES.map((x) => (
                      <option key={x}>{x}</option>
                    ))}
                  </select>
                </td>
                <td>
                  {fixed ? (
                    <span className="tag">{i18n.t('options.managed')}</span>
                  ) : (
                    <button
                      type="button"
                      className="link"
                      aria-label={named(i18n.t('options.sites.removeValue', [value || String(i + 1)]))}
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    >
                      {i18n.t('common.remove')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" aria-label={label && named(i18n.t('options.sites.addValue'))} onClick={() => onChange([...rows, ['', '']])}>
        {i18n.t('options.sites.addValue')}
      </button>
    </>
  );
}
