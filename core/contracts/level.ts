import type { LevelRule, Policy } from '../policy/schema';

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * norm() of the level names tickets ask for. A list asks with the same few names (from the
 * settings or the page) on every row, twice, and Unicode normalisation is a slow call.
 */
const normalised = new Map<string, string>();

function normalisedName(level: string): string {
  let name = normalised.get(level);
  if (name === undefined) {
    name = norm(level);
    if (normalised.size >= 1000) normalised.clear();
    normalised.set(level, name);
  }
  return name;
}

/**
 * A policy's level by id, name or alias, case-insensitive ("Silber", "gold", "Business-critical");
 * the policy's default level when none is named. Undefined when the policy has no such level.
 */
export function resolveLevel(policy: Policy, level: string | undefined): { id: string; rule: LevelRule } | undefined {
  const name = level === undefined ? '' : normalisedName(level);
  if (name === '') {
    const id = policy.defaultLevel;
    const rule = id ? policy.levels[id] : undefined;
    return id && rule ? { id, rule } : undefined;
  }
  return namesOf(policy).get(name);
}

/** Every id, name and alias of a policy's levels, normalised once per policy (not per ticket). */
const names = new WeakMap<Policy, Map<string, { id: string; rule: LevelRule }>>();

function namesOf(policy: Policy): Map<string, { id: string; rule: LevelRule }> {
  let found = names.get(policy);
  if (!found) {
    found = new Map();
    // In order, first match kept: an earlier level wins a name two levels share.
    for (const [id, rule] of Object.entries(policy.levels)) {
      for (const name of [id, rule.name, ...rule.aliases]) if (!found.has(norm(name))) found.set(norm(name), { id, rule });
    }
    names.set(policy, found);
  }
  return found;
}
