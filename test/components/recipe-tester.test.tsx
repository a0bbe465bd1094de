// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Recipe } from '../../core/settings/schema';
import { testRecipe } from '../../entrypoints/options/RecipeTester';
import { loadSettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

const recipe: Recipe = {
  id: 'desk',
  name: 'Desk',
  matches: ['https://desk.example.com/*'],
  ticket: 'tr.ticket',
  anchor: '.subject',
  fields: {
    id: { selector: '.id' },
    priority: { selector: '.prio' },
    submitted: { selector: 'time', attribute: 'datetime' },
    customer: { selector: '.nowhere' },
  },
};

const PAGE = `<table>
  <tr class="ticket"><td class="id">101</td><td class="subject">Disk full</td><td class="prio">High</td><td><time datetime="2026-11-20T09:00:00Z">Fri</time></td></tr>
  <tr class="ticket"><td class="id">102</td><td class="subject">Login</td><td class="prio">Low</td><td><time datetime="2026-11-21T10:00:00Z">Sat</time></td></tr>
  <script>document.title = 'pwned'</script><img src="x" onerror="document.title='pwned'">
</table>`;

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('recipe tester', { timeout: 20_000 }, () => {
  it('reports what each selector finds in pasted HTML, read through the real recipe adapter', () => {
    const { selectors, tickets } = testRecipe(recipe, PAGE, new Date('2026-11-22T00:00:00Z'));
    expect(selectors.map((s) => [s.what, s.count, s.value])).toEqual([
      ['ticket', 2, undefined],
      ['anchor', 1, undefined],
      ['id', 1, '101'],
      ['priority', 1, 'High'],
      ['customer', 0, undefined],
      ['submitted', 1, '2026-11-20T09:00:00Z'],
    ]);
    expect(tickets.map((t) => t.fields.id)).toEqual(['101', '102']);
  });

  it('names an invalid selector instead of throwing', () => {
    const { selectors } = testRecipe({ ...recipe, ticket: 'tr[' }, PAGE);
    expect(selectors[0]?.problem).toBeTruthy();
    expect(selectors[0]?.count).toBe(0);
  });

  it('edits a recipe as JSON with schema errors, tests it on pasted HTML without touching the page, and saves it', async () => {
    const user = userEvent.setup();
    document.title = 'options';
    renderOptions('#/sites');
    await user.click(await screen.findByRole('button', { name: 'New recipe' }));
    const json = screen.getByLabelText('Recipe (JSON)');
    fireEvent.change(json, { target: { value: JSON.stringify({ ...recipe, matches: [] }) } });
    expect((await screen.findByRole('alert')).querySelector('code')?.textContent).toBe('matches');
    expect(screen.getByRole('button', { name: 'Save recipe' })).toHaveProperty('disabled', true);

    fireEvent.change(json, { target: { value: JSON.stringify(recipe) } });
    fireEvent.change(screen.getByLabelText('Page HTML'), { target: { value: PAGE } });
    expect(await screen.findByText('2 tickets found.')).toBeTruthy();
    // The pasted page stays inert: nothing of it in the live DOM, none of its scripts ran.
    expect(document.querySelectorAll('tr.ticket')).toHaveLength(0);
    expect(document.title).toBe('options');

    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as typeof fakeBrowser.permissions.request;
    await user.click(screen.getByRole('button', { name: 'Save recipe' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://desk.example.com/*'] });
    await waitFor(async () => expect((await loadSettings()).settings.recipes.map((r) => r.id)).toEqual(['desk']));
  });
});
