import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList } from '@/components/ErrorList';
import { regionChoices } from '@/components/policy-choices';
import { regionName } from '@/components/region-names';
import { formProblems } from '@/components/problems';
import {
  CONTRACT_FIELDS,
  type ContractField,
  type ContractRow,
  filterRows,
  planBulkEdit,
  type SortColumn,
  type SortDirection,
  sortRows,
  type BulkChange,
} from '@/core/contracts/table';
import type { Policy } from '@/core/policy/schema';
import type { Customer } from '@/core/settings/schema';
import type { SettingsError } from '@/core/settings/validate';
import { useStore } from './store';

/** Rows per page: a page is read, not scrolled through. */
export const PAGE_SIZE = 50;

/** i18n.t for keys chosen at run time (each one is in locales/*.yml). */
const t = i18n.t as unknown as (key: string, substitutions?: string[] | number) => string;

const FIELD_LABELS: Record<ContractField, string> = {
  name: 'options.contracts.name',
  domains: 'options.contracts.domains',
  organisations: 'options.contracts.organisations',
  addresses: 'options.contracts.addresses',
  contacts: 'options.contracts.contactAddresses',
  policy: 'options.contracts.policy',
  level: 'options.contracts.level',
  region: 'options.contracts.region',
};

const COLUMN_LABELS: Record<SortColumn, string> = {
  name: 'options.contracts.name',
  policy: 'options.contracts.policy',
  level: 'options.contracts.level',
  region: 'options.contracts.region',
  matches: 'options.contracts.matches',
  warnings: 'options.contracts.warnings',
};

/** A row to bring into view and the control in it to focus (`data-action` of the actions cell). */
export interface Reveal {
  id: string;
  action: 'edit' | 'delete';
}

const KEEP = '\u0000keep';
const DEFAULT = '\u0000default';

/**
 * The contract list as a table for thousands of customers: filter in any field, sort by any column,
 * a page at a time, and change the policy, level or region of many at once (one save, one undo).
 */
export function ContractTable({
  rows,
  policies,
  managed,
  warnings,
  actions,
  reveal,
  onRevealed,
}: {
  rows: ContractRow[];
  policies: Policy[];
  managed: (customer: Customer) => boolean;
  warnings: (row: ContractRow) => ReactNode;
  actions: (row: ContractRow) => ReactNode;
  /** Focus this row's control, on whichever page it is (the filter is cleared if it hides the row). */
  reveal?: Reveal | null;
  onRevealed?: () => void;
}) {
  const { settings } = useStore();
  const [query, setQuery] = useState('');
  const [field, setField] = useState<ContractField | 'all'>('all');
  const [sort, setSort] = useState<{ column: SortColumn; direction: SortDirection } | null>(null);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const matches = useMemo(() => {
    const found = filterRows(rows, query, field);
    return sort ? sortRows(found, sort.column, sort.direction) : found;
  }, [rows, query, field, sort]);
  const pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);
  const first = shownPage * PAGE_SIZE;
  const shown = matches.slice(first, first + PAGE_SIZE);
  const selectable = (rs: ContractRow[]) => rs.filter((r) => !managed(r.customer));
  const pageSelectable = selectable(shown);
  const pageSelected = pageSelectable.length > 0 && pageSelectable.every((r) => selected.has(r.customer.id));
  // Ids of customers no longer there (deleted, re-imported) drop out of the selection.
  const selectedRows = useMemo(() => rows.filter((r) => selected.has(r.customer.id)), [rows, selected]);
  const body = useRef<HTMLTableSectionElement>(null);

  // A saved, restored or kept row gets the focus back; a row the settings do not hold yet (the store
  // is still writing) is waited for.
  useEffect(() => {
    if (!reveal) return;
    const at = matches.findIndex((r) => r.customer.id === reveal.id);
    if (at < 0) {
      if (rows.some((r) => r.customer.id === reveal.id)) {
        setQuery('');
        setField('all');
      }
      return;
    }
    if (Math.floor(at / PAGE_SIZE) !== shownPage) {
      setPage(Math.floor(at / PAGE_SIZE));
      return;
    }
    const row = [...(body.current?.querySelectorAll("tr") ?? [])].find((r) => r.dataset.customerId === reveal.id);
    const control = row?.querySelector<HTMLElement>(`[data-action="${reveal.action}"]`);
    control?.focus();
    onRevealed?.();
  }, [reveal, rows, matches, shownPage, onRevealed]);

  const select = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  const sortBy = (column: SortColumn) => {
    setSort((s) => ({ column, direction: s?.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' }));
    setPage(0);
  };

  return (
    <>
      <div className="toolbar">
        <label>
          <span className="label-text">{i18n.t('options.contracts.filter')}</span>
          <input
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
          />
        </label>
        <label>
          <span className="label-text">{i18n.t('options.contracts.searchIn')}</span>
          <select
            value={field}
            onChange={(e) => {
              setField(e.target.value as ContractField | 'all');
              setPage(0);
            }}
          >
            <option value="all">{i18n.t('options.contracts.allFields')}</option>
            {CONTRACT_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(FIELD_LABELS[f])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {selectedRows.length > 0 && (
        <BulkEdit selected={selectedRows} policies={policies} onClear={() => setSelected(new Set())} />
      )}
      <div className="toolbar">
        <p className="muted" role="status">
          {matches.length === 0
            ? i18n.t('options.contracts.noMatch')
            : i18n.t('options.contracts.shown', [String(first + 1), String(first + shown.length), String(matches.length)])}
        </p>
        {selectable(matches).length > pageSelectable.length && (
          <button type="button" className="link" onClick={() => select(selectable(matches).map((r) => r.customer.id), true)}>
            {i18n.t('options.contracts.selectAll', [String(selectable(matches).length)])}
          </button>
        )}
      </div>
      <div className="contracts-table">
      <table className="contracts">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={i18n.t('options.contracts.selectPage')}
                checked={pageSelected}
                disabled={pageSelectable.length === 0}
                onChange={(e) => select(pageSelectable.map((r) => r.customer.id), e.target.checked)}
              />
            </th>
            {(Object.keys(COLUMN_LABELS) as SortColumn[]).map((column) => (
              <th key={column} scope="col" className={`col-${column}`} aria-sort={sort?.column === column ? sort.direction : undefined}>
                <button type="button" className="sort" onClick={() => sortBy(column)}>
                  {t(COLUMN_LABELS[column])}
                  <span aria-hidden="true">{sort?.column !== column ? '' : sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>
                </button>
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{i18n.t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {shown.map((row) => {
            const { customer, policy, level, region } = row;
            return (
              <tr key={customer.id} data-customer-id={customer.id}>
                <td>
                  {!managed(customer) && (
                    <input
                      type="checkbox"
                      aria-label={i18n.t('options.contracts.select', [customer.name])}
                      checked={selected.has(customer.id)}
                      onChange={(e) => select([customer.id], e.target.checked)}
                    />
                  )}
                </td>
                <th scope="row">
                  {customer.name}
                  {managed(customer) && <span className="tag">{i18n.t('options.managed')}</span>}
                </th>
                <td className="col-policy">{policy?.name ?? customer.policy}</td>
                <td className="col-level">{level && (level.defaulted ? `${i18n.t('options.contracts.levelDefault')} (${level.name})` : level.name)}</td>
                <td className="col-region">{region && (region.defaulted ? i18n.t('adhoc.regionDefault', [regionName(region.id, settings.holidays)]) : regionName(region.id, settings.holidays))}</td>
                <td className="col-matches muted">{[...customer.domains, ...customer.organisations, ...customer.addresses].join(', ')}</td>
                <td className="col-warnings">{warnings(row)}</td>
                <td className="actions">{actions(row)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label={i18n.t('options.contracts.pages')}>
          <button type="button" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
            {i18n.t('options.contracts.previous')}
          </button>
          <span>{i18n.t('options.contracts.page', [String(shownPage + 1), String(pages)])}</span>
          <button type="button" disabled={shownPage >= pages - 1} onClick={() => setPage(shownPage + 1)}>
            {i18n.t('options.contracts.next')}
          </button>
        </nav>
      )}
    </>
  );
}

/**
 * Policy, level and region for every selected contract; refused ones are named with the reason. The
 * selection stays after a change, so what was changed stays in view beside its undo.
 */
function BulkEdit({ selected, policies, onClear }: { selected: ContractRow[]; policies: Policy[]; onClear: () => void }) {
  const { settings, loaded, save, undo } = useStore();
  const [policy, setPolicy] = useState(KEEP);
  const [level, setLevel] = useState(KEEP);
  const [region, setRegion] = useState(KEEP);
  const [outcome, setOutcome] = useState<{
    changed: number;
    refused: SettingsError[];
    checked: { customers?: unknown[] };
    saved: boolean;
  } | null>(null);
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const [undone, setUndone] = useState<boolean | null>(null);

  // The levels and regions on offer: the chosen policy's, else those of the selected contracts' policies.
  const target = policies.find((p) => p.id === policy);
  const inPlay = target ? [target] : [...new Set(selected.map((r) => r.policy).filter((p): p is Policy => !!p))];
  const levels = new Map<string, string>();
  for (const p of inPlay) for (const [id, rule] of Object.entries(p.levels)) if (!levels.has(id)) levels.set(id, rule.name);
  const regions = [...new Set(inPlay.flatMap((p) => regionChoices(p, settings)))].sort();
  const change: BulkChange = {
    ...(policy !== KEEP ? { policy } : {}),
    ...(level !== KEEP ? { level: level === DEFAULT ? null : level } : {}),
    ...(region !== KEEP ? { region: region === DEFAULT ? null : region } : {}),
  };
  const nothing = Object.keys(change).length === 0;

  async function apply() {
    setUndone(null);
    const plan = planBulkEdit(settings, new Set(selected.map((r) => r.customer.id)), change, {
      managedCustomers: new Set(loaded.managed.customers),
    });
    const refused = plan.refused.flatMap((r) => r.errors);
    if (plan.other.length > 0 || plan.changed.length === 0) {
      setErrors(plan.other);
      setOutcome({ changed: 0, refused, checked: plan.checked, saved: false });
      return;
    }
    const found = await save(plan.next);
    setErrors(found);
    setOutcome({ changed: found.length ? 0 : plan.changed.length, refused, checked: plan.checked, saved: found.length === 0 });
  }

  return (
    <fieldset className="bulk">
      <legend>{t('options.contracts.selected', selected.length)}</legend>
      <div className="row">
        <label>
          {i18n.t('options.contracts.policy')}
          <select value={policy} onChange={(e) => setPolicy(e.target.value)}>
            <option value={KEEP}>{i18n.t('options.contracts.keep')}</option>
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {i18n.t('options.contracts.level')}
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value={KEEP}>{i18n.t('options.contracts.keep')}</option>
            <option value={DEFAULT}>{i18n.t('options.contracts.levelDefault')}</option>
            {[...levels].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {i18n.t('options.contracts.region')}
          <select value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value={KEEP}>{i18n.t('options.contracts.keep')}</option>
            <option value={DEFAULT}>{i18n.t('options.contracts.levelDefault')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {regionName(r, settings.holidays)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={nothing} onClick={apply}>
          {t('options.contracts.bulkApply', selected.length)}
        </button>
        <button type="button" onClick={onClear}>
          {i18n.t('options.contracts.clearSelection')}
        </button>
      </div>
      {outcome?.saved && (
        <p role="status">
          {t('options.contracts.bulkChanged', outcome.changed)}{' '}
          <button
            type="button"
            onClick={async () => {
              const ok = await undo();
              setUndone(ok);
              if (ok) setOutcome(null);
            }}
          >
            {i18n.t('options.transfer.undo')}
          </button>
        </p>
      )}
      {undone !== null && <p role="status">{undone ? i18n.t('options.transfer.undone') : i18n.t('options.transfer.nothingToUndo')}</p>}
      {outcome && outcome.refused.length > 0 && (
        <ErrorList
          errors={formProblems(outcome.refused, outcome.checked)}
          title={t('options.contracts.bulkRefused', new Set(outcome.refused.map((e) => e.path.split('.')[1])).size)}
        />
      )}
      <ErrorList errors={formProblems(errors, settings)} refused />
    </fieldset>
  );
}
