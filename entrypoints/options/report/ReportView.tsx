import { type ReactNode, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { downloadText } from '@/components/download';
import { formatInstant, localZone } from '@/components/format';
import type { RenderOptions } from '@/core/explain/render';
import { type Counts, explainMiss, type ReportResult, reportToCsv, reportToHtml, reportWords, sumCounts, tableLines } from '@/core/report';
import type { Policy } from '@/core/policy/schema';
import { MetChart, ShareChart } from './Charts';
import { ReportTable } from './ReportTable';
import { type Filter, filterGroups } from './table-rows';
import { noTargetText, percentText, reportLanguage } from './words';

/** Months' totals of some groups, in month order. */
function monthsOf(groups: ReadonlyArray<{ month: string; counts: Counts }>) {
  const byMonth = new Map<string, Counts[]>();
  for (const group of groups) byMonth.set(group.month, [...(byMonth.get(group.month) ?? []), group.counts]);
  return [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, counts]) => ({ month, counts: sumCounts(counts) }));
}

function Figures({ counts }: { counts: Counts }) {
  const c = reportWords(reportLanguage()).columns;
  const figures: Array<[string, string | number, string?]> = [
    [c.tickets, counts.tickets],
    [c.met, counts.met],
    [c.late, counts.late],
    [c.openLate, counts.openLate],
    [c.open, counts.open],
    [c.noTarget, counts.noTarget, noTargetText(counts)],
    [c.percentMet, percentText(counts)],
  ];
  return (
    <dl className="figures" data-testid="report-figures">
      {figures.map(([label, value, title]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd title={title}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function MonthSelect({ label, months, value, onChange }: { label: string; months: readonly string[]; value?: string; onChange(month: string | undefined): void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{i18n.t('reports.view.anyMonth')}</option>
        {months.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
    </label>
  );
}

const stamp = (result: ReportResult) => result.now.slice(0, 16).replace(/[-:T]/g, '');

/** A finished report: filters, figures, charts, the table, language teams, worst misses, rows not evaluated, exports. */
export function ReportView({
  result,
  customPolicies,
  names,
  notice,
}: {
  result: ReportResult;
  customPolicies?: readonly Policy[];
  /** The team's holiday and region names for the worst misses' explanations (`explanationNames`). */
  names?: RenderOptions;
  notice?: ReactNode;
}) {
  const [filter, setFilter] = useState<Filter>({});
  const lang = reportLanguage();
  const words = reportWords(lang);
  const months = useMemo(() => result.months.map((m) => m.month), [result]);
  const customers = useMemo(() => [...new Set(result.groups.map((g) => g.customer))].sort(), [result]);
  const groups = useMemo(() => filterGroups(result.groups, filter), [result, filter]);
  const lines = useMemo(() => tableLines({ ...result, groups }, { lang, customPolicies }), [result, groups, lang, customPolicies]);
  const totals = useMemo(() => sumCounts(groups.map((g) => g.counts)), [groups]);
  const byMonth = useMemo(() => monthsOf(groups), [groups]);
  const inRange = (month: string) => (!filter.from || month >= filter.from) && (!filter.to || month <= filter.to);
  const worst = result.worst.filter((miss) => !filter.customer || filter.customer === '*' || miss.customer === filter.customer);
  const zone = localZone();
  const render = { lang, customPolicies, names };

  return (
    <section className="report" aria-label={i18n.t('reports.view.label')} data-now={result.now}>
      {notice}
      <div className="actions">
        <button type="button" onClick={() => downloadText(`sla-report-${stamp(result)}.csv`, reportToCsv(result, render), 'text/csv')}>
          {i18n.t('reports.view.exportCsv')}
        </button>
        <button type="button" onClick={() => downloadText(`sla-report-${stamp(result)}.html`, reportToHtml(result, render), 'text/html')}>
          {i18n.t('reports.view.exportHtml')}
        </button>
      </div>
      <fieldset className="toolbar">
        <legend>{i18n.t('reports.view.filters')}</legend>
        <MonthSelect label={i18n.t('reports.view.from')} months={months} value={filter.from} onChange={(from) => setFilter({ ...filter, from })} />
        <MonthSelect label={i18n.t('reports.view.to')} months={months} value={filter.to} onChange={(to) => setFilter({ ...filter, to })} />
        <label>
          {i18n.t('reports.view.customer')}
          <select value={filter.customer ?? '*'} onChange={(e) => setFilter({ ...filter, customer: e.target.value })}>
            <option value="*">{i18n.t('reports.view.allCustomers')}</option>
            {customers.map((c) => (
              <option key={c} value={c}>
                {c || words.noCustomer}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p className="muted">
        {words.judgedAt(formatInstant(result.now, zone))} · {words.monthsIn(result.zone)} · {words.rowsRead(result.rows, result.skipped)}
      </p>
      <p className="muted">{i18n.t('reports.view.exportsAll')}</p>

      <Figures counts={totals} />

      <h3>{words.metChart}</h3>
      <MetChart months={byMonth} />
      <h3>{words.shareChart}</h3>
      <p className="muted">{words.shareNote}</p>
      <ShareChart counts={totals} />

      <h3>{words.table}</h3>
      {lines.length ? <ReportTable lines={lines} /> : <p className="empty">{i18n.t('reports.view.none')}</p>}

      <h3>{words.routed}</h3>
      {result.routed.length === 0 ? (
        <p className="muted">{words.noRouted}</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              {[words.columns.team, words.columns.tickets, words.columns.met, words.columns.late, words.columns.openLate, words.columns.percentMet].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.routed.map((team) => {
              const counts = sumCounts(team.months.filter((m) => inRange(m.month)).map((m) => m.counts));
              return (
                <tr key={team.language}>
                  <th scope="row">{words.teams[team.language]}</th>
                  <td className="num">{counts.tickets}</td>
                  <td className="num">{counts.met}</td>
                  <td className="num">{counts.late}</td>
                  <td className="num">{counts.openLate}</td>
                  <td className="num">{percentText(counts)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h3>{words.worst}</h3>
      {worst.length === 0 ? (
        <p className="muted">{words.noWorst}</p>
      ) : (
        <ol className="worst">
          {worst.map((miss) => (
            <li key={miss.row}>
              <strong>{miss.id ? `#${miss.id}` : `${words.columns.row} ${miss.row}`}</strong> {miss.subject ?? ''}{' '}
              <span className="muted">
                {miss.customer || words.noCustomer} · {miss.priority}
              </span>
              <br />
              {words.columns.deadline} {formatInstant(miss.deadline, zone)} · {words.columns.firstReply}{' '}
              {miss.firstReply ? formatInstant(miss.firstReply, zone) : words.stillOpen} · {words.columns.overdue} {words.minutes(miss.overdueMinutes)}
              <details>
                <summary>{words.columns.why}</summary>
                <ul>
                  {explainMiss(miss.input, lang, names).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      )}

      <h3>{words.bad(result.bad.count)}</h3>
      {result.bad.count === 0 ? (
        <p className="muted">{words.noBad}</p>
      ) : (
        <>
          <table className="compact" aria-label={words.bad(result.bad.count)}>
            <thead>
              <tr>
                <th scope="col">{words.columns.row}</th>
                <th scope="col">{words.columns.reason}</th>
              </tr>
            </thead>
            <tbody>
              {result.bad.listed.map((bad) => (
                <tr key={bad.row}>
                  <td className="num">{bad.row}</td>
                  <td>{words.badRow(bad)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.bad.listed.length < result.bad.count && <p className="muted">{words.badListed(result.bad.listed.length, result.bad.count)}</p>}
        </>
      )}
    </section>
  );
}
