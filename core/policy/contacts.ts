import type { Policy } from './schema';

export interface ContactLimitStatus {
  /** null = unlimited. */
  limit: number | null;
  count: number;
  exceeded: boolean;
  source: string;
}

/** Designated contacts against the level's limit (1.2: Silver 2, Gold 5, Platinum unlimited — §4.1–§4.3). */
export function contactLimitStatus(policy: Policy, levelId: string, count: number): ContactLimitStatus | undefined {
  const level = policy.levels[levelId];
  if (!level) return undefined;
  const limit = level.contactLimit;
  return { limit, count, exceeded: limit !== null && count > limit, source: level.source };
}
