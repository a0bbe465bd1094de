import type { ReportGroup, TableLine } from '@/core/report';

/** The report's table: the core's lines (the HTML file's), sortable by any column; pure, for the component and its tests. */

/** In the order of the core's `tableHeadings`. */
export const COLUMNS = ['month', 'customer', 'policy', 'level', 'priority', 'tickets', 'met', 'late', 'openLate', 'open', 'noTarget', 'percent'] as const;
export type Column = (typeof COLUMNS)[number];
export type Direction = 'ascending' | 'descending';

const key = (line: TableLine, column: Column): string | number => {
  switch (column) {
    case 'month':
    case 'customer':
    case 'policy':
    case 'level':
    case 'priority':
      return line[column];
    case 'percent':
      // Nothing decided sorts below 0 %.
      return line.met ?? -1;
    default:
      return line.counts[column];
  }
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A stable sort (ties keep the report's month, customer, contract, level, priority order). */
export function sortLines(lines: readonly TableLine[], column: Column, direction: Direction): TableLine[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return lines
    .map((line, index) => ({ line, index, value: key(line, column) }))
    .sort((a, b) => {
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map(({ line }) => line);
}

export interface Filter {
  from?: string;
  to?: string;
  /** A customer's name as the report groups it; absent or "*": all. */
  customer?: string;
}

/** The groups of the chosen months (yyyy-mm, inclusive) and customer. */
export function filterGroups(groups: readonly ReportGroup[], { from, to, customer }: Filter): ReportGroup[] {
  return groups.filter(
    (group) => (!from || group.month >= from) && (!to || group.month <= to) && (customer === undefined || customer === '*' || group.customer === customer),
  );
}
