import { resolveLevel } from '../contracts/level';
import type { LevelRule, Policy } from '../policy/schema';
import { EvaluateError } from './error';

/** The input's level (id, name or alias such as "Silber"), or an error naming the choices. */
export function requireLevel(policy: Policy, level: string | undefined): { id: string; rule: LevelRule } {
  const found = resolveLevel(policy, level);
  if (found) return found;
  const choices = Object.keys(policy.levels).join(', ');
  throw new EvaluateError(
    ['level'],
    level?.trim() ? `unknown level "${level}" for ${policy.id}; one of ${choices}` : `${policy.id} needs a level: one of ${choices}`,
  );
}
