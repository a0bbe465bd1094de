import { useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { Recipe } from '@/core/settings/schema';
import { RecipeTester } from './RecipeTester';
import { refusedPatterns, requestHosts } from './request-hosts';
import { useStore } from './store';

const TEMPLATE: Recipe = {
  id: 'my-helpdesk',
  name: 'My helpdesk',
  matches: ['https://support.example.com/*'],
  ticket: 'tr.ticket',
  anchor: '.subject',
  fields: {
    id: { selector: '[data-ticket-id]', attribute: 'data-ticket-id' },
    priority: { selector: '.priority' },
    requesterEmail: { selector: '.requester' },
    submitted: { selector: 'time', attribute: 'datetime' },
  },
};

function parseDraft(text: string): { recipe: Recipe | null; errors: PathError[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { recipe: null, errors: [{ path: '', message: i18n.t('common.badJson', [(error as Error).message]) }] };
  }
  const parsed = Recipe.safeParse(raw);
  if (parsed.success) return { recipe: parsed.data, errors: [] };
  return { recipe: null, errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** Custom recipes as JSON (validated against the recipe schema) with a tester on pasted HTML. */
export function RecipesEditor() {
  const { settings, save } = useStore();
  const [editing, setEditing] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [saveErrors, setSaveErrors] = useState<PathError[]>([]);
  const draft = editing === null ? null : parseDraft(text);

  function open(index: number) {
    setEditing(index);
    setText(JSON.stringify(settings.recipes[index] ?? TEMPLATE, null, 2));
    setSaveErrors([]);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (editing === null || !draft?.recipe) return;
    const recipe = draft.recipe;
    const refused = refusedPatterns(recipe.matches);
    if (refused) {
      setSaveErrors([{ path: 'matches', message: refused }]);
      return;
    }
    // Before any await (user gesture). Refused → nothing saved, the draft stays in the editor.
    if (!(await requestHosts(recipe.matches))) {
      setSaveErrors([{ path: 'matches', message: i18n.t('options.recipes.permissionDenied', [recipe.matches.join(', ')]) }]);
      return;
    }
    const recipes = [...settings.recipes];
    recipes[editing] = recipe;
    const found = await save({ ...settings, recipes });
    setSaveErrors(found);
    if (found.length === 0) setEditing(null);
  }

  return (
    <section aria-labelledby="sites-recipes" className="card">
      <h2 id="sites-recipes">{i18n.t('options.recipes.title')}</h2>
      <p className="muted">{i18n.t('options.recipes.intro')}</p>
      {settings.recipes.length > 0 && (
        <ul className="plain">
          {settings.recipes.map((r, i) => (
            <li key={r.id}>
              <strong>{r.name}</strong> <span className="muted">{r.matches.join(', ')}</span>{' '}
              <button type="button" onClick={() => open(i)} aria-label={i18n.t('options.contracts.editNamed', [r.name])}>
                {i18n.t('common.edit')}
              </button>{' '}
              <button
                type="button"
                aria-label={i18n.t('options.contracts.deleteNamed', [r.name])}
                onClick={() => save({ ...settings, recipes: settings.recipes.filter((_, j) => j !== i) })}
              >
                {i18n.t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing === null ? (
        <button type="button" onClick={() => open(settings.recipes.length)}>
          {i18n.t('options.recipes.add')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate aria-label={i18n.t('options.recipes.edit')}>
          <Field label={i18n.t('options.recipes.json')}>
            {(c) => <textarea {...c} rows={14} className="code" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <ErrorList errors={[...(draft?.errors ?? []), ...saveErrors]} />
          <div className="actions">
            <button type="submit" className="primary" disabled={!draft?.recipe}>
              {i18n.t('options.recipes.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {i18n.t('common.cancel')}
            </button>
          </div>
          <RecipeTester recipe={draft?.recipe ?? null} />
        </form>
      )}
    </section>
  );
}
