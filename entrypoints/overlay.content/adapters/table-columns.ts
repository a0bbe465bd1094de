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
  /** Columns of the header line (colspans counted). */
  lineWidth: number;
}

function positioned(lines: Element[]): Column[] {
  return lines.flatMap((line, index) => {
    let start = 0;
    const columns = [...line.children]
      .filter((cell) => cell.tagName === 'TH' || cell.tagName === 'TD')
      .map((header) => {
        const column = { header, line: index, start, lineWidth: 0 };
        start += (header as HTMLTableCellElement).colSpan || 1;
        return column;
      });
    for (const column of columns) column.lineWidth = start;
    return columns;
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
function cellsByStart(line: Element, last: number): Element[] {
  const cells: Element[] = [];
  let start = 0;
  for (let cell = line.firstElementChild; cell && start <= last; cell = cell.nextElementSibling) {
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
 * left out. This runs for every row of a 500-row list, and every DOM call costs: a line with one cell
 * per header column (no cell spans columns, unless the line is wider than its header) has each
 * column's cell at that index; other lines are walked once.
 */
export function fieldCells<F>(lines: Element[], columns: FieldColumn<F>[]): Array<{ field: F; cell: Element }> {
  // Indexed loops: iterators allocate per step in code the engine has not optimised yet (a list's first scan).
  const last: number[] = [];
  const width: number[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = (columns[i] as FieldColumn<F>).column;
    last[column.line] = Math.max(last[column.line] ?? 0, column.start);
    width[column.line] = column.lineWidth;
  }
  const byLine: Array<ArrayLike<Element> | undefined> = [];
  for (let index = 0; index < lines.length; index++) {
    if (last[index] === undefined) continue;
    const line = lines[index] as Element;
    const cells = (line as HTMLTableRowElement).cells;
    byLine[index] = cells?.length === width[index] ? cells : cellsByStart(line, last[index] as number);
  }
  const found: Array<{ field: F; cell: Element }> = [];
  for (let i = 0; i < columns.length; i++) {
    const { column, field } = columns[i] as FieldColumn<F>;
    const cell = byLine[column.line]?.[column.start];
    if (cell) found.push({ field, cell });
  }
  return found;
}
