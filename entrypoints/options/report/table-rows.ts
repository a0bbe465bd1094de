import { type Counts, type ReportGroup, shareMet } from '@/core/report';

/** The report's table: one line per group, sortable by any column; pure, for the component and its tests. */

export const COLUMNS = ['month', 'customer', 'level', 'priority', 'tickets', 'met', 'late', 'openLate', 'noTarget', 'percent'] as const;
export type Column = (typeof COLUMNS)[number];
export type Direction = 'ascending' | 'descending';

/** "velostrata-1.2 · gold", or the policy alone. */
export const levelOf = (group: ReportGroup) => (group.level ? `${group.policy} · ${group.level}` : group.policy);

const key = (group: ReportGroup, column: Column): string | number => {
  const counts: Counts = group.counts;
  switch (column) {
    case 'month':
      return group.month;
    case 'customer':
      return group.customer;
    case 'level':
      return levelOf(group);
    case 'priority':
      return group.priority;
    case 'percent':
      // Nothing decided sorts below 0 %.
      return shareMet(counts) ?? -1;
    default:
      return counts[column];
  }
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A stable sort (ties keep the report's month, customer, level, priority order). */
export function sortGroups(groups: readonly ReportGroup[], column: Column, direction: Direction): ReportGroup[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return groups
    .map((group, index) => ({ group, index, value: key(group, column) }))
    .sort((a, b) => {
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map(({ group }) => group);
}

export interface Filter {
  from?: string;
  to?: string;
  customer?: string;
}

/** The groups of the chosen months (yyyy-mm, inclusive) and customer. */
export function filterGroups(groups: readonly ReportGroup[], { from, to, customer }: Filter): ReportGroup[] {
  return groups.filter(
    (group) => (!from || group.month >= from) && (!to || group.month <= to) && (customer === undefined || customer === '*' || group.customer === customer),
  );
}
