import type { LevelRule, Policy } from '../policy/schema';

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * A policy's level by id, name or alias, case-insensitive ("Silber", "gold", "Business-critical");
 * the policy's default level when none is named. Undefined when the policy has no such level.
 */
export function resolveLevel(policy: Policy, level: string | undefined): { id: string; rule: LevelRule } | undefined {
  if (level === undefined || level.trim() === '') {
    const id = policy.defaultLevel;
    const rule = id ? policy.levels[id] : undefined;
    return id && rule ? { id, rule } : undefined;
  }
  const wanted = norm(level);
  for (const [id, rule] of Object.entries(policy.levels)) {
    if (norm(id) === wanted || norm(rule.name) === wanted || rule.aliases.some((a) => norm(a) === wanted)) {
      return { id, rule };
    }
  }
  return undefined;
}
