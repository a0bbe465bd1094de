import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { jiraReader } from '../../entrypoints/overlay.content/api/jira';
import type { ApiError, ReadContext } from '../../entrypoints/overlay.content/api/types';
import { type FakeResponse, fakeGet } from './fake-get';

/**
 * Bodies reproduced from Atlassian's REST references:
 * - fields.json: Get fields, https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get
 *   (JSM's custom field types: Organizations, Customer Request Type, Request language)
 * - search-dc.json: Data Center search, https://developer.atlassian.com/server/jira/platform/rest/v10005/api-group-search/
 * - search-cloud.json: Cloud enhanced search, https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
 *   (description in ADF: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/)
 * - sla-*.json: Get SLA information, https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
 * - errors: {"errorMessages": […], "errors": {}} as the references show them; 429 with Retry-After
 *   (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/)
 */
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/api/jira', name), 'utf8'));
const contextAt = (url: string) => ({ doc: new Window({ url }).document, timeZone: 'Asia/Tokyo', now: new Date('2026-11-15T03:00:00Z') }) as unknown as ReadContext;
const dataCenter = contextAt('https://jira.example.com/browse/SUP-12');
const cloud = contextAt('https://acme.atlassian.net/browse/HELP-7');
const refs = (...keys: string[]) => keys.map((key) => ({ key }));
const FIELDS = 'created,updated,priority,status,reporter,summary,description,issuetype,customfield_10002,customfield_10010,customfield_10041';

function jira(extra: (path: string) => FakeResponse | undefined = () => undefined) {
  return fakeGet((path) => {
    const answer = extra(path);
    if (answer) return answer;
    if (path === '/rest/api/2/field' || path === '/rest/api/3/field') return { body: fixture('fields.json') };
    if (path.startsWith('/rest/api/2/search?')) return { body: fixture('search-dc.json') };
    if (path.startsWith('/rest/api/3/search/jql?')) return { body: fixture('search-cloud.json') };
    if (path === '/rest/servicedeskapi/request/SUP-12/sla') return { body: fixture('sla-SUP-12.json') };
    if (path === '/rest/servicedeskapi/request/SUP-13/sla') return { body: fixture('sla-SUP-13.json') };
    return undefined;
  });
}

describe('Jira reader, Data Center', () => {
  it('searches the batch in one JQL GET, then asks JSM for each request\'s SLA', async () => {
    const get = jira();
    const result = await jiraReader.read(refs('SUP-12', 'SUP-13', 'SUP-99'), get, dataCenter);
    expect(get.requests.map((request) => request.path)).toEqual([
      '/rest/api/2/field',
      `/rest/api/2/search?jql=${encodeURIComponent('key in (SUP-12,SUP-13,SUP-99)')}&fields=${FIELDS}&maxResults=3&validateQuery=false`,
      '/rest/servicedeskapi/request/SUP-12/sla',
      '/rest/servicedeskapi/request/SUP-13/sla',
    ]);
    expect(result.get('SUP-12')).toEqual({
      fields: {
        submitted: '2026-11-15T10:30:00.000+09:00',
        priorityRaw: 'High',
        requesterEmail: 'hanako.sato@kaiyo.example',
        organisation: 'Kaiyo Systems',
        subject: 'VPN drops every hour',
        language: 'ja',
        type: 'technical',
        firstReply: '2026-11-15T11:45:12+09:00',
      },
      status: 'Waiting for support',
      helpdeskDeadline: { deadline: '2026-11-15T12:30:00+09:00', name: 'JSM SLA: Time to first response', achieved: true },
      updated: '2026-11-15T11:45:12.000+09:00',
    });
    expect(result.get('SUP-13')).toEqual({
      fields: {
        submitted: '2026-11-15T12:00:00.000+09:00',
        priorityRaw: 'Medium',
        requesterEmail: 'jo@bloggs.example',
        subject: 'Invoice for October',
        type: 'billing',
      },
      status: 'Waiting for support',
      helpdeskDeadline: { deadline: '2026-11-15T14:00:00+09:00', name: 'JSM SLA: Time to first response' },
      updated: '2026-11-15T12:00:00.000+09:00',
    });
    expect(result.get('SUP-99')).toEqual({ kind: 'not-found' });
  });

  it('finds the site\'s JSM fields once per page', async () => {
    const get = jira();
    await jiraReader.read(refs('SUP-12'), get, dataCenter);
    await jiraReader.read(refs('SUP-13'), get, dataCenter);
    expect(get.requests.filter((request) => request.path.endsWith('/field'))).toHaveLength(1);
  });

  it('asks each key alone when JQL refuses the batch for a key that no longer exists', async () => {
    const refused = { status: 400, body: { errorMessages: ["An issue with key 'SUP-99' does not exist for field 'key'."], errors: {} } };
    const get = jira((path) => {
      if (!path.startsWith('/rest/api/2/search?')) return undefined;
      if (path.includes(encodeURIComponent('(SUP-12)'))) return { body: { ...fixture('search-dc.json'), issues: [fixture('search-dc.json').issues[0]] } };
      return refused;
    });
    const result = await jiraReader.read(refs('SUP-12', 'SUP-99'), get, dataCenter);
    expect(result.get('SUP-12')).toMatchObject({ fields: { organisation: 'Kaiyo Systems' } });
    expect(result.get('SUP-99')).toEqual({ kind: 'not-found' });
    expect(get.requests.filter((request) => request.path.includes('/search?'))).toHaveLength(3);
  });

  it('keeps the exact fields when JSM hides the SLA from this agent', async () => {
    const get = jira((path) => (path.includes('/sla') ? { status: 403, body: { errorMessage: 'You do not have permission to view this request.' } } : undefined));
    const ticket = (await jiraReader.read(refs('SUP-12'), get, dataCenter)).get('SUP-12');
    expect(ticket).toMatchObject({ fields: { submitted: '2026-11-15T10:30:00.000+09:00' } });
    expect(ticket && 'helpdeskDeadline' in ticket ? ticket.helpdeskDeadline : 'none').toBeUndefined();
  });

  it.each([
    [{ status: 401, body: { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} } }, { kind: 'signed-out', status: 401 }],
    [{ status: 429, retryAfter: '120' }, { kind: 'rate-limited', retryAfterMs: 120_000 }],
  ])('fails the whole batch when the search answers %o', async (response, failure) => {
    const get = jira((path) => (path.includes('/search?') ? response : undefined));
    const error = await jiraReader.read(refs('SUP-12'), get, dataCenter).catch((caught: unknown) => caught);
    expect((error as ApiError).failure).toEqual(failure);
  });

  it('fails the whole batch when an SLA request is rate-limited', async () => {
    const get = jira((path) => (path.includes('/sla') ? { status: 429, retryAfter: '5' } : undefined));
    const error = await jiraReader.read(refs('SUP-12'), get, dataCenter).catch((caught: unknown) => caught);
    expect((error as ApiError).failure).toEqual({ kind: 'rate-limited', retryAfterMs: 5000 });
  });

  it('asks nothing for a key that is no issue key (no JQL from page text)', async () => {
    const get = jira();
    const result = await jiraReader.read(refs('SUP-1) OR project = X'), get, dataCenter);
    expect(get.requests.map((request) => request.path)).toEqual(['/rest/api/2/field']);
    expect(result.get('SUP-1) OR project = X')).toEqual({ kind: 'not-found' });
  });
});

describe('Jira reader, Cloud (*.atlassian.net)', () => {
  it('uses the enhanced search and reads the ADF description', async () => {
    const get = jira();
    const result = await jiraReader.read(refs('HELP-7'), get, cloud);
    expect(get.requests.map((request) => request.path)).toEqual([
      '/rest/api/3/field',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('key in (HELP-7)')}&fields=${FIELDS}&maxResults=1`,
      '/rest/servicedeskapi/request/HELP-7/sla',
    ]);
    // No SLA answer (404 here): the fields alone; the reporter's address is private on Cloud.
    expect(result.get('HELP-7')).toEqual({
      fields: {
        submitted: '2026-11-15T02:00:00.000+00:00',
        priorityRaw: 'Highest',
        organisation: 'Huaxia Trading',
        subject: 'Printer offline',
        language: 'zh',
        type: 'technical',
      },
      status: 'Open',
      updated: '2026-11-15T02:05:00.000+00:00',
    });
  });
});
