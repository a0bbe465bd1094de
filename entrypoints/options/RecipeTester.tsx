import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Field } from '@/components/Field';
import { localZone } from '@/components/format';
import { RECIPE_FIELDS, type Recipe } from '@/core/settings/schema';
import { readValue, selectorError } from '@/entrypoints/overlay.content/adapters/read-value';
import { recipeAdapter } from '@/entrypoints/overlay.content/adapters/recipe';

interface SelectorReport {
  what: string;
  selector: string;
  /** Matches in the whole page (ticket) or in the first ticket (anchor, fields). */
  count: number;
  value?: string;
  problem?: string;
}

function count(scope: ParentNode, selector: string): number {
  return scope.querySelectorAll(selector).length;
}

/**
 * What a recipe finds in a page the user pasted. The HTML is parsed into an inert document that is
 * never attached to this page: no scripts run, nothing from it is inserted into the live DOM, and
 * results are shown as text only.
 */
export function testRecipe(recipe: Recipe, html: string, now = new Date()) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const selectors: SelectorReport[] = [];
  const ticketError = selectorError(recipe.ticket, doc);
  selectors.push({ what: 'ticket', selector: recipe.ticket, count: ticketError ? 0 : count(doc, recipe.ticket), problem: ticketError });
  const first = ticketError ? undefined : doc.querySelector(recipe.ticket);
  const anchorError = selectorError(recipe.anchor, doc);
  selectors.push({
    what: 'anchor',
    selector: recipe.anchor,
    count: first && !anchorError ? count(first, recipe.anchor) : 0,
    problem: anchorError,
  });
  for (const name of RECIPE_FIELDS) {
    const spec = recipe.fields[name];
    if (!spec) continue;
    const problem = selectorError(spec.selector, doc);
    selectors.push({
      what: name,
      selector: spec.selector + (spec.attribute ? ` @${spec.attribute}` : ''),
      count: first && !problem ? count(first, spec.selector) : 0,
      value: first && !problem ? readValue(first, spec.selector, spec.attribute) : undefined,
      problem,
    });
  }
  const tickets = recipeAdapter(recipe).scan(doc, { timeZone: recipe.timeZone ?? localZone(), now });
  return { selectors, tickets };
}

export function RecipeTester({ recipe }: { recipe: Recipe | null }) {
  const [html, setHtml] = useState('');
  const report = useMemo(() => (recipe && html.trim() ? testRecipe(recipe, html) : null), [recipe, html]);

  return (
    <section className="tester" aria-labelledby="recipe-tester">
      <h3 id="recipe-tester">{i18n.t('options.recipes.tester')}</h3>
      <Field label={i18n.t('options.recipes.pasteHtml')} hint={i18n.t('options.recipes.pasteHint')}>
        {(c) => <textarea {...c} rows={6} className="code" value={html} onChange={(e) => setHtml(e.target.value)} />}
      </Field>
      {!recipe && <p className="muted">{i18n.t('options.recipes.fixFirst')}</p>}
      {report && (
        <>
          <table className="compact" aria-label={i18n.t('options.recipes.selectors')}>
            <thead>
              <tr>
                <th scope="col">{i18n.t('options.recipes.what')}</th>
                <th scope="col">{i18n.t('options.recipes.selector')}</th>
                <th scope="col">{i18n.t('options.recipes.matches')}</th>
                <th scope="col">{i18n.t('options.recipes.value')}</th>
              </tr>
            </thead>
            <tbody>
              {report.selectors.map((s) => (
                <tr key={s.what} className={s.problem || s.count === 0 ? 'miss' : undefined}>
                  <th scope="row">{s.what}</th>
                  <td>
                    <code>{s.selector}</code>
                  </td>
                  <td>{s.count}</td>
                  <td>{s.problem ?? s.value ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p role="status">{i18n.t('options.recipes.found', report.tickets.length)}</p>
          <ol className="tickets">
            {report.tickets.slice(0, 10).map((t) => (
              <li key={t.key}>
                <code>{JSON.stringify(t.fields)}</code>
                {t.missing.length > 0 && <span className="warning"> {i18n.t('options.recipes.missing', [t.missing.join(', ')])}</span>}
                {t.problem && <span className="warning"> {t.problem}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
