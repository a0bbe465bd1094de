import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { DeadlineResult } from '@/components/DeadlineResult';
import { ErrorList } from '@/components/ErrorList';
import { evaluateSafe } from '@/components/evaluate-safe';
import { Field } from '@/components/Field';
import { localInputToIso, localZone, nowAsLocalInput } from '@/components/format';
import { contractZone, holidayNames } from '@/components/policy-choices';
import { Timeline } from '@/components/Timeline';
import { timelineFor } from '@/components/timeline-data';
import { useNow } from '@/components/use-now';
import { getPolicy } from '@/core';
import { toEvaluateInput } from '@/core/contracts/lookup';
import { PRIORITIES, type Priority } from '@/core/policy/schema';
import { useStore } from './store';

/** Pick a customer and a priority: the deadline and notes the badge would show for a ticket now. */
export function ContractPreview() {
  const { settings } = useStore();
  const [customerId, setCustomerId] = useState(settings.customers[0]?.id ?? '');
  const [priority, setPriority] = useState<Priority>('P2');
  const [requester, setRequester] = useState('');
  const [submitted, setSubmitted] = useState(() => nowAsLocalInput());
  const now = useNow();
  const zone = localZone();
  const customer = settings.customers.find((c) => c.id === customerId);
  const policy = customer ? getPolicy(customer.policy, settings.customPolicies) : undefined;
  const iso = localInputToIso(submitted, zone);

  const preview = useMemo(() => {
    if (!customer || !iso) return null;
    const { input, warnings } = toEvaluateInput(
      settings,
      customer,
      { id: 'preview', submitted: iso, requesterEmail: requester.trim() || undefined },
      priority,
    );
    return { input, warnings, ...evaluateSafe(input) };
  }, [settings, customer, iso, requester, priority]);

  if (settings.customers.length === 0) return <p className="empty">{i18n.t('options.preview.noCustomers')}</p>;

  return (
    <section aria-label={i18n.t('options.preview.title')}>
      <p className="muted">{i18n.t('options.preview.intro')}</p>
      <form className="grid" onSubmit={(e) => e.preventDefault()}>
        <Field label={i18n.t('options.preview.customer')}>
          {(c) => (
            <select {...c} value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
              {settings.customers.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
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
        <Field label={i18n.t('options.preview.requester')} hint={i18n.t('options.preview.requesterHint')}>
          {(c) => <input {...c} type="email" value={requester} onChange={(e) => setRequester(e.target.value)} />}
        </Field>
        <Field label={i18n.t('adhoc.submitted')} hint={zone} error={iso ? undefined : i18n.t('adhoc.submittedInvalid')}>
          {(c) => <input {...c} type="datetime-local" value={submitted} onChange={(e) => setSubmitted(e.target.value)} />}
        </Field>
      </form>
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
          <DeadlineResult result={preview.result} contractZone={contractZone(policy, preview.result) ?? zone} now={now}>
            <Timeline
              {...timelineFor({
                policy,
                result: preview.result,
                submitted: Date.parse(iso),
                now,
                region: customer?.region,
                holidays: preview.input.holidays,
                holidayNames: holidayNames(settings),
                zone,
              })}
            />
          </DeadlineResult>
        </div>
      )}
    </section>
  );
}
