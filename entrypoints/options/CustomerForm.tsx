import { useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { policyChoices, regionChoices } from '@/components/policy-choices';
import { PolicySelect } from '@/components/PolicySelect';
import { RegionSelect } from '@/components/RegionSelect';
import { customerFormProblems, problemText } from '@/components/problems';
import { contactWarnings } from '@/core/contracts/lookup';
import { offersEnterprise } from '@/core/contracts/roles';
import { contractChecks } from '@/core/settings/contract-checks';
import { slugify, uniqueId } from '@/core/settings/migrate';
import { LANGUAGES, type Language } from '@/core/policy/schema';
import { Customer, type DesignatedContact } from '@/core/settings/schema';
import type { SettingsError } from '@/core/settings/validate';
import { EnterpriseFields, type RoleChangeDraft, RoleChanges } from './DatedChanges';
import { useStore } from './store';

type Draft = Omit<Customer, 'organisations' | 'domains' | 'addresses' | 'contacts' | 'enterprise'> & {
  organisations: string;
  domains: string;
  addresses: string;
  contacts: Array<{ address: string; role: string; roleChanged: string; roleChanges: RoleChangeDraft[] }>;
  enterpriseEnrolled: string;
  enterpriseNotice: string;
};

const lines = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function toDraft({ enterprise, ...c }: Customer): Draft {
  return {
    ...c,
    enterpriseEnrolled: enterprise?.enrolled ?? '',
    enterpriseNotice: enterprise?.notice ?? '',
    organisations: c.organisations.join('\n'),
    domains: c.domains.join('\n'),
    addresses: c.addresses.join('\n'),
    contacts: c.contacts.map((k) => ({
      address: k.address,
      role: k.role ?? '',
      roleChanged: k.roleChanged ?? '',
      roleChanges: (k.roleChanges ?? []).map((r) => ({ date: r.date, role: r.role ?? '' })),
    })),
  };
}

function fromDraft({ enterpriseEnrolled, enterpriseNotice, ...d }: Draft) {
  return {
    ...d,
    // Both days empty: no Enterprise support (a notice alone is refused: it needs the enrolment).
    enterprise: enterpriseEnrolled || enterpriseNotice ? { enrolled: enterpriseEnrolled, notice: enterpriseNotice || undefined } : undefined,
    level: d.level || undefined,
    region: d.region || undefined,
    organisations: lines(d.organisations),
    domains: lines(d.domains),
    addresses: lines(d.addresses),
    contacts: d.contacts.map(
      (k): Partial<DesignatedContact> => ({
        address: k.address,
        role: k.role || undefined,
        roleChanged: k.roleChanged || undefined,
        roleChanges: k.roleChanges.length ? k.roleChanges.map((r) => ({ date: r.date, role: r.role || undefined })) : undefined,
      }),
    ),
  };
}

/**
 * One customer contract. Saving validates the whole settings object (so unknown levels and duplicate
 * ids are caught too) and shows each problem at its field and with its path. Opens with the name field
 * focused; tells its owner whether it holds unsaved edits (so leaving can ask first).
 */
export function CustomerForm({
  initial,
  index,
  isNew,
  onSaved,
  onCancel,
  onDirty,
}: {
  initial: Customer;
  index: number;
  /** A new customer gets its id from the name it is saved with ("Hoshino Robotics" → "hoshino-robotics"). */
  isNew: boolean;
  onSaved: (customer: Customer) => void;
  onCancel: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { settings, save } = useStore();
  const [draft, setDraft] = useState(() => toDraft(initial));
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const untouched = useMemo(() => JSON.stringify(toDraft(initial)), [initial]);
  const dirty = JSON.stringify(draft) !== untouched;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const policies = policyChoices(settings.customPolicies);
  const policy = policies.find((p) => p.id === draft.policy);
  const levels = policy ? Object.entries(policy.levels) : [];
  const usable = policy ? regionChoices(policy, settings) : [];
  // A stored region the policy cannot use stays visible (and is refused on save with the reason).
  const regions = draft.region && !usable.includes(draft.region) ? [...usable, draft.region] : usable;
  // No level is preselected: "none" is a real choice (2.0: each designated contact's role decides),
  // and the checks below say what it means.
  const level = draft.level ?? '';
  const current = { ...draft, level };
  const prefix = `customers.${index}.`;
  const errorAt = (field: string) => {
    const found = errors.find((e) => e.path === prefix + field || e.path.startsWith(`${prefix + field}.`));
    return found && problemText(found);
  };
  const parsed = Customer.safeParse(fromDraft(current));
  const warnings = parsed.success
    ? [
        ...contactWarnings(parsed.data, policy).map((w) => ({ code: w.code, message: w.message })),
        ...contractChecks(parsed.data, policy).map((check) => ({
          code: check.code === 'no-level' ? check.code : `${check.code}-${check.language}`,
          message:
            check.code === 'no-level'
              ? i18n.t('options.contractChecks.noLevel')
              : i18n.t('options.contractChecks.languageNotIncluded', [i18n.t(`language.${check.language}`), policy?.name ?? '']),
        })),
      ]
    : [];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const customers = [...settings.customers];
    const customer = fromDraft(current) as Customer;
    if (isNew) customer.id = uniqueId(slugify(customer.name), new Set(settings.customers.map((c) => c.id)));
    customers[index] = customer;
    const found = await save({ ...settings, customers });
    setErrors(found);
    if (found.length === 0) onSaved(customer);
  }

  const setContact = (i: number, patch: Partial<Draft['contacts'][number]>) =>
    set(
      'contacts',
      draft.contacts.map((k, j) => (j === i ? { ...k, ...patch } : k)),
    );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="contract-form">
      <h2 id="contract-form">{isNew ? i18n.t('options.contracts.add') : i18n.t('options.contracts.editNamed', [initial.name])}</h2>
      <div className="grid">
        <Field label={i18n.t('options.contracts.name')} error={errorAt('name')}>
          {(c) => <input {...c} ref={firstField} value={draft.name} onChange={(e) => set('name', e.target.value)} required />}
        </Field>
        <Field label={i18n.t('options.contracts.policy')} error={errorAt('policy')}>
          {(c) => <PolicySelect control={c} value={draft.policy} policies={policies} onChange={(id) => set('policy', id)} />}
        </Field>
        <Field label={i18n.t('options.contracts.level')} error={errorAt('level')}>
          {(c) => (
            <select {...c} value={level} onChange={(e) => set('level', e.target.value)}>
              <option value="">
                {policy?.defaultLevel
                  ? `${i18n.t('options.contracts.levelDefault')} (${policy.levels[policy.defaultLevel]?.name ?? policy.defaultLevel})`
                  : i18n.t('options.contractChecks.levelNone')}
              </option>
              {levels.map(([id, rule]) => (
                <option key={id} value={id}>
                  {rule.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={i18n.t('options.contracts.region')} error={errorAt('region')}>
          {(c) => (
            <RegionSelect
              control={c}
              value={draft.region ?? ''}
              regions={regions}
              defaultRegion={policy?.defaultRegion}
              holidays={settings.holidays}
              onChange={(r) => set('region', r)}
            />
          )}
        </Field>
        <Field label={i18n.t('options.contracts.organisations')} hint={i18n.t('options.contracts.onePerLine')} error={errorAt('organisations')}>
          {(c) => <textarea {...c} rows={2} value={draft.organisations} onChange={(e) => set('organisations', e.target.value)} />}
        </Field>
        <Field label={i18n.t('options.contracts.domains')} hint={i18n.t('options.contracts.onePerLine')} error={errorAt('domains')}>
          {(c) => <textarea {...c} rows={2} value={draft.domains} onChange={(e) => set('domains', e.target.value)} />}
        </Field>
        <Field label={i18n.t('options.contracts.addresses')} hint={i18n.t('options.contracts.onePerLine')} error={errorAt('addresses')}>
          {(c) => <textarea {...c} rows={2} value={draft.addresses} onChange={(e) => set('addresses', e.target.value)} />}
        </Field>
        <Field label={i18n.t('options.contracts.notes')} error={errorAt('notes')}>
          {(c) => <textarea {...c} rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>{i18n.t('options.contracts.languages')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="inline">
            <input
              type="checkbox"
              checked={draft.languages.includes(l)}
              onChange={(e) =>
                set('languages', e.target.checked ? [...draft.languages, l] : draft.languages.filter((x: Language) => x !== l))
              }
            />{' '}
            {i18n.t(`language.${l}`)}
          </label>
        ))}
      </fieldset>
      <label className="inline">
        <input type="checkbox" checked={draft.englishAccepted} onChange={(e) => set('englishAccepted', e.target.checked)} />{' '}
        {i18n.t('adhoc.englishAccepted')}
      </label>
      <fieldset>
        <legend>{i18n.t('options.contracts.contacts')}</legend>
        {draft.contacts.map((k, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity.
          <div className="row" key={i}>
            <Field label={i18n.t('options.contracts.contactAddress', [String(i + 1)])} error={errorAt(`contacts.${i}.address`)}>
              {(c) => <input {...c} type="email" value={k.address} onChange={(e) => setContact(i, { address: e.target.value })} />}
            </Field>
            <Field label={i18n.t('options.contracts.contactRole', [String(i + 1)])} error={errorAt(`contacts.${i}.role`)}>
              {(c) => (
                <select {...c} value={k.role} onChange={(e) => setContact(i, { role: e.target.value })}>
                  <option value="">—</option>
                  {levels.map(([id, rule]) => (
                    <option key={id} value={id}>
                      {rule.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={i18n.t('options.contracts.roleChanged', [String(i + 1)])} error={errorAt(`contacts.${i}.roleChanged`)}>
              {(c) => <input {...c} type="date" value={k.roleChanged} onChange={(e) => setContact(i, { roleChanged: e.target.value })} />}
            </Field>
            <button
              type="button"
              className="link"
              onClick={() =>
                set(
                  'contacts',
                  draft.contacts.filter((_, j) => j !== i),
                )
              }
            >
              {i18n.t('options.contracts.removeContact', [String(i + 1)])}
            </button>
            <RoleChanges
              n={i + 1}
              policy={policy}
              contact={parsed.success ? parsed.data.contacts[i] : undefined}
              changes={k.roleChanges}
              errorAt={(field) => errorAt(`contacts.${i}.${field}`)}
              onChange={(roleChanges) => setContact(i, { roleChanges })}
            />
          </div>
        ))}
        <button type="button" onClick={() => set('contacts', [...draft.contacts, { address: '', role: '', roleChanged: '', roleChanges: [] }])}>
          {i18n.t('options.contracts.addContact')}
        </button>
      </fieldset>
      {(draft.enterpriseEnrolled || draft.enterpriseNotice || (policy && offersEnterprise(policy))) && (
        <EnterpriseFields
          policy={policy}
          customer={parsed.success ? parsed.data : undefined}
          settings={settings}
          enrolled={draft.enterpriseEnrolled}
          notice={draft.enterpriseNotice}
          errorAt={errorAt}
          onChange={(patch) =>
            setDraft((d) => ({
              ...d,
              enterpriseEnrolled: patch.enrolled ?? d.enterpriseEnrolled,
              enterpriseNotice: patch.notice ?? d.enterpriseNotice,
            }))
          }
        />
      )}
      {warnings.length > 0 && (
        <ul className="warnings" aria-label={i18n.t('options.contracts.warnings')}>
          {warnings.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      )}
      <ErrorList errors={customerFormProblems(errors, index, settings)} refused />
      <div className="actions">
        <button type="submit" className="primary">
          {i18n.t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
