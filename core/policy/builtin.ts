import centron from '../../policies/centron-cloud-gpu.json';
import velostrata12 from '../../policies/velostrata-1.2.json';
import velostrata20 from '../../policies/velostrata-2.0.json';
import velostrata40 from '../../policies/velostrata-4.0.json';
import { Policy } from './schema';

/** The built-in contracts, validated by the same schema as custom policies (a broken file fails loudly). */
export const builtinPolicies: Readonly<Record<string, Policy>> = Object.fromEntries(
  [velostrata12, velostrata20, velostrata40, centron].map((data) => {
    const policy = Policy.parse(data);
    return [policy.id, policy];
  }),
);

/** A policy by id: custom policies (team leads') first, so a team can replace a built-in one. */
export function getPolicy(id: string, customPolicies: readonly Policy[] = []): Policy | undefined {
  // A plain loop: asked twice per ticket of a 500-row list, and a callback allocates on every call.
  for (let i = 0; i < customPolicies.length; i++) if (customPolicies[i]?.id === id) return customPolicies[i];
  return builtinPolicies[id];
}
