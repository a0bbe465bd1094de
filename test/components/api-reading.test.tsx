// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordApiStatus } from '../../utils/api-status';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { Settings } from '../../core/settings/schema';
import { installI18n, renderOptions } from './support';

/** The options page's "exact data from the helpdesk's API" column: the per-site switch and how reading went. */

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

const storedSites = async () => (await loadSettings()).settings.sites;

describe('options: exact data from helpdesk APIs', { timeout: 20_000 }, () => {
  it('is on for documented APIs and off for Freshdesk’s undocumented one until chosen', async () => {
    renderOptions('#/sites');
    expect(await screen.findByLabelText('Read exact data from the API of osTicket')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Read exact data from the API of Zendesk (views)')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Read exact data from the API of Freshdesk (ticket list)')).toHaveProperty('checked', false);
    expect(screen.getByText(/Undocumented agent API, off by default/)).toBeTruthy();
  });

  it('stores the choice on the site, keeping the rest of the site as it was', async () => {
    const user = userEvent.setup();
    await applySettings(
      Settings.parse({
        version: 1,
        sites: [{ adapter: 'osticket', matches: ['https://supposupport.example.com/scp/*'], timeZone: 'UTC', priorityMap: { Blocker: 'P1' } }],
      }),
    );
    renderOptions('#/sites');
    await user.click(await screen.findByLabelText('Read exact data from the API of osTicket'));
    await waitFor(async () =>
      expect(await storedSites()).toEqual([
        {
          adapter: 'osticket',
          matches: ['https://supposupport.example.com/scp/*'],
          enabled: true,
          timeZone: 'UTC',
          priorityMap: { Blocker: 'P1' },
          readApi: false,
        },
      ]),
    );
    // Turning the helpdesk's badges off keeps the choice.
    await user.click(screen.getByLabelText('Badges on osTicket'));
    await waitFor(async () => expect((await storedSites())[0]).toMatchObject({ enabled: false, readApi: false }));
  });

  it('says per origin what was read last, or why not, as the overlays report it', async () => {
    const apiName = 'osTicket staff pages';
    await recordApiStatus({ adapter: 'osticket', origin: 'https://support.example.com', apiName, requests: 3, lastReadAt: Date.now(), at: Date.now() });
    await recordApiStatus({
      adapter: 'osticket',
      origin: 'https://help.example.org',
      apiName,
      requests: 1,
      lastFailure: { kind: 'signed-out', status: 401 },
      at: Date.now(),
    });
    renderOptions('#/sites');
    expect((await screen.findByText(/^https:\/\/support\.example\.com: read /)).textContent).toMatch(/\(3 requests\)$/);
    expect(screen.getByText('https://help.example.org: not signed in (sign in to the helpdesk again)')).toBeTruthy();
  });

  it('greys every switch when reading helpdesk APIs is off for everyone by IT', async () => {
    await fakeBrowser.storage.managed.set({ readHelpdeskApis: false });
    renderOptions('#/sites');
    const rt = await screen.findByLabelText('Read exact data from the API of osTicket');
    await waitFor(() => expect(rt).toHaveProperty('disabled', true));
    expect(rt).toHaveProperty('checked', false);
    expect(screen.getAllByText('Your IT turned off reading helpdesk APIs (managed setting).').length).toBeGreaterThan(0);
  });
});
