import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isMine, knowsMe, nameForms, type PageAgent } from '../../core/alerts/owner';

/**
 * "Only mine": the owner as a helpdesk's list or ticket page shows it against the agent its pages
 * show as logged in, plus the names the agent typed. The forms are Request Tracker's user-name
 * formats (lib/RT/User.pm: "role" — `login (Real Name)` for privileged users, `Real Name <address>`
 * for others; "concise" — the real name, else the login; "verbose" — `Real Name <address>`) and
 * osTicket's agent name formats ("First Last", "Last, First").
 */

const rt = (login: string): PageAgent => ({ name: login, form: 'login' });
const osticket = (first: string): PageAgent => ({ name: first, form: 'first-name' });

describe('owner forms', () => {
  test('RT’s and osTicket’s renderings are taken apart into normalised forms', () => {
    expect([...nameForms('root (Enoch Root)')].sort()).toEqual(['enoch root', 'root', 'root (enoch root)']);
    expect([...nameForms('Maria Lopez <maria.lopez@acme-robotics.test>')].sort()).toEqual([
      'maria lopez',
      'maria lopez <maria.lopez@acme-robotics.test>',
      'maria.lopez',
      'maria.lopez@acme-robotics.test',
    ]);
    expect([...nameForms('  Ｊａｎｅ\u00a0 DOE ')]).toEqual(['jane doe']);
    expect([...nameForms('')]).toEqual([]);
  });

  test('RT: the menu’s login is the owner in the role and verbose formats, not the real name alone (concise)', () => {
    const me = { agent: rt('root'), names: [] };
    expect(isMine('root (Enoch Root)', me)).toBe(true);
    expect(isMine('ROOT', me)).toBe(true);
    expect(isMine('Enoch Root <root@example.com>', me)).toBe(true);
    expect(isMine('Enoch Root', me)).toBe(false);
    expect(isMine('rooted (Other Person)', me)).toBe(false);
    // The real name typed: the concise format matches too.
    expect(isMine('Enoch Root', { agent: rt('root'), names: ['enoch root'] })).toBe(true);
  });

  test('osTicket: the header’s first name is the first name of "First Last" and "Last, First", not any other word', () => {
    const me = { agent: osticket('Agent'), names: [] };
    expect(isMine('Agent Probe', me)).toBe(true);
    expect(isMine('Probe, Agent', me)).toBe(true);
    expect(isMine('Agent', me)).toBe(true);
    expect(isMine('Probe Agent', me)).toBe(false);
    expect(isMine('Agentur Probe', me)).toBe(false);
    expect(isMine('agent@example.com', me)).toBe(false);
  });

  test('typed names add to the page’s agent (a shared queue’s alias); nothing known: cannot tell', () => {
    expect(isMine('support-team', { agent: rt('root'), names: ['Support-Team'] })).toBe(true);
    expect(isMine('jdoe', { names: ['jdoe@example.com'] })).toBe(true);
    expect(isMine('bob', { names: ['jdoe'] })).toBe(false);
    expect(knowsMe({ names: [] })).toBe(false);
    expect(knowsMe({ agent: rt('root'), names: [] })).toBe(true);
    expect(knowsMe({ names: ['jdoe'] })).toBe(true);
  });
});

// ---- Property: against who the owner really is.

type Person = { login: string; first: string; last: string; local: string };
type Format = 'rt-role' | 'rt-concise' | 'rt-verbose' | 'os-full' | 'os-lastfirst';

function render(p: Person, format: Format): string {
  const real = `${p.first} ${p.last}`;
  if (format === 'rt-role') return `${p.login} (${real})`;
  if (format === 'rt-concise') return real;
  if (format === 'rt-verbose') return `${real} <${p.local}@example.com>`;
  if (format === 'os-full') return real;
  return `${p.last}, ${p.first}`;
}

/** What the page shows of its helpdesk's agent: RT the login, osTicket the first name. */
const agentOf = (p: Person, format: Format): PageAgent => (format.startsWith('rt') ? rt(p.login) : osticket(p.first));

/**
 * Whether the owner's rendering contains what the page shows of the agent: RT's menu shows the
 * login, which the concise format never shows and the verbose one only as the address's local part.
 */
const tellable = (p: Person, format: Format) => format !== 'rt-concise' && (format !== 'rt-verbose' || p.local === p.login);

/** Case, runs of spaces and full-width letters as a page might show them. */
function disguise(text: string, how: { upper: boolean; wide: boolean; spaces: boolean }): string {
  let out = how.upper ? text.toUpperCase() : text;
  if (how.spaces) out = out.replace(/ /g, ' \u00a0 ');
  if (how.wide) out = out.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return out;
}

const word = fc.stringMatching(/^[A-Z][a-z]{2,7}$/);
/** Two people who share no name; an address's local part is often the login. */
const people = fc
  .tuple(fc.uniqueArray(word, { minLength: 8, maxLength: 8, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }), fc.boolean(), fc.boolean())
  .map(([[a, b, c, d, e, f, g, h], sameA, sameB]): [Person, Person] => {
    const person = (login: string, first: string, last: string, local: string, same: boolean): Person => ({
      login: login.toLowerCase(),
      first,
      last,
      local: same ? login.toLowerCase() : local.toLowerCase(),
    });
    return [person(a as string, b as string, c as string, d as string, sameA), person(e as string, f as string, g as string, h as string, sameB)];
  });

describe('properties (fast-check)', () => {
  test('the agent’s own tickets match in every format that shows who they are; a colleague’s never do', () => {
    fc.assert(
      fc.property(
        people,
        fc.constantFrom<Format>('rt-role', 'rt-concise', 'rt-verbose', 'os-full', 'os-lastfirst'),
        fc.record({ upper: fc.boolean(), wide: fc.boolean(), spaces: fc.boolean() }),
        fc.boolean(),
        ([me, colleague], format, how, mine) => {
          const owner = disguise(render(mine ? me : colleague, format), how);
          const expected = mine && tellable(me, format);
          expect(isMine(owner, { agent: agentOf(me, format), names: [] })).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
