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
        start += Number(header.getAttribute('colspan')) || 1;
        return column;
      });
  });
}

export function headerColumns(table: Element): Column[] {
  const head = table.querySelector(':scope > thead');
  return head ? positioned([...head.querySelectorAll(':scope > tr')]) : [];
}

/** The body cell under `column` in a row made of `lines` (one or more `tr`). */
export function cellUnder(lines: Element[], column: Column): Element | undefined {
  return positioned(lines).find((cell) => cell.line === column.line && cell.start === column.start)?.header;
}
