// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinPolicies, evaluate, Policy } from '../../core';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

type User = ReturnType<typeof userEvent.setup>;

const fill = async (user: User, field: HTMLElement, text: string) => {
  await user.clear(field);
  if (text) await user.type(field, text);
};

/** Builds the example policy with the form the way a team lead would: labels only, no JSON. */
async function buildTokyoPolicy(user: User) {
  await user.click(await screen.findByRole('button', { name: 'New policy' }));
  await fill(user, screen.getByLabelText('Policy name'), 'Tokyo Support');
  await fill(user, screen.getByLabelText('Document title'), 'Tokyo support terms');

  await user.click(screen.getByRole('button', { name: 'Add a calendar' }));
  const calendar = screen.getByTestId('policy-calendar-1');
  await fill(user, within(calendar).getByLabelText('Calendar name'), 'Tokyo office');
  const zone = within(calendar).getByRole('combobox', { name: 'Time zone' });
  await fill(user, zone, 'Asia/Tokyo');
  await user.keyboard('{Enter}');
  await fill(user, within(calendar).getByLabelText('Section of the document'), '§5');

  await user.click(screen.getByRole('button', { name: 'Add a level' }));
  const level = screen.getByTestId('policy-level-1');
  await fill(user, within(level).getByLabelText('Level name'), 'Gold');
  await fill(user, within(level).getByLabelText('Section of the document'), '§4');
  await user.selectOptions(within(level).getByLabelText('P1 · response target'), 'Around the clock (24/7)');
  await fill(user, within(level).getByLabelText('P1 · minutes'), '60');
  await user.selectOptions(within(level).getByLabelText('P2 · response target'), 'Business hours');
  await fill(user, within(level).getByLabelText('P2 · hours'), '4');
}

const problemLines = (list: HTMLElement) => [...list.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('options: the policy form', { timeout: 60_000 }, () => {
  it('builds a policy without JSON that the core accepts and computes with', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    await buildTokyoPolicy(user);

    // The weekly hours default to Mon–Fri 09:00–17:00; the form shows them as it will store them.
    const calendar = screen.getByTestId('policy-calendar-1');
    expect(within(calendar).getByLabelText('Opening stretch 5 · closes at (HH:mm)')).toHaveProperty('value', '17:00');
    expect(screen.getByLabelText('Policy id')).toHaveProperty('value', 'tokyo-support');
    expect(screen.getByText('No problems — the policy can be saved.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await screen.findByText('Saved Tokyo Support. Contracts and the preview can use it now.');

    const [stored] = (await loadSettings()).settings.customPolicies;
    expect(Policy.safeParse(stored).success).toBe(true);
    expect(stored?.calendars['tokyo-office']?.timeZone).toBe('Asia/Tokyo');
    expect(stored?.calendar).toBe('tokyo-office');
    // Friday 16:30 in Tokyo (07:30 UTC): P2 is 4 business hours — 30 minutes on Friday, 3.5 hours from
    // Monday 09:00, so Monday 12:30 JST = 03:30 UTC. P1 is 60 minutes round the clock: 08:30 UTC.
    const submitted = '2026-12-04T07:30:00Z';
    const p2 = evaluate({ policy: stored as Policy, level: 'gold', priority: 'P2', submitted });
    expect(p2.target?.deadline).toBe('2026-12-07T03:30:00.000Z');
    expect(p2.target?.clock).toBe('business-hours');
    const p1 = evaluate({ policy: stored as Policy, level: 'gold', priority: 'P1', submitted });
    expect(p1.target?.deadline).toBe('2026-12-04T08:30:00.000Z');
    // P3 was left without a target: none is stored, so none is promised.
    expect(stored?.levels.gold?.targets.P3).toBeUndefined();

    // The list offers it for editing, and it opens in the form with its values.
    await user.click(screen.getByRole('button', { name: 'Edit Tokyo Support' }));
    expect(screen.getByRole('tab', { name: 'Form' }).getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByTestId('policy-level-1')).getByLabelText('P2 · hours')).toHaveProperty('value', '4');
  });

  for (const locale of ['en', 'de'] as const) {
    it(`refuses invalid entries with messages naming the fields (${locale}) and saves nothing`, async () => {
      const team = { ...builtinPolicies['velostrata-4.0'], id: 'team', name: 'Team' };
      expect((await applySettings({ version: 1, customPolicies: [team] })).ok).toBe(true);
      await installI18n(locale);
      const words =
        locale === 'en'
          ? {
              new: 'New policy',
              id: 'Policy id',
              addCalendar: 'Add a calendar',
              closes: 'Opening stretch 1 · closes at (HH:mm)',
              addLevel: 'Add a level',
              clock: 'P1 · response target',
              around: 'Around the clock (24/7)',
              save: 'Save policy',
              lines: [
                'Policy name Enter a value.',
                'Policy id Another custom policy already has the id "team".',
                'Calendar 1 (calendar) · Calendar name Enter a value.',
                'Calendar 1 (calendar) · Opening stretch 1 · closes at (HH:mm) The stretch must close after it opens on the same day (or close on a later day).',
                'Level 1 (level) · Level name Enter a value.',
                'Level 1 (level) · P1 · target time Enter the target time in hours and minutes (more than 0), or choose “No target”.',
              ],
              notSaved: '6 problems — nothing was saved',
              order: 'The stretch must close after it opens on the same day (or close on a later day).',
            }
          : {
              new: 'Neue Richtlinie',
              id: 'ID der Richtlinie',
              addCalendar: 'Kalender hinzufügen',
              closes: 'Zeitraum 1 · schließt um (HH:mm)',
              addLevel: 'Stufe hinzufügen',
              clock: 'P1 · Reaktionszeit',
              around: 'Rund um die Uhr (24/7)',
              save: 'Richtlinie speichern',
              lines: [
                'Name der Richtlinie Bitte ausfüllen.',
                'ID der Richtlinie Eine andere eigene Richtlinie hat bereits die ID „team“.',
                'Kalender 1 (calendar) · Name des Kalenders Bitte ausfüllen.',
                'Kalender 1 (calendar) · Zeitraum 1 · schließt um (HH:mm) Der Zeitraum muss am selben Tag nach seinem Beginn enden (oder an einem späteren Tag).',
                'Stufe 1 (level) · Name der Stufe Bitte ausfüllen.',
                'Stufe 1 (level) · P1 · Zeitvorgabe Geben Sie die Zeitvorgabe in Stunden und Minuten an (mehr als 0) oder wählen Sie „Keine Reaktionszeit“.',
              ],
              notSaved: '6 Probleme',
              order: 'Der Zeitraum muss am selben Tag nach seinem Beginn enden (oder an einem späteren Tag).',
            };
      const user = userEvent.setup();
      renderOptions('#/policies');
      await user.click(await screen.findByRole('button', { name: words.new }));
      await fill(user, screen.getByLabelText(words.id), 'team');
      await user.click(screen.getByRole('button', { name: words.addCalendar }));
      const calendar = screen.getByTestId('policy-calendar-1');
      await fill(user, within(calendar).getByLabelText(words.closes), '08:00');
      await user.type(within(calendar).getAllByRole('textbox')[2] as HTMLElement, '§1');
      await user.click(screen.getByRole('button', { name: words.addLevel }));
      const level = screen.getByTestId('policy-level-1');
      await user.type(within(level).getAllByRole('textbox')[2] as HTMLElement, '§2');
      await user.selectOptions(within(level).getByLabelText(words.clock), words.around);
      await fill(user, screen.getByLabelText(locale === 'en' ? 'Document title' : 'Titel des Dokuments'), 'Terms');

      await user.click(screen.getByRole('button', { name: words.save }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(words.notSaved);
      // In the form's order, each with the field as the form labels it.
      expect(problemLines(alert)).toEqual(words.lines);
      // Focus goes to the first field with a problem, in the form's order: the empty name.
      await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(locale === 'en' ? 'Policy name' : 'Name der Richtlinie')));
      expect((await loadSettings()).settings.customPolicies.map((p) => p.id)).toEqual(['team']);
      // The fields in error are marked and described for screen readers.
      const closes = within(calendar).getByLabelText(words.closes);
      expect(closes.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(closes.getAttribute('aria-describedby') ?? '')?.textContent).toBe(words.order);
      const axe = (await import('axe-core')).default;
      const result = await axe.run(screen.getByTestId('policy-editor'), { rules: { 'color-contrast': { enabled: false } } });
      expect(result.violations.map((v) => v.id)).toEqual([]);
    });
  }
});

describe('options: the policy form, language teams and ids', { timeout: 60_000 }, () => {
  it('adds a language team that the core routes to', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    const team = { ...builtinPolicies['velostrata-4.0'], id: 'team-4', name: 'Team 4.0' };
    await user.upload(await screen.findByLabelText('Open a JSON file'), file('team.json', JSON.stringify(team)));
    await user.selectOptions(await screen.findByLabelText('Language'), 'Japanese');
    await user.click(screen.getByRole('button', { name: 'Add a language team' }));
    const ja = screen.getByTestId('policy-language-ja');
    await user.type(within(ja).getByLabelText('Team name'), 'Tokyo desk');
    expect(within(ja).getByLabelText('Team calendar')).toHaveProperty('value', 'pacific');
    await user.click(within(ja).getByRole('checkbox', { name: 'Standard' }));
    await user.click(within(ja).getByRole('checkbox', { name: /wait for its next opening/ }));
    await user.type(within(ja).getByLabelText('Section of the document'), '§3');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await screen.findByText(/^Saved Team 4\.0\./);
    const [stored] = (await loadSettings()).settings.customPolicies;
    expect(stored?.languages.ja).toMatchObject({ team: 'Tokyo desk', calendar: 'pacific', levels: ['standard'], deferAll: true, source: '§3' });
    const result = evaluate({ policy: stored as Policy, priority: 'P2', language: 'ja', submitted: '2019-11-18T18:00:00Z' });
    expect(result.notes.map((n) => n.code)).toContain('language-routed');
  });

  it('closes a calendar on the days of its holiday lists, typed or a country\'s public holidays', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    await buildTokyoPolicy(user);
    const calendar = screen.getByTestId('policy-calendar-1');
    await user.click(within(calendar).getByRole('button', { name: 'Add a holiday list' }));
    const region = within(calendar).getByLabelText('Region id of list 1');
    await fill(user, region, 'office');
    await user.tab();
    await user.type(within(calendar).getByLabelText('Closed days of office (YYYY-MM-DD, one per line)'), '2026-12-07{Enter}2026-13-01');
    const list = screen.getByText(/^Still to fix before saving/).closest('div') as HTMLElement;
    expect(problemLines(list)).toEqual(['Calendar 1 (Tokyo office) · Holiday list office "2026-13-01" is not a date (YYYY-MM-DD).']);
    // The bad line removed again ("\n2026-13-01", 11 characters).
    await user.type(within(calendar).getByLabelText('Closed days of office (YYYY-MM-DD, one per line)'), '{Backspace>11/}');
    await user.type(within(calendar).getByLabelText('Country code (e.g. DE)'), 'JP');
    await fill(user, within(calendar).getByLabelText('From year'), '2027');
    await fill(user, within(calendar).getByLabelText('To year'), '2027');
    await user.click(within(calendar).getByRole('button', { name: 'Add public holidays' }));
    await user.selectOptions(screen.getByLabelText('Default holiday region'), 'office');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await screen.findByText(/^Saved Tokyo Support\./);
    const [stored] = (await loadSettings()).settings.customPolicies;
    const holidays = stored?.calendars['tokyo-office']?.holidays ?? {};
    expect(holidays.office).toEqual(['2026-12-07']);
    expect(holidays.jp).toContain('2027-01-01');
    // Friday 16:30 JST with Monday closed: 30 minutes on Friday, 3.5 hours from Tuesday 09:00.
    const p2 = evaluate({ policy: stored as Policy, level: 'gold', priority: 'P2', submitted: '2026-12-04T07:30:00Z' });
    expect(p2.target?.deadline).toBe('2026-12-08T03:30:00.000Z');
  });

  it('words the problems in Japanese, naming the fields as the Japanese form labels them', async () => {
    await installI18n('ja');
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.click(await screen.findByRole('button', { name: '新しいポリシー' }));
    await user.click(screen.getByRole('button', { name: 'レベルを追加' }));
    await user.selectOptions(within(screen.getByTestId('policy-level-1')).getByLabelText('P1 · 応答目標'), '営業時間');
    await user.click(screen.getByRole('button', { name: 'ポリシーを保存' }));
    const lines = problemLines(await screen.findByRole('alert'));
    expect(lines).toContain('ポリシー名 入力してください。');
    expect(lines).toContain('レベル 1（level）· P1 · 目標時間 目標時間を時間と分で入力するか（0 より大きく）、「目標なし」を選んでください。');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('ポリシー名')));
  });

  it('asks for an id left empty, once, and names the field', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.click(await screen.findByRole('button', { name: 'New policy' }));
    await user.clear(screen.getByLabelText('Policy id'));
    const lines = problemLines(screen.getByText(/^Still to fix before saving/).closest('div') as HTMLElement);
    expect(lines.filter((line) => line?.startsWith('Policy id'))).toEqual(['Policy id Enter a value.']);
  });
});

describe('options: the policy form by keyboard', { timeout: 60_000 }, () => {
  it('switches views with the arrow keys, keeping the data, and passes axe-core', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    await buildTokyoPolicy(user);
    const formTab = screen.getByRole('tab', { name: 'Form' });
    formTab.focus();
    await user.keyboard('{ArrowRight}');
    const jsonTab = screen.getByRole('tab', { name: 'JSON (advanced)' });
    expect(document.activeElement).toBe(jsonTab);
    expect(jsonTab.getAttribute('aria-selected')).toBe('true');
    const json = JSON.parse((screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement).value);
    expect(json.levels.gold.targets).toEqual({
      P1: { minutes: 60, clock: '24/7', source: '§4' },
      P2: { minutes: 240, clock: 'business-hours', source: '§4' },
    });
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(formTab);
    expect(within(screen.getByTestId('policy-level-1')).getByLabelText('P2 · hours')).toHaveProperty('value', '4');

    // Every control labelled, no duplicate ids, valid ARIA (colour contrast needs a real browser: the E2E checks it).
    const axe = (await import('axe-core')).default;
    const result = await axe.run(screen.getByTestId('policy-editor'), { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

const builtinFiles = ['velostrata-1.2', 'velostrata-2.0', 'velostrata-4.0', 'centron-cloud-gpu'].map((id) => ({
  id,
  text: readFileSync(`policies/${id}.json`, 'utf8'),
}));

describe('options: the policy form and its JSON view', { timeout: 60_000 }, () => {
  for (const { id, text } of builtinFiles.filter((f) => f.id !== 'centron-cloud-gpu')) {
    it(`round-trips ${id}.json through the form without loss`, async () => {
      const user = userEvent.setup();
      renderOptions('#/policies');
      await user.upload(await screen.findByLabelText('Open a JSON file'), file(`${id}.json`, text));
      expect((await screen.findByRole('tab', { name: 'Form' })).getAttribute('aria-selected')).toBe('true');
      const original = JSON.parse(text);
      // The form shows it: every level by name.
      for (const [i, level] of Object.values(original.levels as Record<string, { name: string }>).entries()) {
        expect(within(screen.getByTestId(`policy-level-${i + 1}`)).getByLabelText('Level name')).toHaveProperty('value', level.name);
      }
      await user.click(screen.getByRole('tab', { name: 'JSON (advanced)' }));
      expect(JSON.parse((screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement).value)).toEqual(original);
      // And back: JSON → form → JSON again.
      await user.click(screen.getByRole('tab', { name: 'Form' }));
      await user.click(screen.getByRole('tab', { name: 'JSON (advanced)' }));
      expect(JSON.parse((screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement).value)).toEqual(original);
    });
  }

  it('opens a policy the form cannot show (centron: no response times, a scope) in the JSON view, whole', async () => {
    const centron = builtinFiles.find((f) => f.id === 'centron-cloud-gpu') as { text: string };
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.upload(await screen.findByLabelText('Open a JSON file'), file('centron.json', centron.text));
    expect((await screen.findByRole('tab', { name: 'JSON (advanced)' })).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/^The form cannot show this policy.*noTargets.*scope/);
    expect((screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement).value).toBe(centron.text);
    // Asking for the form keeps the JSON view and its text.
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByRole('tab', { name: 'JSON (advanced)' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement).value).toBe(centron.text);
  });

  it('renames a level everywhere the policy refers to it and keeps the parts the form does not edit', async () => {
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.selectOptions(await screen.findByLabelText('Built-in policy to copy'), 'velostrata-1.2');
    await user.click(screen.getByRole('button', { name: 'New from built-in' }));
    expect(screen.getByLabelText('Policy name')).toHaveProperty('value', 'Velostrata 1.2 — Silver / Gold / Platinum support (copy)');
    expect(screen.getByLabelText('Policy id')).toHaveProperty('value', 'velostrata-1.2-silver-gold-platinum-support-copy');
    expect(screen.getByText(/parts the form does not edit.*readings/)).toBeTruthy();
    await fill(user, within(screen.getByTestId('policy-level-2')).getByLabelText('Level id'), 'gold-plus');
    await user.click(screen.getByRole('tab', { name: 'JSON (advanced)' }));
    const json = JSON.parse((screen.getByLabelText('Policy (JSON)') as HTMLTextAreaElement).value);
    const source = structuredClone(builtinPolicies['velostrata-1.2']) as Policy;
    const { ja, ko, zh } = source.languages as Required<Policy['languages']>;
    const renamed = ['gold-plus', 'platinum'];
    const expected = {
      ...source,
      name: 'Velostrata 1.2 — Silver / Gold / Platinum support (copy)',
      id: 'velostrata-1.2-silver-gold-platinum-support-copy',
      levels: { silver: source.levels.silver, 'gold-plus': source.levels.gold, platinum: source.levels.platinum },
      languages: {
        ja: { ...ja, levels: renamed, overrides: { 'gold-plus': ja.overrides.gold } },
        ko: { ...ko, levels: renamed },
        zh: { ...zh, levels: renamed },
      },
    };
    expect(json).toEqual(expected);

    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await screen.findByText(/^Saved Velostrata 1\.2/);
    const [stored] = (await loadSettings()).settings.customPolicies;
    expect(stored?.readings).toEqual(builtinPolicies['velostrata-1.2']?.readings);
    // The built-in one is untouched and still there beside the copy.
    expect(stored?.id).not.toBe('velostrata-1.2');
  });
});
