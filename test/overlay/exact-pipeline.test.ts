import { describe, expect, it } from 'vitest';
import { Settings } from '../../core/settings/schema';
import type { ExactEntry } from '../../entrypoints/overlay.content/api/exact-data';
import { withExact } from '../../entrypoints/overlay.content/api/merge';
import { badgeState } from '../../entrypoints/overlay.content/badge-state';
import { createPipeline } from '../../entrypoints/overlay.content/pipeline';
import { ticket } from './inputs';

/** The page's reading of a ticket with the API's exact values over it, through the real pipeline and core. */

const settings = Settings.parse({
  version: 1,
  customers: [{ id: 'acme', name: 'Acme', domains: ['acme.example'], policy: 'velostrata-1.2', level: 'gold' }],
});

// A list row: relative "3 hours ago", no reply column.
const listRow = ticket({
  id: '7',
  priorityRaw: 'High',
  requesterEmail: 'bob@acme.example',
  submitted: '2026-11-17T17:04:00Z',
  submittedApproximate: true,
});

const answered: ExactEntry = {
  apiName: 'RT REST2',
  readAt: Date.parse('2026-11-17T20:30:00Z'),
  exact: {
    fields: { submitted: '2026-11-17T17:00:00+00:00', priorityRaw: 'High', firstReply: '2026-11-17T19:00:00Z' },
    helpdeskDeadline: { deadline: '2026-11-18T17:00:00Z', name: 'RT Due' },
  },
};

describe('exact data over the page', () => {
  it('replaces a relative submission time (no ≈) and shows an answered ticket as met', () => {
    const model = createPipeline(settings, undefined)(withExact(listRow, answered));
    const view = badgeState(model.input, Date.parse('2026-11-17T20:30:00Z'));
    expect(view.state).toBe('met');
    expect(view.text).not.toContain('≈');
    // Gold P2: 4 business hours from Tue 09:00 PST.
    expect(view.deadline).toBe('2026-11-17T21:00:00.000Z');
  });

  it('leaves the page reading alone without an entry, and marks it approximate', () => {
    const model = createPipeline(settings, undefined)(withExact(listRow, undefined));
    const view = badgeState(model.input, Date.parse('2026-11-17T20:30:00Z'));
    expect(view.state).not.toBe('met');
    expect(view.text).toContain('≈');
  });

  it("shows the helpdesk's own SLA beside the contract's and warns when it is looser", () => {
    const model = createPipeline(settings, undefined)(withExact(listRow, answered));
    const section = model.sections.find((s) => s.title === "Helpdesk's own SLA");
    expect(section?.warning).toBe(true);
    expect(section?.lines[0]).toMatch(/^RT Due: first response due /);
    // Contract due Tue 13:00 PST, RT's Due Wed 09:00 PST: 20 hours later.
    expect(section?.lines[1]).toBe("Your helpdesk's SLA is 20h looser than the contract.");
    expect(model.sections.find((s) => s.title === 'Page')?.lines.join()).toMatch(/Exact data from RT REST2, read /);
  });

  it('a stricter helpdesk target is said, not warned about', () => {
    const stricter: ExactEntry = {
      ...answered,
      exact: { ...answered.exact, fields: { ...answered.exact?.fields }, helpdeskDeadline: { deadline: '2026-11-17T20:00:00Z', name: 'RT Due' } },
    };
    const section = createPipeline(settings, undefined)(withExact(listRow, stricter)).sections.find((s) => s.title === "Helpdesk's own SLA");
    expect(section?.warning).toBe(false);
    expect(section?.lines[1]).toBe("Your helpdesk's SLA is 1h stricter than the contract.");
  });

  it('keeps the page values and says why when the API failed', () => {
    const failed: ExactEntry = { apiName: 'RT REST2', readAt: Date.now(), failure: { kind: 'signed-out', status: 401 } };
    const model = createPipeline(settings, undefined)(withExact(listRow, failed));
    expect(badgeState(model.input, Date.parse('2026-11-17T18:00:00Z')).text).toContain('≈');
    expect(model.sections.find((s) => s.title === 'Page')?.lines).toContain(
      'No exact data from RT REST2: not signed in (sign in to the helpdesk again). Showing what the page shows.',
    );
  });

  it('fills what the page lacks: a row without a submission time becomes readable', () => {
    const bare = ticket({ id: '8', priorityRaw: 'High', requesterEmail: 'bob@acme.example' }, ['submitted']);
    expect(createPipeline(settings, undefined)(bare).input.kind).toBe('unreadable');
    const model = createPipeline(settings, undefined)(withExact(bare, answered));
    expect(model.input.kind).toBe('evaluated');
  });

  it('a new answer for the same page reading gives a new model (the memo tells entries apart)', () => {
    const pipeline = createPipeline(settings, undefined);
    const first = pipeline(withExact(listRow, answered));
    expect(pipeline(withExact(listRow, answered))).toBe(first);
    const later: ExactEntry = { ...answered, exact: { ...answered.exact, fields: { ...answered.exact?.fields, firstReply: undefined } } };
    expect(pipeline(withExact(listRow, later))).not.toBe(first);
  });
});
