import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { EvaluateResult } from '@/core/evaluate/types';
import { readerLanguage } from '@/core/explain/format';
import { type RenderOptions, renderExplanation, renderNote } from '@/core/explain/render';
import { Countdown } from './Countdown';
import { formatDuration, formatInstant, localZone } from './format';

/**
 * One evaluation as people read it: the deadline in their zone and the contract's, a live countdown,
 * the notes (routing, scope, …) and the explanation in steps.
 */
export function DeadlineResult({
  result,
  contractZone,
  now,
  names,
  children,
}: {
  result: EvaluateResult;
  /** The zone of the calendar the target counts in (e.g. Asia/Tokyo for a Japanese-routed request). */
  contractZone: string;
  now: number;
  /** The team's holiday and region names for the explanation (`explanationNames`). */
  names?: RenderOptions;
  /** Shown right under the deadline (the timeline). */
  children?: ReactNode;
}) {
  const { target } = result;
  const zone = localZone();
  // The core's notes and explanation in the language of the UI's messages.
  const lang = readerLanguage(i18n.t('badge.locale'));
  const steps = renderExplanation(result.steps, lang, names);
  return (
    <section className="result" aria-label={i18n.t('result.title')}>
      {target ? (
        <>
          <p className="deadline" data-testid="deadline-local">
            {formatInstant(target.deadline, zone)}
          </p>
          {contractZone !== zone && (
            <p className="muted" data-testid="deadline-contract">
              {i18n.t('result.inContractZone', [formatInstant(target.deadline, contractZone)])}
            </p>
          )}
          <Countdown deadline={Date.parse(target.deadline)} now={now} />
          <p className="muted">
            {i18n.t(target.clock === '24/7' ? 'result.targetAroundClock' : 'result.targetBusiness', [
              formatDuration(target.minutes * 60_000),
            ])}{' '}
            · {target.source}
          </p>
          {children}
        </>
      ) : (
        <p className="deadline none" data-testid="deadline-none">
          {i18n.t('result.noTarget')}
        </p>
      )}
      {result.notes.length > 0 && (
        <ul className="notes" aria-label={i18n.t('result.notes')}>
          {result.notes.map((note) => (
            <li key={note.code} data-code={note.code}>
              {renderNote(note, lang)}
            </li>
          ))}
        </ul>
      )}
      {steps.length > 0 && (
        <details className="explain">
          <summary>{i18n.t('result.explain')}</summary>
          <ol>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
