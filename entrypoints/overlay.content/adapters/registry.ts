import type { Recipe } from '../../../core/settings/schema';
import { freshdeskAdapter, freshdeskRecipe } from './freshdesk';
import { jiraAdapter, jiraRecipes } from './jira';
import { osticketAdapter } from './osticket';
import { recipeAdapter } from './recipe';
import { rtAdapter, rtRecipe } from './rt';
import { serviceNowAdapter, serviceNowFormRecipe } from './servicenow';
import type { Adapter } from './types';
import { zammadAdapter, zammadRecipe } from './zammad';
import { zendeskAdapter, zendeskRecipe } from './zendesk';

/**
 * The built-in helpdesk adapters (refined-github style: each adapter file exports its adapter, this
 * list registers them). `recipes` are the declarative parts users can copy to the options page and
 * fix when a helpdesk changes its markup; code-only parts (RT's list columns, ServiceNow's shadow roots)
 * are not in them.
 */
export interface BuiltinAdapter extends Adapter {
  recipes: Recipe[];
}

function builtin(adapter: Adapter, recipes: Recipe[]): BuiltinAdapter {
  return { id: adapter.id, name: adapter.name, matches: adapter.matches, scan: adapter.scan, currentAgent: adapter.currentAgent, recipes };
}

export const builtinAdapters: BuiltinAdapter[] = [
  builtin(rtAdapter, [rtRecipe]),
  builtin(zammadAdapter, [zammadRecipe]),
  builtin(osticketAdapter, []),
  builtin(zendeskAdapter, [zendeskRecipe]),
  builtin(freshdeskAdapter, [freshdeskRecipe]),
  builtin(jiraAdapter, jiraRecipes),
  builtin(serviceNowAdapter, [serviceNowFormRecipe]),
];

/** The adapter for a site's `adapter` setting: a built-in id or "recipe:<id>" of the settings' recipes. */
export function adapterFor(id: string, recipes: Recipe[] = []): Adapter | undefined {
  if (id.startsWith('recipe:')) {
    const recipe = recipes.find((candidate) => `recipe:${candidate.id}` === id);
    return recipe && recipeAdapter(recipe);
  }
  return builtinAdapters.find((adapter) => adapter.id === id);
}
