// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatInstant, localZone } from '../../components/format';
import { evaluate } from '../../core';
import { applySettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  await applySettings({
    version: 1,
    customers: [
      { id: 'acme', name: 'ACME', domains: ['acme.com'], policy: 'velostrata-1.2', level: 'gold' },
      {
        id: 'globex',
        name: 'Globex',
        domains: ['globex.com'],
        policy: 'velostrata-1.2',
        level: 'silver',
        region: 'americas',
        contacts: [{ address: 'a@globex.com' }, { address: 'b@globex.com' }, { address: 'c@globex.com' }],
      },
    ],
  });
});

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: contract preview', { timeout: 20_000 }, () => {
  it('shows the deadline the badge would show for a customer and priority', async () => {
    const user = userEvent.setup();
    renderOptions('#/preview');
    await user.selectOptions(await screen.findByLabelText('Customer'), 'acme');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P3');
    fireEvent.change(screen.getByLabelText('Submitted'), { target: { value: '2019-11-18T09:30' } });
    const submitted = DateTime.fromISO('2019-11-18T09:30').toISO() as string;
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P3', submitted, englishAccepted: false });
    expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(expected.target?.deadline as string, localZone()));
    expect(screen.getByRole('img', { name: /Timeline/ })).toBeTruthy();
  });

  it('shows designated-contact warnings for a requester who is not one, and the contact limit', async () => {
    const user = userEvent.setup();
    renderOptions('#/preview');
    await user.selectOptions(await screen.findByLabelText('Customer'), 'globex');
    await user.type(screen.getByLabelText('Requester address'), 'eve@globex.com');
    const warnings = within(screen.getByRole('list', { name: 'Warnings' })).getAllByRole('listitem');
    expect(warnings.map((w) => w.textContent)).toEqual([
      expect.stringMatching(/^eve@globex\.com is not one of Globex.s 3 designated contacts/),
      expect.stringMatching(/Silver allows 2/),
    ]);
  });

  it('reports an invalid submission time at its field', async () => {
    renderOptions('#/preview');
    fireEvent.change(await screen.findByLabelText('Submitted'), { target: { value: '' } });
    expect(screen.getByLabelText('Submitted').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('deadline-local')).toBeNull();
  });
});
