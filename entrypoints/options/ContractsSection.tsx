import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { policyChoices } from '@/components/policy-choices';
import { ErrorList } from '@/components/ErrorList';
import { formProblems } from '@/components/problems';
import { contactWarnings } from '@/core/contracts/lookup';
import { contractRows } from '@/core/contracts/table';
import { contractChecks, contractConflicts } from '@/core/settings/contract-checks';
import type { SettingsError } from '@/core/settings/validate';
import { slugify, uniqueId } from '@/core/settings/migrate';
import type { Customer } from '@/core/settings/schema';
import { ContractTable } from './ContractTable';
import { CustomerForm } from './CustomerForm';
import { pendingWarnings } from './DatedChanges';
import type { Route } from './route';
import { useStore } from './store';

/** A new contract, prefilled from "#/contracts/new?name=…&domain=…&organisation=…&email=…". */
function newCustomer(params: URLSearchParams, taken: Set<string>, policy: string): Customer {
  const name = params.get('name')?.trim() ?? '';
  const one = (key: string) => (params.get(key)?.trim() ? [params.get(key)?.trim() as string] : []);
  return {
    id: uniqueId(slugify(name || 'customer'), taken),
    name,
    organisations: one('organisation'),
    domains: one('domain'),
    addresses: one('email'),
    policy,
    languages: [],
    englishAccepted: false,
    contacts: [],
    notes: '',
  };
}

export function ContractsSection({ route }: { route: Route }) {
  const { settings, loaded, save } = useStore();
  const policies = useMemo(() => policyChoices(settings.customPolicies), [settings.customPolicies]);
  const [editing, setEditing] = useState<number | null>(() => (route.action === 'new' ? settings.customers.length : null));
  const fresh = useMemo(
    () => newCustomer(route.params, new Set(settings.customers.map((c) => c.id)), policies[0]?.id ?? ''),
    [route.params, settings.customers, policies[0]?.id],
  );
  const managed = (c: Customer) => loaded.managed.customers.includes(c.id);
  const [errors, setErrors] = useState<SettingsError[]>([]);
  // Names, domains and addresses two customers share (IT's customer and a team copy, or stored before
  // such saves were refused): the list says who gets the tickets.
  const conflicts = useMemo(() => contractConflicts(settings), [settings]);
  const remove = async (index: number) => setErrors(await save({ ...settings, customers: settings.customers.filter((_, i) => i !== index) }));

  // Search text and sort keys of every customer, once per settings change (not per keystroke).
  const rows = useMemo(() => contractRows(settings, policies, conflicts), [settings, policies, conflicts]);

  if (editing !== null) {
    const initial = settings.customers[editing] ?? fresh;
    return (
      <CustomerForm
        initial={initial}
        index={editing}
        onDone={() => {
          setEditing(null);
          if (route.action) location.hash = '#/contracts';
        }}
      />
    );
  }

  return (
    <section aria-label={i18n.t('options.contracts.title')}>
      <p className="muted">{i18n.t('options.contracts.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing(settings.customers.length)}>
          {i18n.t('options.contracts.add')}
        </button>
      </div>
      <ErrorList errors={formProblems(errors, settings)} refused />
      {settings.customers.length === 0 ? (
        <p className="empty">{i18n.t('options.contracts.empty')}</p>
      ) : (
        <ContractTable
          rows={rows}
          policies={policies}
          managed={managed}
          warnings={({ customer, policy }) => {
          const warnings = [
            ...contactWarnings(customer, policy),
            ...contractChecks(customer, policy).map((check) => ({
              code: check.code === 'no-level' ? check.code : `${check.code}-${check.language}`,
              message:
                check.code === 'no-level'
                  ? i18n.t('options.contractChecks.noLevel')
                  : i18n.t('options.contractChecks.languageNotIncluded', [i18n.t(`language.${check.language}`), policy?.name ?? '']),
            })),
            ...(conflicts.get(customer.id) ?? []).map((c) => ({
              code: `conflict-${c.key}`,
              message: i18n.t('options.contractChecks.conflict', [c.key, c.others.join(', '), c.winner]),
            })),
            ...pendingWarnings(policy, customer, settings),
          ];
            return warnings.map((w) => (
              <span key={w.code} className="warning">
                {w.message}
              </span>
            ));
          }}
          actions={({ customer, index }) =>
            managed(customer) ? (
              <span className="muted">{i18n.t('options.readOnly')}</span>
            ) : (
              <>
                <button type="button" onClick={() => setEditing(index)} aria-label={i18n.t('options.contracts.editNamed', [customer.name])}>
                  {i18n.t('common.edit')}
                </button>
                <button type="button" aria-label={i18n.t('options.contracts.deleteNamed', [customer.name])} onClick={() => remove(index)}>
                  {i18n.t('common.delete')}
                </button>
              </>
            )
          }
        />
      )}
    </section>
  );
}
