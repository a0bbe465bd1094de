import type { Adapter, ScannedTicket } from '../../entrypoints/overlay.content/adapters/types';
import type { BadgeModel } from '../../entrypoints/overlay.content/badge-model';
import type { EvaluateResult } from '../../core/evaluate/types';
import { renderExplanation } from '../../core/explain/render';

/** A minimal list adapter for overlay tests: rows `tr[data-id]`, badge in `td.subject`. */
export const rowAdapter: Adapter = {
  id: 'test-rows',
  name: 'Test rows',
  matches: ['http://127.0.0.1/*'],
  scan(root) {
    return [...root.querySelectorAll('tr[data-id]')].map((row): ScannedTicket => {
      const id = row.getAttribute('data-id') ?? '';
      const submitted = row.querySelector('time')?.getAttribute('datetime') ?? undefined;
      return {
        key: id,
        element: row,
        anchor: row.querySelector('td.subject') ?? row,
        fields: { id, submitted },
        missing: submitted ? [] : ['submitted'],
      };
    });
  },
};

export function listPage(doc: Document, ids: string[]): HTMLTableSectionElement {
  doc.body.replaceChildren();
  const table = doc.createElement('table');
  const body = doc.createElement('tbody');
  table.append(body);
  doc.body.append(table);
  for (const id of ids) body.append(row(doc, id));
  return body;
}

export function row(doc: Document, id: string, submitted = '2026-11-16T00:00:00Z'): HTMLTableRowElement {
  const tr = doc.createElement('tr');
  tr.dataset.id = id;
  const subject = doc.createElement('td');
  subject.className = 'subject';
  subject.textContent = `Ticket ${id}`;
  const time = doc.createElement('time');
  time.setAttribute('datetime', submitted);
  const when = doc.createElement('td');
  when.append(time);
  tr.append(subject, when);
  return tr;
}

/** A four-hour 24/7 target from the ticket's submission time (test data, not a stand-in for core). */
export function fixedTargetModel(ticket: ScannedTicket): BadgeModel {
  const submitted = ticket.fields.submitted;
  if (!submitted) return { key: ticket.key, input: { kind: 'unreadable', reason: 'no submission time' }, sections: [] };
  const start = new Date(submitted).toISOString();
  const result: EvaluateResult = {
    target: {
      minutes: 240,
      clock: '24/7',
      calendar: '24/7',
      start,
      deadline: new Date(Date.parse(start) + 240 * 60_000).toISOString(),
      source: 'Test §1',
    },
    notes: [],
    steps: [{ code: 'clock-24/7', submitted: start, zone: 'UTC' }],
  };
  return {
    key: ticket.key,
    input: { kind: 'evaluated', label: 'P2 · Gold', result, atRiskShare: 0.25 },
    sections: [{ title: 'Why', lines: renderExplanation(result.steps, 'en') }],
  };
}

/** Memoised by ticket id and fields, as the pipeline does, so unchanged rows keep their model. */
export function memo(build: (ticket: ScannedTicket) => BadgeModel) {
  const cache = new Map<string, { signature: string; model: BadgeModel }>();
  return (ticket: ScannedTicket) => {
    const signature = JSON.stringify([ticket.fields, ticket.missing]);
    const hit = cache.get(ticket.key);
    if (hit?.signature === signature) return hit.model;
    const model = build(ticket);
    cache.set(ticket.key, { signature, model });
    return model;
  };
}
