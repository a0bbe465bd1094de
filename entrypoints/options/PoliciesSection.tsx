import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import { downloadText } from '@/components/download';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { formProblems } from '@/components/problems';
import { builtinPolicies } from '@/core';
import { type Policy, policyJsonSchema } from '@/core/policy/schema';
import { emptyDraft, openPolicy, openPolicyText, slug, uniqueId } from './policy-form/draft';
import { cannotFormNote, type EditorStart, PolicyEditor } from './policy-form/PolicyEditor';
import { fl } from './policy-form/PolicyForm';
import { useStore } from './store';

/** A policy object in the view that can show it: the form, or JSON with the reason the form cannot. */
function startFor(value: unknown): EditorStart {
  const opened = openPolicy(value);
  return opened.ok ? { view: 'form', draft: opened.draft } : { view: 'json', text: JSON.stringify(value, null, 2), note: cannotFormNote(opened) };
}

type Editing = { start: EditorStart; editing?: string; followName: boolean; key: number };

export function PoliciesSection() {
  const { settings, loaded, save } = useStore();
  const [editor, setEditor] = useState<Editing | null>(null);
  const [builtin, setBuiltin] = useState(Object.keys(builtinPolicies)[0] ?? '');
  const [status, setStatus] = useState('');
  const [removeErrors, setRemoveErrors] = useState<PathError[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const count = useRef(0);

  const open = (start: EditorStart, editing: string | undefined, followName: boolean) => {
    setStatus('');
    setRemoveErrors([]);
    setEditor({ start, editing, followName, key: ++count.current });
  };

  /** A copy of a built-in policy under a new name and id, so the built-in one stays as it is. */
  const copyBuiltin = () => {
    const source = builtinPolicies[builtin];
    if (!source) return;
    const name = fl('copyName', [source.name]);
    const taken = new Set([...settings.customPolicies.map((p) => p.id), ...Object.keys(builtinPolicies)]);
    open(startFor({ ...structuredClone(source), name, id: uniqueId(slug(name, 'policy'), taken) }), undefined, true);
  };

  /** A policy contracts use is not deleted: the message names them, so they can be moved first. */
  async function remove(policy: Policy) {
    setStatus('');
    const users = settings.customers.filter((c) => c.policy === policy.id);
    if (users.length > 0) {
      const names = users.slice(0, 10).map((c) => c.name).join(', ') + (users.length > 10 ? ', …' : '');
      setRemoveErrors([{ path: '', message: i18n.t('options.contractChecks.policyInUse', [policy.name, String(users.length), names]) }]);
      return;
    }
    const found = await save({ ...settings, customPolicies: settings.customPolicies.filter((x) => x.id !== policy.id) });
    setRemoveErrors(formProblems(found, settings));
  }

  const closed = (saved?: Policy) => {
    setEditor(null);
    if (saved) setStatus(fl('saved', [saved.name]));
    requestAnimationFrame(() => heading.current?.focus());
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
                    <button type="button" aria-label={i18n.t('options.contracts.deleteNamed', [p.name])} onClick={() => remove(p)}>
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
      {editor && <PolicyEditor key={editor.key} start={editor.start} editing={editor.editing} followName={editor.followName} onClose={closed} />}
    </>
  );
}
