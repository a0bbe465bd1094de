import type { Policy } from './schema';

export interface RequestFacts {
  /** The customer or helpdesk says it is a feature request. */
  featureRequest?: boolean;
  /** Most of the customer's end users cannot access or use the service. */
  majorityCannotUse?: boolean;
  /** For how long they have not been able to (minutes). */
  minutesUnusable?: number;
}

/** 1.2 §1.2 with §5.15/§5.16/§5.4: service unusable, standard request or feature request. */
export function classifyRequest(policy: Policy, facts: RequestFacts) {
  const id = facts.featureRequest
    ? 'feature-request'
    : facts.majorityCannotUse && (facts.minutesUnusable ?? 0) > 15
      ? 'service-unusable'
      : 'standard';
  return policy.requestClasses.find((requestClass) => requestClass.id === id);
}
