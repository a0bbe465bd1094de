import { DateTime } from 'luxon';
import { useId } from 'react';
import { i18n } from '#i18n';
import { formatInstant, uiLocale } from './format';

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

const W = 400;
const H = 118;
const BAND_TOP = 44;
const BAND_H = 40;
// One label row per mark kind so labels of close marks do not overlap.
const LABEL_ROW: Record<TimelineMark['kind'], number> = { submitted: 12, start: 24, deadline: 36, now: 114 };

/**
 * The coming days as a strip: open hours shaded, holidays hatched, and lines for submission, clock
 * start, deadline and now. Purely presentational; the caller computes the intervals.
 */
export function Timeline({ from, to, open, holidays, marks, zone, calendarZone }: TimelineProps) {
  const id = useId();
  const locale = uiLocale();
  const x = (t: number) => ((Math.min(Math.max(t, from), to) - from) / (to - from)) * W;
  const days: number[] = [];
  for (let d = DateTime.fromMillis(from, { zone }).startOf('day'); d.toMillis() < to; d = d.plus({ days: 1 })) {
    days.push(d.toMillis());
  }
  const label = (kind: TimelineMark['kind']) => i18n.t(`timeline.${kind}`);
  const description = [
    i18n.t('timeline.desc', [String(open.length), calendarZone]),
    ...marks.map((m) => `${label(m.kind)}: ${formatInstant(m.at, zone, locale)}`),
    ...holidays.map((h) => `${i18n.t('timeline.holiday')}: ${h.name || formatInstant(h.from, calendarZone, locale)}`),
  ].join('. ');

  return (
    <svg
      className="timeline"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{i18n.t('timeline.title')}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch" />
        </pattern>
      </defs>
      <rect x="0" y={BAND_TOP} width={W} height={BAND_H} className="tl-closed" />
      {open.map(([a, b]) => (
        <rect key={a} x={x(a)} y={BAND_TOP} width={Math.max(x(b) - x(a), 0.5)} height={BAND_H} className="tl-open" />
      ))}
      {holidays.map((h) => (
        <rect key={h.from} x={x(h.from)} y={BAND_TOP} width={x(h.to) - x(h.from)} height={BAND_H} fill={`url(#${id}-hatch)`}>
          <title>{`${i18n.t('timeline.holiday')}: ${h.name}`}</title>
        </rect>
      ))}
      {days.map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={BAND_TOP} y2={BAND_TOP + BAND_H + 4} className="tl-day" />
          <text x={x(d) + 3} y={BAND_TOP + BAND_H + 14} className="tl-daylabel">
            {DateTime.fromMillis(Math.max(d, from), { zone }).setLocale(locale).toFormat('ccc d')}
          </text>
        </g>
      ))}
      {marks
        .filter((m) => m.at >= from && m.at <= to)
        .map((m) => {
          const mx = x(m.at);
          const anchor = mx > W * 0.75 ? 'end' : mx < W * 0.25 ? 'start' : 'middle';
          const y = LABEL_ROW[m.kind];
          return (
            <g key={m.kind} className={`tl-mark tl-${m.kind}`}>
              <line x1={mx} x2={mx} y1={m.kind === 'now' ? BAND_TOP : y + 3} y2={BAND_TOP + BAND_H} />
              <text x={mx} y={y} textAnchor={anchor}>
                {label(m.kind)}
              </text>
            </g>
          );
        })}
    </svg>
  );
}
