import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { formatDuration } from './format';

/**
 * "Due in 3 hr, 5 min" / "Overdue by 20 min". A timer (not a live region: a screen reader would read it
 * out every minute) that can be focused to hear it; only a change of state is announced: the deadline
 * passing while it is shown, or a new deadline still ahead of an overdue one.
 */
export function Countdown({ deadline, now }: { deadline: number; now: number }) {
  const left = deadline - now;
  const overdue = left < 0;
  const text = overdue ? i18n.t('result.overdue', [formatDuration(left)]) : i18n.t('result.dueIn', [formatDuration(left)]);
  const [announced, setAnnounced] = useState('');
  const was = useRef(overdue);
  useEffect(() => {
    if (was.current === overdue) return;
    was.current = overdue;
    setAnnounced(overdue ? i18n.t('countdown.passed') : text);
  }, [overdue, text]);
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a timer is read on focus, never announced by itself. */}
      <p className={overdue ? 'countdown overdue' : 'countdown'} role="timer" aria-live="off" tabIndex={0} data-testid="countdown">
        {text}
      </p>
      <p className="sr-only" role="status">
        {announced}
      </p>
    </>
  );
}
