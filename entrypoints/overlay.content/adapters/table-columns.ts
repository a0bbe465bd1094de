/**
 * Cells of list tables whose columns are only named in the header (RT, osTicket, ServiceNow put no
 * field name on the body cells). A row may span several `tr`s (RT's two-line rows) and cells may
 * span columns, so cells are matched to header cells by (line, column) position.
 */

export interface Column {
  /** Header cell; callers derive a field from its text, link or attributes. */
  header: Element;
  line: number;
  start: number;
}

function positioned(lines: Element[]): Column[] {
  return lines.flatMap((line, index) => {
    let start = 0;
    return [...line.children]
      .filter((cell) => cell.tagName === 'TH' || cell.tagName === 'TD')
      .map((header) => {
        const column = { header, line: index, start };
        start += (header as HTMLTableCellElement).colSpan || 1;
        return column;
      });
  });
}

/**
 * The header lines: the table's leading rows made only of `th` cells. RT 5 writes them straight into
 * the table without a `<thead>` (the parser then wraps them in an anonymous tbody).
 */
function headerColumns(table: Element): Column[] {
  const lines: Element[] = [];
  // Walk the table's own rows in order and stop at the first data row: a query for all rows would
  // visit every row of a 500-ticket list.
  for (const part of table.children) {
    const rows = part.tagName === 'TR' ? [part] : part.tagName === 'THEAD' || part.tagName === 'TBODY' ? [...part.children] : [];
    for (const line of rows) {
      const cells = [...line.children].filter((cell) => cell.tagName === 'TH' || cell.tagName === 'TD');
      if (!cells.length) continue;
      if (cells.some((cell) => cell.tagName !== 'TH')) return positioned(lines);
      lines.push(line);
    }
  }
  return positioned(lines);
}

/**
 * A line's cells by the column they start at (cells spanning several columns leave gaps), up to
 * column `last`: the cells after the last field column are never looked at.
 */
function cellsByStart(line: Element | undefined, last: number): Element[] {
  const cells: Element[] = [];
  let start = 0;
  for (let cell = line?.firstElementChild; cell && start <= last; cell = cell.nextElementSibling) {
    // Only td/th have colSpan (the span the browser lays out with: 1 for missing or bad values);
    // reading it is cheaper than comparing tag names, for every cell of a 500-row list.
    const span = (cell as HTMLTableCellElement).colSpan;
    if (span === undefined) continue;
    cells[start] = cell;
    start += span || 1;
  }
  return cells;
}

/** A header column that names a ticket field. */
export interface FieldColumn<F> {
  column: Column;
  field: F;
}

/** The header columns `fieldOf` maps to a field (each adapter names columns its own way), in header order. */
export function fieldColumns<F>(table: Element, fieldOf: (header: Element) => F | undefined): FieldColumn<F>[] {
  return headerColumns(table).flatMap((column) => {
    const field = fieldOf(column.header);
    return field ? [{ column, field }] : [];
  });
}

/**
 * The body cell under each field column of a row made of `lines`, in header order; missing cells are
 * left out. Each line's cells are walked once (this runs for every row of a 500-row list).
 */
export function fieldCells<F>(
  lines: Element[],
  columns: FieldColumn<F>[],
  spans = true,
): Array<{ field: F; cell: Element }> {
  const found: Array<{ field: F; cell: Element }> = [];
  if (!spans) {
    // No body cell spans columns: a column's cell is the line's cell at that index.
    const cells = lines.map((line) => (line as HTMLTableRowElement).cells);
    for (const { column, field } of columns) {
      const cell = cells[column.line]?.[column.start];
      if (cell) found.push({ field, cell });
    }
    return found;
  }
  const last: number[] = [];
  for (const { column } of columns) last[column.line] = Math.max(last[column.line] ?? 0, column.start);
  const byLine = lines.map((line, index) => (last[index] === undefined ? [] : cellsByStart(line, last[index] as number)));
  for (const { column, field } of columns) {
    const cell = byLine[column.line]?.[column.start];
    if (cell) found.push({ field, cell });
  }
  return found;
}

/**
 * Whether any body cell of `table` spans columns. Lists without (RT's) let fieldCells index each
 * row's cells directly instead of walking them: one query per table instead of a walk per row.
 */
export function bodySpansColumns(table: Element): boolean {
  return table.querySelector('tbody td[colspan], tbody th[colspan]') !== null;
}
