import { DateTime } from 'luxon';
import type { Policy } from './schema';

export interface RoleChange {
  /** Current role (level id), or null when the contact has none yet. */
  from: string | null;
  /** New role, or null when the role is removed. */
  to: string | null;
  /** Date of the change request (yyyy-mm-dd). */
  changeDate: string;
  /** When this contact's role was last changed (yyyy-mm-dd); needed for downgrades. */
  lastChanged?: string;
}

export interface RoleChangeEffect {
  kind: 'upgrade' | 'downgrade' | 'removal' | 'unchanged';
  /** yyyy-mm-dd the change takes effect. */
  effective: string;
  source: string;
}

const DOWNGRADE_DELAY_DAYS = 30;

/**
 * 2.0 §1.2: setting or upgrading a role takes effect at once; a downgrade or removal at the later of
 * the change date and 30 days after the role was last changed.
 */
export function roleChangeEffective(policy: Policy, change: RoleChange): RoleChangeEffect {
  const rank = (role: string | null) => {
    if (role === null) return Number.NEGATIVE_INFINITY;
    const level = policy.levels[role];
    if (!level) throw new Error(`unknown role "${role}" for ${policy.id}`);
    return level.rank;
  };
  const from = rank(change.from);
  const to = rank(change.to);
  if (to === from) return { kind: 'unchanged', effective: change.changeDate, source: '§1.2' };
  if (to > from) return { kind: 'upgrade', effective: change.changeDate, source: '§1.2(a)' };
  const changed = DateTime.fromISO(change.changeDate, { zone: 'UTC' });
  const earliest = change.lastChanged
    ? DateTime.fromISO(change.lastChanged, { zone: 'UTC' }).plus({ days: DOWNGRADE_DELAY_DAYS })
    : changed;
  const effective = DateTime.max(earliest, changed).toISODate() ?? change.changeDate;
  return { kind: change.to === null ? 'removal' : 'downgrade', effective, source: '§1.2(b)' };
}
