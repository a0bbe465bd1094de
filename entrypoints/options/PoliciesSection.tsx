import { useCallback, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { downloadText } from '@/components/download';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { formProblems } from '@/components/problems';
import { builtinPolicies } from '@/core';
import { type Policy, policyJsonSchema } from '@/core/policy/schema';
import { emptyDraft, openPolicy, openPolicyText, slug, uniqueId } from './policy-form/draft';
import { cannotFormNote, type EditorStart, PolicyEditor } from './policy-form/PolicyEditor';
import { fl } from './policy-form/PolicyForm';
import { DiscardDialog } from './DiscardDialog';
import { useStore } from './store';
import { useLeaveGuard } from './use-leave-guard';

/** A policy object in the view that can show it: the form, or JSON with the reason the form cannot. */
function startFor(value: unknown): EditorStart {
  const opened = openPolicy(value);
  return opened.ok ? { view: 'form', draft: opened.draft } : { view: 'json', text: JSON.stringify(value, null, 2), note: cannotFormNote(opened) };
}

type Editing = { start: EditorStart; editing?: string; followName: boolean; key: number };
type Question = { kind: 'discard'; proceed: () => void } | { kind: 'delete'; policy: Policy };

export function PoliciesSection() {
  const { settings, loaded, save } = useStore();
  const [editor, setEditor] = useState<Editing | null>(null);
  const [builtin, setBuiltin] = useState(Object.keys(builtinPolicies)[0] ?? '');
  const [status, setStatus] = useState('');
  const [removeErrors, setRemoveErrors] = useState<PathError[]>([]);
  const [dirty, setDirty] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const count = useRef(0);

  const editedName = settings.customPolicies.find((p) => p.id === editor?.editing)?.name;

  /** Runs `proceed` at once, or after the team lead agreed to drop the editor's unsaved edits. */
  const guarded = useCallback((proceed: () => void) => (editor && dirty ? setQuestion({ kind: 'discard', proceed }) : proceed()), [editor, dirty]);
  useLeaveGuard(editor !== null && dirty, guarded);

  const open = (start: EditorStart, editing: string | undefined, followName: boolean) =>
    guarded(() => {
      setStatus('');
      setRemoveErrors([]);
      setDirty(false);
      setEditor({ start, editing, followName, key: ++count.current });
    });

  /** A copy of a built-in policy under a new name and id, so the built-in one stays as it is. */
  const copyBuiltin = () => {
    const source = builtinPolicies[builtin];
    if (!source) return;
    const name = fl('copyName', [source.name]);
    const taken = new Set([...settings.customPolicies.map((p) => p.id), ...Object.keys(builtinPolicies)]);
    open(startFor({ ...structuredClone(source), name, id: uniqueId(slug(name, 'policy'), taken) }), undefined, true);
  };

  /** A policy contracts use is not deleted: the message names them, so they can be moved first. Others are deleted once confirmed. */
  function askRemove(policy: Policy) {
    setStatus('');
    const users = settings.customers.filter((c) => c.policy === policy.id);
    if (users.length === 0) return setQuestion({ kind: 'delete', policy });
    const names = users.slice(0, 10).map((c) => c.name).join(', ') + (users.length > 10 ? ', …' : '');
    setRemoveErrors([{ path: '', message: i18n.t('options.contractChecks.policyInUse', [policy.name, String(users.length), names]) }]);
  }

  async function remove(policy: Policy) {
    setQuestion(null);
    const found = await save({ ...settings, customPolicies: settings.customPolicies.filter((x) => x.id !== policy.id) });
    setRemoveErrors(formProblems(found, settings));
  }

  const closed = (saved?: Policy) => {
    const close = () => {
      setEditor(null);
      setDirty(false);
      if (saved) setStatus(fl('saved', [saved.name]));
      requestAnimationFrame(() => heading.current?.focus());
    };
    if (saved) close();
    else guarded(close);
  };

  return (
    <>
      <section aria-labelledby="pol-custom">
        <h2 id="pol-custom" ref={heading} tabIndex={-1}>
          {i18n.t('options.policies.custom')}
        </h2>
        {settings.customPolicies.length === 0 ? (
          <p className="empty">{i18n.t('options.policies.empty')}</p>
        ) : (
          <ul className="plain">
            {settings.customPolicies.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> <code>{p.id}</code> <span className="muted">{p.document}</span>
                {builtinPolicies[p.id] && <span className="tag">{i18n.t('options.policies.replacesBuiltin')}</span>}{' '}
                {loaded.managed.customPolicies.includes(p.id) ? (
                  <span className="muted">{i18n.t('options.readOnly')}</span>
                ) : (
                  <>
                    <button type="button" aria-label={fl('editNamed', [p.name])} onClick={() => open(startFor(p), p.id, false)}>
                      {i18n.t('common.edit')}
                    </button>{' '}
                    <button type="button" aria-label={i18n.t('options.contracts.deleteNamed', [p.name])} onClick={() => askRemove(p)}>
                      {i18n.t('common.delete')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <ErrorList errors={removeErrors} refused />
        {status && (
          <p role="status" className="saved">
            {status}
          </p>
        )}
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => open({ view: 'form', draft: emptyDraft() }, undefined, true)}>
            {fl('new')}
          </button>
          <Field label={fl('builtin')}>
            {(c) => (
              <select {...c} value={builtin} onChange={(e) => setBuiltin(e.target.value)}>
                {Object.values(builtinPolicies).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" onClick={copyBuiltin}>
            {fl('newFrom')}
          </button>
          <Field label={i18n.t('options.policies.file')}>
            {(c) => (
              <input
                {...c}
                type="file"
                accept=".json,application/json"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  const text = await file.text();
                  const opened = openPolicyText(text);
                  open(opened.ok ? { view: 'form', draft: opened.draft } : { view: 'json', text, note: cannotFormNote(opened) }, undefined, false);
                }}
              />
            )}
          </Field>
          <button type="button" onClick={() => downloadText('sla-lens-policy.schema.json', JSON.stringify(policyJsonSchema(), null, 2))}>
            {i18n.t('options.policies.schema')}
          </button>
        </div>
      </section>
      {editor && (
        <PolicyEditor
          key={editor.key}
          start={editor.start}
          editing={editor.editing}
          followName={editor.followName}
          onEdit={() => setDirty(true)}
          onClose={closed}
        />
      )}
      {question?.kind === 'discard' && (
        <DiscardDialog
          title={editedName ? i18n.t('options.editing.discardTitle', [editedName]) : fl('discardNew')}
          onDiscard={() => {
            setQuestion(null);
            setDirty(false);
            question.proceed();
          }}
          onKeep={() => setQuestion(null)}
        />
      )}
      {question?.kind === 'delete' && (
        <ConfirmDialog
          title={fl('deleteTitle', [question.policy.name])}
          confirm={i18n.t('common.delete')}
          cancel={i18n.t('common.cancel')}
          onConfirm={() => remove(question.policy)}
          onCancel={() => setQuestion(null)}
        >
          <p>{fl('deleteBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
