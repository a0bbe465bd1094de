// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

const mine = { id: 'mine', name: 'Mine', policy: 'velostrata-4.0' };
const other = { id: 'other', name: 'Other', policy: 'velostrata-4.0' };

beforeEach(async () => {
  fakeBrowser.reset();
  await installI18n();
});

const customers = async () => (await loadSettings()).settings.customers;
const focused = () => document.activeElement;

/** A new contract named `name` under 4.0, saved from the form. */
async function addNamed(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: 'New contract' }));
  await user.type(screen.getByLabelText('Customer name'), name);
  await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-4.0');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByRole('button', { name: `Edit ${name}` });
}

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: editing contracts keeps focus, confirms and asks', { timeout: 30_000 }, () => {
  it('focuses the name on New, returns to New on Cancel and to the row’s Edit button on Save, saying "Saved"', async () => {
    await applySettings({ version: 1, customers: [mine] });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    const add = await screen.findByRole('button', { name: 'New contract' });
    await user.click(add);
    expect(focused()).toBe(screen.getByLabelText('Customer name'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(focused()).toBe(add));

    await user.click(screen.getByRole('button', { name: 'Edit Mine' }));
    expect(focused()).toBe(screen.getByLabelText('Customer name'));
    await user.type(screen.getByLabelText('Notes'), 'VIP');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(focused()).toBe(screen.getByRole('button', { name: 'Edit Mine' })));
    expect(screen.getByText('Saved "Mine".').getAttribute('role')).toBe('status');
    expect((await customers())[0]?.notes).toBe('VIP');
  });

  it('gives new customers ids from their names: unique with -2 on a clash, Japanese names kept', async () => {
    await applySettings({ version: 1, customers: [{ ...mine, id: 'hoshino-robotics', name: 'Hoshino (old list)' }] });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await addNamed(user, 'Hoshino Robotics');
    await waitFor(() => expect(focused()).toBe(screen.getByRole('button', { name: 'Edit Hoshino Robotics' })));
    expect(screen.getByText('Saved "Hoshino Robotics".').getAttribute('role')).toBe('status');
    await addNamed(user, 'Kestrel Bank');
    await addNamed(user, '星野ロボティクス');
    expect((await customers()).map((c) => c.id)).toEqual(['hoshino-robotics', 'hoshino-robotics-2', 'kestrel-bank', '星野ロボティクス']);
  });

  it('asks before deleting, then offers the undo right there, which brings the customer back', async () => {
    await applySettings({ version: 1, customers: [mine, other] });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('button', { name: 'Delete Mine' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Delete the contract of Mine?' });
    // The safe answer has the focus; Cancel keeps the customer and returns to its Delete button.
    expect(focused()).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(focused()).toBe(screen.getByRole('button', { name: 'Delete Mine' })));
    expect(await customers()).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Delete Mine' }));
    dialog = screen.getByRole('alertdialog', { name: 'Delete the contract of Mine?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await customers()).map((c) => c.id)).toEqual(['other']));
    expect(await screen.findByText('Deleted "Mine".')).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo deleting Mine' });
    await waitFor(() => expect(focused()).toBe(undo));
    await user.click(undo);
    await waitFor(async () => expect((await customers()).map((c) => c.id)).toEqual(['mine', 'other']));
    expect(await screen.findByText('Restored "Mine".')).toBeTruthy();
    await waitFor(() => expect(focused()).toBe(screen.getByRole('button', { name: 'Edit Mine' })));
  });

  it('withdraws the undo once another change came after the deletion', async () => {
    await applySettings({ version: 1, customers: [mine, other] });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('button', { name: 'Delete Mine' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await screen.findByRole('button', { name: 'Undo deleting Mine' });
    await user.click(screen.getByRole('button', { name: 'Edit Other' }));
    await user.type(screen.getByLabelText('Notes'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved "Other".');
    expect(screen.queryByRole('button', { name: 'Undo deleting Mine' })).toBeNull();
  });

  it('asks before unsaved edits are dropped by Cancel, another customer or another section', async () => {
    await applySettings({ version: 1, customers: [mine, other] });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('button', { name: 'Edit Mine' }));
    await user.type(screen.getByLabelText('Notes'), 'call first');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Discard your changes to Mine?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('Notes')).toHaveProperty('value', 'call first');

    await user.click(screen.getByRole('button', { name: 'Edit Other' }));
    dialog = screen.getByRole('alertdialog', { name: 'Discard your changes to Mine?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Edit Mine' })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Sites & recipes' }));
    dialog = screen.getByRole('alertdialog', { name: 'Discard your changes to Mine?' });
    expect(location.hash).toBe('#/contracts');
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(location.hash).toBe('#/sites'));
    expect((await customers()).map((c) => c.notes)).toEqual(['', '']);
  });

  it('asks the browser to confirm closing the tab only while the form holds unsaved edits', async () => {
    await applySettings({ version: 1, customers: [mine] });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('button', { name: 'Edit Mine' }));
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      fireEvent(window, event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    await user.type(screen.getByLabelText('Notes'), 'x');
    expect(leave()).toBe(true);
    await user.clear(screen.getByLabelText('Notes'));
    expect(leave()).toBe(false);
  });
});
