// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SearchReportMessage } from '../../entrypoints/overlay.content/api/search/protocol';
import type { SearchRow } from '../../entrypoints/overlay.content/api/search/types';
import { SearchReportButton } from '../../entrypoints/popup/SearchReportButton';
import { applySettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

/**
 * The Reports section reading a helpdesk tab's search: the tab's port is a stand-in (the content
 * side is test/api/search-*.test.ts); the rows go through the real report engine and core
 * accumulator (on the page here: happy-dom has no Worker) with the stored settings.
 */

const TAB = 7;
const V12 = 'Velostrata 1.2 — Silver / Gold / Platinum support';
const QUERY = "Queue = 'Support'";

/** A port to the tab whose content script answers as `script` says, after the page connects. */
function stubTab(script: (post: (m: SearchReportMessage) => void) => void) {
  const listeners: Array<(m: SearchReportMessage) => void> = [];
  const disconnect = vi.fn();
  const port = {
    onMessage: { addListener: (l: (m: SearchReportMessage) => void) => listeners.push(l) },
    onDisconnect: { addListener: () => {} },
    disconnect,
  };
  const connect = vi.fn(() => {
    setTimeout(() =>
      script((m) => {
        for (const listener of listeners) listener(m);
      }),
    );
    return port;
  });
  fakeBrowser.tabs.connect = connect as unknown as typeof fakeBrowser.tabs.connect;
  return { connect, disconnect };
}

/** Acme's Gold P1 (Velostrata 1.2): first response within 1 h round the clock. */
const ticket = (id: string, submitted: string, firstReply?: string): SearchRow => ({
  id,
  subject: `Ticket ${id}`,
  priority: 'P1',
  submitted,
  ...(firstReply ? { firstReply } : {}),
  requesterEmail: 'ops@acme.test',
  language: 'en',
  status: 'open',
});

const source: SearchReportMessage = {
  type: 'source',
  source: { kind: 'api', helpdesk: 'rt', apiName: 'RT REST2', query: QUERY, url: 'http://rt.test/Search/Results.html', title: 'Found 4 tickets' },
};

beforeEach(async () => {
  fakeBrowser.reset();
  await installI18n();
  await applySettings({ version: 1, customers: [{ id: 'acme', name: 'Acme', domains: ['acme.test'], policy: 'velostrata-1.2', level: 'gold' }] });
});

describe('Reports: SLA report of a helpdesk search', () => {
  it('reads the tab’s search, shows progress, then the figures per month, customer, level and priority', async () => {
    let finish: () => void = () => {};
    const { connect } = stubTab((post) => {
      post(source);
      post({ type: 'rows', rows: [ticket('1', '2026-10-05T09:00:00Z', '2026-10-05T09:30:00Z'), ticket('2', '2026-11-02T10:00:00Z', '2026-11-02T10:30:00Z')] });
      post({ type: 'progress', read: 2, total: 4, requests: 2 });
      finish = () => {
        post({ type: 'rows', rows: [ticket('3', '2026-11-03T10:00:00Z', '2026-11-03T12:00:00Z'), { ...ticket('4', '2026-11-04T10:00:00Z'), priority: undefined, priorityRaw: 'Whenever' }] });
        post({ type: 'progress', read: 4, total: 4, requests: 4 });
        post({ type: 'done', read: 4, total: 4, truncated: false, requests: 4 });
      };
    });
    renderOptions(`#/reports?tab=${TAB}`);
    expect(await screen.findByText('2 of 4 tickets read')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toMatchObject({ value: 2, max: 4 });
    expect(connect).toHaveBeenCalledWith(TAB, { name: 'sla:search-report', frameId: 0 });
    expect(screen.getByText(QUERY)).toBeTruthy();
    finish();
    expect(await screen.findByText('4 tickets read in 4 requests.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: /SLA compliance per month/ });
    const lines = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(lines).toEqual([
      ['2026-10', 'Acme', V12, 'Gold', 'P1', '1', '1', '0', '0', '0', '0', '100.0 %'],
      ['2026-11', 'Acme', V12, 'Gold', 'P1', '2', '1', '1', '0', '0', '0', '50.0 %'],
    ]);
    // The ticket whose priority the settings do not map: not evaluated, with its row and reason.
    const bad = screen.getByRole('table', { name: '1 row could not be evaluated' });
    expect(within(bad).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([expect.stringMatching(/^4.*priority.*Whenever/)]);
  });

  it('shows an indeterminate progress bar while the search’s size is unknown (never 100 % before the end)', async () => {
    stubTab((post) => {
      post(source);
      post({ type: 'progress', read: 10_000, requests: 100 });
    });
    renderOptions(`#/reports?tab=${TAB}`);
    expect(await screen.findByText(/10,000 tickets read/)).toBeTruthy();
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
  });

  it('sorts with the header buttons (keyboard too) and filters by month', async () => {
    stubTab((post) => {
      post(source);
      post({ type: 'rows', rows: [ticket('1', '2026-10-05T09:00:00Z', '2026-10-05T09:30:00Z'), ticket('2', '2026-11-02T10:00:00Z', '2026-11-02T13:00:00Z')] });
      post({ type: 'done', read: 2, truncated: false, requests: 2 });
    });
    const user = userEvent.setup();
    renderOptions(`#/reports?tab=${TAB}`);
    const table = await screen.findByRole('table', { name: /SLA compliance per month/ });
    const months = () => within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(months()).toEqual(['2026-10', '2026-11']);
    const percent = within(table).getByRole('button', { name: '% met' });
    percent.focus();
    await user.keyboard('{Enter}');
    expect(months()).toEqual(['2026-11', '2026-10']);
    expect(percent.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    await user.selectOptions(screen.getByLabelText('From month'), '2026-11');
    expect(months()).toEqual(['2026-11']);
  });

  it('cancel disconnects from the tab (which stops its reading) and makes no report', async () => {
    const { disconnect } = stubTab((post) => {
      post(source);
      post({ type: 'rows', rows: [ticket('1', '2026-10-05T09:00:00Z')] });
      post({ type: 'progress', read: 1, total: 20_000, requests: 1 });
    });
    const user = userEvent.setup();
    renderOptions(`#/reports?tab=${TAB}`);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(disconnect).toHaveBeenCalled();
    expect(screen.getByText('Cancelled. No report was made.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /SLA compliance/ })).toBeNull();
  });

  it('says when the search was cut at the bound, and why reading failed in the user’s words', async () => {
    stubTab((post) => {
      post(source);
      post({ type: 'rows', rows: [ticket('1', '2026-10-05T09:00:00Z', '2026-10-05T09:30:00Z')] });
      post({ type: 'done', read: 20_000, total: 31_000, truncated: true, requests: 402 });
    });
    renderOptions(`#/reports?tab=${TAB}`);
    expect(await screen.findByText('The search has 31,000 tickets: the report covers the first 20,000.')).toBeTruthy();

    stubTab((post) => {
      post(source);
      post({ type: 'failed', failure: { kind: 'signed-out', status: 401 }, read: 300 });
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Read the search again' }));
    expect(await screen.findByText('Reading the search stopped after 300 tickets: not signed in (sign in to the helpdesk again)')).toBeTruthy();
  });

  it('on a page without a search the API repeats, says the report covers the tickets loaded on the page', async () => {
    stubTab((post) => {
      post({ type: 'source', source: { kind: 'page', tickets: 1, url: 'http://zammad.test/#ticket/view', title: 'Zammad' } });
      post({ type: 'rows', rows: [ticket('1', '2026-10-05T09:00:00Z', '2026-10-05T09:30:00Z')] });
      post({ type: 'done', read: 1, truncated: false, requests: 0 });
    });
    renderOptions(`#/reports?tab=${TAB}`);
    expect(await screen.findByText(/the report covers the 1 tickets loaded on the page/)).toBeTruthy();
    expect(await screen.findByRole('table', { name: /SLA compliance/ })).toBeTruthy();
  });
});

describe('popup: SLA report for this search', () => {
  it('on a helpdesk list opens the Reports section for this tab', async () => {
    fakeBrowser.tabs.query = (async () => [{ id: TAB }]) as unknown as typeof fakeBrowser.tabs.query;
    const sendMessage = vi.fn(async () => source.type === 'source' && source.source);
    fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
    const create = vi.fn(async () => ({}));
    fakeBrowser.tabs.create = create as unknown as typeof fakeBrowser.tabs.create;
    vi.spyOn(window, 'close').mockImplementation(() => {});
    render(<SearchReportButton />);
    const button = await screen.findByRole('button', { name: 'SLA report for this search' });
    expect(screen.getByText('All tickets of this search, read through RT REST2')).toBeTruthy();
    expect(sendMessage).toHaveBeenCalledWith(TAB, { type: 'sla:search-info' }, { frameId: 0 });
    await userEvent.setup().click(button);
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#\/reports\?tab=7$/) }));
  });

  it('offers nothing on a tab without the overlay', async () => {
    fakeBrowser.tabs.query = (async () => [{ id: TAB }]) as unknown as typeof fakeBrowser.tabs.query;
    const sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
    const { container } = render(<SearchReportButton />);
    await waitFor(() => expect(sendMessage).toHaveBeenCalled());
    await Promise.resolve();
    expect(container.textContent).toBe('');
  });
});
