import { describe, expect, it } from 'vitest';
import { buildContractIndex, contactWarnings, lookupContract, mapPriority, toEvaluateInput } from '../../core/contracts/lookup';
import { builtinPolicies } from '../../core/policy/builtin';
import { Policy } from '../../core/policy/schema';
import { DEFAULT_PRIORITY_MAP } from '../../core/settings/schema';
import { customer, settings } from './fixtures';

const acme = customer({ id: 'acme', name: 'ACME Corp', domains: ['acme.com'], organisations: ['ACME Holding'] });
const globex = customer({ id: 'globex', name: 'Globex', addresses: ['cto@acme.com'], organisations: ['Globex GmbH'] });
const initech = customer({ id: 'initech', name: 'Initech', domains: ['eu.initech.de'] });
const index = buildContractIndex(settings({ customers: [acme, globex, initech] }));

describe('lookupContract', () => {
  it('prefers an exact address over the domain', () => {
    expect(lookupContract(index, { requesterEmail: 'cto@acme.com' })).toMatchObject({ customer: { id: 'globex' }, matchedBy: 'address' });
    expect(lookupContract(index, { requesterEmail: 'dev@acme.com' })).toMatchObject({ customer: { id: 'acme' }, matchedBy: 'domain' });
  });

  it('matches parent domains, case and whitespace insensitive, and "Name <address>"', () => {
    expect(lookupContract(index, { requesterEmail: ' Bob <BOB@Mail.ACME.com> ' })?.customer.id).toBe('acme');
    expect(lookupContract(index, { requesterEmail: 'a@x.eu.initech.de' })?.customer.id).toBe('initech');
    // A sibling of the configured subdomain is not the customer's.
    expect(lookupContract(index, { requesterEmail: 'a@us.initech.de' })).toBeNull();
  });

  it('domain beats organisation, organisation beats customer name', () => {
    expect(lookupContract(index, { requesterEmail: 'x@acme.com', organisation: 'Globex GmbH' })?.matchedBy).toBe('domain');
    expect(lookupContract(index, { organisation: '  globex   gmbh', customer: 'ACME Corp' })).toMatchObject({
      customer: { id: 'globex' },
      matchedBy: 'organisation',
    });
    expect(lookupContract(index, { customer: 'acme corp' })).toMatchObject({ customer: { id: 'acme' }, matchedBy: 'customer' });
    expect(lookupContract(index, { requesterEmail: 'nobody@example.org', customer: 'Umbrella' })).toBeNull();
  });

  it('reports keys claimed by two customers; the first wins', () => {
    const other = customer({ id: 'other', name: 'Other', domains: ['ACME.com'] });
    const idx = buildContractIndex(settings({ customers: [acme, other] }));
    expect(idx.conflicts).toEqual([{ kind: 'domain', key: 'acme.com', customers: ['acme', 'other'] }]);
    expect(lookupContract(idx, { requesterEmail: 'a@acme.com' })?.customer.id).toBe('acme');
  });
});

describe('mapPriority', () => {
  it('uses the site map first, then the default map, case-insensitively', () => {
    expect(mapPriority(' URGENT ', { urgent: 'P2' }, DEFAULT_PRIORITY_MAP)).toBe('P2');
    expect(mapPriority('High', { Urgent: 'P1' }, DEFAULT_PRIORITY_MAP)).toBe('P2');
    expect(mapPriority('blocker', { Blocker: 'P1' }, {})).toBe('P1');
  });
  it('accepts literal P1–P4, and numbers only when mapped', () => {
    expect(mapPriority('p3', {}, {})).toBe('P3');
    expect(mapPriority('2', {}, DEFAULT_PRIORITY_MAP)).toBeUndefined();
    expect(mapPriority('2', { '2': 'P2' }, DEFAULT_PRIORITY_MAP)).toBe('P2');
    expect(mapPriority('P5', {}, {})).toBeUndefined();
    expect(mapPriority(undefined, {}, DEFAULT_PRIORITY_MAP)).toBeUndefined();
  });
  it.each([
    ['Zammad', { '1 low': 'P4', '2 normal': 'P3', '3 high': 'P2' }],
    ['ServiceNow', { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4', '5 - Planning': 'P4' }],
    ['Jira', { Highest: 'P1', High: 'P2', Medium: 'P3', Low: 'P4', Lowest: 'P4' }],
    ['osTicket', { Emergency: 'P1', High: 'P2', Normal: 'P3', Low: 'P4' }],
  ] as const)("maps %s's own priority values by default", (_helpdesk, values) => {
    for (const [raw, p] of Object.entries(values)) expect(mapPriority(raw, undefined, DEFAULT_PRIORITY_MAP), raw).toBe(p);
  });
  it('drops a leading ordinal only before a word', () => {
    for (const raw of ['1 – Critical', '1-critical', '1. Critical', '1: Critical']) {
      expect(mapPriority(raw, {}, DEFAULT_PRIORITY_MAP), raw).toBe('P1');
    }
    expect(mapPriority('2 -', {}, DEFAULT_PRIORITY_MAP)).toBeUndefined();
    expect(mapPriority('2 3', {}, DEFAULT_PRIORITY_MAP)).toBeUndefined();
    expect(mapPriority('3high', {}, DEFAULT_PRIORITY_MAP)).toBeUndefined();
  });
  it("lets the site's map win in either form, and the whole value win over the bare word", () => {
    expect(mapPriority('2 - High', { high: 'P1' }, DEFAULT_PRIORITY_MAP)).toBe('P1');
    expect(mapPriority('2 - High', { high: 'P1' }, { '2 - high': 'P3' })).toBe('P1');
    expect(mapPriority('2 - High', { '2 - High': 'P3', high: 'P1' }, DEFAULT_PRIORITY_MAP)).toBe('P3');
    expect(mapPriority('3 high', {}, { '3 high': 'P1' })).toBe('P1');
  });
});

describe('toEvaluateInput', () => {
  const ticket = { id: '1', submitted: '2026-11-16T10:00:00Z', subject: 'VM down', language: 'ja' as const, type: 'technical' as const };

  it('fills policy, level, region, language, topic and the region holidays of the customer', () => {
    const c = customer({ id: 'c', name: 'C', policy: 'velostrata-1.2', level: 'Silber', region: 'de', englishAccepted: true });
    const s = settings({
      customers: [c],
      holidays: { de: { name: 'DE', calendar: 'pacific', dates: [{ date: '2026-12-24', name: 'Heiligabend' }] } },
    });
    const { input, warnings } = toEvaluateInput(s, c, ticket, 'P2');
    expect(input).toEqual({
      policy: 'velostrata-1.2',
      level: 'Silber',
      priority: 'P2',
      submitted: '2026-11-16T10:00:00Z',
      region: 'de',
      language: 'ja',
      englishAccepted: true,
      type: 'technical',
      topic: 'VM down',
      holidays: { pacific: ['2026-12-24'] },
    });
    expect(warnings).toEqual([]);
  });

  it("uses the team's holidays of the policy's default region when the customer names no region", () => {
    const c = customer({ id: 'c', name: 'C', policy: 'velostrata-4.0', level: undefined });
    const s = settings({ customers: [c], holidays: { americas: { name: 'US', calendar: 'pacific', dates: [{ date: '2026-11-26', name: '' }] } } });
    const { input } = toEvaluateInput(s, c, ticket, 'P1');
    expect(input.region).toBeUndefined();
    expect(input.holidays).toEqual({ pacific: ['2026-11-26'] });
  });

  it('2.0: the role of the requesting designated contact, warning for anyone else', () => {
    const c = customer({
      id: 'c',
      name: 'C',
      policy: 'velostrata-2.0',
      level: 'development',
      contacts: [{ address: 'ops@c.com', role: 'production' }, { address: 'dev@c.com' }],
    });
    const s = settings({ customers: [c] });
    expect(toEvaluateInput(s, c, { ...ticket, requesterEmail: 'OPS@c.com' }, 'P1').input.level).toBe('production');
    expect(toEvaluateInput(s, c, { ...ticket, requesterEmail: 'dev@c.com' }, 'P1').input.level).toBe('development');
    const stranger = toEvaluateInput(s, c, { ...ticket, requesterEmail: 'intern@c.com' }, 'P1');
    expect(stranger.input.level).toBe('development');
    expect(stranger.warnings.map((w) => w.code)).toEqual(['not-designated-contact']);
    expect(stranger.warnings[0]?.message).toBe(
      "intern@c.com is not one of C's 2 designated contacts: the target uses Development (the customer's level or role).",
    );
  });

  it('the not-designated warning names the role used: the page’s, the contract’s default, or none', () => {
    const contacts = [{ address: 'ops@c.com', role: 'production' }];
    const warning = (c: ReturnType<typeof customer>, level?: string) =>
      toEvaluateInput(settings({ customers: [c] }), c, { ...ticket, requesterEmail: 'intern@c.com', level }, 'P1').warnings[0]?.message;
    const roleBased = customer({ id: 'c', name: 'C', policy: 'velostrata-2.0', level: undefined, contacts });
    expect(warning(roleBased, 'Produktion')).toMatch(/: the target uses Production \(as the page shows\)\.$/);
    expect(warning(roleBased)).toBe("intern@c.com is not one of C's 1 designated contacts.");
    const withDefault = customer({ id: 'c', name: 'C', policy: 'velostrata-4.0', level: undefined, contacts });
    expect(warning(withDefault)).toMatch(/: the target uses .+ \(the contract's default\)\.$/);
  });

  it('passes a custom policy object and warns when contacts exceed the level limit', () => {
    const custom = Policy.parse({ ...builtinPolicies['velostrata-1.2'], id: 'team-silver', name: 'Team silver' });
    const contacts = ['a', 'b', 'c'].map((n) => ({ address: `${n}@c.com` }));
    const c = customer({ id: 'c', name: 'C', policy: 'team-silver', level: 'silver', contacts });
    const { input, warnings } = toEvaluateInput(settings({ customers: [c], customPolicies: [custom] }), c, { ...ticket, requesterEmail: 'a@c.com' }, 'P3');
    expect(input.policy).toMatchObject({ id: 'team-silver' });
    expect(warnings.map((w) => w.code)).toEqual(['contact-limit-exceeded']);
    expect(warnings[0]?.message).toContain('3 designated contacts; Silver allows 2');
  });
});

describe('contactWarnings', () => {
  const policy = builtinPolicies['velostrata-1.2'];
  const contacts = (n: number) => Array.from({ length: n }, (_, i) => ({ address: `c${i}@x.com` }));
  it('Gold allows 5, Platinum any number', () => {
    expect(contactWarnings(customer({ id: 'a', name: 'A', level: 'gold', contacts: contacts(5) }), policy)).toEqual([]);
    expect(contactWarnings(customer({ id: 'a', name: 'A', level: 'gold', contacts: contacts(6) }), policy)[0]?.code).toBe('contact-limit-exceeded');
    expect(contactWarnings(customer({ id: 'a', name: 'A', level: 'platinum', contacts: contacts(40) }), policy)).toEqual([]);
  });
});
