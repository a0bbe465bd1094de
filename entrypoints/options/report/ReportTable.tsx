import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import type { ReportGroup } from '@/core/report';
import { COLUMNS, type Column, type Direction, levelOf, sortGroups } from './table-rows';
import { noTargetText, percentText } from './words';

const PAGE = 50;

const HEADERS: Record<Column, () => string> = {
  month: () => i18n.t('reports.table.month'),
  customer: () => i18n.t('reports.table.customer'),
  level: () => i18n.t('reports.table.level'),
  priority: () => i18n.t('reports.table.priority'),
  tickets: () => i18n.t('reports.table.tickets'),
  met: () => i18n.t('reports.table.met'),
  late: () => i18n.t('reports.table.late'),
  openLate: () => i18n.t('reports.table.openLate'),
  noTarget: () => i18n.t('reports.table.noTarget'),
  percent: () => i18n.t('reports.table.percent'),
};

const NUMERIC = new Set<Column>(['tickets', 'met', 'late', 'openLate', 'noTarget', 'percent']);

/** Per month × customer × level/role × priority; sort buttons in the headers, fifty lines a page. */
export function ReportTable({ groups }: { groups: readonly ReportGroup[] }) {
  const [sort, setSort] = useState<{ column: Column; direction: Direction } | null>(null);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => (sort ? sortGroups(groups, sort.column, sort.direction) : groups), [groups, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * PAGE, current * PAGE + PAGE);

  const sortBy = (column: Column) => {
    setSort((old) => ({ column, direction: old?.column === column && old.direction === 'ascending' ? 'descending' : 'ascending' }));
    setPage(0);
  };

  return (
    <>
      <table className="compact report-table" aria-label={i18n.t('reports.table.label')}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={NUMERIC.has(column) ? 'num' : undefined} aria-sort={sort?.column === column ? sort.direction : undefined}>
                <button type="button" className="sort" onClick={() => sortBy(column)}>
                  {HEADERS[column]()}
                  <span aria-hidden="true">{sort?.column !== column ? '' : sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((group) => (
            <tr key={`${group.month}\u0000${group.customer}\u0000${group.policy}\u0000${group.level}\u0000${group.priority}`}>
              <td>{group.month}</td>
              <td>{group.customer || '—'}</td>
              <td>{levelOf(group)}</td>
              <td>{group.priority}</td>
              <td className="num">{group.counts.tickets}</td>
              <td className="num">{group.counts.met}</td>
              <td className="num">{group.counts.late}</td>
              <td className="num">{group.counts.openLate}</td>
              <td className="num" title={noTargetText(group.counts)}>
                {group.counts.noTarget}
              </td>
              <td className="num">{percentText(group.counts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label={i18n.t('reports.table.pages')}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {i18n.t('reports.table.previous')}
          </button>
          <span>{i18n.t('reports.table.page', [String(current + 1), String(pages), String(sorted.length)])}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {i18n.t('reports.table.next')}
          </button>
        </nav>
      )}
    </>
  );
}
