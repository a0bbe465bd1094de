import type { FieldRecipe, Recipe } from '../../../core/settings/schema';
import { RECIPE_FIELDS } from '../../../core/settings/schema';
import { findVisible, readValue, selectorError } from './read-value';
import {
  errorText,
  type Fields,
  finishTicket,
  pageProblem,
  type RecipeField,
  setField,
  type TicketDraft,
} from './ticket-fields';
import type { Adapter, ScanContext } from './types';
import { isVisible } from './visible';

/**
 * The declarative adapter: a Recipe (options page, or a built-in one users can copy and fix) read with
 * CSS selectors. Fails closed: an invalid selector or regex never throws, it becomes the ticket's
 * `problem` naming the recipe field, so the badge says `unreadable` instead of guessing.
 * Times without an offset are read in `ScanContext.timeZone`: the overlay resolves it as the site's
 * zone, else the recipe's `timeZone`, else the browser's (page-adapters.ts).
 */

export interface RecipeOptions {
  /** Adapter id; "recipe:<recipe.id>" for users' recipes. Built-ins pass their own id. */
  id?: string;
  /** Code-only reading after the declarative fields (e.g. RT's "Name <address>" requestor). */
  enrich?: (draft: TicketDraft, context: ScanContext) => void;
}

type Root = Document | ShadowRoot | Element;

interface CompiledField {
  name: RecipeField;
  spec: FieldRecipe;
  regex?: RegExp;
  regexError?: string;
}

function compileField(name: RecipeField, spec: FieldRecipe): CompiledField {
  if (!spec.regex) return { name, spec };
  try {
    return { name, spec, regex: new RegExp(spec.regex, 'u') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name, spec, regexError: `field "${name}": invalid regular expression /${spec.regex}/ (${reason})` };
  }
}

function ownerDocument(root: Root): Document {
  return root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
}

export function recipeAdapter(recipe: Recipe, options: RecipeOptions = {}): Adapter {
  const fields = RECIPE_FIELDS.flatMap((name) => {
    const spec = recipe.fields[name];
    return spec ? [compileField(name, spec)] : [];
  });
  const label = `recipe "${recipe.name}"`;

  function readTicket(element: Element, context: ScanContext, document: Document): TicketDraft {
    const values: Fields = {};
    const problems: string[] = [];
    const anchorError = selectorError(recipe.anchor, document);
    if (anchorError) problems.push(`${label} anchor: invalid CSS selector "${recipe.anchor}"`);
    const anchor = (!anchorError && findVisible(element, recipe.anchor)) || element;
    for (const field of fields) {
      if (field.regexError) {
        problems.push(`${label} ${field.regexError}`);
        continue;
      }
      if (selectorError(field.spec.selector, document)) {
        problems.push(`${label} field "${field.name}": invalid CSS selector "${field.spec.selector}"`);
        continue;
      }
      let raw = readValue(element, field.spec.selector, field.spec.attribute);
      if (raw !== undefined && field.regex) {
        const match = field.regex.exec(raw);
        raw = match ? (match[1] ?? match[0]).trim() || undefined : undefined;
      }
      if (raw === undefined) continue;
      const problem = setField(values, field.name, raw, field.spec, context);
      if (problem) problems.push(`${label} field "${field.name}": ${problem}`);
    }
    return { element, anchor, fields: values, problems };
  }

  return {
    id: options.id ?? `recipe:${recipe.id}`,
    name: recipe.name,
    matches: recipe.matches,
    scan(root, context) {
      try {
        const document = ownerDocument(root);
        const ticketError = selectorError(recipe.ticket, document);
        if (ticketError) return [pageProblem(`recipe-error:${recipe.id}`, root, `${label} ticket: invalid CSS selector "${recipe.ticket}"`)];
        const elements = [...root.querySelectorAll(recipe.ticket)];
        // A re-scan of one changed row passes the row itself as root.
        if (root.nodeType === 1 && (root as Element).matches(recipe.ticket)) elements.unshift(root as Element);
        return elements.filter((element) => isVisible(element)).map((element, index) => {
          const draft = readTicket(element, context, document);
          options.enrich?.(draft, context);
          return finishTicket(draft, index);
        });
      } catch (error) {
        // Adapters must never throw into the page; an unexpected failure is one unreadable entry.
        return [pageProblem(`recipe-error:${recipe.id}`, root, `${label}: ${errorText(error)}`)];
      }
    },
  };
}

/** One built-in adapter made of several recipes (e.g. a list page and a ticket page). */
export function recipesAdapter(id: string, name: string, recipes: Recipe[]): Adapter {
  const parts = recipes.map((recipe) => recipeAdapter(recipe, { id }));
  return {
    id,
    name,
    matches: [...new Set(recipes.flatMap((recipe) => recipe.matches))],
    scan: (root, context) => parts.flatMap((part) => part.scan(root, context)),
  };
}
