import type { EvaluateInput, Note } from '../evaluate/types';
import { getPolicy } from '../policy/builtin';
import { contactLimitStatus } from '../policy/contacts';
import { type Policy, PRIORITIES, type Priority } from '../policy/schema';
import type { Customer, Settings } from '../settings/schema';
import { resolveLevel } from './level';
import { dayOf, enterpriseEnd, isEnterpriseLevel, pendingRoleChanges, roleOn } from './roles';
import type { TicketFields } from './ticket';

/**
 * Which customer contract a ticket belongs to, and the EvaluateInput it makes. The overlay builds
 * the index once per settings change and looks up every ticket on the page, so the lookup is a
 * handful of Map reads whatever the number of customers.
 */

export type MatchedBy = 'address' | 'domain' | 'organisation' | 'customer';

export interface ContractIndex {
  byAddress: Map<string, Customer>;
  byDomain: Map<string, Customer>;
  byOrganisation: Map<string, Customer>;
  byName: Map<string, Customer>;
  /** Keys claimed by more than one customer; the first in the settings wins. For the options page. */
  conflicts: Array<{ kind: MatchedBy; key: string; customers: string[] }>;
}

/** Printable ASCII words separated by single spaces: nothing to normalise but the case. */
const PLAIN = /^[!-~]+(?: [!-~]+)*$/;

/** Case-, width- and whitespace-insensitive key ("ＡＣＭＥ  Corp " → "acme corp"). */
export const normKey = (s: string) =>
  PLAIN.test(s) ? s.toLowerCase() : s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The bare address of "Bob <bob@acme.com>" or "bob@acme.com". */
function bareAddress(raw: string): string {
  const angle = raw.includes('<') ? /<([^<>]+)>/.exec(raw) : null;
  return normKey(angle?.[1] ?? raw);
}

export function buildContractIndex(settings: Pick<Settings, 'customers'>): ContractIndex {
  const index: ContractIndex = {
    byAddress: new Map(),
    byDomain: new Map(),
    byOrganisation: new Map(),
    byName: new Map(),
    conflicts: [],
  };
  const add = (map: Map<string, Customer>, kind: MatchedBy, raw: string, customer: Customer) => {
    const key = normKey(raw);
    const held = map.get(key);
    if (!held) map.set(key, customer);
    else if (held.id !== customer.id) {
      const conflict = index.conflicts.find((c) => c.kind === kind && c.key === key);
      if (conflict) conflict.customers.push(customer.id);
      else index.conflicts.push({ kind, key, customers: [held.id, customer.id] });
    }
  };
  for (const customer of settings.customers) {
    for (const address of customer.addresses) add(index.byAddress, 'address', address, customer);
    // Designated contacts are exact addresses of the customer too.
    for (const contact of customer.contacts) add(index.byAddress, 'address', contact.address, customer);
    for (const domain of customer.domains) add(index.byDomain, 'domain', domain, customer);
    for (const org of customer.organisations) add(index.byOrganisation, 'organisation', org, customer);
    add(index.byName, 'customer', customer.name, customer);
  }
  return index;
}


export function lookupContract(
  index: ContractIndex,
  ticket: Pick<TicketFields, 'requesterEmail' | 'organisation' | 'customer'>,
): { customer: Customer; matchedBy: MatchedBy } | null {
  if (ticket.requesterEmail) {
    const address = bareAddress(ticket.requesterEmail);
    const byAddress = index.byAddress.get(address);
    if (byAddress) return { customer: byAddress, matchedBy: 'address' };
    const at = address.lastIndexOf('@');
    // The domain itself, then each parent down to the last two labels ("a.b.example.com" … "example.com").
    for (let dot = at; dot >= 0 && address.indexOf('.', dot + 1) > 0; dot = address.indexOf('.', dot + 1)) {
      const byDomain = index.byDomain.get(address.slice(dot + 1));
      if (byDomain) return { customer: byDomain, matchedBy: 'domain' };
    }
  }
  // Helpdesks disagree on which field holds the company, so each name is tried as both.
  const names = [ticket.organisation, ticket.customer].filter((n): n is string => !!n?.trim()).map(normKey);
  for (const name of names) {
    const byOrg = index.byOrganisation.get(name);
    if (byOrg) return { customer: byOrg, matchedBy: 'organisation' };
  }
  for (const name of [...names].reverse()) {
    const byName = index.byName.get(name);
    if (byName) return { customer: byName, matchedBy: 'customer' };
  }
  return null;
}

function fromMap(map: Record<string, Priority> | undefined, key: string): Priority | undefined {
  if (!map) return undefined;
  if (Object.hasOwn(map, key)) return map[key];
  for (const [raw, p] of Object.entries(map)) if (normKey(raw) === key) return p;
  return undefined;
}

/** The ordinal helpdesks put before the word: "3 high" (Zammad), "2 - High" (ServiceNow), "4. Low". */
const ORDINAL = /^\d+(?:\s*[-–.:]\s*|\s+)(?=\p{L})/u;

/** The map's value for the whole key, else for its word without the ordinal. */
function named(map: Record<string, Priority> | undefined, key: string, word: string): Priority | undefined {
  return fromMap(map, key) ?? (word === key ? undefined : fromMap(map, word));
}

/**
 * A helpdesk priority value → P1–P4. Each map is asked for the whole value, then for the word
 * without its ordinal ("2 - high" → "high"); the site's map wins over the default map whenever it
 * names the value in either form, as it is the more specific. Last, a literal "P1".."P4".
 * Bare numbers (RT's 0–99) mean nothing by themselves and count only when a map names them.
 */
export function mapPriority(
  raw: string | undefined,
  siteMap: Record<string, Priority> | undefined,
  defaultMap: Record<string, Priority> | undefined,
): Priority | undefined {
  if (raw === undefined) return undefined;
  const key = normKey(raw);
  if (!key) return undefined;
  const word = key.replace(ORDINAL, '');
  const mapped = named(siteMap, key, word) ?? named(defaultMap, key, word);
  if (mapped) return mapped;
  const literal = key.toUpperCase();
  return (PRIORITIES as readonly string[]).includes(literal) ? (literal as Priority) : undefined;
}

/**
 * Per customer, asked for every ticket of a list: its designated contacts by normalised address and
 * its contract warnings. Settings objects are replaced, never changed, so a customer object is a key.
 */
const contactIndexes = new WeakMap<Customer, Map<string, Customer['contacts'][number]>>();
function contactsOf(customer: Customer): Map<string, Customer['contacts'][number]> {
  let contacts = contactIndexes.get(customer);
  if (!contacts) {
    contacts = new Map();
    // The first contact with an address wins, as a search through the list would find it.
    for (const contact of customer.contacts) {
      const key = normKey(contact.address);
      if (!contacts.has(key)) contacts.set(key, contact);
    }
    contactIndexes.set(customer, contacts);
  }
  return contacts;
}

const warningsByCustomer = new WeakMap<Customer, { policy: Policy | undefined; warnings: Note[] }>();
function customerWarnings(customer: Customer, policy: Policy | undefined): Note[] {
  let known = warningsByCustomer.get(customer);
  if (!known || known.policy !== policy) {
    known = { policy, warnings: contactWarnings(customer, policy) };
    warningsByCustomer.set(customer, known);
  }
  return known.warnings;
}

/** Designated-contact warnings that do not depend on a ticket (the options page shows them). */
export function contactWarnings(customer: Customer, policy: Policy | undefined): Note[] {
  if (!policy) return [];
  const level = resolveLevel(policy, customer.level);
  const status = level && contactLimitStatus(policy, level.id, customer.contacts.length);
  if (!level || !status?.exceeded) return [];
  return [
    {
      code: 'contact-limit-exceeded',
      message: `${customer.name} has ${status.count} designated contacts; ${level.rule.name} allows ${status.limit} (${policy.document} ${status.source}).`,
    },
  ];
}

/**
 * The not-designated warning, naming the level or role the target uses instead: the customer's own
 * (its default role under 2.0), the page's, or the contract's default. Without any, the overlay says
 * the ticket cannot be evaluated and why.
 */
function notDesignated(requester: string, customer: Customer, policy: Policy | undefined, level: string | undefined): string {
  const warning = `${requester} is not one of ${customer.name}'s ${customer.contacts.length} designated contacts`;
  const used = policy && resolveLevel(policy, level);
  if (!used) return `${warning}.`;
  const whose = level === undefined ? "the contract's default" : level === customer.level ? "the customer's level or role" : 'as the page shows';
  return `${warning}: the target uses ${used.rule.name} (${whose}).`;
}

/**
 * A designated contact's role on the ticket's day (2.0 §1.2), with a note when a recorded change was
 * not yet in force then, or when the Enterprise-only role was used after Enterprise support ended
 * (§5.1(a), §5.2). Contacts without recorded changes or Enterprise dates cost nothing more.
 */
function contactRole(
  policy: Policy,
  customer: Customer,
  contact: Customer['contacts'][number],
  submitted: string,
  settings: Pick<Settings, 'holidays'>,
): { role: string | undefined; note?: Note } {
  if (!contact.roleChanges?.length && !customer.enterprise) return { role: contact.role };
  const day = dayOf(policy, submitted);
  const role = roleOn(policy, contact, day) ?? undefined;
  const waiting = pendingRoleChanges(policy, contact, day)[0];
  if (waiting) {
    const name = (id: string | null) => (id ? (policy.levels[id]?.name ?? id) : 'no role');
    return {
      role,
      note: {
        code: 'role-change-pending',
        message: `${contact.address}'s role changes from ${name(waiting.from)} to ${name(waiting.to)} on ${waiting.effective} (${policy.document} ${waiting.source}); this ticket was submitted before, so ${name(role ?? null)} applies.`,
      },
    };
  }
  const ended = customer.enterprise?.notice ? enterpriseEnd(policy, customer, settings) : undefined;
  if (ended && ended <= day && role && isEnterpriseLevel(policy, resolveLevel(policy, role)?.id ?? null)) {
    return {
      role,
      note: {
        code: 'enterprise-ended',
        message: `${customer.name}'s Enterprise support ended on ${ended} (${policy.document} §5.2), and ${policy.levels[resolveLevel(policy, role)?.id ?? '']?.name ?? role} is only for Enterprise customers (§5.1(a)): ask the team lead for ${contact.address}'s new role.`,
      },
    };
  }
  return { role };
}

/**
 * The EvaluateInput for a ticket of a matched customer, plus contract warnings. The level is the
 * requesting designated contact's role where one is set (2.0 is role-based per contact), else the
 * customer's level, else what the page shows. A ticket without a submission time is `unreadable`
 * before it gets here.
 */
export function toEvaluateInput(
  settings: Pick<Settings, 'customPolicies' | 'holidays'>,
  customer: Customer,
  ticket: TicketFields & { submitted: string },
  priority: Priority,
): { input: EvaluateInput; warnings: Note[] } {
  const custom = settings.customPolicies.find((p) => p.id === customer.policy);
  const policy = getPolicy(customer.policy, settings.customPolicies);
  const requester = ticket.requesterEmail ? bareAddress(ticket.requesterEmail) : undefined;
  const contact = requester ? contactsOf(customer).get(requester) : undefined;

  // 2.0 §1.2: the contact's role in force on the day the ticket was submitted, recorded changes included.
  const role = contact && policy ? contactRole(policy, customer, contact, ticket.submitted, settings) : { role: contact?.role };
  const level = role.role ?? customer.level ?? ticket.level;
  const warnings: Note[] = [];
  if (customer.contacts.length > 0 && requester && !contact) {
    warnings.push({ code: 'not-designated-contact', message: notDesignated(requester, customer, policy, level) });
  }
  if (role.note) warnings.push(role.note);
  warnings.push(...customerWarnings(customer, policy));

  // The team's own holiday list for the region the policy will use (its default when the customer names none).
  const region = customer.region ?? policy?.defaultRegion;
  const calendar = region ? settings.holidays[region] : undefined;
  const input: EvaluateInput = { policy: custom ?? customer.policy, priority, submitted: ticket.submitted };
  // Absent fields stay absent, so the policy's defaults apply (set only when defined: deleting
  // keys afterwards would turn the input into a slow dictionary object, 500 times per list).
  if (level !== undefined) input.level = level;
  if (customer.region !== undefined) input.region = customer.region;
  if (ticket.language !== undefined) input.language = ticket.language;
  if (customer.englishAccepted !== undefined) input.englishAccepted = customer.englishAccepted;
  if (ticket.type !== undefined) input.type = ticket.type;
  if (ticket.subject !== undefined) input.topic = ticket.subject;
  if (calendar) input.holidays = { [calendar.calendar]: calendar.dates.map((d) => d.date) };
  return { input, warnings };
}
