import { describe, expect, it } from 'vitest';
import { toEvaluateInput } from '../../core/contracts/lookup';
import { enterpriseEnd, pendingChanges, roleOn, roleSchedule } from '../../core/contracts/roles';
import { getPolicy } from '../../core/policy/builtin';
import type { Policy } from '../../core/policy/schema';
import { Customer, type DesignatedContact } from '../../core/settings/schema';

/** Velostrata 2.0 §1.2 (role changes) and §5.2 (Enterprise cancellation) applied to recorded dates. */

const v20 = getPolicy('velostrata-2.0') as Policy;
const settings = { customPolicies: [], holidays: {} };

const customer = (over: Partial<Customer> = {}): Customer =>
  Customer.parse({ id: 'hoshino', name: 'Hoshino Robotics', policy: 'velostrata-2.0', level: 'development', ...over });

describe('role changes (2.0 §1.2)', () => {
  const downgraded: DesignatedContact = {
    address: 'aiko@hoshino.example',
    role: 'production',
    roleChanged: '2025-01-01',
    roleChanges: [{ date: '2025-01-10', role: 'development' }],
  };

  it('puts a downgrade off to 30 days after the last change, an upgrade in force on its day', () => {
    expect(roleSchedule(v20, downgraded)).toEqual([
      expect.objectContaining({ kind: 'downgrade', from: 'production', to: 'development', requested: '2025-01-10', effective: '2025-01-31', source: '§1.2(b)' }),
    ]);
    const upgraded: DesignatedContact = { address: 'ken@hoshino.example', role: 'development', roleChanges: [{ date: '2025-03-05', role: 'Produktion' }] };
    expect(roleSchedule(v20, upgraded)).toEqual([expect.objectContaining({ kind: 'upgrade', to: 'production', effective: '2025-03-05', source: '§1.2(a)' })]);
  });

  it('takes a downgrade requested more than 30 days after the last change on its own day', () => {
    const late: DesignatedContact = { ...downgraded, roleChanges: [{ date: '2025-02-20', role: 'development' }] };
    expect(roleSchedule(v20, late)[0]?.effective).toBe('2025-02-20');
  });

  it('counts the 30 days of a second change from the day the first took effect; a removal leaves no role', () => {
    const chain: DesignatedContact = {
      address: 'mei@hoshino.example',
      role: 'business-critical',
      roleChanged: '2024-12-01',
      roleChanges: [
        { date: '2025-01-05', role: 'production' },
        { date: '2025-01-06' },
      ],
    };
    const [first, second] = roleSchedule(v20, chain);
    expect(first).toMatchObject({ kind: 'downgrade', effective: '2025-01-05' });
    expect(second).toMatchObject({ kind: 'removal', from: 'production', to: null, effective: '2025-02-04' });
    expect(roleOn(v20, chain, '2025-01-04')).toBe('business-critical');
    expect(roleOn(v20, chain, '2025-01-05')).toBe('production');
    expect(roleOn(v20, chain, '2025-02-03')).toBe('production');
    expect(roleOn(v20, chain, '2025-02-04')).toBeNull();
  });

  it('gives a badge the role in force on the day the ticket was submitted, in Pacific Time (§7.8)', () => {
    const c = customer({ contacts: [downgraded] });
    const ticket = (submitted: string) => ({ id: '1', requesterEmail: 'Aiko <aiko@hoshino.example>', submitted });
    // 2025-01-31 07:30 UTC is still 30 January in Los Angeles: the downgrade is not in force yet.
    const before = toEvaluateInput(settings, c, ticket('2025-01-31T07:30:00Z'), 'P1');
    expect(before.input.level).toBe('production');
    expect(before.warnings.map((w) => w.code)).toContain('role-change-pending');
    expect(before.warnings.find((w) => w.code === 'role-change-pending')?.message).toContain('on 2025-01-31');
    const after = toEvaluateInput(settings, c, ticket('2025-01-31T08:30:00Z'), 'P1');
    expect(after.input.level).toBe('development');
    expect(after.warnings.map((w) => w.code)).not.toContain('role-change-pending');
  });

  it('falls back to the customer’s default role once a contact’s role is removed', () => {
    const removed: DesignatedContact = { address: 'aiko@hoshino.example', role: 'production', roleChanges: [{ date: '2025-01-10' }] };
    const c = customer({ level: 'basic', contacts: [removed] });
    const { input } = toEvaluateInput(settings, c, { id: '1', requesterEmail: 'aiko@hoshino.example', submitted: '2025-01-11T18:00:00Z' }, 'P2');
    expect(input.level).toBe('basic');
  });

  it('lists the changes still to come on a day', () => {
    const c = customer({ contacts: [downgraded, { address: 'ken@hoshino.example', role: 'production' }] });
    expect(pendingChanges(v20, c, settings, '2025-01-20')).toEqual({
      roles: [expect.objectContaining({ address: 'aiko@hoshino.example', to: 'development', effective: '2025-01-31' })],
    });
    expect(pendingChanges(v20, c, settings, '2025-01-31')).toEqual({ roles: [] });
  });
});

describe('Enterprise cancellation (2.0 §5.2)', () => {
  it('ends on the business day after the first anniversary when the notice comes earlier', () => {
    // Anniversary Friday 2025-03-14; Saturday has no business hours, Sunday opens at 17:00 (§7.8).
    expect(enterpriseEnd(v20, { enterprise: { enrolled: '2024-03-14', notice: '2025-01-10' } }, settings)).toBe('2025-03-16');
    // Anniversary Saturday 2025-03-15: the day after is that Sunday.
    expect(enterpriseEnd(v20, { enterprise: { enrolled: '2024-03-15', notice: '2025-01-10' } }, settings)).toBe('2025-03-16');
  });

  it('ends on the notice day when it comes after the anniversary, and not at all without a notice', () => {
    expect(enterpriseEnd(v20, { enterprise: { enrolled: '2024-03-14', notice: '2025-06-02' } }, settings)).toBe('2025-06-02');
    expect(enterpriseEnd(v20, { enterprise: { enrolled: '2024-03-14' } }, settings)).toBeUndefined();
  });

  it('skips the customer region’s holidays (§7.8: business hours exclude local holidays)', () => {
    const holidays = { 'us-team': { name: 'US team', calendar: 'pacific', dates: [{ date: '2025-03-16', name: 'Team day' }] } };
    expect(enterpriseEnd(v20, { region: 'us-team', enterprise: { enrolled: '2024-03-14', notice: '2025-01-10' } }, { holidays })).toBe('2025-03-17');
  });

  it('warns on a Business-critical ticket after Enterprise ended, and lists the end while it is pending', () => {
    const c = customer({
      enterprise: { enrolled: '2024-03-14', notice: '2025-01-10' },
      contacts: [{ address: 'aiko@hoshino.example', role: 'business-critical' }],
    });
    const ticket = (submitted: string) => ({ id: '1', requesterEmail: 'aiko@hoshino.example', submitted });
    expect(toEvaluateInput(settings, c, ticket('2025-03-10T18:00:00Z'), 'P1').warnings.map((w) => w.code)).not.toContain('enterprise-ended');
    const late = toEvaluateInput(settings, c, ticket('2025-03-17T18:00:00Z'), 'P1');
    expect(late.warnings.find((w) => w.code === 'enterprise-ended')?.message).toContain('ended on 2025-03-16');
    expect(pendingChanges(v20, c, settings, '2025-03-01').enterpriseEnds).toBe('2025-03-16');
    expect(pendingChanges(v20, c, settings, '2025-03-16').enterpriseEnds).toBeUndefined();
  });
});
