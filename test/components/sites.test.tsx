// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { localeMessages } from '../overlay/locale-words';
import { installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
/** Every host permission request granted; the stand-in records what was asked. */
function grantingHosts() {
  const request = vi.fn(async () => true);
  fakeBrowser.permissions.request = request as typeof fakeBrowser.permissions.request;
  return request;
}

const storedSites = async () => (await loadSettings()).settings.sites;

describe('options: sites', { timeout: 20_000 }, () => {
  it('asks for the host permission before enabling a helpdesk, and stores the site when granted', async () => {
    const user = userEvent.setup();
    const request = grantingHosts();
    renderOptions('#/sites');
    const hosts = await screen.findByLabelText('Hosts for Request Tracker 5');
    fireEvent.change(hosts, { target: { value: 'https://rt.example.com/*' } });
    await user.click(screen.getByLabelText('Badges on Request Tracker 5'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://rt.example.com/*'] });
    await waitFor(async () =>
      expect(await storedSites()).toEqual([
        { adapter: 'rt', matches: ['https://rt.example.com/*'], enabled: true, priorityMap: {} },
      ]),
    );
  });

  it('leaves the helpdesk off when the permission is refused', async () => {
    const user = userEvent.setup();
    fakeBrowser.permissions.request = (async () => false) as typeof fakeBrowser.permissions.request;
    renderOptions('#/sites');
    fireEvent.change(await screen.findByLabelText('Hosts for Request Tracker 5'), { target: { value: 'https://rt.example.com/*' } });
    await user.click(screen.getByLabelText('Badges on Request Tracker 5'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not grant access/);
    expect(await storedSites()).toEqual([]);
  });

  it("refuses osTicket's template pattern (every https site) without asking, and enables the team's own host", async () => {
    const user = userEvent.setup();
    const request = grantingHosts();
    renderOptions('#/sites');
    const enable = await screen.findByLabelText('Badges on osTicket');
    await user.click(enable);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /https:\/\/\*\/scp\/\* names no host.*e\.g\. https:\/\/support\.example\.com\/scp\/\*/,
    );
    expect(request).not.toHaveBeenCalled();
    expect(await storedSites()).toEqual([]);
    expect(enable).toHaveProperty('checked', false);

    fireEvent.change(screen.getByLabelText('Hosts for osTicket'), { target: { value: 'https://support.example.com/scp/*' } });
    await user.click(enable);
    expect(request).toHaveBeenCalledWith({ origins: ['https://support.example.com/scp/*'] });
    await waitFor(async () =>
      expect(await storedSites()).toEqual([
        { adapter: 'osticket', matches: ['https://support.example.com/scp/*'], enabled: true, priorityMap: {} },
      ]),
    );
  });

  it('enables a loopback helpdesk without asking (the manifest grants it), and leaves it off when a pattern is invalid', async () => {
    const user = userEvent.setup();
    const request = grantingHosts();
    renderOptions('#/sites');
    await user.click(await screen.findByLabelText('Badges on Request Tracker 5'));
    await waitFor(async () => expect((await storedSites()).map((s) => s.enabled)).toEqual([true]));
    expect(request).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Hosts for Zammad (ticket zoom)'), { target: { value: 'zammad.example.com:8443' } });
    await user.click(screen.getByLabelText('Badges on Zammad (ticket zoom)'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/zammad\.example\.com:8443 is not a site pattern.*e\.g\. https:\/\/rt\.example\.com:8443\/\*/);
    expect(request).not.toHaveBeenCalled();
    // One the browser itself rejects: refused too, nothing stored.
    fakeBrowser.permissions.request = (async () => {
      throw new Error("Invalid url pattern 'https://zammad.example/*'");
    }) as typeof fakeBrowser.permissions.request;
    fireEvent.change(screen.getByLabelText('Hosts for Zammad (ticket zoom)'), { target: { value: 'https://zammad.example/*' } });
    await user.click(screen.getByLabelText('Badges on Zammad (ticket zoom)'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/did not grant access/));
    expect((await storedSites()).map((s) => s.adapter)).toEqual(['rt']);
  });

  it("takes a helpdesk's address with its port: asks for the host, keeps the port for matching its pages", async () => {
    const user = userEvent.setup();
    const request = grantingHosts();
    renderOptions('#/sites');
    fireEvent.change(await screen.findByLabelText('Hosts for Request Tracker 5'), {
      target: { value: 'https://rt.example.com:8443/*\nhttps://rt.example.com:9443/*\nhttp://127.0.0.1:8080/*' },
    });
    await user.click(screen.getByLabelText('Badges on Request Tracker 5'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://rt.example.com/*'] });
    await waitFor(async () =>
      expect((await storedSites())[0]?.matches).toEqual(['https://rt.example.com:8443/*', 'https://rt.example.com:9443/*', 'http://127.0.0.1:8080/*']),
    );
  });

  it('says what to enter instead of an unusable pattern, in English, German and Japanese', async () => {
    for (const language of ['en', 'de', 'ja'] as const) {
      const message = (await localeMessages(language))('options.sites.invalidPattern');
      expect(message, language).toContain('$1');
      expect(message, language).toContain('https://rt.example.com:8443/*');
    }
  });

  it('keeps subdomain wildcards such as *.zendesk.com allowed', async () => {
    const user = userEvent.setup();
    const request = grantingHosts();
    renderOptions('#/sites');
    await user.click(await screen.findByLabelText('Badges on Zendesk (views)'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://*.zendesk.com/*'] });
    await waitFor(async () => expect((await storedSites()).map((s) => s.enabled)).toEqual([true]));
  });

  it('saves priority values and the at-risk threshold, and refuses an out-of-range threshold with its path', async () => {
    const user = userEvent.setup();
    renderOptions('#/sites');
    await user.click(await screen.findByRole('button', { name: 'Add value' }));
    const rows = screen.getAllByLabelText(/^Helpdesk value \d+$/);
    await user.type(rows[rows.length - 1] as HTMLElement, 'Blocker');
    await user.selectOptions(screen.getByLabelText('Priority for Blocker'), 'P1');
    const threshold = screen.getByLabelText('At-risk threshold (%)');
    await user.clear(threshold);
    await user.type(threshold, '150');
    await user.click(screen.getByRole('button', { name: 'Save priority values' }));
    expect((await screen.findByRole('alert')).querySelector('code')?.textContent).toBe('At-risk threshold (%)');
    expect((await loadSettings()).settings.priorityMap.blocker).toBeUndefined();

    await user.clear(threshold);
    await user.type(threshold, '10');
    await user.click(screen.getByRole('button', { name: 'Save priority values' }));
    await screen.findByText('Saved.');
    const saved = (await loadSettings()).settings;
    expect(saved.priorityMap.blocker).toBe('P1');
    expect(saved.atRiskShare).toBe(0.1);
  });

  it('shows IT-managed priority values and threshold read-only', async () => {
    await fakeBrowser.storage.managed.set({ priorityMap: { Blocker: 'P1' }, atRiskShare: 0.5 });
    renderOptions('#/sites');
    const threshold = await screen.findByLabelText('At-risk threshold (%)');
    expect(threshold).toHaveProperty('readOnly', true);
    expect(threshold).toHaveProperty('value', '50');
    expect(screen.getByLabelText('Priority for Blocker')).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Remove Blocker' })).toBeNull();
  });

  it("edits a helpdesk's own time zone and priority values, saved through the store", async () => {
    const user = userEvent.setup();
    await applySettings({ version: 1, sites: [{ adapter: 'rt', matches: ['https://rt.example.com/*'], priorityMap: { high: 'P2' } }] });
    renderOptions('#/sites');
    const form = await screen.findByRole('form', { name: 'Request Tracker 5' });
    const zone = within(form).getByRole('combobox', { name: 'Time zone of page times' }) as HTMLInputElement;
    expect(zone.value).toBe("The browser's zone");
    expect(within(form).getByLabelText('Request Tracker 5: Helpdesk value 1')).toHaveProperty('value', 'high');
    await user.clear(zone);
    await user.type(zone, 'tokyo');
    await user.keyboard('{Enter}');
    expect(zone.value).toBe('Asia/Tokyo');
    await user.click(within(form).getByRole('button', { name: 'Request Tracker 5: Add value' }));
    await user.type(within(form).getByLabelText('Request Tracker 5: Helpdesk value 2'), 'Blocker');
    await user.selectOptions(within(form).getByLabelText('Request Tracker 5: Priority for Blocker'), 'P1');
    await user.click(within(form).getByRole('button', { name: 'Save Request Tracker 5' }));
    await within(form).findByText('Saved.');
    expect(await storedSites()).toEqual([
      { adapter: 'rt', matches: ['https://rt.example.com/*'], enabled: true, priorityMap: { high: 'P2', blocker: 'P1' }, timeZone: 'Asia/Tokyo' },
    ]);
  });

  it('refuses a priority map with a repeated value or a missing priority, naming the row and field, and stores nothing', async () => {
    const user = userEvent.setup();
    await applySettings({ version: 1, sites: [{ adapter: 'rt', matches: ['https://rt.example.com/*'], priorityMap: { high: 'P2' } }] });
    const before = await storedSites();
    renderOptions('#/sites');
    const form = await screen.findByRole('form', { name: 'Request Tracker 5' });
    const add = within(form).getByRole('button', { name: 'Request Tracker 5: Add value' });
    await user.click(add);
    await user.type(within(form).getByLabelText('Request Tracker 5: Helpdesk value 2'), 'HIGH');
    await user.selectOptions(within(form).getByLabelText('Request Tracker 5: Priority for HIGH'), 'P1');
    await user.click(add);
    await user.type(within(form).getByLabelText('Request Tracker 5: Helpdesk value 3'), 'minor');
    await user.click(within(form).getByRole('button', { name: 'Save Request Tracker 5' }));
    const alert = await within(form).findByRole('alert');
    const problems = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(problems).toEqual([
      'Request Tracker 5 · Row 2 · Helpdesk value "HIGH" is already on row 1 (case does not matter).',
      'Request Tracker 5 · Row 3 · Priority Choose P1, P2, P3 or P4.',
    ]);
    expect(alert.textContent).toMatch(/nothing was saved/);
    expect(await storedSites()).toEqual(before);
  });
});

