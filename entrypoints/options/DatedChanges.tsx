import { i18n } from '#i18n';
import { Field } from '@/components/Field';
import { formatDay } from '@/components/format';
import { resolveLevel } from '@/core/contracts/level';
import { dayOf, enterpriseEnd, pendingChanges, roleOn, roleSchedule, type ScheduledRoleChange } from '@/core/contracts/roles';
import type { Policy } from '@/core/policy/schema';
import type { Customer, DesignatedContact, Settings } from '@/core/settings/schema';

/**
 * The 2.0 rules that depend on dates, where a team lead records them: a designated contact's role
 * changes with the day each takes effect (§1.2), and Enterprise enrolment and cancellation notice
 * with the day support ends (§5.2). The days are computed by core/contracts/roles.ts.
 */

/** A recorded change as the form edits it: `role` "" removes the role. */
export interface RoleChangeDraft {
  date: string;
  role: string;
}

const levelName = (policy: Policy, id: string | null) =>
  id ? (policy.levels[id]?.name ?? id) : i18n.t('options.dated.noRole');

/** What a scheduled change means, in words: when it takes effect and by which rule. */
export function effectText(policy: Policy, change: ScheduledRoleChange): string {
  const day = formatDay(change.effective);
  const source = `${policy.document} ${change.source}`;
  switch (change.kind) {
    case 'upgrade':
      return i18n.t('options.dated.upgrade', [day, source]);
    case 'downgrade':
      return i18n.t('options.dated.downgrade', [day, source]);
    case 'removal':
      return i18n.t('options.dated.removal', [day, source]);
    default:
      return i18n.t('options.dated.unchanged');
  }
}

export function RoleChanges({
  n,
  policy,
  contact,
  changes,
  errorAt,
  onChange,
}: {
  /** The contact's number in the form (1-based). */
  n: number;
  policy: Policy | undefined;
  /** The contact as it would be saved (for the schedule), when it parses. */
  contact: DesignatedContact | undefined;
  changes: RoleChangeDraft[];
  errorAt: (field: string) => string | undefined;
  onChange: (changes: RoleChangeDraft[]) => void;
}) {
  const levels = policy ? Object.entries(policy.levels) : [];
  const schedule = policy && contact ? roleSchedule(policy, contact) : [];
  const today = policy ? dayOf(policy, Date.now()) : '';
  const set = (k: number, patch: Partial<RoleChangeDraft>) => onChange(changes.map((c, j) => (j === k ? { ...c, ...patch } : c)));
  const effectOf = (change: RoleChangeDraft) => {
    const to = change.role && policy ? (resolveLevel(policy, change.role)?.id ?? undefined) : null;
    return schedule.find((s) => s.requested === change.date && s.to === to);
  };
  return (
    <fieldset className="role-changes">
      <legend>{i18n.t('options.dated.roleChanges', [String(n)])}</legend>
      {policy && contact && (changes.length > 0 || contact.role) && (
        <p className="hint">{i18n.t('options.dated.inForce', [levelName(policy, roleOn(policy, contact, today))])}</p>
      )}
      {changes.map((change, k) => {
        const effect = effectOf(change);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity.
          <div className="row" key={k}>
            <Field label={i18n.t('options.dated.changeRole', [String(n), String(k + 1)])} error={errorAt(`roleChanges.${k}.role`)}>
              {(c) => (
                <select {...c} value={change.role} onChange={(e) => set(k, { role: e.target.value })}>
                  <option value="">{i18n.t('options.dated.removeRole')}</option>
                  {levels.map(([id, rule]) => (
                    <option key={id} value={id}>
                      {rule.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={i18n.t('options.dated.changeDate', [String(n), String(k + 1)])}
              error={errorAt(`roleChanges.${k}.date`)}
              hint={effect && policy ? effectText(policy, effect) : undefined}
            >
              {(c) => <input {...c} type="date" value={change.date} onChange={(e) => set(k, { date: e.target.value })} />}
            </Field>
            <button type="button" className="link" onClick={() => onChange(changes.filter((_, j) => j !== k))}>
              {i18n.t('options.dated.removeChange', [String(n), String(k + 1)])}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...changes, { date: today, role: levels[0]?.[0] ?? '' }])}>
        {i18n.t('options.dated.addChange', [String(n)])}
      </button>
    </fieldset>
  );
}

export function EnterpriseFields({
  policy,
  customer,
  settings,
  enrolled,
  notice,
  errorAt,
  onChange,
}: {
  policy: Policy | undefined;
  /** The customer as it would be saved, when it parses. */
  customer: Customer | undefined;
  settings: Pick<Settings, 'holidays'>;
  enrolled: string;
  notice: string;
  errorAt: (field: string) => string | undefined;
  onChange: (patch: { enrolled?: string; notice?: string }) => void;
}) {
  const end = policy && customer ? enterpriseEnd(policy, customer, settings) : undefined;
  const today = policy ? dayOf(policy, Date.now()) : '';
  const source = policy ? `${policy.document} §5.2, §7.2` : '§5.2';
  return (
    <fieldset>
      <legend>{i18n.t('options.dated.enterprise')}</legend>
      <div className="row">
        <Field label={i18n.t('options.dated.enterpriseEnrolled')} error={errorAt('enterprise.enrolled')}>
          {(c) => <input {...c} type="date" value={enrolled} onChange={(e) => onChange({ enrolled: e.target.value })} />}
        </Field>
        <Field label={i18n.t('options.dated.enterpriseNotice')} error={errorAt('enterprise.notice')}>
          {(c) => <input {...c} type="date" value={notice} onChange={(e) => onChange({ notice: e.target.value })} />}
        </Field>
      </div>
      {end && (
        <p className="hint" data-testid="enterprise-end">
          {end > today
            ? i18n.t('options.dated.enterpriseEnds', [formatDay(end), source])
            : i18n.t('options.dated.enterpriseEnded', [formatDay(end), source])}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The contract list's warnings for changes still to come (2.0 §1.2, §5.2): each role change not yet
 * in force and an Enterprise end ahead, so nobody is surprised by a badge that changes on its own.
 */
export function pendingWarnings(
  policy: Policy | undefined,
  customer: Customer,
  settings: Pick<Settings, 'holidays'>,
  now = Date.now(),
): Array<{ code: string; message: string }> {
  if (!policy) return [];
  const hasDates = customer.enterprise?.notice || customer.contacts.some((c) => c.roleChanges?.length);
  if (!hasDates) return [];
  const pending = pendingChanges(policy, customer, settings, dayOf(policy, now));
  const warnings = pending.roles.map((change, i) => ({
    code: `pending-role-${i}`,
    message: i18n.t('options.dated.pendingRole', [
      change.address,
      levelName(policy, change.from),
      levelName(policy, change.to),
      formatDay(change.effective),
      `${policy.document} ${change.source}`,
    ]),
  }));
  if (pending.enterpriseEnds) {
    warnings.push({
      code: 'pending-enterprise',
      message: i18n.t('options.dated.pendingEnterprise', [formatDay(pending.enterpriseEnds), `${policy.document} §5.2`]),
    });
  }
  return warnings;
}
