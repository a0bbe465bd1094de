// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatInstant, localZone } from '../../components/format';
import { App } from '../../entrypoints/popup/App';
import type { BadgeCounts } from '../../entrypoints/overlay.content/ticker';
import { applySettings } from '../../utils/settings-store';
import { installI18n } from './support';

const TAB = 7;

function stubTab(reply: BadgeCounts | null) {
  const sendMessage = vi.fn(async () => reply);
  // The top frame has no such badge; a frame inside it does.
  const executeScript = vi.fn(async () => [
    { frameId: 0, result: null },
    { frameId: 3, result: '4711' },
  ]);
  fakeBrowser.tabs.query = (async () => [{ id: TAB }]) as unknown as typeof fakeBrowser.tabs.query;
  fakeBrowser.runtime.sendMessage = sendMessage as unknown as typeof fakeBrowser.runtime.sendMessage;
  fakeBrowser.scripting.executeScript = executeScript as unknown as typeof fakeBrowser.scripting.executeScript;
  return { sendMessage, executeScript };
}

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('popup', { timeout: 20_000 }, () => {
  it('shows the current tab’s badge counts by state and links the next deadline to its ticket', async () => {
    const user = userEvent.setup();
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const next = '2026-11-23T17:00:00.000Z';
    const { sendMessage, executeScript } = stubTab({ counts: { 'on-track': 3, 'at-risk': 1, breached: 2 }, total: 6, nextDeadline: next });
    render(<App />);
    const counts = await screen.findByRole('list', { name: 'Badges by state' });
    expect(within(counts).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['3 on track', '1 at risk', '2 breached']);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'sla:get-counts', tabId: TAB });
    const link = await screen.findByRole('link', { name: 'Show ticket 4711' });
    expect(screen.getByTestId('next-deadline').textContent).toContain(formatInstant(next, localZone()));
    await user.click(link);
    expect(executeScript).toHaveBeenLastCalledWith(expect.objectContaining({ target: { tabId: TAB, allFrames: true }, args: [next, true] }));
    expect(close).toHaveBeenCalled();
  });

  it('says so when the tab has no badges (not a helpdesk page)', async () => {
    stubTab(null);
    render(<App />);
    expect(await screen.findByText('No SLA badges on this tab.')).toBeTruthy();
  });

  it('offers the team’s custom policies in the ad-hoc form', async () => {
    stubTab(null);
    const { builtinPolicies } = await import('../../core');
    await applySettings({ version: 1, customPolicies: [{ ...builtinPolicies['velostrata-4.0'], id: 'team-4', name: 'Team 4.0' }] });
    render(<App />);
    const policy = await screen.findByLabelText('Policy');
    expect(within(policy).getByRole('option', { name: 'Team 4.0' })).toBeTruthy();
  });
});
