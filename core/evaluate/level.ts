import { resolveLevel } from '../contracts/level';
import type { LevelRule, Policy } from '../policy/schema';
import { EvaluateError } from './error';

type Found = { id: string; rule: LevelRule };

/** The input's level (id, name or alias such as "Silber"), or an error naming the choices. */
export function requireLevel(policy: Policy, level: string | undefined): Found {
  const found = level === undefined ? defaultLevel(policy) : resolveLevel(policy, level);
  if (found) return found;
  const choices = Object.keys(policy.levels).join(', ');
  throw new EvaluateError(
    ['level'],
    level?.trim() ? `unknown level "${level}" for ${policy.id}; one of ${choices}` : `${policy.id} needs a level: one of ${choices}`,
  );
}

/** resolveLevel(policy, undefined), once per policy object: most tickets of a one-level contract name none. */
function defaultLevel(policy: Policy): Found | undefined {
  if (!defaults.has(policy)) defaults.set(policy, resolveLevel(policy, undefined));
  return defaults.get(policy);
}

const defaults = new WeakMap<Policy, Found | undefined>();
