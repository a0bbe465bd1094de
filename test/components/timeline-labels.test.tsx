// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Countdown } from '../../components/Countdown';
import { Timeline } from '../../components/Timeline';
import { LABEL_FONT, placeLabels, TIMELINE_WIDTH, timelineFor } from '../../components/timeline-data';
import { builtinPolicies, evaluate } from '../../core';
import { installI18n } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

const builtin = builtinPolicies['velostrata-4.0'];
if (!builtin) throw new Error('4.0 is built in');
const policy = builtin;

/** The 4.0 P3 timeline of a Wednesday submission, seen at `now`. */
function p3(now: string) {
  const submitted = '2019-07-03T23:00:00Z';
  const result = evaluate({ policy: 'velostrata-4.0', priority: 'P3', submitted, region: 'americas' });
  return timelineFor({ policy, result, submitted: Date.parse(submitted), now: Date.parse(now), region: 'americas', zone: 'UTC' });
}

const LABELS = {
  en: ['Submitted', 'Clock starts', 'Deadline', 'Now'],
  de: ['Eingang', 'Uhr startet', 'Frist', 'Jetzt'],
  ja: ['受付', '計測開始', '期限', '現在'],
} as const;
const KINDS = ['submitted', 'start', 'deadline', 'now'] as const;

describe('timeline labels', () => {
  it('never overlap nor leave the drawing, however close submission, clock start, deadline and now are', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const texts of Object.values(LABELS))
      for (let start = 0; start <= TIMELINE_WIDTH; start += 7)
        for (const gap of [0, 1, 3, 8, 15, 30, 60])
          for (const submittedBefore of [0, 2, 40])
            for (const nowAfter of [-5, 0, 4, 90]) {
              const xs = [start - submittedBefore, start, start + gap, start + gap + nowAfter].map((x) =>
                Math.min(Math.max(x, 0), TIMELINE_WIDTH),
              );
              const labels = placeLabels(KINDS.map((kind, i) => ({ kind, x: xs[i] as number, text: texts[i] as string })));
              const where = `${texts[0]} at ${xs.join('/')}`;
              if (labels.map((l) => l.kind).join() !== KINDS.join()) problems.push(`${where}: order`);
              for (const a of labels) {
                if (a.left < 0 || a.right > TIMELINE_WIDTH) problems.push(`${where}: ${a.kind} leaves the drawing`);
                for (const b of labels)
                  if (a !== b && a.row === b.row && a.right > b.left && b.right > a.left) problems.push(`${where}: ${a.kind} on ${b.kind}`);
              }
              checked++;
            }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('put "Clock starts" and "Deadline" on different rows when they are close, and are at least 12 px in the 390 px popup', () => {
    const [start, deadline] = placeLabels([
      { kind: 'start', x: 200, text: 'Clock starts' },
      { kind: 'deadline', x: 215, text: 'Deadline' },
    ]);
    expect(start?.row).not.toBe(deadline?.row);
    expect((LABEL_FONT * 390) / TIMELINE_WIDTH).toBeGreaterThanOrEqual(12);
  });

  it('has a legend for open hours, closed time and holidays', () => {
    render(<Timeline {...p3('2019-07-03T23:00:00Z')} />);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Clock runs (business hours)',
      'Closed, clock stopped',
      'Holiday',
    ]);
  });

  it('speaks of coming days before, of past and coming days during and of past days after the range', () => {
    const { rerender } = render(<Timeline {...p3('2019-07-03T23:00:00Z')} />);
    expect(screen.getByRole('img').getAttribute('aria-labelledby')).toBeTruthy();
    const title = () => screen.getByRole('img').querySelector('title')?.textContent;
    expect(title()).toBe('Timeline of the coming days');
    rerender(<Timeline {...p3('2019-07-05T18:00:00Z')} />);
    expect(title()).toBe('Timeline of the past and coming days');
    rerender(<Timeline {...p3('2019-08-01T00:00:00Z')} />);
    expect(title()).toBe('Timeline of the past days');
  });
});

describe('countdown', () => {
  it('is a focusable timer that is not read out every minute; only the deadline passing is announced', () => {
    const deadline = Date.parse('2019-07-05T12:00:00Z');
    const { rerender } = render(<Countdown deadline={deadline} now={deadline - 3 * 60_000} />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('Due in 3 min');
    expect(timer.getAttribute('aria-live')).not.toBe('polite');
    expect(timer.tabIndex).toBe(0);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    act(() => rerender(<Countdown deadline={deadline} now={deadline - 2 * 60_000} />));
    act(() => rerender(<Countdown deadline={deadline} now={deadline - 60_000} />));
    expect(timer.textContent).toBe('Due in 1 min');
    expect(status.textContent).toBe('');
    act(() => rerender(<Countdown deadline={deadline} now={deadline + 60_000} />));
    expect(status.textContent).toBe('The deadline has passed.');
    act(() => rerender(<Countdown deadline={deadline} now={deadline + 2 * 60_000} />));
    expect(timer.textContent).toBe('Overdue by 2 min');
    expect(status.textContent).toBe('The deadline has passed.');
    // A new evaluation with a deadline still ahead says so.
    act(() => rerender(<Countdown deadline={deadline + 60 * 60_000} now={deadline + 2 * 60_000} />));
    expect(status.textContent).toBe('Due in 58 min');
  });
});
