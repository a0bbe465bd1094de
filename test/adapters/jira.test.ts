// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jiraAdapter } from '../../entrypoints/overlay.content/adapters/jira';
import { byKey, context, loadFixture } from './fixture';

describe('Jira Service Management', () => {
  it('reads the Cloud issue view, including the text-only created date', () => {
    const [ticket, ...rest] = jiraAdapter.scan(loadFixture('jira/cloud-issue.html'), context);
    expect(rest).toEqual([]);
    expect(ticket?.fields).toEqual({
      id: 'HELP-12',
      subject: '数据库连接超时',
      priorityRaw: 'Highest',
      organisation: 'Longmen Data',
      submitted: '2026-11-15T02:30:00.000+09:00',
      type: 'technical',
      language: 'zh',
    });
    expect(ticket?.anchor.tagName).toBe('H1');
  });

  it('reads the Server/DC issue view from ids and <time datetime> with a basic offset', () => {
    const [ticket] = jiraAdapter.scan(loadFixture('jira/server-issue.html'), context);
    expect(ticket?.fields).toEqual({
      id: 'HELP-7',
      subject: 'VPN down',
      priorityRaw: 'Medium',
      organisation: 'Analytical Engines',
      submitted: '2026-11-15T02:30:00.000+01:00',
      type: 'feature',
    });
    expect(ticket?.missing).toEqual([]);
  });

  it('reads the issue navigator rows keyed by data-issuekey', () => {
    const tickets = byKey(jiraAdapter.scan(loadFixture('jira/navigator.html'), context));
    expect(Object.keys(tickets)).toEqual(['HELP-7', 'HELP-8']);
    expect(tickets['HELP-7']?.fields).toMatchObject({ priorityRaw: 'Medium', organisation: 'Analytical Engines' });
    expect(tickets['HELP-8']?.fields).toMatchObject({ priority: 'P1', language: 'ja', submitted: '2026-11-15T10:00:00.000+09:00' });
    expect(tickets['HELP-8']?.missing).toEqual(['customer']);
    expect(tickets['HELP-8']?.anchor.className).toBe('issuekey');
  });

  it('reads Cloud relative created dates as approximate', () => {
    const page = loadFixture('jira/cloud-issue.html');
    const created = page.querySelector('[data-testid="created-date.ui.read.meta-date"] span') as Element;
    created.textContent = 'Created 2 hours ago';
    const [ticket] = jiraAdapter.scan(page, context);
    expect(ticket?.fields.submittedApproximate).toBe(true);
    expect(Date.parse(ticket?.fields.submitted ?? '')).toBe(Date.parse('2026-11-15T10:00:00Z'));
  });
});
