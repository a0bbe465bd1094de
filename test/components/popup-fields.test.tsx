// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeadlineForm } from '../../components/DeadlineForm';
import { builtinPolicies } from '../../core';
import type { Policy } from '../../core/policy/schema';
import { installI18n } from './support';

/**
 * The popup's contract and submission-time fields: the policy's name says its version and is shown
 * whole (a select cuts it), and the submission time is read back on a 24-hour clock in the reader's
 * locale, whatever the browser's control shows.
 */

const settings = { customPolicies: [], holidays: {} };

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const submittedField = () => screen.getByLabelText(/^(Submitted|Eingegangen|受付日時)$/) as HTMLInputElement;
const hintOf = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('popup ad-hoc fields', { timeout: 20_000 }, () => {
  it('names every built-in contract with its version', async () => {
    await installI18n();
    render(<DeadlineForm settings={settings} />);
    const names = within(screen.getByLabelText('Policy'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^Velostrata 1\.2 — /), expect.stringMatching(/^Velostrata 2\.0 — /)]));
    expect(names).toContainEqual(expect.stringMatching(/^Velostrata 4\.0 and earlier/));
  });

  it('shows the chosen contract’s whole name and document under the field, in a full-width field', async () => {
    await installI18n();
    const long = { ...(builtinPolicies['velostrata-1.2'] as Policy), id: 'team-platinum', name: 'Velostrata 1.2 — Platinum with the team’s extra Japanese holidays and TAM' };
    render(<DeadlineForm settings={{ customPolicies: [long], holidays: {} }} />);
    const select = screen.getByLabelText('Policy') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'team-platinum' } });
    expect(hintOf(select)).toBe(`${long.name} · Velostrata Supportrichtlinien Version 1.2`);
    expect(select.closest('.field')?.classList.contains('wide')).toBe(true);
  });

  for (const [locale, browser, hour] of [
    ['en', 'en-US', '16:30'],
    ['de', 'de-DE', '16:30'],
    ['ja', 'ja-JP', '16:30'],
  ] as const) {
    it(`reads 16:30 back on a 24-hour clock (${locale})`, async () => {
      await installI18n(locale);
      vi.spyOn(navigator, 'language', 'get').mockReturnValue(browser);
      render(<DeadlineForm settings={settings} />);
      const input = submittedField();
      fireEvent.change(input, { target: { value: '2024-06-04T16:30' } });
      const hint = hintOf(input);
      expect(hint).toContain(hour);
      expect(hint).not.toMatch(/04:30|4:30\s*PM|午後/);
      expect(hint).toContain('2024');
      expect(input.closest('.field')?.classList.contains('wide')).toBe(true);
    });
  }
});
