// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Recipe } from '../../core/settings/schema';
import { loadSettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

/**
 * Saving a recipe asks for its hosts' permission (the background registers the overlay only where it
 * is granted); WXT's fake browser has no permissions, so `request` is a stand-in per test.
 */

const recipe = (matches: string[]): Recipe => ({
  id: 'desk',
  name: 'Desk',
  matches,
  ticket: 'tr.ticket',
  anchor: '.subject',
  fields: { id: { selector: '.id' } },
});

function answerRequests(answer: () => Promise<boolean>) {
  const request = vi.fn(answer);
  fakeBrowser.permissions.request = request as typeof fakeBrowser.permissions.request;
  return request;
}

/** Opens a new recipe, types `draft` as its JSON and presses Save. */
async function saveDraft(draft: string) {
  const user = userEvent.setup();
  renderOptions('#/sites');
  await user.click(await screen.findByRole('button', { name: 'New recipe' }));
  fireEvent.change(screen.getByLabelText('Recipe (JSON)'), { target: { value: draft } });
  await user.click(screen.getByRole('button', { name: 'Save recipe' }));
}

const savedRecipes = async () => (await loadSettings()).settings.recipes;

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

describe('options: saving a recipe', { timeout: 20_000 }, () => {
  it("asks for the recipe's hosts (not the manifest's loopback) and saves once granted", async () => {
    const request = answerRequests(async () => true);
    await saveDraft(JSON.stringify(recipe(['https://helpdesk.example.com/*', 'http://127.0.0.1/*'])));
    expect(request).toHaveBeenCalledExactlyOnceWith({ origins: ['https://helpdesk.example.com/*'] });
    await waitFor(async () =>
      expect((await savedRecipes()).map((r) => r.matches)).toEqual([['https://helpdesk.example.com/*', 'http://127.0.0.1/*']]),
    );
    expect(screen.queryByLabelText('Recipe (JSON)')).toBeNull();
  });

  it('asks within the submit event itself (a user gesture), before any await', async () => {
    const request = answerRequests(async () => true);
    renderOptions('#/sites');
    fireEvent.click(await screen.findByRole('button', { name: 'New recipe' }));
    fireEvent.change(screen.getByLabelText('Recipe (JSON)'), { target: { value: JSON.stringify(recipe(['https://a.example/*'])) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save recipe' }));
    expect(request).toHaveBeenCalledOnce();
    await waitFor(async () => expect(await savedRecipes()).toHaveLength(1));
  });

  it("asks for the host of a helpdesk on a port, and keeps the port for matching its pages", async () => {
    const request = answerRequests(async () => true);
    await saveDraft(JSON.stringify(recipe(['https://helpdesk.example.com:8443/*'])));
    expect(request).toHaveBeenCalledExactlyOnceWith({ origins: ['https://helpdesk.example.com/*'] });
    await waitFor(async () => expect((await savedRecipes()).map((r) => r.matches)).toEqual([['https://helpdesk.example.com:8443/*']]));
  });

  it('refuses a pattern the browser cannot match without asking, saying what to enter instead', async () => {
    const request = answerRequests(async () => true);
    await saveDraft(JSON.stringify(recipe(['helpdesk.example.com:8443'])));
    expect((await screen.findByRole('alert')).textContent).toMatch(/helpdesk\.example\.com:8443 is not a site pattern.*e\.g\. https:\/\/rt\.example\.com:8443\/\*/);
    expect(request).not.toHaveBeenCalled();
  });

  it('saves a loopback-only recipe without asking', async () => {
    const request = answerRequests(async () => true);
    await saveDraft(JSON.stringify(recipe(['http://localhost/*'])));
    await waitFor(async () => expect((await savedRecipes()).map((r) => r.id)).toEqual(['desk']));
    expect(request).not.toHaveBeenCalled();
  });

  it.each([
    ['refused', async () => false],
    ['rejected as an invalid pattern', async () => Promise.reject(new Error('Invalid match pattern'))],
  ])('saves nothing when the permission is %s, names the hosts and keeps the draft', async (_, answer) => {
    answerRequests(answer);
    const draft = JSON.stringify(recipe(['https://helpdesk.example.com/*']));
    await saveDraft(draft);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/did not grant access to https:\/\/helpdesk\.example\.com\/\*.*not saved/);
    expect(alert.querySelector('code')?.textContent).toBe('matches');
    expect(screen.getByLabelText('Recipe (JSON)')).toHaveProperty('value', draft);
    expect(await savedRecipes()).toEqual([]);
  });

  it('refuses a pattern that names no host without asking the browser', async () => {
    const request = answerRequests(async () => true);
    const draft = JSON.stringify(recipe(['https://*/*', 'https://*.helpdesk.example.com/*']));
    await saveDraft(draft);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/https:\/\/\*\/\* names no host/);
    expect(alert.textContent).not.toMatch(/\*\.helpdesk/);
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Recipe (JSON)')).toHaveProperty('value', draft);
    expect(await savedRecipes()).toEqual([]);
  });
});
