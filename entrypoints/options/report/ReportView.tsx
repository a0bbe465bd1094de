import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { formatDuration, formatInstant, localZone } from '@/components/format';
import { type Counts, type ReportResult, sumCounts } from '@/core/report';
import { MetChart, ShareChart } from './Charts';
import { ReportTable } from './ReportTable';
import { type Filter, filterGroups } from './table-rows';
import { noTargetText, percentText } from './words';

/** Months' totals of some groups, in month order. */
function monthsOf(groups: ReadonlyArray<{ month: string; counts: Counts }>) {
  const byMonth = new Map<string, Counts[]>();
  for (const group of groups) byMonth.set(group.month, [...(byMonth.get(group.month) ?? []), group.counts]);
  return [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, counts]) => ({ month, counts: sumCounts(counts) }));
}

const LANGUAGE_KEYS = { ja: 'language.ja', ko: 'language.ko', zh: 'language.zh' } as const;

function Figures({ counts }: { counts: Counts }) {
  return (
    <dl className="figures">
      <div>
        <dt>{i18n.t('reports.table.tickets')}</dt>
        <dd>{counts.tickets}</dd>
      </div>
      <div>
        <dt>{i18n.t('reports.table.met')}</dt>
        <dd>{counts.met}</dd>
      </div>
      <div>
        <dt>{i18n.t('reports.table.late')}</dt>
        <dd>{counts.late}</dd>
      </div>
      <div>
        <dt>{i18n.t('reports.table.openLate')}</dt>
        <dd>{counts.openLate}</dd>
      </div>
      <div>
        <dt>{i18n.t('reports.view.open')}</dt>
        <dd>{counts.open}</dd>
      </div>
      <div>
        <dt>{i18n.t('reports.table.noTarget')}</dt>
        <dd title={noTargetText(counts)}>{counts.noTarget}</dd>
      </div>
      <div>
        <dt>{i18n.t('reports.table.percent')}</dt>
        <dd>{percentText(counts)}</dd>
      </div>
    </dl>
  );
}

/** A finished report: filters, figures, charts, the table, language teams, worst misses, rows not evaluated. */
export function ReportView({ result, actions }: { result: ReportResult; actions?: React.ReactNode }) {
  const [filter, setFilter] = useState<Filter>({});
  const months = useMemo(() => result.months.map((m) => m.month), [result]);
  const customers = useMemo(() => [...new Set(result.groups.map((g) => g.customer))].sort(), [result]);
  const groups = useMemo(() => filterGroups(result.groups, filter), [result, filter]);
  const totals = useMemo(() => sumCounts(groups.map((g) => g.counts)), [groups]);
  const byMonth = useMemo(() => monthsOf(groups), [groups]);
  const inRange = (month: string) => (!filter.from || month >= filter.from) && (!filter.to || month <= filter.to);
  const worst = result.worst.filter((miss) => !filter.customer || filter.customer === '*' || miss.customer === filter.customer);
  const zone = localZone();

  return (
    <section className="report" aria-label={i18n.t('reports.view.label')}>
      <fieldset className="toolbar">
        <legend>{i18n.t('reports.view.filters')}</legend>
        <label>
          {i18n.t('reports.view.from')}
          <select value={filter.from ?? ''} onChange={(e) => setFilter({ ...filter, from: e.target.value || undefined })}>
            <option value="">{i18n.t('reports.view.anyMonth')}</option>
            {months.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          {i18n.t('reports.view.to')}
          <select value={filter.to ?? ''} onChange={(e) => setFilter({ ...filter, to: e.target.value || undefined })}>
            <option value="">{i18n.t('reports.view.anyMonth')}</option>
            {months.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          {i18n.t('reports.view.customer')}
          <select value={filter.customer ?? '*'} onChange={(e) => setFilter({ ...filter, customer: e.target.value })}>
            <option value="*">{i18n.t('reports.view.allCustomers')}</option>
            {customers.map((c) => (
              <option key={c} value={c}>
                {c || '—'}
              </option>
            ))}
          </select>
        </label>
        {actions}
      </fieldset>

      <p className="muted">{i18n.t('reports.view.judgedAt', [formatInstant(result.now, zone), result.zone])}</p>
      <Figures counts={totals} />

      <h3>{i18n.t('reports.charts.met')}</h3>
      <MetChart months={byMonth} />
      <h3>{i18n.t('reports.charts.share')}</h3>
      <ShareChart counts={totals} />

      <h3>{i18n.t('reports.view.groups')}</h3>
      {groups.length ? <ReportTable groups={groups} /> : <p className="empty">{i18n.t('reports.view.none')}</p>}

      {result.routed.length > 0 && (
        <>
          <h3>{i18n.t('reports.view.routed')}</h3>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{i18n.t('reports.view.team')}</th>
                <th scope="col">{i18n.t('reports.table.tickets')}</th>
                <th scope="col">{i18n.t('reports.table.met')}</th>
                <th scope="col">{i18n.t('reports.table.late')}</th>
                <th scope="col">{i18n.t('reports.table.openLate')}</th>
                <th scope="col">{i18n.t('reports.table.percent')}</th>
              </tr>
            </thead>
            <tbody>
              {result.routed.map((team) => {
                const counts = sumCounts(team.months.filter((m) => inRange(m.month)).map((m) => m.counts));
                return (
                  <tr key={team.language}>
                    <th scope="row">{i18n.t(LANGUAGE_KEYS[team.language])}</th>
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
        </>
      )}

      {worst.length > 0 && (
        <>
          <h3>{i18n.t('reports.view.worst')}</h3>
          <ol className="worst">
            {worst.map((miss) => (
              <li key={miss.row}>
                <strong>{miss.id ? `#${miss.id}` : i18n.t('reports.view.row', [String(miss.row)])}</strong> {miss.subject ?? ''}{' '}
                <span className="muted">
                  {miss.customer || '—'} · {miss.priority}
                </span>
                <br />
                {miss.state === 'late'
                  ? i18n.t('reports.view.answeredLate', [formatInstant(miss.deadline, zone), formatInstant(miss.firstReply ?? miss.deadline, zone), formatDuration(miss.overdueMinutes * 60_000)])
                  : i18n.t('reports.view.stillOpen', [formatInstant(miss.deadline, zone), formatDuration(miss.overdueMinutes * 60_000)])}
              </li>
            ))}
          </ol>
        </>
      )}

      {result.bad.count > 0 && (
        <>
          <h3>{i18n.t('reports.view.bad', [String(result.bad.count)])}</h3>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{i18n.t('reports.view.rowHeader')}</th>
                <th scope="col">{i18n.t('reports.view.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.bad.listed.map((bad) => (
                <tr key={bad.row}>
                  <td className="num">{bad.row}</td>
                  <td>{[bad.code, bad.field, bad.value, bad.detail].filter(Boolean).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.bad.listed.length < result.bad.count && <p className="muted">{i18n.t('reports.view.badMore', [String(result.bad.listed.length)])}</p>}
        </>
      )}
    </section>
  );
}
