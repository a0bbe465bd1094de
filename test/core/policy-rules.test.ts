import { describe, expect, it } from 'vitest';
import {
  builtinPolicies,
  classifyRequest,
  contactLimitStatus,
  enterpriseCancellationEffective,
  policyCalendar,
  policyJsonSchema,
  Policy,
  roleChangeEffective,
} from '../../core';
import { readFileSync, readdirSync } from 'node:fs';

const v12 = builtinPolicies['velostrata-1.2'] as Policy;
const v20 = builtinPolicies['velostrata-2.0'] as Policy;

describe('designated-contact limits (1.2 §4.1–§4.3)', () => {
  it.each([
    ['silver', 2, false],
    ['silver', 3, true],
    ['gold', 5, false],
    ['gold', 6, true],
    ['platinum', 500, false],
  ] as const)('%s with %i contacts → exceeded %s', (level, count, exceeded) => {
    expect(contactLimitStatus(v12, level, count)?.exceeded).toBe(exceeded);
  });
});

describe('2.0 role changes (§1.2)', () => {
  it('an upgrade takes effect at once', () => {
    expect(roleChangeEffective(v20, { from: 'development', to: 'production', changeDate: '2026-11-22', lastChanged: '2026-11-20' })).toMatchObject({ kind: 'upgrade', effective: '2026-11-22' });
    expect(roleChangeEffective(v20, { from: null, to: 'basic', changeDate: '2026-11-22' }).kind).toBe('upgrade');
  });
  it('a downgrade waits 30 days after the last change', () => {
    expect(roleChangeEffective(v20, { from: 'production', to: 'development', changeDate: '2026-11-22', lastChanged: '2026-11-10' })).toMatchObject({ kind: 'downgrade', effective: '2026-12-10' });
  });
  it('a downgrade long after the last change takes effect on the change date', () => {
    expect(roleChangeEffective(v20, { from: 'production', to: 'development', changeDate: '2026-11-22', lastChanged: '2026-01-05' }).effective).toBe('2026-11-22');
  });
  it('a removal follows the downgrade rule', () => {
    expect(roleChangeEffective(v20, { from: 'basic', to: null, changeDate: '2026-11-22', lastChanged: '2026-11-21' })).toMatchObject({ kind: 'removal', effective: '2026-12-21' });
  });
});

describe('Enterprise cancellation (2.0 §5.2)', () => {
  const pacific = policyCalendar(v20, 'pacific', undefined, undefined);
  it('takes the business day after the first anniversary when notice comes earlier', () => {
    // Enrolled Thu 2025-11-20 → anniversary Fri 2026-11-20 → next day Sat is closed, Sun has the 17:00 opening.
    expect(enterpriseCancellationEffective(pacific, '2025-11-20', '2026-03-01')).toBe('2026-11-22');
  });
  it('takes the notice date when it is later', () => {
    expect(enterpriseCancellationEffective(pacific, '2024-01-10', '2026-11-23')).toBe('2026-11-23');
  });
});

describe('request classes (1.2 §1.2, §5.15, §5.16)', () => {
  it('service unusable needs most end users out for more than 15 minutes', () => {
    expect(classifyRequest(v12, { majorityCannotUse: true, minutesUnusable: 16 })?.id).toBe('service-unusable');
    expect(classifyRequest(v12, { majorityCannotUse: true, minutesUnusable: 15 })?.id).toBe('standard');
    expect(classifyRequest(v12, { majorityCannotUse: false, minutesUnusable: 120 })?.id).toBe('standard');
    expect(classifyRequest(v12, { featureRequest: true })?.source).toContain('§5.4');
  });
});

describe('policy data', () => {
  it('the 4.0 holiday table has 12 Americas and 10 EMEA dates, all in 2019', () => {
    const holidays = builtinPolicies['velostrata-4.0']?.calendars.pacific?.holidays ?? {};
    expect(holidays.americas).toHaveLength(12);
    expect(holidays.emea).toHaveLength(10);
    expect([...(holidays.americas ?? []), ...(holidays.emea ?? [])].every((d) => d.startsWith('2019-'))).toBe(true);
  });

  it('every target rule cites a section', () => {
    for (const policy of Object.values(builtinPolicies)) {
      for (const level of Object.values(policy.levels)) {
        for (const rule of Object.values(level.targets)) expect(rule?.source).toMatch(/§/);
      }
    }
  });

  it('policies/policy.schema.json is the current JSON Schema (npm run schema regenerates it)', () => {
    const saved = JSON.parse(readFileSync(new URL('../../policies/policy.schema.json', import.meta.url), 'utf8'));
    expect(saved).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });

  it('each policy file names the schema and parses', () => {
    const dir = new URL('../../policies/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'policy.schema.json');
    expect(files).toHaveLength(4);
    for (const file of files) {
      const data = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      expect(data.$schema).toBe('./policy.schema.json');
      expect(Policy.safeParse(data).success).toBe(true);
    }
  });

  it('rejects a custom policy with zod paths', () => {
    const result = Policy.safeParse({ ...v12, levels: { gold: { name: 'Gold', source: '§4', targets: { P1: { minutes: -5, clock: 'sometimes', source: '' } } } } });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['levels.gold.targets.P1.minutes', 'levels.gold.targets.P1.clock', 'levels.gold.targets.P1.source']));
  });
});
