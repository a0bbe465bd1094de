import { i18n } from '#i18n';
import { formatDuration } from './format';

/** "Due in 3 hr, 5 min" / "Overdue by 20 min", announced politely to screen readers. */
export function Countdown({ deadline, now }: { deadline: number; now: number }) {
  const left = deadline - now;
  const text = formatDuration(left);
  return (
    <p className={left < 0 ? 'countdown overdue' : 'countdown'} aria-live="polite" data-testid="countdown">
      {left < 0 ? i18n.t('result.overdue', [text]) : i18n.t('result.dueIn', [text])}
    </p>
  );
}
