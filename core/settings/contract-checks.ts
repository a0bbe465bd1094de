import { resolveLevel } from '../contracts/level';
import { buildContractIndex, type ContractIndex } from '../contracts/lookup';
import { decideLanguage } from '../evaluate/language';
import type { Language, Policy } from '../policy/schema';
import type { Customer, Settings } from './schema';

/**
 * What a contract allows but a team lead should know before a badge says it: checks that do not
 * refuse a save (validate.ts refuses what would break a badge) but are shown on the contract list and
 * in the form.
 */
export type ContractCheck =
  /** No level or role, and the policy has no default: requesters without a role get no target. */
  | { code: 'no-level' }
  /** A language the customer writes in that its policy and level do not support. */
  | { code: 'language-not-included'; language: Language };

export function contractChecks(customer: Customer, policy: Policy | undefined): ContractCheck[] {
  if (!policy) return [];
  const checks: ContractCheck[] = [];
  const level = resolveLevel(policy, customer.level);
  const roleless = customer.contacts.length === 0 || customer.contacts.some((c) => !c.role);
  if (!level && roleless) checks.push({ code: 'no-level' });
  if (level) {
    for (const language of customer.languages) {
      if (language === 'en') continue;
      if (decideLanguage(policy, level.id, language, 'technical', false).kind === 'not-included') {
        checks.push({ code: 'language-not-included', language });
      }
    }
  }
  return checks;
}

/** Per customer id: the names, domains and addresses it shares with another customer, and who gets the tickets. */
export function contractConflicts(
  settings: Pick<Settings, 'customers'>,
  index: ContractIndex = buildContractIndex(settings),
): Map<string, Array<{ key: string; others: string[]; winner: string }>> {
  const byId = new Map(settings.customers.map((c) => [c.id, c]));
  const out = new Map<string, Array<{ key: string; others: string[]; winner: string }>>();
  for (const conflict of index.conflicts) {
    const names = conflict.customers.map((id) => byId.get(id)?.name ?? id);
    conflict.customers.forEach((id, i) => {
      const list = out.get(id) ?? [];
      list.push({ key: conflict.key, others: names.filter((_, j) => j !== i), winner: names[0] ?? '' });
      out.set(id, list);
    });
  }
  return out;
}
