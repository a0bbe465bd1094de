import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sla } from './run-sla';

/** `sla report`: exit codes, the CSV and HTML files parsed back, and the deadlines behind the counts against `sla batch`. */

const dir = mkdtempSync(join(tmpdir(), 'sla-report-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const FIXTURES = 'test/fixtures/report';
const SETTINGS = `${FIXTURES}/settings.json`;

describe('sla report', () => {
  it('exits 0 when every row is evaluated, and prints the summary in the chosen language', async () => {
    const path = file('ok.jsonl', `${JSON.stringify({ policy: 'velostrata-1.2', level: 'silver', priority: 'P1', submitted: '2026-03-06T16:00:00-08:00', firstReply: '2026-03-09T02:00:00Z' })}\n`);
    const { code, out } = await sla(['report', path, '--now', '2026-04-01T00:00:00Z', '--lang', 'de']);
    expect(code).toBe(0);
    expect(out).toContain('SLA-Bericht');
    expect(out).toContain('Alle Zeilen konnten ausgewertet werden.');
    expect(out).toMatch(/Gesamt\s+1\s+1\s+0\s+0\s+0\s+0\s+100,0 %/);
  });

  it('exits 1 when rows are bad, and still writes the CSV and HTML (parsed back here; data texts escaped)', async () => {
    const csv = join(dir, 'out.csv');
    const html = join(dir, 'out.html');
    const { code, out } = await sla(['report', `${FIXTURES}/osticket-export.csv`, '--settings', SETTINGS, '--preset', 'osticket', '--now', '2026-04-01T00:00:00Z', '--csv', csv, '--html', html]);
    expect(code).toBe(0);
    expect(out).toContain('Open, past deadline');

    // Deadlines read in the report's zone: Kestrel's P1 is due Sunday 20:00 PDT, the night the clocks went forward.
    const pacific = await sla(['report', `${FIXTURES}/zendesk-export.csv`, '--settings', SETTINGS, '--preset', 'zendesk', '--now', '2026-04-01T00:00:00Z', '--zone', 'America/Los_Angeles']);
    expect(pacific.out).toMatch(/102 +Kestrel Bank +P1 +2026-03-08 20:00 PDT +2026-03-08 20:40 PDT +40m/);

    const bad = await sla(['report', `${FIXTURES}/zendesk-export.csv`, '--settings', SETTINGS, '--preset', 'zendesk', '--now', '2026-04-01T00:00:00Z', '--csv', csv, '--html', html, '--lang', 'ja']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('行 5: 優先度「whenever」が P1～P4 に対応付けられていません');

    const table = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), { header: true, skipEmptyLines: true });
    expect(table.errors).toEqual([]);
    expect(table.data).toEqual([
      expect.objectContaining({ 月: '2026-03', 顧客: 'Hoshino Robotics', 優先度: 'P2', チケット数: '1', 期限内: '1', 遵守率: '100.0' }),
      expect.objectContaining({ 月: '2026-03', 顧客: 'Kestrel Bank', 優先度: 'P1', チケット数: '2', 期限内: '1', 期限超過: '1', 遵守率: '50.0' }),
    ]);

    const page = new DOMParser().parseFromString(readFileSync(html, 'utf8'), 'text/html');
    expect(page.documentElement.getAttribute('lang')).toBe('ja');
    // Self-contained: nothing loaded from anywhere, a print stylesheet inline.
    expect(page.querySelectorAll('[src], link, iframe, object').length).toBe(0);
    expect(page.querySelector('style')?.textContent).toContain('@media print');
    expect(page.querySelectorAll('svg').length).toBe(2);
    expect(page.querySelectorAll('svg rect').length).toBe(1 + 7);
    const rows = [...page.querySelectorAll('table.sortable tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['2026-03', 'Hoshino Robotics', 'Velostrata 1.2 — Silver / Gold / Platinum support', 'Gold', 'P2', '1', '1', '0', '0', '0', '0', '100.0%'],
      ['2026-03', 'Kestrel Bank', 'Velostrata 1.2 — Silver / Gold / Platinum support', 'Silver', 'P1', '2', '1', '1', '0', '0', '0', '50.0%'],
    ]);
    expect(page.body.textContent).toContain('優先度「whenever」');
    // The worst miss is explained (its steps are composed when the file is written).
    expect(page.querySelectorAll('ol.explain li').length).toBeGreaterThan(3);
  });

  it('numbers the bad lines of JSON Lines as lines', async () => {
    const path = file('bad.jsonl', '{"policy":"velostrata-4.0","priority":"P2","submitted":"2026-03-02T10:00:00Z"}\n{"policy":\n');
    const { code, out } = await sla(['report', path, '--now', '2026-04-01T00:00:00Z']);
    expect(code).toBe(1);
    expect(out).toMatch(/^ {2}Line 2: the row cannot be read \(/m);
  });

  it('escapes every text from the data: a customer named <img …> and a subject with a script stay text', async () => {
    const html = join(dir, 'evil.html');
    const { code } = await sla(['report', `${FIXTURES}/osticket-export.csv`, '--settings', SETTINGS, '--preset', 'osticket', '--now', '2026-04-01T00:00:00Z', '--html', html]);
    expect(code).toBe(0);
    const text = readFileSync(html, 'utf8');
    const page = new DOMParser().parseFromString(text, 'text/html');
    expect(page.querySelectorAll('img').length).toBe(0);
    // The one script is the report's own table sorter.
    expect(page.querySelectorAll('script').length).toBe(1);
    expect(page.querySelector('script')?.textContent).not.toContain('alert');
    expect([...page.querySelectorAll('td')].map((td) => td.textContent)).toEqual(expect.arrayContaining(['<img src=x onerror=alert(1)>', '274574 — <script>alert(1)</script>']));
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('exits 2 for a usage error, a missing file, an export without a submission column, and invalid settings (naming the line)', async () => {
    expect((await sla(['report'])).code).toBe(2);
    const flag = await sla(['report', `${FIXTURES}/jira-export.csv`, '--from', '2026-13-01']);
    expect(flag).toMatchObject({ code: 2, err: expect.stringContaining('--from: "2026-13-01" is not a day') });
    const missing = await sla(['report', join(dir, 'nope.csv')]);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('nope.csv') });
    const noColumn = await sla(['report', file('cols.csv', 'when,what\n2026-03-06,x\n')]);
    expect(noColumn).toMatchObject({ code: 2, err: expect.stringContaining('row 1: no column for submitted') });
    const settings = file('bad-settings.json', '{\n  "version": 1,\n  "customers": [\n    { "id": "a", "name": "A", "policy": "velostrata-1.2", "level": "bronze" }\n  ]\n}\n');
    const invalid = await sla(['report', `${FIXTURES}/jira-export.csv`, '--settings', settings]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/bad-settings\.json: line 4: customers\.0\.level: /);
  });

  it('counts by the same deadlines as sla batch for the same inputs', async () => {
    const inputs = [
      { policy: 'velostrata-1.2', level: 'silver', priority: 'P1', submitted: '2026-03-06T16:00:00-08:00' },
      { policy: 'velostrata-1.2', level: 'gold', priority: 'P1', submitted: '2026-03-07T10:00:00+09:00', language: 'ja' },
      { policy: 'velostrata-1.2', level: 'platinum', priority: 'P2', submitted: '2026-10-25T01:30:00+01:00', language: 'ko' },
      { policy: 'velostrata-2.0', level: 'production', priority: 'P3', submitted: '2026-11-01T01:30:00-07:00', language: 'zh' },
      { policy: 'velostrata-4.0', region: 'emea', priority: 'P2', submitted: '2026-03-27T16:30:00-07:00' },
      { policy: 'velostrata-4.0', priority: 'P4', submitted: '2026-12-24T16:59:00-08:00' },
    ];
    const jsonl = `${inputs.map((i) => JSON.stringify(i)).join('\n')}\n`;
    const batch = (await sla(['batch'], jsonl)).out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).target.deadline);
    // Judged long after every deadline, unanswered: each ticket is a miss, listed with its deadline (--html has them all).
    const html = join(dir, 'batch.html');
    const report = await sla(['report', file('batch.jsonl', jsonl), '--now', '2030-01-01T00:00:00Z', '--html', html]);
    expect(report.code).toBe(0);
    const page = new DOMParser().parseFromString(readFileSync(html, 'utf8'), 'text/html');
    const worst = [...page.querySelectorAll('h2')].find((h) => h.textContent === 'Worst misses')?.nextElementSibling;
    const deadlines = [...(worst?.querySelectorAll('tbody tr') ?? [])]
      .map((tr) => [Number(tr.querySelector('td')?.textContent), tr.querySelector('time')?.getAttribute('datetime')] as const)
      .sort(([a], [b]) => a - b)
      .map(([, deadline]) => deadline);
    expect(deadlines).toEqual(batch);
  });
});
