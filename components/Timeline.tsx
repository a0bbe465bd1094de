import { DateTime } from 'luxon';
import { useId } from 'react';
import { i18n } from '#i18n';
import { formatInstant, uiLocale } from './format';
import { DAY, dayLabelStep, LABEL_FONT, placeLabels, TIMELINE_WIDTH as W } from './timeline-data';

export interface TimelineMark {
  at: number;
  kind: 'submitted' | 'start' | 'deadline' | 'now';
}

export interface TimelineProps {
  /** Visible range [from, to) in epoch ms. */
  from: number;
  to: number;
  /** The calendar's open hours within the range (BusinessCalendar.openIntervals). */
  open: Array<[number, number]>;
  holidays: Array<{ from: number; to: number; name: string }>;
  marks: TimelineMark[];
  /** Zone for the day ticks (the reader's). */
  zone: string;
  /** Zone named in the description (the policy's). */
  calendarZone: string;
}

const ROW_H = LABEL_FONT + 6;
const BAND_H = 40;

/** Whether the strip shows days to come, days gone, or both (by where "now" falls). */
function titleOf(from: number, to: number, marks: TimelineMark[]): string {
  const now = marks.find((m) => m.kind === 'now')?.at;
  if (now !== undefined && now >= to) return i18n.t('timeline.titlePast');
  if (now !== undefined && now >= from + DAY) return i18n.t('timeline.titleAround');
  return i18n.t('timeline.title');
}

/**
 * The days from submission to deadline as a strip: open hours shaded, holidays hatched, lines for
 * submission, clock start, deadline and now with their labels in rows that never overlap, and a
 * legend. Purely presentational; the caller computes the intervals.
 */
export function Timeline({ from, to, open, holidays, marks, zone, calendarZone }: TimelineProps) {
  const id = useId();
  const locale = uiLocale();
  const x = (t: number) => ((Math.min(Math.max(t, from), to) - from) / (to - from)) * W;
  const days: number[] = [];
  for (let d = DateTime.fromMillis(from, { zone }).startOf('day'); d.toMillis() < to; d = d.plus({ days: 1 })) {
    days.push(d.toMillis());
  }
  const dayText = (d: number) => DateTime.fromMillis(Math.max(d, from), { zone }).setLocale(locale).toFormat('ccc d');
  const step = dayLabelStep(days.length, dayText(days[0] ?? from));
  const label = (kind: TimelineMark['kind']) => i18n.t(`timeline.${kind}`);
  const labels = placeLabels(marks.filter((m) => m.at >= from && m.at <= to).map((m) => ({ kind: m.kind, x: x(m.at), text: label(m.kind) })));
  const rows = Math.max(1, ...labels.map((l) => l.row + 1));
  const bandTop = rows * ROW_H + 6;
  const height = bandTop + BAND_H + ROW_H + 6;
  const labelY = (row: number) => bandTop - 6 - row * ROW_H;
  const title = titleOf(from, to, marks);
  const description = [
    i18n.t('timeline.desc', [String(open.length), calendarZone]),
    ...marks.map((m) => `${label(m.kind)}: ${formatInstant(m.at, zone, locale)}`),
    ...holidays.map((h) => `${i18n.t('timeline.holiday')}: ${h.name || formatInstant(h.from, calendarZone, locale)}`),
  ].join('. ');
  const closed = open.reduce((sum, [a, b]) => sum - (b - a), to - from) > 0;

  return (
    <figure className="timeline-figure">
      <svg
        className="timeline"
        viewBox={`0 0 ${W} ${height}`}
        fontSize={LABEL_FONT}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch" />
          </pattern>
        </defs>
        <rect x="0" y={bandTop} width={W} height={BAND_H} className="tl-closed" />
        {open.map(([a, b]) => (
          <rect key={a} x={x(a)} y={bandTop} width={Math.max(x(b) - x(a), 0.5)} height={BAND_H} className="tl-open" />
        ))}
        {holidays.map((h) => (
          <rect key={h.from} x={x(h.from)} y={bandTop} width={x(h.to) - x(h.from)} height={BAND_H} fill={`url(#${id}-hatch)`}>
            <title>{`${i18n.t('timeline.holiday')}: ${h.name}`}</title>
          </rect>
        ))}
        {days.map((d, i) => (
          <g key={d}>
            <line x1={x(d)} x2={x(d)} y1={bandTop} y2={bandTop + BAND_H + 4} className="tl-day" />
            {i % step === 0 && (
              <text x={x(d) + 3} y={bandTop + BAND_H + ROW_H} className="tl-daylabel">
                {dayText(d)}
              </text>
            )}
          </g>
        ))}
        {/* Lines first, then every label over them (with a halo), so no line crosses a label's text. */}
        {labels.map((l) => (
          <line key={l.kind} x1={l.x} x2={l.x} y1={labelY(l.row) + 3} y2={bandTop + BAND_H} className={`tl-line tl-line-${l.kind}`} />
        ))}
        {labels.map((l) => (
          <g key={l.kind} className={`tl-mark tl-${l.kind}`}>
            <text x={l.left} y={labelY(l.row)} data-row={l.row}>
              {l.text}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="tl-legend" aria-label={i18n.t('timeline.legend')}>
          {open.length > 0 && (
            <li>
              <span className="tl-swatch tl-swatch-open" aria-hidden="true" />
              {i18n.t('timeline.open')}
            </li>
          )}
          {closed && (
            <li>
              <span className="tl-swatch tl-swatch-closed" aria-hidden="true" />
              {i18n.t('timeline.closed')}
            </li>
          )}
          {holidays.length > 0 && (
            <li>
              <span className="tl-swatch tl-swatch-holiday" aria-hidden="true" />
              {i18n.t('timeline.holiday')}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
