import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { jiraSearchReader } from '../../entrypoints/overlay.content/api/search/jira';
import { readSearch } from '../../entrypoints/overlay.content/api/search/read-search';
import type { SearchRow } from '../../entrypoints/overlay.content/api/search/types';
import type { ReadContext } from '../../entrypoints/overlay.content/api/types';
import { fakeGet } from './fake-get';

/**
 * The Jira search reader: a list's JQL, paged. Bodies as Atlassian's references show them (the
 * search pages' `startAt`/`total`, Cloud's `nextPageToken`/`isLast`); each page's fields as the
 * Jira API reader reads them (test/fixtures/api/jira, as test/api/jira.test.ts).
 * - https://developer.atlassian.com/server/jira/platform/rest/v10005/api-group-search/
 * - https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
 */
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/api/jira', name), 'utf8'));
const contextAt = (url: string) => ({ doc: new Window({ url }).document, timeZone: 'Asia/Tokyo', now: new Date('2026-11-15T03:00:00Z') }) as unknown as ReadContext;
const JQL = 'project = SUP AND created >= -30d ORDER BY created ASC';
const jqlOf = (path: string) => new URLSearchParams(path.slice(path.indexOf('?') + 1)).get('jql');

function jira() {
  const dc = fixture('search-dc.json');
  return fakeGet((path) => {
    const params = new URLSearchParams(path.slice(path.indexOf('?') + 1));
    if (path === '/rest/api/2/field' || path === '/rest/api/3/field') return { body: fixture('fields.json') };
    if (path.startsWith('/rest/api/2/search?') && jqlOf(path) === JQL) {
      // Jira may answer fewer issues than asked: the next page starts after those it gave.
      const start = Number(params.get('startAt'));
      return { body: { startAt: start, maxResults: 50, total: 2, issues: [{ id: '1', key: start === 0 ? 'SUP-12' : 'SUP-13', fields: { created: '2026-11-15T10:30:00.000+0900' } }] } };
    }
    if (path.startsWith('/rest/api/2/search?')) return { body: dc };
    if (path.startsWith('/rest/api/3/search/jql?') && jqlOf(path) === JQL) {
      return params.get('nextPageToken') === 'CAEaAggD'
        ? { body: { issues: [{ id: '7', key: 'HELP-7' }], isLast: true } }
        : { body: { issues: [], nextPageToken: 'CAEaAggD', isLast: false } };
    }
    if (path.startsWith('/rest/api/3/search/jql?')) return { body: fixture('search-cloud.json') };
    if (path === '/rest/servicedeskapi/request/SUP-12/sla') return { body: fixture('sla-SUP-12.json') };
    if (path === '/rest/servicedeskapi/request/SUP-13/sla') return { body: fixture('sla-SUP-13.json') };
    return undefined;
  });
}

async function collect(url: string) {
  const get = jira();
  const rows: SearchRow[] = [];
  const outcome = await readSearch({ reader: jiraSearchReader, query: JQL, get, context: contextAt(url), onRows: (r) => rows.push(...r) });
  return { get, rows, outcome };
}

describe('Jira search reader', () => {
  it("takes the list's JQL, or a saved filter's id", () => {
    expect(jiraSearchReader.query(new URL(`https://jira.example.com/issues/?jql=${encodeURIComponent(JQL)}`))).toBe(JQL);
    expect(jiraSearchReader.query(new URL('https://jira.example.com/issues/?filter=10400'))).toBe('filter = 10400');
    expect(jiraSearchReader.query(new URL('https://jira.example.com/issues/?filter=-1%20OR%201=1'))).toBeUndefined();
    expect(jiraSearchReader.query(new URL('https://jira.example.com/browse/SUP-12'))).toBeUndefined();
  });

  it('Data Center: pages the JQL by startAt up to its total, each page read as the Jira reader reads issues', async () => {
    const { get, rows, outcome } = await collect('https://jira.example.com/issues/?jql=x');
    const searches = get.requests.filter((r) => jqlOf(r.path) === JQL).map((r) => r.path);
    expect(searches).toEqual([
      `/rest/api/2/search?${new URLSearchParams({ jql: JQL, fields: 'created', maxResults: '50', startAt: '0' })}`,
      `/rest/api/2/search?${new URLSearchParams({ jql: JQL, fields: 'created', maxResults: '50', startAt: '1' })}`,
    ]);
    expect(rows.map((r) => [r.id, r.organisation, r.firstReply])).toEqual([
      ['SUP-12', 'Kaiyo Systems', '2026-11-15T11:45:12+09:00'],
      ['SUP-13', undefined, undefined],
    ]);
    expect(rows[0]).toMatchObject({ submitted: '2026-11-15T10:30:00.000+09:00', priorityRaw: 'High', language: 'ja', status: 'Waiting for support' });
    expect(outcome).toEqual({ read: 2, total: 2, truncated: false });
  });

  it("Cloud: follows nextPageToken until Jira says it is the last page (no total)", async () => {
    const { get, rows, outcome } = await collect('https://acme.atlassian.net/issues/?jql=x');
    const searches = get.requests.filter((r) => jqlOf(r.path) === JQL).map((r) => r.path);
    expect(searches).toEqual([
      `/rest/api/3/search/jql?${new URLSearchParams({ jql: JQL, fields: 'created', maxResults: '50' })}`,
      `/rest/api/3/search/jql?${new URLSearchParams({ jql: JQL, fields: 'created', maxResults: '50', nextPageToken: 'CAEaAggD' })}`,
    ]);
    expect(rows.map((r) => r.id)).toEqual(['HELP-7']);
    expect(outcome).toEqual({ read: 1, total: undefined, truncated: false });
  });
});
