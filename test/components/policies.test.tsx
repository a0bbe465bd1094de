// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatInstant, localZone } from '../../components/format';
import { builtinPolicies, evaluate } from '../../core';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

const jsonView = () => screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement;

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: policies', { timeout: 30_000 }, () => {
  it('checks pasted JSON with the same schema and words as the form, and stores nothing while it fails', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.click(await screen.findByRole('button', { name: 'New policy' }));
    await user.click(screen.getByRole('tab', { name: 'JSON (advanced)' }));
    const broken = { ...builtinPolicies['velostrata-4.0'], id: 'Team Policy', calendar: 'nowhere' };
    fireEvent.change(jsonView(), { target: { value: JSON.stringify(broken) } });
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Policy id "Team Policy" cannot be an id');
    await waitFor(() => expect(document.activeElement).toBe(jsonView()));
    expect((await loadSettings()).settings.customPolicies).toEqual([]);
  });

  it('adds a policy from a file, and a contract of it gets a deadline in the preview', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    const policy = { ...builtinPolicies['velostrata-4.0'], id: 'team-4', name: 'Team 4.0' };
    await user.upload(await screen.findByLabelText('Open a JSON file'), file('team.json', JSON.stringify(policy)));
    await user.click(await screen.findByRole('button', { name: 'Save policy' }));
    await screen.findByText('Saved Team 4.0. Contracts and the preview can use it now.');
    expect((await loadSettings()).settings.customPolicies.map((p) => p.id)).toEqual(['team-4']);
    expect(screen.getByRole('button', { name: 'Delete Team 4.0' })).toBeTruthy();

    const saved = (await loadSettings()).settings;
    expect((await applySettings({ ...saved, customers: [{ id: 'acme', name: 'ACME', policy: 'team-4' }] })).ok).toBe(true);
    window.location.hash = '#/preview';
    fireEvent(window, new HashChangeEvent('hashchange'));
    const customer = await screen.findByRole('combobox', { name: 'Customer' });
    await user.type(customer, 'ACME');
    await user.keyboard('{Enter}');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P2');
    fireEvent.change(screen.getByLabelText('Submitted'), { target: { value: '2019-11-18T09:30' } });
    const submitted = DateTime.fromISO('2019-11-18T09:30').toISO() as string;
    const expected = evaluate({ policy: saved.customPolicies[0] as never, priority: 'P2', submitted });
    expect(expected.target).not.toBeNull();
    expect((await screen.findByTestId('deadline-local')).textContent).toBe(formatInstant(expected.target?.deadline as string, localZone()));
  });

  it('edits a custom policy in the form and keeps its id for its contracts', async () => {
    const team = { ...builtinPolicies['velostrata-4.0'], id: 'team-4', name: 'Team 4.0' };
    await applySettings({ version: 1, customPolicies: [team], customers: [{ id: 'acme', name: 'ACME', policy: 'team-4' }] });
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.click(await screen.findByRole('button', { name: 'Edit Team 4.0' }));
    const name = screen.getByLabelText('Policy name');
    await user.clear(name);
    await user.type(name, 'Team 4.1');
    // An existing policy's id does not follow its name: contracts refer to it.
    expect(screen.getByLabelText('Policy id')).toHaveProperty('value', 'team-4');
    await user.clear(within(screen.getByTestId('policy-level-1')).getByLabelText('P1 · hours'));
    await user.type(within(screen.getByTestId('policy-level-1')).getByLabelText('P1 · hours'), '2');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await screen.findByText(/^Saved Team 4\.1\./);
    const [stored] = (await loadSettings()).settings.customPolicies;
    expect(stored?.id).toBe('team-4');
    expect(stored?.levels.standard?.targets.P1?.minutes).toBe(120);
  });

  it('asks before deleting a custom policy and before dropping unsaved edits', async () => {
    const team = { ...builtinPolicies['velostrata-4.0'], id: 'team-4', name: 'Team 4.0' };
    await applySettings({ version: 1, customPolicies: [team] });
    const user = userEvent.setup();
    renderOptions('#/policies');

    await user.click(await screen.findByRole('button', { name: 'Edit Team 4.0' }));
    await user.type(screen.getByLabelText('Policy name'), ' draft');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Discard your changes to Team 4.0?' })).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('Policy name')).toHaveProperty('value', 'Team 4.0 draft');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByTestId('policy-editor')).toBeNull();
    expect((await loadSettings()).settings.customPolicies[0]?.name).toBe('Team 4.0');

    await user.click(screen.getByRole('button', { name: 'Delete Team 4.0' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the custom policy Team 4.0?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await loadSettings()).settings.customPolicies.map((p) => p.id)).toEqual(['team-4']);
    await user.click(screen.getByRole('button', { name: 'Delete Team 4.0' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await loadSettings()).settings.customPolicies).toEqual([]));
    expect(await screen.findByText('No custom policies. The built-in contracts are always available.')).toBeTruthy();
  });
});
