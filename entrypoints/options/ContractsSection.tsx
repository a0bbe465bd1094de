import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorList } from '@/components/ErrorList';
import { policyChoices } from '@/components/policy-choices';
import { formProblems } from '@/components/problems';
import { contactWarnings } from '@/core/contracts/lookup';
import { contractRows } from '@/core/contracts/table';
import { contractChecks, contractConflicts } from '@/core/settings/contract-checks';
import { slugify, uniqueId } from '@/core/settings/migrate';
import type { Customer } from '@/core/settings/schema';
import type { SettingsError } from '@/core/settings/validate';
import { DiscardDialog } from './DiscardDialog';
import { ContractTable, type Reveal } from './ContractTable';
import { CustomerForm } from './CustomerForm';
import { pendingWarnings } from './DatedChanges';
import type { Route } from './route';
import { useStore } from './store';
import { useLeaveGuard } from './use-leave-guard';

/** A new contract, prefilled from "#/contracts/new?name=…&domain=…&organisation=…&email=…". */
function newCustomer(params: URLSearchParams, taken: Set<string>, policy: string): Customer {
  const name = params.get('name')?.trim() ?? '';
  const one = (key: string) => (params.get(key)?.trim() ? [params.get(key)?.trim() as string] : []);
  return {
    id: uniqueId(slugify(name), taken),
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

type Editing = { kind: 'new' } | { kind: 'edit'; id: string };
type Question = { kind: 'discard'; proceed: () => void } | { kind: 'delete'; customer: Customer };
/** What the status line says; a deletion offers its undo while no other change came after it. */
interface Notice {
  text: string;
  undo?: { customer: Customer; change: number };
}

export function ContractsSection({ route }: { route: Route }) {
  const { settings, loaded, save, undo, changes } = useStore();
  const policies = useMemo(() => policyChoices(settings.customPolicies), [settings.customPolicies]);
  const [editing, setEditing] = useState<Editing | null>(() => (route.action === 'new' ? { kind: 'new' } : null));
  const [dirty, setDirty] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [focusNew, setFocusNew] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const fresh = useMemo(
    () => newCustomer(route.params, new Set(settings.customers.map((c) => c.id)), policies[0]?.id ?? ''),
    [route.params, settings.customers, policies[0]?.id],
  );
  const managed = (c: Customer) => loaded.managed.customers.includes(c.id);
  const [errors, setErrors] = useState<SettingsError[]>([]);
  // Names, domains and addresses two customers share (IT's customer and a team copy, or stored before
  // such saves were refused): the list says who gets the tickets.
  const conflicts = useMemo(() => contractConflicts(settings), [settings]);

  // Search text and sort keys of every customer, once per settings change (not per keystroke).
  const rows = useMemo(() => contractRows(settings, policies, conflicts), [settings, policies, conflicts]);

  const index =
    editing?.kind === 'new' ? settings.customers.length : editing ? settings.customers.findIndex((c) => c.id === editing.id) : -1;

  // A contract deleted elsewhere (another tab, a bulk change) closes its form.
  const formOpen = editing !== null && index >= 0;
  /** Runs `proceed` at once, or after the team lead agreed to drop the form's unsaved edits. */
  const guarded = useCallback(
    (proceed: () => void) => (formOpen && dirty ? setQuestion({ kind: 'discard', proceed }) : proceed()),
    [formOpen, dirty],
  );
  const release = useLeaveGuard(formOpen && dirty, guarded);

  useEffect(() => {
    if (!focusNew) return;
    newButton.current?.focus();
    setFocusNew(false);
  }, [focusNew]);
  useEffect(() => {
    if (notice?.undo) undoButton.current?.focus();
  }, [notice]);

  /** Closes the form; focus goes back to what opened it (the row's Edit button, or New). */
  const close = (focus: Reveal | null) => {
    setEditing(null);
    setDirty(false);
    if (focus) setReveal(focus);
    else setFocusNew(true);
    release();
    if (route.action) location.hash = '#/contracts';
  };
  const open = (next: Editing) =>
    guarded(() => {
      setEditing(next);
      setDirty(false);
      setNotice(null);
    });

  async function remove(customer: Customer) {
    setQuestion(null);
    const found = await save({ ...settings, customers: settings.customers.filter((c) => c.id !== customer.id) });
    setErrors(found);
    if (found.length > 0) return;
    if (editing?.kind === 'edit' && editing.id === customer.id) setEditing(null);
    setNotice({ text: i18n.t('options.editing.deleted', [customer.name]), undo: { customer, change: changes() } });
  }

  async function undoRemove(customer: Customer) {
    const ok = await undo();
    setNotice({ text: ok ? i18n.t('options.editing.restored', [customer.name]) : i18n.t('options.transfer.nothingToUndo') });
    if (ok) setReveal({ id: customer.id, action: 'edit' });
  }

  const offerUndo = notice?.undo && notice.undo.change === changes() ? notice.undo : undefined;
  const editedName = editing?.kind === 'edit' ? settings.customers[index]?.name : undefined;

  return (
    <section aria-label={i18n.t('options.contracts.title')}>
      <p className="muted">{i18n.t('options.contracts.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" ref={newButton} onClick={() => open({ kind: 'new' })}>
          {i18n.t('options.contracts.add')}
        </button>
      </div>
      <div className="edit-status">
        <p role="status">{notice?.text}</p>
        {offerUndo && (
          <button
            type="button"
            ref={undoButton}
            aria-label={i18n.t('options.editing.undoDeleteNamed', [offerUndo.customer.name])}
            onClick={() => undoRemove(offerUndo.customer)}
          >
            {i18n.t('options.editing.undoDelete')}
          </button>
        )}
      </div>
      <ErrorList errors={formProblems(errors, settings)} refused />
      {editing && formOpen && (
        <CustomerForm
          key={editing.kind === 'new' ? 'new' : editing.id}
          initial={settings.customers[index] ?? fresh}
          index={index}
          isNew={editing.kind === 'new'}
          onDirty={setDirty}
          onSaved={(customer) => {
            setNotice({ text: i18n.t('options.editing.saved', [customer.name]) });
            close({ id: customer.id, action: 'edit' });
          }}
          onCancel={() => guarded(() => close(editing.kind === 'edit' ? { id: editing.id, action: 'edit' } : null))}
        />
      )}
      {settings.customers.length === 0 ? (
        <p className="empty">{i18n.t('options.contracts.empty')}</p>
      ) : (
        <ContractTable
          rows={rows}
          policies={policies}
          managed={managed}
          reveal={reveal}
          onRevealed={() => setReveal(null)}
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
          actions={({ customer }) =>
            managed(customer) ? (
              <span className="muted">{i18n.t('options.readOnly')}</span>
            ) : (
              <>
                <button
                  type="button"
                  data-action="edit"
                  onClick={() => open({ kind: 'edit', id: customer.id })}
                  aria-label={i18n.t('options.contracts.editNamed', [customer.name])}
                >
                  {i18n.t('common.edit')}
                </button>
                <button
                  type="button"
                  data-action="delete"
                  aria-label={i18n.t('options.contracts.deleteNamed', [customer.name])}
                  onClick={() => setQuestion({ kind: 'delete', customer })}
                >
                  {i18n.t('common.delete')}
                </button>
              </>
            )
          }
        />
      )}
      {question?.kind === 'delete' && (
        <ConfirmDialog
          title={i18n.t('options.editing.deleteTitle', [question.customer.name])}
          confirm={i18n.t('common.delete')}
          cancel={i18n.t('common.cancel')}
          onConfirm={() => remove(question.customer)}
          onCancel={() => {
            setQuestion(null);
            setReveal({ id: question.customer.id, action: 'delete' });
          }}
        >
          <p>{i18n.t('options.editing.deleteBody')}</p>
        </ConfirmDialog>
      )}
      {question?.kind === 'discard' && (
        <DiscardDialog
          title={editedName ? i18n.t('options.editing.discardTitle', [editedName]) : i18n.t('options.editing.discardNewTitle')}
          onDiscard={() => {
            setQuestion(null);
            setDirty(false);
            question.proceed();
          }}
          onKeep={() => setQuestion(null)}
        />
      )}
    </section>
  );
}
