// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fieldCells, fieldColumns } from '../../entrypoints/overlay.content/adapters/table-columns';

/** Builds a table from rows of [tag, text, colspan?] without parsing HTML. */
function table(lines: Array<Array<[string, string, number?]>>, bodyAt: number): HTMLTableElement {
  const element = document.createElement('table');
  const head = element.createTHead();
  const body = element.createTBody();
  lines.forEach((cells, index) => {
    const row = (index < bodyAt ? head : body).insertRow();
    for (const [tag, text, span] of cells) {
      const cell = document.createElement(tag);
      cell.textContent = text;
      if (span !== undefined) cell.setAttribute('colspan', String(span));
      row.append(cell);
    }
  });
  return element;
}

describe('table columns', () => {
  it('matches body cells to header cells by position, across colspans and two-line rows', () => {
    const list = table(
      [
        [['th', 'id'], ['th', 'subject', 2], ['th', 'priority']],
        [['th', 'customer'], ['th', 'created', 3]],
        [['td', '7'], ['td', 'Printer on fire'], ['td', 'x'], ['td', 'High']],
        [['td', 'Acme'], ['td', 'Sun Nov 15 02:30:00 2026', 2], ['td', 'spare']],
      ],
      2,
    );
    const columns = fieldColumns(list, (header) => header.textContent ?? undefined);
    expect(columns.map((c) => [c.field, c.column.line, c.column.start])).toEqual([
      ['id', 0, 0],
      ['subject', 0, 1],
      ['priority', 0, 3],
      ['customer', 1, 0],
      ['created', 1, 1],
    ]);
    const [first, second] = list.querySelectorAll('tbody tr');
    const cells = fieldCells([first as Element, second as Element], columns);
    expect(cells.map(({ field, cell }) => [field, cell.textContent])).toEqual([
      ['id', '7'],
      ['subject', 'Printer on fire'],
      ['priority', 'High'],
      ['customer', 'Acme'],
      ['created', 'Sun Nov 15 02:30:00 2026'],
    ]);
  });

  it('leaves out a column whose cell a body colspan covers, and ignores bad spans as the browser does', () => {
    const list = table(
      [
        [['th', 'id'], ['th', 'subject'], ['th', 'priority', 0]],
        [['td', '8', 2], ['td', 'Low']],
      ],
      1,
    );
    const columns = fieldColumns(list, (header) => header.textContent ?? undefined);
    const row = list.querySelector('tbody tr') as Element;
    // A script-inserted non-cell in the row is not a column.
    row.insertBefore(document.createElement('div'), row.firstChild);
    expect(fieldCells([row], columns).map(({ field, cell }) => [field, cell.textContent])).toEqual([
      ['id', '8'],
      ['priority', 'Low'],
    ]);
  });

  it('indexes a line with one cell per header column directly, with the same result as the walk', () => {
    const list = table(
      [
        [['th', 'id'], ['th', 'subject', 2], ['th', 'priority']],
        [['th', 'customer'], ['th', 'created']],
        [['td', '9'], ['td', 'Disk full'], ['td', 'x'], ['td', 'Urgent']],
        [['td', 'Initech'], ['td', 'Mon Nov 16 09:00:00 2026']],
      ],
      2,
    );
    const columns = fieldColumns(list, (header) => header.textContent ?? undefined);
    expect(columns.map((c) => c.column.lineWidth)).toEqual([4, 4, 4, 2, 2]);
    const lines = [...list.querySelectorAll('tbody tr')];
    // A script-inserted non-cell in a row is not a column either way.
    lines[1]?.insertBefore(document.createElement('div'), lines[1].firstChild);
    const read = () => fieldCells(lines, columns).map(({ field, cell }) => [field, cell.textContent]);
    const indexed = read();
    expect(indexed).toEqual([
      ['id', '9'],
      ['subject', 'Disk full'],
      ['priority', 'Urgent'],
      ['customer', 'Initech'],
      ['created', 'Mon Nov 16 09:00:00 2026'],
    ]);
    // The same line with a spanning cell has one cell fewer than its header has columns: walked.
    const [id, subject] = (lines[0] as HTMLTableRowElement).cells;
    subject?.setAttribute('colspan', '2');
    (lines[0] as HTMLTableRowElement).cells[2]?.remove();
    expect(read()).toEqual(indexed);
    // Spans shift what follows: subject (column 1) and priority (column 3) start nowhere now.
    id?.setAttribute('colspan', '2');
    expect(read().map(([field]) => field)).toEqual(['id', 'customer', 'created']);
  });
});
