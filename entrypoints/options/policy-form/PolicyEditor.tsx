import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { formProblems } from '@/components/problems';
import { builtinPolicies } from '@/core';
import type { Policy } from '@/core/policy/schema';
import { useStore } from '../store';
import { type Draft, draftPolicy, duplicateRows, type Opened, openPolicyText } from './draft';
import { fl, PolicyForm } from './PolicyForm';
import { checkDraft, checkJson, type FormProblem, JSON_CONTROL, otherCustomIds, replacedBuiltin } from './problems';

/** Where the editor starts: the form, or the JSON view with the reason the form cannot show it. */
export type EditorStart = { view: 'form'; draft: Draft } | { view: 'json'; text: string; note: string };

/** Why the form cannot show a JSON text, in the user's words. */
export function cannotFormNote(opened: Exclude<Opened, { ok: true }>): string {
  return fl('cannotForm', [opened.reason === 'json' ? fl('cannotFormJson', [opened.detail]) : fl('cannotFormShape', [opened.paths.join(', ')])]);
}

/** The form's fields that hold parts the form does not edit (kept as they are). */
const KEPT_FIELDS = ['requestTypes', 'requestClasses', 'readings', 'aliases', 'rank', 'contactLimit', 'noTarget', 'note', 'overrides', 'billing'];

function keptParts(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const [key, inner] of Object.entries(v)) {
      const empty = inner === null || (typeof inner === 'object' && Object.keys(inner).length === 0);
      if (KEPT_FIELDS.includes(key) && !empty && !(key === 'rank' && inner === 0)) found.add(key);
      else walk(inner);
    }
  };
  walk(value);
  return [...found];
}

/**
 * A custom policy as a form or as JSON (the advanced view), one policy in two views: switching keeps
 * every field, and both are checked with the core's Policy schema before anything is saved.
 */
export function PolicyEditor({
  start,
  editing,
  followName,
  onEdit,
  onClose,
}: {
  start: EditorStart;
  /** The id of the custom policy being edited (its contracts keep it); absent for a new one. */
  editing?: string;
  /** The policy id follows the name (a new policy) until the user types one. */
  followName: boolean;
  /** The policy was changed (it now has unsaved edits). */
  onEdit: () => void;
  onClose: (saved?: Policy) => void;
}) {
  const { settings, save } = useStore();
  const [view, setView] = useState<'form' | 'json'>(start.view);
  const [draft, setDraft] = useState<Draft | null>(start.view === 'form' ? start.draft : null);
  const [text, setText] = useState(start.view === 'json' ? start.text : '');
  const [note, setNote] = useState(start.view === 'json' ? start.note : '');
  const [idTouched, setIdTouched] = useState(!followName);
  const [refused, setRefused] = useState(false);
  /** The last save was refused and nothing changed since: the list is an alert. */
  const [alerting, setAlerting] = useState(false);
  const [saveErrors, setSaveErrors] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const tabs = { form: useRef<HTMLButtonElement>(null), json: useRef<HTMLButtonElement>(null) };

  const customIds = settings.customPolicies.map((p) => p.id).join('\n');
  const context = useMemo(() => ({ takenIds: otherCustomIds(customIds.split('\n'), editing) }), [customIds, editing]);
  // A new policy's id that follows its name never lands on a built-in one (replacing one is a choice made by typing it).
  const nameTaken = useMemo(() => new Set([...context.takenIds, ...(editing ? [] : Object.keys(builtinPolicies))]), [context, editing]);
  const checked = useMemo(
    () => (view === 'form' && draft ? checkDraft(draft, context) : checkJson(text, context)),
    [view, draft, text, context],
  );
  const problems = [...checked.problems, ...saveErrors];
  const shownErrors = new Map<string, string>();
  if (refused) for (const p of checked.problems) if (!shownErrors.has(p.target)) shownErrors.set(p.target, p.message);
  const currentId = view === 'form' && draft ? String(draft.policy.id ?? '') : checked.policy?.id;
  const replaces = currentId && !context.takenIds.has(currentId) && currentId !== editing ? replacedBuiltin(currentId) : undefined;
  const kept = view === 'form' && draft ? keptParts(draftPolicy(draft)) : [];

  const change = (next: Draft) => {
    onEdit();
    setDraft(next);
    setSaveErrors([]);
    setAlerting(false);
  };

  /** Switching views carries the policy over; a JSON the form cannot show stays in the JSON view, with the reason. */
  function show(next: 'form' | 'json') {
    if (next === view) return;
    if (next === 'json') {
      if (!draft) return;
      if (duplicateRows(draft.calendars).length || duplicateRows(draft.levels).length) return setNote(fl('duplicatesFirst'));
      setText(JSON.stringify(draftPolicy(draft), null, 2));
      setNote('');
      setView('json');
      return;
    }
    const opened = openPolicyText(text);
    if (!opened.ok) return setNote(cannotFormNote(opened));
    setDraft(opened.draft);
    setNote('');
    setView('form');
  }

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next = view === 'form' ? 'json' : 'form';
    const target = e.key === 'Home' ? 'form' : e.key === 'End' ? 'json' : next;
    show(target);
    tabs[target].current?.focus();
  };

  /** Focus the first control (in the page's order) that has a problem; the list when the form has none for them. */
  function focusFirst(list: FormProblem[]) {
    requestAnimationFrame(() => {
      const controls = list.flatMap((p) => (p.target ? [document.getElementById(p.target)] : [])).filter((e): e is HTMLElement => e !== null);
      const first = controls.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
      (first ?? listRef.current)?.focus();
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setRefused(true);
    setAlerting(true);
    const policy = checked.policy;
    if (!policy) return focusFirst(checked.problems);
    setBusy(true);
    const index = settings.customPolicies.findIndex((p) => p.id === (editing ?? policy.id));
    const customPolicies = index < 0 ? [...settings.customPolicies, policy] : settings.customPolicies.map((p, i) => (i === index ? policy : p));
    const found = await save({ ...settings, customPolicies });
    setBusy(false);
    if (found.length === 0) return onClose(policy);
    const words = formProblems(found, settings).map((p) => ({ target: '', ...p }));
    setSaveErrors(words);
    focusFirst(words);
  }

  const title = refused && problems.length > 0 ? i18n.t('common.notSaved', problems.length) : undefined;
  return (
    <form className="card policy-editor" onSubmit={submit} noValidate aria-labelledby="pf-title" data-testid="policy-editor">
      <h2 id="pf-title">{editing ? fl('editTitle', [editing]) : fl('newTitle')}</h2>
      <div role="tablist" aria-label={fl('views')} className="tabs">
        {(['form', 'json'] as const).map((v) => (
          <button
            key={v}
            ref={tabs[v]}
            type="button"
            role="tab"
            id={`pf-tab-${v}`}
            aria-selected={view === v}
            aria-controls="pf-panel"
            tabIndex={view === v ? 0 : -1}
            onClick={() => show(v)}
            onKeyDown={onTabKey}
          >
            {fl(v === 'form' ? 'tabForm' : 'tabJson')}
          </button>
        ))}
      </div>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <div role="tabpanel" id="pf-panel" aria-labelledby={`pf-tab-${view}`}>
        {view === 'form' && draft ? (
          <>
            {kept.length > 0 && <p className="muted">{fl('keptParts', [kept.join(', ')])}</p>}
            <PolicyForm
              draft={draft}
              change={change}
              errorOf={(target) => shownErrors.get(target)}
              idTouched={idTouched}
              onIdTouched={() => setIdTouched(true)}
              takenIds={nameTaken}
            />
          </>
        ) : (
          <>
            <p className="muted">{fl('jsonIntro')}</p>
            <Field id={JSON_CONTROL} label={fl('json')} error={shownErrors.get(JSON_CONTROL) ? fl('seeProblems') : undefined}>
              {(c) => (
                <textarea
                  {...c}
                  rows={18}
                  className="code"
                  spellCheck={false}
                  value={text}
                  onChange={(e) => {
                    onEdit();
                    setText(e.target.value);
                    setSaveErrors([]);
                    setAlerting(false);
                  }}
                />
              )}
            </Field>
          </>
        )}
      </div>
      {replaces && <p className="note">{fl('replacesBuiltin', [replaces.name])}</p>}
      <div ref={listRef} tabIndex={-1} className="policy-problems">
        {problems.length === 0 ? (
          <p className="muted">{fl('valid')}</p>
        ) : (
          <ErrorList errors={problems} title={alerting ? title : fl('problems', [String(problems.length)])} quiet={!alerting} />
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} aria-describedby={problems.length ? 'pf-save-hint' : undefined}>
          {fl('save')}
        </button>
        <button type="button" onClick={() => onClose()}>
          {i18n.t('common.cancel')}
        </button>
        {problems.length > 0 && (
          <span id="pf-save-hint" className="muted">
            {fl('saveRefused')}
          </span>
        )}
      </div>
    </form>
  );
}
