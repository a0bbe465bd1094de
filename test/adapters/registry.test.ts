import { describe, expect, it } from 'vitest';
import { Recipe } from '../../core/settings/schema';
import { adapterFor, builtinAdapters } from '../../entrypoints/overlay.content/adapters/registry';

describe('registry', () => {
  it('lists the seven built-in helpdesks with host patterns', () => {
    expect(builtinAdapters.map((a) => a.id)).toEqual(['rt', 'zammad', 'osticket', 'zendesk', 'freshdesk', 'jira', 'servicenow']);
    for (const adapter of builtinAdapters) {
      expect(adapter.name).not.toBe('');
      expect(adapter.matches.length).toBeGreaterThan(0);
      for (const pattern of adapter.matches) expect(pattern).toMatch(/^(?:https?|\*):\/\/[^/]+\/.*$/);
    }
  });

  it('ships built-in recipes that validate as settings recipes (users can copy them)', () => {
    const recipes = builtinAdapters.flatMap((a) => a.recipes);
    expect(recipes.length).toBeGreaterThanOrEqual(7);
    for (const recipe of recipes) expect(Recipe.parse(recipe)).toEqual(recipe);
    for (const recipe of recipes) for (const field of Object.values(recipe.fields)) if (field?.regex) new RegExp(field.regex, 'u');
  });

  it('finds built-ins by id and recipes by "recipe:<id>"', () => {
    expect(adapterFor('rt')?.name).toBe('Request Tracker 5');
    expect(adapterFor('nope')).toBeUndefined();
    const mine = Recipe.parse({
      id: 'mine',
      name: 'My desk',
      matches: ['https://desk.example/*'],
      ticket: '.t',
      anchor: '.t',
      fields: { id: { selector: '.id' } },
    });
    expect(adapterFor('recipe:mine', [mine])).toMatchObject({ id: 'recipe:mine', name: 'My desk' });
    expect(adapterFor('recipe:other', [mine])).toBeUndefined();
  });
});
