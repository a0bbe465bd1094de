import type { Customer, Settings } from '@/core/settings/schema';

/**
 * Undo: every apply keeps, under this key and in the same storage call as the new settings (see
 * layout.ts), what it replaced — only the settings fields it changed, and of the customers only the
 * ones it changed, the others named by id — so an import that changes 200 of 5,000 customers does not
 * write a second copy of the whole list. Undo restores them once, on top of the settings that apply
 * wrote (checked by their revision). A full settings object (what earlier versions kept) is read too.
 */
export const PREVIOUS_KEY = 'previousSettings';

type Field = Exclude<keyof Settings, 'version'>;

export interface UndoCopy {
  /** The revision the apply wrote: the copy only fits on top of those settings. */
  revision: string;
  /** The previous value of each field the apply changed; customers as old entries or ids of unchanged ones. */
  fields: Partial<Omit<Settings, 'version' | 'customers'>> & { customers?: Array<Customer | string> };
}

/** What differs between two settings objects, compared as stored (JSON); each customer once. */
export interface Changes {
  fields: Field[];
  /** Each customer before, as JSON, and each customer after, as JSON by id. */
  customers: { before: string[]; after: Map<string, string> };
}

export function changesBetween(before: Settings, after: Settings): Changes {
  const customers = { before: before.customers.map((c) => JSON.stringify(c)), after: new Map(after.customers.map((c) => [c.id, JSON.stringify(c)])) };
  const sameCustomers =
    before.customers.length === after.customers.length && before.customers.every((c, i) => customers.before[i] === customers.after.get(c.id) && after.customers[i]?.id === c.id);
  const fields = (Object.keys(after) as Array<keyof Settings>).filter(
    (key): key is Field =>
      key !== 'version' && (key === 'customers' ? !sameCustomers : JSON.stringify(before[key]) !== JSON.stringify(after[key])),
  );
  return { fields, customers };
}

/** What undoing the change from `before` needs to restore it. */
export function undoCopy(before: Settings, changes: Changes, revision: string): UndoCopy {
  const fields: UndoCopy['fields'] = {};
  for (const key of changes.fields) {
    if (key !== 'customers') Object.assign(fields, { [key]: before[key] });
  }
  if (changes.fields.includes('customers')) {
    const { after, before: json } = changes.customers;
    fields.customers = before.customers.map((c, i) => (after.get(c.id) === json[i] ? c.id : c));
  }
  return { revision, fields };
}

/**
 * The settings before the last apply, rebuilt from the stored copy on top of `current` (the settings
 * and revision now stored); undefined when there is nothing to undo. Throws when the copy does not
 * fit the settings now stored (they were changed without an apply).
 */
export function previousSettings(stored: unknown, current: Settings, revision: string | undefined): unknown {
  if (stored == null) return undefined;
  if (typeof stored !== 'object' || !('fields' in stored)) return stored; // a full copy, as earlier versions kept
  const copy = stored as UndoCopy;
  if (copy.revision !== revision) throw new Error('the settings were changed since the last apply');
  const byId = new Map(current.customers.map((c) => [c.id, c]));
  const customers = copy.fields.customers?.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const customer = byId.get(entry);
    if (!customer) throw new Error(`the customer "${entry}" was changed since the last apply`);
    return customer;
  });
  return { ...current, ...copy.fields, ...(customers ? { customers } : {}) };
}

/** Writes go one after another, so an undo cannot interleave with an apply. */
let queue: Promise<unknown> = Promise.resolve();
export function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}
