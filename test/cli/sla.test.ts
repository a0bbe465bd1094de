import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies, evaluate, type EvaluateInput, type Policy, renderResult } from '../../core';
import { sla } from './run-sla';

/** An evaluate() result as the CLI prints it: notes and explanation in English words. */
const english = (input: EvaluateInput) => renderResult(evaluate(input), 'en');

describe('sla deadline', () => {
  it('prints the deadline in the policy zone and the local zone, time left, notes and the explanation', async () => {
    const { code, out } = await sla(['deadline', '--policy', 'velostrata-1.2', '--level', 'gold', '--priority', 'P1', '--submitted', '2019-07-06T10:00:00+09:00', '--language', 'ja', '--now', '2019-07-08T00:30:00Z']);
    expect(code).toBe(0);
    expect(out).toContain('Mon 2019-07-08 10:00 JST  (Asia/Tokyo)');
    expect(out).toContain('Mon 2019-07-08 03:00 CEST  (local, Europe/Berlin)');
    expect(out).toContain('Time left:  30m');
    expect(out).toContain('[language-routed]');
    expect(out).toMatch(/Explanation:\n {2}1\. Policy:/);
  });

  it('--json prints the evaluate() result with its notes and explanation in words', async () => {
    const args = ['--policy', 'velostrata-4.0', '--priority', 'P3', '--submitted', '2019-11-01T16:00:00-07:00', '--region', 'emea'];
    const { code, out } = await sla(['deadline', ...args, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toEqual(english({ policy: 'velostrata-4.0', priority: 'P3', submitted: '2019-11-01T16:00:00-07:00', region: 'emea' }));
    expect(json.explain).toContain('Level: Standard (§4).');
  });

  it('--lang de and --lang ja write the deadline, notes and explanation in German and Japanese; dates stay in the contract zone', async () => {
    const args = ['deadline', '--policy', 'velostrata-1.2', '--level', 'gold', '--priority', 'P1', '--submitted', '2019-07-06T10:00:00+09:00', '--language', 'ja', '--now', '2019-07-08T00:30:00Z'];
    const de = await sla([...args, '--lang', 'de']);
    expect(de.code).toBe(0);
    expect(de.out).toContain('[language-routed] Weiterleiten an das Team „Japanese-language support team“');
    expect(de.out).toContain('Wenn der Kunde Englisch akzeptiert: 1 Std. 24/7, fällig Sa 2019-07-06 11:00 JST.');
    expect(de.out).toContain('Frist:      Mo 2019-07-08 10:00 JST  (Asia/Tokyo)\n            Mo 2019-07-08 03:00 CEST  (lokal, Europe/Berlin)');
    expect(de.out).toContain('Restzeit:   30 Min.');
    expect(de.out).toMatch(/Erklärung:\n {2}1\. Vertrag: /);
    const ja = await sla([...args, '--lang', 'ja']);
    expect(ja.out).toContain('[deferred-start] Japan business hours (Mon–Fri 09:00–17:00 JST)の時間外に受付。計測は 2019-07-08(月) 09:00 JST に始まります。');
    expect(ja.out).toContain('ルール: P1 → 営業時間で1時間以内に初回応答（§3.3、日本語のリクエスト）。');
    expect(ja.out).toContain('期限:         2019-07-08(月) 10:00 JST  (Asia/Tokyo)');
    const bad = await sla([...args, '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('sla deadline: --lang: one of en, de, ja\n');
  });

  it('names the flag that is wrong', async () => {
    const { code, err } = await sla(['deadline', '--policy', 'velostrata-1.2', '--level', 'gold', '--priority', 'P1', '--submitted', '2019-07-06T10:00:00', '--english-accepted', '--language', 'xx']);
    expect(code).toBe(2);
    expect(err).toMatch(/^sla deadline: --submitted: /);
  });
});

describe('sla batch', () => {
  it('answers every line in order; a bad line gets an error with its path and the rest go on', async () => {
    const good = { policy: 'velostrata-1.2', level: 'silver', priority: 'P2', submitted: '2019-07-05T15:00:00-07:00' };
    const lines = [JSON.stringify(good), '{not json', JSON.stringify({ ...good, priority: 'P9' }), '', JSON.stringify({ ...good, level: 'platinum' })];
    const { code, out } = await sla(['batch'], `${lines.join('\n')}\n`);
    const answers = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(code).toBe(1);
    expect(answers).toHaveLength(4);
    expect(answers[0]).toEqual(english(good as EvaluateInput));
    expect(answers[0].explain[1]).toBe('Level: Silver (§4.1).');
    expect(answers[1].error.message).toMatch(/invalid JSON/);
    expect(answers[2].error).toMatchObject({ path: ['priority'], line: 3 });
    expect(answers[3].target).toMatchObject({ minutes: 240, clock: '24/7' });
  });

  it('--lang ja answers in Japanese', async () => {
    const good = { policy: 'velostrata-1.2', level: 'silver', priority: 'P2', submitted: '2019-07-05T15:00:00-07:00' };
    const { code, out } = await sla(['batch', '--lang', 'ja'], `${JSON.stringify(good)}\n`);
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer).toEqual(renderResult(evaluate(good as EvaluateInput), 'ja'));
    expect(answer.explain[1]).toBe('サポートレベル: Silver（§4.1）。');
  });
});

describe('sla check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-check-'));
  const file = (name: string, data: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
    return path;
  };

  it('accepts the built-in policy files', async () => {
    const { code, out } = await sla(['check', 'policies/velostrata-2.0.json']);
    expect(code).toBe(0);
    expect(out).toContain('valid policy');
  });

  it('reports each problem in a custom policy with its path', async () => {
    const broken = structuredClone(builtinPolicies['velostrata-1.2']) as Policy;
    const goldP2 = broken.levels.gold?.targets.P2;
    const pacific = broken.calendars.pacific;
    if (!goldP2 || !pacific) throw new Error('velostrata-1.2 changed shape');
    goldP2.minutes = 0;
    pacific.timeZone = 'Pacific/Nowhere';
    const { code, out } = await sla(['check', file('broken-policy.json', broken)]);
    expect(code).toBe(1);
    expect(out).toContain('levels.gold.targets.P2.minutes:');
    expect(out).toContain('calendars.pacific.timeZone: an IANA time zone');
  });

  it('checks a settings export', async () => {
    const settings = { version: 1, customers: [{ id: 'c1', name: 'ACME', domains: ['not a domain'], policy: 'velostrata-1.2', level: 'gold' }] };
    const { code, out } = await sla(['check', file('settings.json', settings)]);
    expect(code).toBe(1);
    expect(out).toContain('customers.0.domains.0:');
  });

  it('says when a file is not JSON', async () => {
    const { code, out } = await sla(['check', file('bad.json', '{ nope')]);
    expect(code).toBe(1);
    expect(out).toMatch(/not valid JSON/);
  });
});

describe('sla', () => {
  it('prints the usage for an unknown command, and `sla: …` with exit 1 for an unknown flag', async () => {
    const unknown = await sla(['nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^unknown command "nope"\nusage:/);
    const flag = await sla(['deadline', '--nope']);
    expect(flag.code).toBe(1);
    expect(flag.err).toMatch(/^sla: .*--nope/);
  });

  // The one real process: the bin wires the CLI to stdin, stdout and the exit code. Its work is a
  // Node start with tsx compiling the core (under a second on an idle 2-core machine); 30 s leaves
  // room for a machine at load 10 and still fails a bin that hangs.
  it('runs as a program (`npm run sla`): stdin in, answers out, the exit code back', { timeout: 30_000 }, async () => {
    const good = { policy: 'velostrata-1.2', level: 'silver', priority: 'P2', submitted: '2019-07-05T15:00:00-07:00' };
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'core/cli/bin.ts', 'batch'], { encoding: 'utf8' }, (error, stdout) =>
        error && typeof error.code !== 'number' ? reject(error) : resolve({ code: child.exitCode, stdout }),
      );
      child.stdin?.end(`${JSON.stringify(good)}\n{not json\n`);
    });
    expect(code).toBe(1);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(answers).toEqual([english(good as EvaluateInput), { error: expect.objectContaining({ line: 2, path: [] }) }]);
  });
});
