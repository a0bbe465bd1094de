/**
 * Pure: whether a ticket's owner, as a helpdesk page shows it, is the agent. Helpdesks name the same
 * person differently in the owner column and in the "logged in as" part of the page: Request
 * Tracker's menu shows the login ("root") and its owner column, by the agent's user-name format,
 * "root (Enoch Root)", "Enoch Root" or "Enoch Root <root@example.com>"; osTicket's header shows the
 * first name ("Welcome, Jane.") and its "Assigned To" column the full name ("Jane Doe"). So both
 * sides are taken apart into the forms they contain, normalised, and compared form by form.
 */

/** The logged-in agent as a helpdesk page shows them. */
export interface PageAgent {
  /** The text the page shows. */
  name: string;
  /** A login or full name (RT's menu), or a first name only (osTicket's header). */
  form: 'login' | 'first-name';
  /** Other ways the page shows the same user (RT: the agent's own user id elsewhere on the page). */
  also?: string[];
}

/** Case, width and spacing do not tell names apart ("Ｊａｎｅ  DOE" is "jane doe"). */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

const ROLE = /^(.+?)\s*\((.+)\)$/u; // RT's "login (Real Name)"
const VERBOSE = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/u; // "Real Name <address>"
const ADDRESS = /^[^\s@]+@[^\s@]+$/u;

/** The normalised forms a name contains: itself, RT's login and real name, an address and its local part. */
export function nameForms(text: string): Set<string> {
  return forms(text, true);
}

function forms(text: string, addresses: boolean): Set<string> {
  const found = new Set<string>();
  const add = (part: string) => {
    const name = normaliseName(part);
    if (!name) return;
    if (!ADDRESS.test(name)) found.add(name);
    else if (addresses) found.add(name).add(name.slice(0, name.indexOf('@')));
  };
  const whole = normaliseName(text);
  add(whole);
  const verbose = VERBOSE.exec(whole);
  if (verbose) {
    add(verbose[1] as string);
    add(verbose[2] as string);
  }
  const role = ROLE.exec(whole);
  if (role) {
    add(role[1] as string);
    add(role[2] as string);
  }
  return found;
}

/** A full name's first name: "Jane Doe" → jane; osTicket's "Doe, Jane" format → jane. */
function firstName(form: string): string {
  const given = form.includes(',') ? form.slice(form.indexOf(',') + 1).trim() : form;
  return given.split(' ')[0] ?? '';
}

/** Who the agent is on one helpdesk: the agent its pages show, and the names the agent typed. */
export interface Me {
  agent?: PageAgent;
  names: readonly string[];
}

/** Whether anything tells who the agent is (else "only mine" cannot tell, and lets tickets through). */
export const knowsMe = (me: Me): boolean => me.agent !== undefined || me.names.length > 0;

/** Whether `owner` (the page's owner text of an assigned ticket) is the agent. */
export function isMine(owner: string, me: Me): boolean {
  const owned = nameForms(owner);
  const shares = (name: string) => [...nameForms(name)].some((form) => owned.has(form));
  if (me.names.some(shares)) return true;
  const agent = me.agent;
  if (!agent) return false;
  if (agent.form === 'login') return shares(agent.name) || (agent.also ?? []).some(shares);
  // A first name is compared with the owner's names only: an address's local part is no first name.
  const first = normaliseName(agent.name);
  return first !== '' && [...forms(owner, false)].some((form) => firstName(form) === first);
}
