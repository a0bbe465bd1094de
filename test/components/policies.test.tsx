// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinPolicies } from '../../core';
import { loadSettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

const paste = (text: string) => fireEvent.change(screen.getByLabelText('Policy (JSON)'), { target: { value: text } });

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: policies', { timeout: 20_000 }, () => {
  it('shows schema errors with their paths and stores nothing', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    const broken = { ...builtinPolicies['velostrata-4.0'], id: 'Team Policy', calendar: 'nowhere' };
    await screen.findByLabelText('Policy (JSON)');
    paste(JSON.stringify(broken));
    await user.click(screen.getByRole('button', { name: 'Check and add' }));
    const paths = [...(await screen.findByRole('alert')).querySelectorAll('code')].map((c) => c.textContent);
    expect(paths).toContain('id');
    expect((await loadSettings()).settings.customPolicies).toEqual([]);
  });

  it('adds a valid policy from a file and lists it', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    const policy = { ...builtinPolicies['velostrata-4.0'], id: 'team-4', name: 'Team 4.0' };
    await user.upload(await screen.findByLabelText('Open a JSON file'), file('team.json', JSON.stringify(policy)));
    await waitFor(() => expect(screen.getByLabelText('Policy (JSON)')).toHaveProperty('value', JSON.stringify(policy)));
    await user.click(screen.getByRole('button', { name: 'Check and add' }));
    await screen.findByText('Added Team 4.0.');
    expect((await loadSettings()).settings.customPolicies.map((p) => p.id)).toEqual(['team-4']);
    expect(screen.getByRole('button', { name: 'Delete Team 4.0' })).toBeTruthy();
  });

  it('fills the editor from a built-in policy as a starting point', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.selectOptions(await screen.findByLabelText('Start from a built-in policy'), 'velostrata-2.0');
    expect(JSON.parse((screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement).value).id).toBe('velostrata-2.0');
  });
});
