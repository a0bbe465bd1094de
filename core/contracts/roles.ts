import { DateTime } from 'luxon';
import { policyCalendar } from '../evaluate/calendars';
import { enterpriseCancellationEffective } from '../policy/enterprise';
import { type RoleChangeEffect, roleChangeEffective } from '../policy/role-changes';
import type { Policy } from '../policy/schema';
import type { Customer, DesignatedContact, Settings } from '../settings/schema';
import { resolveLevel } from './level';

/**
 * The dated rules of the Velostrata 2.0 guidelines applied to what a team lead records: a designated
 * contact's role changes (§1.2) and an Enterprise cancellation notice (§5.2). Dates are calendar
 * days (yyyy-mm-dd) in the zone of the policy's business hours (§7.8: Pacific Time for 2.0).
 */

export interface ScheduledRoleChange extends RoleChangeEffect {
  /** Level ids; null = no role. */
  from: string | null;
  to: string | null;
  /** The day the change was requested (as recorded). */
  requested: string;
}

/** A role as its level id (the settings may name a level by name or alias); null for none or unknown. */
function levelId(policy: Policy, role: string | null | undefined): string | null {
  if (role === null || role === undefined || role === '') return null;
  return resolveLevel(policy, role)?.id ?? null;
}

const schedules = new WeakMap<DesignatedContact, { policy: Policy; changes: ScheduledRoleChange[] }>();

/**
 * A contact's recorded role changes with the day each takes effect, in the order recorded by date.
 * §1.2(a): setting or upgrading a role takes effect on the day of the change. §1.2(b): a downgrade or
 * removal takes effect at the later of its date and 30 days after the role was last changed — the
 * day the previous change took effect, or the contact's `roleChanged` before the first.
 * Settings are replaced, never changed, so the schedule is kept per contact object.
 */
export function roleSchedule(policy: Policy, contact: DesignatedContact): ScheduledRoleChange[] {
  const known = schedules.get(contact);
  if (known && known.policy === policy) return known.changes;
  const changes: ScheduledRoleChange[] = [];
  let role = levelId(policy, contact.role);
  let lastChanged = contact.roleChanged;
  const recorded = [...(contact.roleChanges ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const change of recorded) {
    const to = levelId(policy, change.role);
    // An unknown role is refused when the settings are saved; a stored one is skipped, not guessed.
    if (change.role !== undefined && to === null) continue;
    const effect = roleChangeEffective(policy, { from: role, to, changeDate: change.date, lastChanged });
    changes.push({ ...effect, from: role, to, requested: change.date });
    if (effect.kind !== 'unchanged') lastChanged = effect.effective;
    role = to;
  }
  schedules.set(contact, { policy, changes });
  return changes;
}

/**
 * The contact's role on `day` (yyyy-mm-dd): the latest recorded change in force by then, else the
 * role as first recorded. Null when the role was removed (or never set): the customer's default
 * level or role then applies. A later change supersedes an earlier one still waiting (an upgrade
 * recorded while a downgrade waits out its 30 days).
 */
export function roleOn(policy: Policy, contact: DesignatedContact, day: string): string | null {
  let role: string | null = levelId(policy, contact.role) ?? (contact.role || null);
  for (const change of roleSchedule(policy, contact)) if (change.effective <= day) role = change.to;
  return role;
}

/** Changes recorded but not yet in force on `day`. */
export function pendingRoleChanges(policy: Policy, contact: DesignatedContact, day: string): ScheduledRoleChange[] {
  return roleSchedule(policy, contact).filter((change) => change.effective > day && change.kind !== 'unchanged');
}

/** The zone the policy's business hours are in (§7.8 for 2.0); UTC for a policy without any. */
export function policyDayZone(policy: Policy): string {
  const main = policy.calendar ? policy.calendars[policy.calendar] : Object.values(policy.calendars)[0];
  return main?.timeZone ?? 'UTC';
}

/** The calendar day of an instant in the policy's zone. */
export function dayOf(policy: Policy, instant: string | number): string {
  const dt = typeof instant === 'number' ? DateTime.fromMillis(instant) : DateTime.fromISO(instant, { setZone: true });
  return dt.setZone(policyDayZone(policy)).toISODate() ?? '';
}

/** Whether a level is the Enterprise-only one (2.0 §5.1(a): "Geschäftskritisch" needs Enterprise support). */
export function isEnterpriseLevel(policy: Policy, id: string | null): boolean {
  const rule = id ? policy.levels[id] : undefined;
  return !!rule?.aliases?.some((alias) => alias.toLowerCase() === 'enterprise');
}

/** Whether a policy offers Enterprise support (a level only Enterprise customers get, 2.0 §5.1). */
export function offersEnterprise(policy: Policy): boolean {
  return Object.keys(policy.levels).some((id) => isEnterpriseLevel(policy, id));
}

/**
 * The day an Enterprise cancellation takes effect (§5.2): the later of the notice and the business
 * day after the first anniversary of enrolment. A business day is a day with business hours (§7.2,
 * §7.8) in the policy's main calendar with the holidays of the customer's region. Undefined without
 * an enrolment and a notice, or for a policy without business hours.
 */
export function enterpriseEnd(
  policy: Policy,
  customer: Pick<Customer, 'enterprise' | 'region'>,
  settings: Pick<Settings, 'holidays'>,
): string | undefined {
  const enterprise = customer.enterprise;
  if (!enterprise?.notice || !policy.calendar) return undefined;
  const region = customer.region ?? policy.defaultRegion;
  const list = region ? settings.holidays[region] : undefined;
  const extra = list ? { [list.calendar]: list.dates.map((d) => d.date) } : undefined;
  const calendar = policyCalendar(policy, policy.calendar, region, extra);
  return enterpriseCancellationEffective(calendar, enterprise.enrolled, enterprise.notice);
}

/** What is still to come for a customer on `day`: role changes not yet in force and an Enterprise end. */
export interface PendingChanges {
  roles: Array<ScheduledRoleChange & { address: string }>;
  enterpriseEnds?: string;
}

export function pendingChanges(
  policy: Policy,
  customer: Customer,
  settings: Pick<Settings, 'holidays'>,
  day: string,
): PendingChanges {
  const roles = customer.contacts.flatMap((contact) =>
    pendingRoleChanges(policy, contact, day).map((change) => ({ ...change, address: contact.address })),
  );
  const end = enterpriseEnd(policy, customer, settings);
  return end !== undefined && end > day ? { roles, enterpriseEnds: end } : { roles };
}
