// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

/**
 * Reports → Report from a file: a helpdesk's export read by its preset, a file without a column the
 * report needs, and a mapping chosen column by column. The real reader and accumulator run (on the
 * page: happy-dom has no Worker). Acme is Velostrata 1.2 Gold: P1 within 1 h round the clock.
 */

beforeEach(async () => {
  fakeBrowser.reset();
  await installI18n();
  await applySettings({ version: 1, customers: [{ id: 'acme', name: 'Acme', domains: ['acme.test'], policy: 'velostrata-1.2', level: 'gold' }] });
});

const make = () => screen.getByRole('button', { name: 'Make the report' }) as HTMLButtonElement;

async function figures() {
  const dl = within(await screen.findByTestId('report-figures', {}, { timeout: 10_000 }));
  const value = (label: string) => dl.getByText(label).nextSibling?.textContent;
  return { tickets: value('Tickets'), met: value('In time'), late: value('Late'), openLate: value('Open, past deadline') };
}

describe('Reports: report from a file', () => {
  it("reads Zendesk's CSV export through its preset (first reply in minutes) and says which column gives each field", async () => {
    const user = userEvent.setup();
    renderOptions('#/reports');
    const csv = [
      'Id,Subject,Priority,Created at,Requester email,First reply time in minutes',
      '101,Line down,Urgent,2026-03-06 16:00,ops@acme.test,30',
      '102,Still down,Urgent,2026-03-06 17:00,ops@acme.test,90',
      '103,No answer,Urgent,2026-03-07 09:00,ops@acme.test,',
      '104,Who?,Urgent,2026-03-07 09:00,someone@else.test,10',
    ].join('\n');
    await user.upload(await screen.findByLabelText('Export file'), file('zendesk.csv', csv, 'text/csv'));
    await user.selectOptions(screen.getByLabelText('Columns'), 'Zendesk CSV export');
    expect(await screen.findByText(/^Read: .*submitted ← Created at.*firstReplyMinutes ← First reply time in minutes/)).toBeTruthy();
    await user.click(make());
    expect(await figures()).toEqual({ tickets: '3', met: '1', late: '1', openLate: '1' });
    // The unknown requester: not evaluated, with its spreadsheet row (the header is row 1).
    const bad = screen.getByRole('table', { name: '1 row could not be evaluated' });
    expect(within(bad).getAllByRole('row')[1]?.textContent).toMatch(/^5.*someone@else\.test/);
  });

  it('refuses a file without a priority column before reading it, in the user’s words', async () => {
    const user = userEvent.setup();
    renderOptions('#/reports');
    await user.upload(await screen.findByLabelText('Export file'), file('tickets.csv', 'id,Created\n1,Fri Dec 04 13:43:00 2026\n', 'text/csv'));
    expect((await screen.findByRole('alert')).textContent).toBe("tickets.csv, row 1: no column for priority. Choose the helpdesk's preset or pick the column yourself.");
    expect(make().disabled).toBe(true);
  });

  it('takes a column chosen for each field', async () => {
    const user = userEvent.setup();
    renderOptions('#/reports');
    const tsv = ['Ticket\tWhen\tUrgency\tMail\tAnswered', '1\t2026-03-06T16:00:00Z\tP1\tops@acme.test\t2026-03-06T16:20:00Z', '2\t2026-03-06T16:00:00Z\tP1\tops@acme.test\t'].join('\n');
    await user.upload(await screen.findByLabelText('Export file'), file('own.tsv', tsv, 'text/tab-separated-values'));
    await user.selectOptions(screen.getByLabelText('Columns'), 'Choose each column…');
    expect(await screen.findByText('TSV with the columns: Ticket, When, Urgency, Mail, Answered')).toBeTruthy();
    const mapping = within(screen.getByRole('group', { name: 'Which column holds each field' }));
    for (const [field, column] of [
      ['id', 'Ticket'],
      ['submitted', 'When'],
      ['priority', 'Urgency'],
      ['requesterEmail', 'Mail'],
      ['firstReply', 'Answered'],
    ]) {
      await user.selectOptions(mapping.getByLabelText(field as string), column as string);
    }
    await waitFor(() => expect(make().disabled).toBe(false));
    await user.click(make());
    expect(await figures()).toEqual({ tickets: '2', met: '1', late: '0', openLate: '1' });
  });
});
