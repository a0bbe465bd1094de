import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createReport, PRESETS, type PresetId, readReportFile, type ReportOptions, sniffFormat } from '../../core/report';
import { Settings } from '../../core/settings/schema';
import { rtSettings } from '../../scripts/rt/data';

/**
 * Each preset's mapping on an export with the helpdesk's real header line (RT's from the local RT 5's
 * Results.tsv; Zendesk's, Jira's and osTicket's from their documented CSV exports), read through the
 * streaming reader into a report; deadlines worked out by hand (1.2 Silver P1 from Friday 16:00 PST:
 * due Sunday 20:00 PDT, 03:00 UTC, across the spring-forward weekend).
 */

const fixture = (name: string) => readFileSync(`test/fixtures/report/${name}`, 'utf8');
const settings = Settings.parse(JSON.parse(fixture('settings.json')));
const NOW = Date.parse('2026-04-01T00:00:00Z');

async function run(file: string, preset: PresetId, options: Partial<ReportOptions> = {}, reportSettings = settings) {
  const text = fixture(file);
  const mapping = PRESETS[preset];
  const report = createReport({
    settings: reportSettings,
    now: NOW,
    adapter: mapping.adapter,
    priorityMap: mapping.priorityMap,
    dateFormats: mapping.dateFormats,
    worst: 100,
    ...options,
  });
  const summary = await readReportFile(text, sniffFormat(text), mapping, report);
  return { summary, result: report.result() };
}

describe('export presets', () => {
  it("RT's Results.tsv: tab-separated, RT's own date format, Requestors, custom fields; Mystery Corp has no contract", async () => {
    const { summary, result } = await run('rt-results.tsv', 'rt', { now: Date.parse('2026-12-04T15:00:00Z') }, Settings.parse(rtSettings('http://127.0.0.1:8085')));
    expect(summary.format).toBe('tsv');
    expect(summary.mapped).toMatchObject({
      id: 'id',
      priority: 'Priority',
      submitted: 'Created',
      requesterEmail: 'Requestors',
      customer: 'CustomField.{Customer}',
      language: 'CustomField.{Language}',
      level: 'CustomField.{Support level}',
    });
    expect(summary.mapped.firstReply).toBeUndefined();
    expect(result.rows).toBe(9);
    expect(result.bad.listed).toEqual([{ row: 10, code: 'unknown-customer', field: 'customer', value: 'Mystery Corp' }]);
    // "Urgent" → P1 by RT's priority names; Gold P1 is 1 h round the clock from 13:43:00 UTC.
    const acme = result.worst.find((w) => w.customer === 'Acme Robotics');
    expect(acme).toMatchObject({ id: '1', priority: 'P1', deadline: '2026-12-04T14:43:00.000Z', state: 'open-late', overdueMinutes: 17 });
    // The Japanese ticket of a Platinum customer goes to the Japan team; the Chinese one of a 2.0 Production contact to China's.
    expect(result.routed.map((t) => [t.language, t.counts.tickets])).toEqual([
      ['ja', 1],
      ['zh', 1],
    ]);
    expect(result.totals.noTargetBy).toEqual({ 'no-response-times': 1 });
  });

  it("RT's \"Not set\" for a date it has not is no first reply, and no submission time — never an unreadable date", async () => {
    const text = 'id\tPriority\tCreated\tFirstReply\tCustomField.{Customer}\n1\tUrgent\tFri Dec 04 13:43:00 2026\tNot set\tAcme Robotics\n2\tUrgent\tNot set\tNot set\tAcme Robotics\n';
    const report = createReport({ settings: Settings.parse(rtSettings('http://127.0.0.1:8085')), now: Date.parse('2026-12-04T15:00:00Z'), adapter: 'rt', priorityMap: PRESETS.rt.priorityMap });
    await readReportFile(text, 'tsv', PRESETS.rt, report);
    const result = report.result();
    expect(result.bad.listed).toEqual([{ row: 3, code: 'missing-submitted', field: 'submitted' }]);
    expect(result.worst).toMatchObject([{ id: '1', state: 'open-late', overdueMinutes: 17 }]);
  });

  it("Zendesk's CSV: times in the site's zone, the first reply from “First reply time in minutes”", async () => {
    const { summary, result } = await run('zendesk-export.csv', 'zendesk');
    expect(summary.format).toBe('csv');
    expect(summary.mapped).toMatchObject({ id: 'Id', submitted: 'Created at', requesterEmail: 'Requester email', firstReplyMinutes: 'First reply time in minutes' });
    expect(result.totals).toMatchObject({ tickets: 3, met: 2, late: 1 });
    // 101: 180 of 240 business minutes; 102: 280 of 240; 103: Gold P2, 120 of 240.
    expect(result.totals.shares).toEqual([0, 1, 1, 0, 1, 0, 0]);
    expect(result.worst).toEqual([expect.objectContaining({ id: '102', deadline: '2026-03-09T03:00:00.000Z', firstReply: '2026-03-09T03:40:00.000Z', overdueMinutes: 40 })]);
    expect(result.bad.listed).toEqual([{ row: 5, code: 'unknown-priority', field: 'priority', value: 'whenever' }]);
  });

  it("Jira's CSV: Jira's date format, the organisation field, a feature request without a target", async () => {
    const { result } = await run('jira-export.csv', 'jira', { inputZone: 'America/Los_Angeles' });
    expect(result.bad.count).toBe(0);
    expect(result.totals).toMatchObject({ tickets: 3, met: 1, openLate: 1, noTarget: 1, noTargetBy: { 'feature-request': 1 } });
    // Gold P3: 480 business minutes from Tuesday 09:00 PDT, due 17:00 PDT.
    expect(result.worst).toEqual([expect.objectContaining({ id: 'SUP-2', priority: 'P3', deadline: '2026-03-11T00:00:00.000Z', state: 'open-late' })]);
  });

  it("osTicket's CSV: the site's priority map wins over the preset's names, and no first-reply column means open", async () => {
    const { summary, result } = await run('osticket-export.csv', 'osticket');
    expect(summary.mapped).toMatchObject({ id: 'Ticket Number', submitted: 'Date Created', requesterEmail: 'From Email', priority: 'Priority' });
    expect(result.totals).toMatchObject({ tickets: 3, openLate: 3 });
    // The site maps "Normal" to P4 (the preset's default would be P3).
    expect(result.groups.map((g) => [g.customer, g.priority])).toEqual([
      ['<img src=x onerror=alert(1)>', 'P2'],
      ['Hoshino Robotics', 'P4'],
      ['Kestrel Bank', 'P1'],
    ]);
    expect(result.worst.find((w) => w.id === '310734')?.deadline).toBe('2026-03-09T03:00:00.000Z');
  });

  it('reads JSON Lines line by line; an unreadable line is a bad row with its line number', async () => {
    const lines = [
      JSON.stringify({ policy: 'velostrata-1.2', level: 'silver', priority: 'P1', submitted: '2026-03-06T16:00:00-08:00', firstReply: '2026-03-09T02:00:00Z' }),
      '',
      '{"policy": "velostrata-1.2", broken',
      JSON.stringify({ policy: 'velostrata-1.2', level: 'gold', priority: 'P1', submitted: '2026-03-07T10:00:00+09:00', language: 'ja', englishAccepted: false }),
    ].join('\r\n');
    expect(sniffFormat(lines)).toBe('jsonl');
    const report = createReport({ now: NOW });
    await readReportFile(lines, 'jsonl', PRESETS.rt, report);
    const result = report.result();
    expect(result.totals).toMatchObject({ tickets: 2, met: 1, openLate: 1 });
    expect(result.bad.listed).toEqual([expect.objectContaining({ row: 3, code: 'bad-syntax' })]);
    expect(result.routed[0]).toMatchObject({ language: 'ja' });
  });
});
