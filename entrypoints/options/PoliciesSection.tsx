import { useState } from 'react';
import { i18n } from '#i18n';
import { downloadText } from '@/components/download';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { formProblems } from '@/components/problems';
import { builtinPolicies } from '@/core';
import { Policy, policyJsonSchema } from '@/core/policy/schema';
import { useStore } from './store';

/** Parses pasted policy JSON against the core's schema; problems come back with their zod paths. */
export function parsePolicy(text: string): { policy: Policy; errors: [] } | { policy: null; errors: PathError[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { policy: null, errors: [{ path: '', message: i18n.t('common.badJson', [(error as Error).message]) }] };
  }
  const parsed = Policy.safeParse(raw);
  if (parsed.success) return { policy: parsed.data, errors: [] };
  return { policy: null, errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

export function PoliciesSection() {
  const { settings, loaded, save } = useStore();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<PathError[]>([]);
  const [status, setStatus] = useState('');
  const [removeErrors, setRemoveErrors] = useState<PathError[]>([]);

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

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const parsed = parsePolicy(text);
    if (!parsed.policy) return setErrors(parsed.errors);
    const policy = parsed.policy;
    const others = settings.customPolicies.filter((p) => p.id !== policy.id);
    const found = await save({ ...settings, customPolicies: [...others, policy] });
    setErrors(formProblems(found, settings));
    if (found.length === 0) {
      setText('');
      setStatus(i18n.t('options.policies.added', [policy.name]));
    }
  }

  return (
    <>
      <section aria-labelledby="pol-custom">
        <h2 id="pol-custom">{i18n.t('options.policies.custom')}</h2>
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
                  <button
                    type="button"
                    aria-label={i18n.t('options.contracts.deleteNamed', [p.name])}
                    onClick={() => remove(p)}
                  >
                    {i18n.t('common.delete')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <ErrorList errors={removeErrors} refused />
      </section>
      <form className="card" onSubmit={add} noValidate aria-labelledby="pol-add">
        <h2 id="pol-add">{i18n.t('options.policies.add')}</h2>
        <p className="muted">{i18n.t('options.policies.addIntro')}</p>
        <div className="toolbar">
          <Field label={i18n.t('options.policies.file')}>
            {(c) => (
              <input
                {...c}
                type="file"
                accept=".json,application/json"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (file) setText(await file.text());
                }}
              />
            )}
          </Field>
          <Field label={i18n.t('options.policies.startFrom')}>
            {(c) => (
              <select {...c} value="" onChange={(e) => e.target.value && setText(JSON.stringify(builtinPolicies[e.target.value], null, 2))}>
                <option value="">—</option>
                {Object.values(builtinPolicies).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" onClick={() => downloadText('sla-lens-policy.schema.json', JSON.stringify(policyJsonSchema(), null, 2))}>
            {i18n.t('options.policies.schema')}
          </button>
        </div>
        <Field label={i18n.t('options.policies.json')}>
          {(c) => <textarea {...c} rows={14} className="code" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <ErrorList errors={errors} refused />
        <div className="actions">
          <button type="submit" className="primary" disabled={!text.trim()}>
            {i18n.t('options.policies.validateAdd')}
          </button>
          {status && <span role="status">{status}</span>}
        </div>
      </form>
    </>
  );
}
