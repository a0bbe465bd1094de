import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { policyChoices } from '@/components/policy-choices';
import { ErrorList } from '@/components/ErrorList';
import { formProblems } from '@/components/problems';
import { contactWarnings } from '@/core/contracts/lookup';
import { contractChecks, contractConflicts } from '@/core/settings/contract-checks';
import type { SettingsError } from '@/core/settings/validate';
import { slugify, uniqueId } from '@/core/settings/migrate';
import type { Customer } from '@/core/settings/schema';
import { CustomerForm } from './CustomerForm';
import type { Route } from './route';
import { useStore } from './store';

const SHOWN = 100;

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
  const [filter, setFilter] = useState('');
  const policies = policyChoices(settings.customPolicies);
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

  const matches = settings.customers
    .map((customer, index) => ({ customer, index }))
    .filter(({ customer }) => {
      const q = filter.trim().toLowerCase();
      return !q || [customer.name, ...customer.domains, ...customer.organisations].some((s) => s.toLowerCase().includes(q));
    });

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
        <label>
          {i18n.t('options.contracts.filter')}{' '}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <button type="button" className="primary" onClick={() => setEditing(settings.customers.length)}>
          {i18n.t('options.contracts.add')}
        </button>
      </div>
      <ErrorList errors={formProblems(errors, settings)} refused />
      {settings.customers.length === 0 ? (
        <p className="empty">{i18n.t('options.contracts.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('options.contracts.name')}</th>
              <th scope="col">{i18n.t('options.contracts.policy')}</th>
              <th scope="col">{i18n.t('options.contracts.matches')}</th>
              <th scope="col">{i18n.t('options.contracts.warnings')}</th>
              <th scope="col">
                <span className="sr-only">{i18n.t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, SHOWN).map(({ customer, index }) => {
              const policy = policies.find((p) => p.id === customer.policy);
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
              ];
              return (
                <tr key={customer.id}>
                  <th scope="row">
                    {customer.name}
                    {managed(customer) && <span className="tag">{i18n.t('options.managed')}</span>}
                  </th>
                  <td>
                    {policy?.name ?? customer.policy}
                    {customer.level && ` · ${policy?.levels[customer.level]?.name ?? customer.level}`}
                  </td>
                  <td className="muted">{[...customer.domains, ...customer.organisations, ...customer.addresses].join(', ')}</td>
                  <td>
                    {warnings.map((w) => (
                      <span key={w.code} className="warning">
                        {w.message}
                      </span>
                    ))}
                  </td>
                  <td className="actions">
                    {managed(customer) ? (
                      <span className="muted">{i18n.t('options.readOnly')}</span>
                    ) : (
                      <>
                        <button type="button" onClick={() => setEditing(index)} aria-label={i18n.t('options.contracts.editNamed', [customer.name])}>
                          {i18n.t('common.edit')}
                        </button>
                        <button
                          type="button"
                          aria-label={i18n.t('options.contracts.deleteNamed', [customer.name])}
                          onClick={() => remove(index)}
                        >
                          {i18n.t('common.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {matches.length > SHOWN && <p className="muted">{i18n.t('options.contracts.more', [String(matches.length - SHOWN)])}</p>}
    </section>
  );
}
