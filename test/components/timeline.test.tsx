// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Timeline } from '../../components/Timeline';
import { timelineFor } from '../../components/timeline-data';
import { builtinPolicies, evaluate } from '../../core';
import { installI18n } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

function builtin(id: string) {
  const policy = builtinPolicies[id];
  if (!policy) throw new Error(`${id} is built in`);
  return policy;
}
const policy = builtin('velostrata-4.0');

describe('timeline', () => {
  it('shades the calendar’s open hours, hatches holidays and marks submission, clock start and deadline', () => {
    // Wednesday 2019-07-03, the day before the Americas' Independence Day holiday in the 4.0 list.
    const submitted = '2019-07-03T23:00:00Z';
    const result = evaluate({ policy: 'velostrata-4.0', priority: 'P3', submitted, region: 'americas' });
    if (!result.target) throw new Error('4.0 P3 has a target');
    const props = timelineFor({ policy, result, submitted: Date.parse(submitted), now: Date.parse(submitted), region: 'americas', zone: 'UTC' });
    // Mon–Fri 12:00–17:00 Pacific: one open stretch per working day in view, none on 4 July.
    expect(props.holidays.map((h) => h.name)).toContain('2019-07-04');
    expect(props.open.every(([a, b]) => b - a === 5 * 3600_000)).toBe(true);
    expect(props.open.some(([a]) => new Date(a).toISOString().startsWith('2019-07-04'))).toBe(false);

    render(<Timeline {...props} />);
    const svg = screen.getByRole('img', { name: /Timeline of the coming days/ });
    expect(svg.querySelectorAll('.tl-open')).toHaveLength(props.open.length);
    expect(svg.querySelectorAll('rect[fill^="url("]').length).toBe(props.holidays.length);
    expect([...svg.querySelectorAll('.tl-mark text')].map((t) => t.textContent)).toEqual(['Submitted', 'Clock starts', 'Deadline', 'Now']);
    expect(svg.querySelector('desc')?.textContent).toContain('Holiday: 2019-07-04');
  });

  it('shades the whole range for round-the-clock targets', () => {
    const submitted = '2019-11-18T10:00:00Z';
    const result = evaluate({ policy: 'velostrata-1.2', level: 'platinum', priority: 'P1', submitted });
    expect(result.target?.clock).toBe('24/7');
    const props = timelineFor({ policy: builtin('velostrata-1.2'), result, submitted: Date.parse(submitted), now: 0, zone: 'UTC' });
    expect(props.open).toEqual([[props.from, props.to]]);
  });
});
