import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Combobox, type ComboboxOption } from '@/components/Combobox';
import { DeadlineResult } from '@/components/DeadlineResult';
import { ErrorList } from '@/components/ErrorList';
import { evaluateSafe } from '@/components/evaluate-safe';
import { Field } from '@/components/Field';
import { localZone } from '@/components/format';
import { contractZone, policyZones } from '@/components/policy-choices';
import { explanationNames, holidayNames } from '@/core/settings/holiday-names';
import { SubmittedFields, submissionError, useSubmission } from '@/components/SubmittedFields';
import { Timeline } from '@/components/Timeline';
import { timelineFor } from '@/components/timeline-data';
import { useNow } from '@/components/use-now';
import { getPolicy } from '@/core';
import { toEvaluateInput } from '@/core/contracts/lookup';
import type { RequestType } from '@/core/evaluate/types';
import { LANGUAGES, type Language, PRIORITIES, type Priority } from '@/core/policy/schema';
import { stateName } from '@/utils/state-names';
import { previewBadge } from './preview-badge';
import { useStore } from './store';

const REQUEST_TYPES: RequestType[] = ['technical', 'billing', 'feature'];

/**
 * Pick a customer and describe a ticket (priority, language, request type, requester, submission
 * time): the badge the agent would see, with its popover's routing and notes, and the deadline.
 */
export function ContractPreview() {
  const { settings } = useStore();
  const [customerId, setCustomerId] = useState(settings.customers[0]?.id ?? '');
  const [priority, setPriority] = useState<Priority>('P2');
  const [requester, setRequester] = useState('');
  const [language, setLanguage] = useState<Language | ''>('');
  const [type, setType] = useState<RequestType | ''>('');
  const submission = useSubmission();
  const now = useNow();
  const zone = localZone();
  const customer = settings.customers.find((c) => c.id === customerId);
  const policy = customer ? getPolicy(customer.policy, settings.customPolicies) : undefined;
  const iso = submission.iso;
  const ticket = useMemo(
    () => ({
      ...(requester.trim() ? { requesterEmail: requester.trim() } : {}),
      ...(language ? { language } : {}),
      ...(type ? { type } : {}),
    }),
    [requester, language, type],
  );

  const preview = useMemo(() => {
    if (!customer || !iso) return null;
    const { input, warnings } = toEvaluateInput(
      settings,
      customer,
      { id: 'preview', submitted: iso, ...ticket },
      priority,
    );
    return { input, warnings, ...evaluateSafe(input) };
  }, [settings, customer, iso, ticket, priority]);
  // What the page would show of the ticket: what the agent's badge is built from.
  const badge =
    customer && iso ? previewBadge(settings, { id: 'preview', customer: customer.name, submitted: iso, priority, ...ticket }, customer.id, now) : null;
  const options = useMemo<ComboboxOption[]>(
    () =>
      settings.customers.map((c) => ({
        value: c.id,
        label: c.name,
        keywords: [...c.domains, ...c.organisations, ...c.addresses, ...c.contacts.map((k) => k.address)].join(' '),
      })),
    [settings.customers],
  );

  if (settings.customers.length === 0) return <p className="empty">{i18n.t('options.preview.noCustomers')}</p>;

  return (
    <section aria-label={i18n.t('options.preview.title')}>
      <p className="muted">{i18n.t('options.preview.intro')}</p>
      <form className="grid" onSubmit={(e) => e.preventDefault()}>
        <Field label={i18n.t('options.preview.customer')}>
          {(c) => <Combobox control={c} label={i18n.t('options.preview.customer')} options={options} value={customerId} onChange={setCustomerId} />}
        </Field>
        <Field label={i18n.t('adhoc.priority')}>
          {(c) => (
            <select {...c} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              {PRIORITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('adhoc.language')}>
          {(c) => (
            <select {...c} value={language} onChange={(e) => setLanguage(e.target.value as Language | '')}>
              <option value="">{i18n.t('options.preview.notShown')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {i18n.t(`language.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('adhoc.type')}>
          {(c) => (
            <select {...c} value={type} onChange={(e) => setType(e.target.value as RequestType | '')}>
              <option value="">{i18n.t('options.preview.notShown')}</option>
              {REQUEST_TYPES.map((x) => (
                <option key={x} value={x}>
                  {i18n.t(`type.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('options.preview.requester')} hint={i18n.t('options.preview.requesterHint')}>
          {(c) => <input {...c} type="email" value={requester} onChange={(e) => setRequester(e.target.value)} />}
        </Field>
        <SubmittedFields submission={submission} zones={policy ? policyZones(policy) : []} error={submissionError(submission)} />
      </form>
      {badge && (
        <section className="preview-badge" aria-label={i18n.t('options.preview.badge')}>
          <h2>{i18n.t('options.preview.badge')}</h2>
          {badge.matched && (
            <p className="warning">
              {i18n.t('options.preview.otherCustomer', [
                requester.trim(),
                badge.matched.name,
                badge.words.popover.matchedBy[badge.matched.by],
              ])}
            </p>
          )}
          <p>
            <span className="badge" data-sla-state={badge.view.state} data-testid="preview-badge">
              {badge.view.text}
            </span>{' '}
            <span className="muted">({stateName(badge.view.state)})</span>
          </p>
          {badge.model.sections
            .filter((section) => section.lines.length > 0)
            .map((section) => (
              <div key={section.title} className={section.warning ? 'warning' : undefined}>
                <h3>{section.title}</h3>
                <ul aria-label={section.title}>
                  {section.lines.map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a section's lines are fixed per render and may repeat.
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </div>
            ))}
        </section>
      )}
      {preview && preview.warnings.length > 0 && (
        <ul className="warnings" aria-label={i18n.t('options.contracts.warnings')}>
          {preview.warnings.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      )}
      {preview && <ErrorList errors={preview.errors} />}
      {preview?.result && policy && iso && (
        <div className="preview-result">
          <DeadlineResult
            result={preview.result}
            contractZone={contractZone(policy, preview.result) ?? zone}
            now={now}
            names={explanationNames(settings.holidays, customer?.region ?? policy.defaultRegion)}
          >
            <Timeline
              {...timelineFor({
                policy,
                result: preview.result,
                submitted: Date.parse(iso),
                now,
                region: customer?.region,
                holidays: preview.input.holidays,
                holidayNames: holidayNames(settings.holidays, customer?.region ?? policy.defaultRegion),
                zone,
              })}
            />
          </DeadlineResult>
        </div>
      )}
    </section>
  );
}
