import { DateTime } from 'luxon';
import { policyCalendar } from '@/core';
import type { EvaluateResult } from '@/core/evaluate/types';
import type { Policy } from '@/core/policy/schema';
import { policyZone } from './policy-choices';
import type { TimelineMark, TimelineProps } from './Timeline';

export const DAY = 86_400_000;
const MIN_DAYS = 3;
const MAX_DAYS = 10;

export interface TimelineSource {
  policy: Policy;
  result: EvaluateResult;
  submitted: number;
  now: number;
  region?: string;
  /** Extra closed days per calendar id, as passed to evaluate(). */
  holidays?: Record<string, string[]>;
  /** Names for closed days (yyyy-mm-dd → name), from the team's holiday lists. */
  holidayNames?: Record<string, string>;
  zone: string;
}

/**
 * What the timeline draws for one evaluation: from the start of the submission day to the end of the
 * deadline day (3 to 10 days), with the open hours of the calendar the target counts in.
 */
export function timelineFor(src: TimelineSource): TimelineProps {
  const { policy, result, zone } = src;
  const target = result.target;
  const first = Math.min(src.submitted, target ? Date.parse(target.start) : src.submitted);
  const from = DateTime.fromMillis(first, { zone }).startOf('day').toMillis();
  const last = target ? Date.parse(target.deadline) : src.submitted;
  const end = DateTime.fromMillis(last, { zone }).endOf('day').toMillis() + 1;
  const to = Math.min(Math.max(end, from + MIN_DAYS * DAY), from + MAX_DAYS * DAY);

  const marks: TimelineMark[] = [{ kind: 'submitted', at: src.submitted }];
  if (target) marks.push({ kind: 'start', at: Date.parse(target.start) }, { kind: 'deadline', at: Date.parse(target.deadline) });
  marks.push({ kind: 'now', at: src.now });

  const calendarId = target?.calendar ?? policy.calendar;
  const rule = calendarId ? policy.calendars[calendarId] : undefined;
  const calendarZone = policyZone(policy) ?? zone;
  // Round-the-clock targets count every minute; a policy without targets has no hours to shade.
  if (calendarId === '24/7') return { from, to, open: [[from, to]], holidays: [], marks, zone, calendarZone };
  if (!calendarId || !rule) return { from, to, open: [], holidays: [], marks, zone, calendarZone };

  const region = src.region ?? policy.defaultRegion;
  const calendar = policyCalendar(policy, calendarId, region, src.holidays);
  const holidays = calendar.spec.holidays
    .map((date) => {
      const day = DateTime.fromISO(date, { zone: rule.timeZone });
      return { from: day.toMillis(), to: day.plus({ days: 1 }).toMillis(), name: src.holidayNames?.[date] ?? date };
    })
    .filter((h) => h.to > from && h.from < to);
  return { from, to, open: calendar.openIntervals(from, to), holidays, marks, zone, calendarZone: rule.timeZone };
}

/** The drawing's width in SVG units; labels are LABEL_FONT units high (at least 12 px in the 420 px popup). */
export const TIMELINE_WIDTH = 400;
export const LABEL_FONT = 13;
/** Space kept between two labels on one row. */
const LABEL_GAP = 6;

/** A label's width in SVG units: full-width (CJK) characters 1 em, others about 0.62 em (bold). */
export function labelWidth(text: string, font = LABEL_FONT): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 1 : 0.62;
  return em * font;
}

export interface PlacedLabel {
  kind: TimelineMark['kind'];
  text: string;
  /** The mark's position. */
  x: number;
  /** The label's extent (kept inside the drawing). */
  left: number;
  right: number;
  /** 0 is the row nearest the band; higher rows sit above it. */
  row: number;
}

/**
 * Rows for the marks' labels (one per kind) above the band, so no two labels overlap however close the marks are: in
 * time order, each label takes the lowest row where it clears the labels on that row and, where there
 * is such a row, no mark's line crosses it (labels have a halo for marks too close to avoid that).
 */
export function placeLabels(marks: Array<{ kind: TimelineMark['kind']; x: number; text: string }>): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const apart = (x: number, p: { left: number; right: number }) => x < p.left - LABEL_GAP / 2 || x > p.right + LABEL_GAP / 2;
  for (const mark of [...marks].sort((a, b) => a.x - b.x)) {
    const width = labelWidth(mark.text);
    const left = Math.min(Math.max(mark.x - width / 2, 0), Math.max(TIMELINE_WIDTH - width, 0));
    const box = { left, right: left + width };
    const rowFree = (row: number) =>
      placed.every((p) => p.row !== row || box.right + LABEL_GAP <= p.left || box.left >= p.right + LABEL_GAP);
    // Lines run from each label down to the band: through the rows below it.
    const linesClear = (row: number) => placed.every((p) => (p.row < row ? apart(mark.x, p) : p.row > row ? apart(p.x, box) : true));
    const rows = Array.from({ length: marks.length }, (_, r) => r);
    const row = rows.find((r) => rowFree(r) && linesClear(r)) ?? rows.find(rowFree) ?? marks.length;
    placed.push({ kind: mark.kind, text: mark.text, x: mark.x, ...box, row });
  }
  // In the marks' own order (submitted, start, deadline, now), as they are read.
  return marks.map((m) => placed.find((p) => p.kind === m.kind) as PlacedLabel);
}

/** Which days the axis names: every day when there is room, else every second or third. */
export function dayLabelStep(days: number, sample: string): number {
  const room = TIMELINE_WIDTH / Math.max(days, 1);
  return Math.max(1, Math.ceil((labelWidth(sample) + LABEL_GAP) / room));
}
