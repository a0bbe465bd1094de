// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../core/settings/schema';
import { recipeAdapter } from '../../entrypoints/overlay.content/adapters/recipe';
import { byKey, context as tokyo, loadFixture } from './fixture';

/** The overlay passes the recipe's zone in the context when no site sets one. */
const context = { ...tokyo, timeZone: 'Europe/Berlin' };

const recipe: Recipe = {
  id: 'acme',
  name: 'Acme desk',
  matches: ['https://desk.acme.example/*'],
  ticket: 'li.ticket',
  anchor: '.badge-here, .subject',
  timeZone: 'Europe/Berlin',
  fields: {
    id: { selector: 'li.ticket', attribute: 'data-ticket' },
    subject: { selector: '.subject' },
    priority: { selector: '.prio', attribute: 'title' },
    requesterEmail: { selector: '.who' },
    organisation: { selector: '.org' },
    submitted: { selector: '.opened', dateFormat: 'dd.MM.yyyy HH:mm', relative: true },
    type: { selector: '.kind' },
  },
};

describe('recipeAdapter', () => {
  const page = loadFixture('recipe/tickets.html');
  const adapter = recipeAdapter(recipe);
  const tickets = byKey(adapter.scan(page, context));

  it('is a "recipe:<id>" adapter with the recipe name and matches', () => {
    expect(adapter).toMatchObject({ id: 'recipe:acme', name: 'Acme desk', matches: recipe.matches });
  });

  it('finds visible tickets only', () => {
    expect(Object.keys(tickets)).toEqual(['T-1', 'T-2', 'T-3']);
  });

  it('reads visible values, tooltips moved by Bootstrap, formats in the context zone', () => {
    expect(tickets['T-1']?.fields).toEqual({
      id: 'T-1',
      subject: 'VPN down',
      priorityRaw: 'Urgent',
      requesterEmail: 'ada@analytical.example',
      organisation: 'Analytical Engines',
      submitted: '2026-11-15T09:30:00.000+01:00',
      type: 'feature',
    });
    expect(tickets['T-1']?.anchor.className).toBe('badge-here');
    expect(tickets['T-1']?.missing).toEqual([]);
  });

  it('reads literal P1–P4, relative times (approximate) and the language from the script', () => {
    expect(tickets['T-2']?.fields).toMatchObject({
      priority: 'P1',
      priorityRaw: 'P1',
      submittedApproximate: true,
      language: 'ja',
      requesterEmail: 'user@kaisha.example.jp',
    });
    expect(Date.parse(tickets['T-2']?.fields.submitted ?? '')).toBe(Date.parse('2026-11-15T10:00:00Z'));
  });

  it('lists missing required fields and falls back to the first anchor candidate', () => {
    expect(tickets['T-3']?.missing).toEqual(['priority', 'submitted', 'customer']);
    expect(tickets['T-3']?.anchor.className).toBe('subject');
    expect(tickets['T-3']?.problem).toBeUndefined();
  });

  it('fails closed on an invalid field selector, naming field and selector', () => {
    const broken = recipeAdapter({ ...recipe, fields: { ...recipe.fields, organisation: { selector: '.org[' } } });
    const [first] = broken.scan(page, context);
    expect(first?.problem).toBe('recipe "Acme desk" field "organisation": invalid CSS selector ".org["');
    expect(first?.missing).toEqual([]); // the e-mail still identifies the customer
    expect(first?.fields.organisation).toBeUndefined();
  });

  it('fails closed on an invalid regex', () => {
    const broken = recipeAdapter({ ...recipe, fields: { ...recipe.fields, priority: { selector: '.prio', regex: '(P[1-4' } } });
    const [first] = broken.scan(page, context);
    expect(first?.problem).toMatch(/^recipe "Acme desk" field "priority": invalid regular expression \/\(P\[1-4\//);
    expect(first?.missing).toContain('priority');
  });

  it('returns one page-level problem for an invalid ticket selector', () => {
    const broken = recipeAdapter({ ...recipe, ticket: 'li..ticket' });
    const result = broken.scan(page, context);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      key: 'recipe-error:acme',
      missing: ['id'],
      problem: 'recipe "Acme desk" ticket: invalid CSS selector "li..ticket"',
    });
    expect(result[0]?.anchor).toBe(page.body);
  });

  it('reports an invalid anchor selector but still anchors at the ticket', () => {
    const [first] = recipeAdapter({ ...recipe, anchor: ':nope(' }).scan(page, context);
    expect(first?.problem).toMatch(/anchor: invalid CSS selector/);
    expect(first?.anchor.getAttribute('data-ticket')).toBe('T-1');
  });

  it('applies a regex capture group and reports unreadable dates', () => {
    const withRegex = recipeAdapter({
      ...recipe,
      fields: { ...recipe.fields, id: { selector: '.subject', regex: '^(\\w+)' }, submitted: { selector: '.opened' } },
    });
    const [first] = withRegex.scan(page, context);
    expect(first?.key).toBe('VPN');
    expect(first?.problem).toMatch(/field "submitted": cannot read the date "15.11.2026 09:30"/);
    expect(first?.missing).toEqual(['submitted']);
  });

  it('never reads HTML: markup-looking text stays text', () => {
    const doc = new DOMParser().parseFromString(
      '<li class="ticket" data-ticket="X"><span class="subject">&lt;img src=x onerror=alert(1)&gt;</span></li>',
      'text/html',
    );
    const [ticket] = recipeAdapter(recipe).scan(doc, context);
    expect(ticket?.fields.subject).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('img')).toBeNull();
  });
});

describe('selector lists are fallbacks', () => {
  it('splits at top-level commas only', async () => {
    const { fallbacks } = await import('../../entrypoints/overlay.content/adapters/read-value');
    expect(fallbacks('a, b:is(.x, .y), [title="a,b"], c')).toEqual(['a', 'b:is(.x, .y)', '[title="a,b"]', 'c']);
  });
});
