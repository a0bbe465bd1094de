import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { formatPercent, type TableLine, tableHeadings } from '@/core/report';
import { COLUMNS, type Column, type Direction, sortLines } from './table-rows';
import { noTargetText, reportLanguage } from './words';

const PAGE = 50;
const TEXT_COLUMNS = 5;

/** Per month × customer × contract × level/role × priority; sort buttons in the headers, fifty lines a page. */
export function ReportTable({ lines }: { lines: readonly TableLine[] }) {
  const [sort, setSort] = useState<{ column: Column; direction: Direction } | null>(null);
  const [page, setPage] = useState(0);
  const lang = reportLanguage();
  const headings = tableHeadings(lang);
  const sorted = useMemo(() => (sort ? sortLines(lines, sort.column, sort.direction) : lines), [lines, sort]);
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
            {COLUMNS.map((column, i) => (
              <th key={column} scope="col" className={i >= TEXT_COLUMNS ? 'num' : undefined} aria-sort={sort?.column === column ? sort.direction : undefined}>
                <button type="button" className="sort" onClick={() => sortBy(column)}>
                  {headings[i]}
                  <span aria-hidden="true">{sort?.column !== column ? '' : sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((line) => (
            <tr key={`${line.month}\u0000${line.customer}\u0000${line.policy}\u0000${line.level}\u0000${line.priority}`}>
              <td>{line.month}</td>
              <td>{line.customer}</td>
              <td>{line.policy}</td>
              <td>{line.level}</td>
              <td>{line.priority}</td>
              <td className="num">{line.counts.tickets}</td>
              <td className="num">{line.counts.met}</td>
              <td className="num">{line.counts.late}</td>
              <td className="num">{line.counts.openLate}</td>
              <td className="num">{line.counts.open}</td>
              <td className="num" title={noTargetText(line.counts)}>
                {line.counts.noTarget}
              </td>
              <td className="num">{formatPercent(line.met, lang)}</td>
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
