import { i18n } from '#i18n';
import { uiLocale } from '@/components/format';
import { type Counts, decided, reportWords, shareMet } from '@/core/report';
import { reportLanguage } from './words';

/**
 * The report's charts as SVG drawn by React (no chart library, nothing from the network). Each
 * bar has its figure as text and a <title>; the chart's label says what it shows, and the table
 * beside it has every figure for screen readers.
 */

const WIDTH = 640;
const HEIGHT = 180;
const TOP = 16;
const BOTTOM = 34;
const LEFT = 36;

const percent = (share: number) => new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);

interface Bar {
  label: string;
  /** 0–1 of the chart's height. */
  value: number;
  text: string;
  title: string;
}

function BarChart({ bars, label, className }: { bars: Bar[]; label: string; className: string }) {
  const plot = HEIGHT - TOP - BOTTOM;
  const step = (WIDTH - LEFT) / Math.max(1, bars.length);
  const width = Math.max(4, Math.min(48, step * 0.7));
  return (
    <svg className={`chart ${className}`} role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" preserveAspectRatio="xMinYMin meet">
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH} y1={TOP + plot * (1 - tick)} y2={TOP + plot * (1 - tick)} className="grid" />
          <text x={LEFT - 4} y={TOP + plot * (1 - tick) + 4} textAnchor="end" className="axis">
            {percent(tick)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const x = LEFT + step * i + (step - width) / 2;
        const h = plot * Math.min(1, Math.max(0, bar.value));
        return (
          <g key={bar.label}>
            <title>{bar.title}</title>
            <rect x={x} y={TOP + plot - h} width={width} height={h} className="bar" />
            <text x={x + width / 2} y={TOP + plot - h - 3} textAnchor="middle" className="value">
              {bar.text}
            </text>
            <text x={x + width / 2} y={HEIGHT - BOTTOM + 14} textAnchor="middle" className="axis">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Share met per month (of the tickets whose deadline is settled). */
export function MetChart({ months }: { months: ReadonlyArray<{ month: string; counts: Counts }> }) {
  const bars = months.map(({ month, counts }) => {
    const share = shareMet(counts);
    const text = share === undefined ? '—' : percent(share);
    return { label: month, value: share ?? 0, text, title: i18n.t('reports.charts.metBar', [month, text, String(counts.met), String(decided(counts))]) };
  });
  return <BarChart bars={bars} label={reportWords(reportLanguage()).metChart} className="met" />;
}

/** How answered tickets' first-response times were spread as a share of their targets. */
export function ShareChart({ counts }: { counts: Counts }) {
  const answered = counts.shares.reduce((sum, n) => sum + n, 0);
  const buckets = reportWords(reportLanguage()).shareBuckets;
  const bars = counts.shares.map((n, i) => {
    const label = buckets[i] ?? String(i);
    return { label, value: answered ? n / answered : 0, text: String(n), title: i18n.t('reports.charts.shareBar', [label, String(n), String(answered)]) };
  });
  return <BarChart bars={bars} label={reportWords(reportLanguage()).shareChart} className="share" />;
}
