import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import type { EvaluateInput, RequestType } from '@/core/evaluate/types';
import { LANGUAGES, type Language, PRIORITIES, type Priority } from '@/core/policy/schema';
import type { Settings } from '@/core/settings/schema';
import { DeadlineResult } from './DeadlineResult';
import { ErrorList, type PathError } from './ErrorList';
import { evaluateSafe } from './evaluate-safe';
import { Field } from './Field';
import { formatInstant, localZone } from './format';
import { explanationNames, holidayNames } from '@/core/settings/holiday-names';
import { contractZone, policyChoices, policyZones, regionChoices, teamHolidays } from './policy-choices';
import { PolicySelect } from './PolicySelect';
import { RegionSelect } from './RegionSelect';
import { SubmittedFields, submissionError, useSubmission } from './SubmittedFields';
import { Timeline } from './Timeline';
import { timelineFor } from './timeline-data';
import { useNow } from './use-now';

const TYPES: RequestType[] = ['technical', 'billing', 'feature'];

/** The form's label of an evaluation problem's field ("submitted" → "Submitted"); other paths as they are. */
const LABELS: Record<string, () => string> = {
  policy: () => i18n.t('adhoc.policy'),
  level: () => i18n.t('adhoc.level'),
  priority: () => i18n.t('adhoc.priority'),
  type: () => i18n.t('adhoc.type'),
  language: () => i18n.t('adhoc.language'),
  region: () => i18n.t('adhoc.region'),
  submitted: () => i18n.t('adhoc.submitted'),
};
const labelled = (errors: PathError[]) => errors.map((e) => ({ ...e, path: LABELS[e.path.split('.')[0] ?? '']?.() ?? e.path }));

/**
 * The popup's ad-hoc deadline: any policy, level, priority, language, region, type and submission
 * time (default now), given in any zone (default the reader's); recomputed as the fields change.
 */
export function DeadlineForm({ settings }: { settings: Pick<Settings, 'customPolicies' | 'holidays'> }) {
  const policies = useMemo(() => policyChoices(settings.customPolicies), [settings.customPolicies]);
  const [policyId, setPolicyId] = useState(policies[0]?.id ?? '');
  const policy = policies.find((p) => p.id === policyId) ?? policies[0];
  const [level, setLevel] = useState('');
  const [priority, setPriority] = useState<Priority>('P2');
  const [language, setLanguage] = useState<Language>('en');
  const [englishAccepted, setEnglishAccepted] = useState(false);
  const [region, setRegion] = useState('');
  const [type, setType] = useState<RequestType>('technical');
  const submission = useSubmission();
  const now = useNow();
  const zone = localZone();

  const levels = policy ? Object.entries(policy.levels) : [];
  const levelValue = levels.some(([id]) => id === level) ? level : (policy?.defaultLevel ?? levels[0]?.[0] ?? '');
  const regions = policy ? regionChoices(policy, settings) : [];
  const regionValue = regions.includes(region) ? region : '';
  const submittedIso = submission.iso;
  const submittedError = submissionError(submission);

  const evaluation = useMemo(() => {
    if (!policy) return null;
    if (!submittedIso) return { result: null, errors: [{ path: 'submitted', message: submittedError ?? '' }] as PathError[] };
    const builtin = !settings.customPolicies.some((p) => p.id === policy.id);
    const input: EvaluateInput = {
      policy: builtin ? policy.id : policy,
      level: levelValue || undefined,
      priority,
      submitted: submittedIso,
      language,
      englishAccepted,
      region: regionValue || undefined,
      type,
      holidays: teamHolidays(settings, regionValue || policy.defaultRegion),
    };
    return evaluateSafe(input);
  }, [policy, settings, levelValue, priority, submittedIso, submittedError, language, englishAccepted, regionValue, type]);

  const errorFor = (field: string) => evaluation?.errors.find((e) => e.path.split('.')[0] === field)?.message;

  return (
    <div className="adhoc">
      <form className="grid" onSubmit={(e) => e.preventDefault()} aria-label={i18n.t('adhoc.title')}>
        {/* Full width, and the whole name (with its version) under it, wrapped: a select cuts long names. */}
        <Field label={i18n.t('adhoc.policy')} error={errorFor('policy')} hint={policy && `${policy.name} · ${policy.document}`} wide>
          {(c) => <PolicySelect control={c} value={policy?.id ?? ''} policies={policies} onChange={setPolicyId} />}
        </Field>
        <Field label={i18n.t('adhoc.level')} error={errorFor('level')}>
          {(c) => (
            <select {...c} value={levelValue} onChange={(e) => setLevel(e.target.value)} disabled={levels.length < 2}>
              {levels.map(([id, rule]) => (
                <option key={id} value={id}>
                  {rule.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('adhoc.priority')} error={errorFor('priority')}>
          {(c) => (
            <select {...c} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('adhoc.type')} error={errorFor('type')}>
          {(c) => (
            <select {...c} value={type} onChange={(e) => setType(e.target.value as RequestType)}>
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {i18n.t(`type.${t}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('adhoc.language')} error={errorFor('language')}>
          {(c) => (
            <select {...c} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {i18n.t(`language.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('adhoc.region')} error={errorFor('region')}>
          {(c) => (
            <RegionSelect
              control={c}
              value={regionValue}
              regions={regions}
              defaultRegion={policy?.defaultRegion}
              holidays={settings.holidays}
              onChange={setRegion}
            />
          )}
        </Field>
        <SubmittedFields submission={submission} zones={policy ? policyZones(policy) : []} error={errorFor('submitted')} />
        <div className="field check">
          <label>
            <input type="checkbox" checked={englishAccepted} onChange={(e) => setEnglishAccepted(e.target.checked)} />{' '}
            {i18n.t('adhoc.englishAccepted')}
          </label>
        </div>
      </form>
      {evaluation && <ErrorList errors={labelled(evaluation.errors)} />}
      {evaluation?.result && policy && submittedIso && (
        <DeadlineResult
          result={evaluation.result}
          contractZone={contractZone(policy, evaluation.result) ?? zone}
          now={now}
          names={explanationNames(settings.holidays, regionValue || policy.defaultRegion)}
        >
          {evaluation.result.target && submission.zone !== zone && (
            <p className="muted" data-testid="deadline-submitted-zone">
              {i18n.t('adhoc.inSubmittedZone', [formatInstant(evaluation.result.target.deadline, submission.zone)])}
            </p>
          )}
          <Timeline
            {...timelineFor({
              policy,
              result: evaluation.result,
              submitted: Date.parse(submittedIso),
              now,
              region: regionValue || undefined,
              holidays: teamHolidays(settings, regionValue || policy.defaultRegion),
              holidayNames: holidayNames(settings.holidays, regionValue || policy.defaultRegion),
              zone,
            })}
          />
        </DeadlineResult>
      )}
    </div>
  );
}
