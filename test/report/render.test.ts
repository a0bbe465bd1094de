import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createReport, explanationNames, reportToHtml, reportToText } from '../../core/report';
import { Settings } from '../../core/settings/schema';

const settings = Settings.parse({
  version: 1,
  customers: [{ id: 'atlas', name: 'Atlas Freight', policy: 'velostrata-4.0', region: 'americas' }],
  holidays: { americas: { name: 'US 2026', calendar: 'pacific', dates: [{ date: '2026-11-26', name: 'Thanksgiving' }] } },
});

function report() {
  const accumulator = createReport({ settings, now: Date.parse('2026-12-01T00:00:00Z'), zone: 'America/Los_Angeles' });
  accumulator.add({ id: 'T-7', customer: 'Atlas Freight', priority: 'P3', submitted: '2026-11-25T16:00:00-08:00' }, 2);
  return accumulator.result();
}

describe('report renderers', () => {
  it("explain the worst misses in the report's language, naming the holidays the clock skipped", () => {
    const page = new DOMParser().parseFromString(reportToHtml(report(), { lang: 'de', names: explanationNames(settings.holidays) }), 'text/html');
    const steps = [...page.querySelectorAll('ol.explain li')].map((li) => li.textContent);
    expect(steps).toContainEqual(expect.stringMatching(/übersprungen: Do 2026-11-26 \(Thanksgiving\)/));
    expect(steps.at(-1)).toBe('Frist: Mo 2026-11-30 14:00 PST (Mo 2026-11-30 22:00 UTC).');
    expect(page.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-30T22:00:00.000Z');
    expect(page.querySelector('time')?.textContent).toBe('2026-11-30 14:00 PST');
  });

  it('write the summary in Japanese with East Asian widths aligned', () => {
    const text = reportToText(report(), { lang: 'ja' });
    expect(text).toContain('SLA 遵守レポート');
    expect(text).toContain('超過の大きいチケット');
    expect(text).toMatch(/T-7 +Atlas Freight +P3 +2026-11-30 14:00 PST +未回答 +2時間/);
  });
});
