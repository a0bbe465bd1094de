// @vitest-environment happy-dom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeadlineForm } from '../../components/DeadlineForm';
import { formatInstant, localZone, nowAsLocalInput } from '../../components/format';
import { evaluate, renderExplanation, renderNote } from '../../core';
import { Settings } from '../../core/settings/schema';
import { installI18n } from './support';

const settings = Settings.parse({ version: 1 });

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

async function fill(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value) await user.type(input, value);
}

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('ad-hoc deadline form', { timeout: 20_000 }, () => {
  it('defaults the submission to now in the local zone and shows a deadline', () => {
    render(<DeadlineForm settings={settings} />);
    expect(screen.getByLabelText('Submitted')).toHaveProperty('value', nowAsLocalInput());
    expect(screen.getByTestId('deadline-local').textContent).not.toBe('');
    expect(screen.getByTestId('countdown').textContent).toMatch(/^(Due in|Overdue by) /);
  });

  it('shows the deadline evaluate() computes, in the local zone and the policy zone, with notes and steps', async () => {
    const user = userEvent.setup();
    render(<DeadlineForm settings={settings} />);
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-1.2');
    await user.selectOptions(screen.getByLabelText('Level or role'), 'gold');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P1');
    await user.selectOptions(screen.getByLabelText('Language'), 'ja');
    await fill(user, 'Submitted', '2019-11-16T10:00');

    // The form reads datetime-local in the browser's zone; luxon does the same for a zone-less ISO string.
    const submitted = DateTime.fromISO('2019-11-16T10:00').toISO() as string;
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P1', language: 'ja', englishAccepted: false, type: 'technical', submitted });
    if (!expected.target) throw new Error('the 1.2 Gold P1 target should exist');
    expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(expected.target.deadline, localZone()));
    const notes = within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('listitem');
    expect(notes.map((n) => n.textContent)).toEqual(expected.notes.map((n) => renderNote(n, 'en')));
    expect(screen.getByText('How this was worked out')).toBeTruthy();
    const steps = screen.getByRole('group').querySelectorAll('ol li');
    expect([...steps].map((s) => s.textContent)).toEqual(renderExplanation(expected.steps, 'en'));
  });

  it('counts down live as time passes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      render(<DeadlineForm settings={settings} />);
      const before = screen.getByTestId('countdown').textContent;
      await act(async () => vi.advanceTimersByTime(3 * 60_000));
      expect(screen.getByTestId('countdown').textContent).not.toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it('draws the timeline with an accessible name and description', () => {
    render(<DeadlineForm settings={settings} />);
    const timeline = screen.getByRole('img', { name: /Timeline of the coming days/ });
    expect(timeline.querySelector('desc')?.textContent).toMatch(/Submitted: .*Deadline: /);
    expect(timeline.querySelectorAll('.tl-deadline').length).toBe(1);
  });

  it('shows a path-precise error and no deadline for an empty submission time', async () => {
    const user = userEvent.setup();
    render(<DeadlineForm settings={settings} />);
    await fill(user, 'Submitted', '');
    const alert = screen.getAllByRole('alert').find((a) => a.classList.contains('errors'));
    expect(alert?.querySelector('code')?.textContent).toBe('Submitted');
    expect(screen.getByLabelText('Submitted').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('deadline-local')).toBeNull();
  });

  it('names the holidays the clock skipped and the team’s region as the team list names them', async () => {
    const user = userEvent.setup();
    const team = Settings.parse({
      version: 1,
      holidays: { americas: { name: 'US office', calendar: 'pacific', dates: [{ date: '2019-07-04', name: 'Independence Day' }] } },
    });
    render(<DeadlineForm settings={team} />);
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-4.0');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P1');
    // Wed 15:00 PDT: one business hour left, then the 4th (the team's holiday) and the 5th are closed.
    await fill(user, 'Submitted', DateTime.fromISO('2019-07-03T22:00:00Z').setZone(localZone()).toFormat("yyyy-MM-dd'T'HH:mm"));
    const steps = [...screen.getByRole('group').querySelectorAll('ol li')].map((li) => li.textContent);
    expect(steps.find((line) => line?.startsWith('Calendar:'))).toMatch(/\(region US office\) closed; skipped: Thu 2019-07-04 \(Independence Day\)/);
  });

  it('says when a policy promises no response times', async () => {
    const user = userEvent.setup();
    render(<DeadlineForm settings={settings} />);
    await user.selectOptions(screen.getByLabelText('Policy'), 'centron-cloud-gpu');
    expect(screen.getByTestId('deadline-none').textContent).toBe('No contractual response time applies.');
  });
});
