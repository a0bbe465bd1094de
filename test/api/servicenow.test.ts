import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { serviceNowReader, sessionToken } from '../../entrypoints/overlay.content/api/servicenow';
import type { ApiError, ReadContext } from '../../entrypoints/overlay.content/api/types';
import { type FakeResponse, fakeGet } from './fake-get';

/**
 * Bodies reproduced from ServiceNow's Table API reference (GET /now/table/{tableName} with
 * sysparm_display_value=all: every field as {display_value, value}, stored times in UTC),
 * https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html, for incident,
 * sn_customerservice_case and task_sla; journal rows (sys_journal_field: element_id = the record's sys_id,
 * sys_created_on UTC, sys_created_by = user_name) as in
 * https://www.servicenow.com/docs/r/australia/api-reference/web-services/retrieving-journal-entries.html,
 * an unknown mail sender's comment by the Guest user as in
 * https://www.servicenow.com/docs/r/australia/platform-administration/r_ImpUserRunInboundActions.html; error bodies ({"error": {"message", "detail"}, "status": "failure"})
 * from https://www.servicenow.com/docs/r/api-reference/rest-apis/c_RESTAPI.html; 429 with Retry-After
 * as ServiceNow's inbound REST rate limits answer.
 */
const dir = join(import.meta.dirname, '../fixtures/api/servicenow');
const fixture = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const TOKEN = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';

function pageAt(url: string, html = readFileSync(join(dir, 'ui16-head.html'), 'utf8')): ReadContext {
  const window = new Window({ url });
  window.document.write(html);
  return { doc: window.document, timeZone: 'Asia/Tokyo', now: new Date('2026-11-15T04:00:00Z') } as unknown as ReadContext;
}
const list = pageAt('https://acme.service-now.com/incident_list.do');
const refs = (...keys: string[]) => keys.map((key) => ({ key }));

function servicenow(extra: (path: string) => FakeResponse | undefined = () => undefined) {
  return fakeGet((path) => {
    const answer = extra(path);
    if (answer) return answer;
    if (path.startsWith('/api/now/table/incident?')) return { body: fixture('incident.json') };
    if (path.startsWith('/api/now/table/sn_customerservice_case?')) return { body: fixture('case.json') };
    if (path.startsWith('/api/now/table/task_sla?')) return { body: fixture('task_sla.json') };
    if (path.startsWith('/api/now/table/sys_journal_field?')) return { body: fixture('sys_journal_field.json') };
    return undefined;
  });
}

const paramsOf = (path: string) => Object.fromEntries(new URL(path, 'https://acme.service-now.com').searchParams);
const JOURNAL = '/api/now/table/sys_journal_field?';
const denied = { status: 403, body: { error: { message: 'Operation Failed', detail: 'ACL Exception Read Failed due to security constraints' }, status: 'failure' } };
const firstReplyOf = (ticket: unknown) => (ticket as { fields?: { firstReply?: string } }).fields?.firstReply;

describe('ServiceNow session token', () => {
  it('is read from the inline script text of a UI16 page and of Next Experience', () => {
    expect(sessionToken(list.doc)).toBe(TOKEN);
    expect(sessionToken(pageAt('https://acme.service-now.com/now/sow/home', '<script>window.g_ck = "abc123";</script>').doc)).toBe('abc123');
  });

  it('without it, nothing is asked', async () => {
    const get = servicenow();
    const page = pageAt('https://acme.service-now.com/incident_list.do', '<script src="/x.js"></script>');
    await expect(serviceNowReader.read(refs('INC0010001'), get, page)).rejects.toMatchObject({ failure: { kind: 'unexpected' } });
    expect(get.requests).toEqual([]);
  });
});

describe('ServiceNow reader', () => {
  it('reads each table, the response SLAs and the journal once per batch, with the session token', async () => {
    const get = servicenow();
    const result = await serviceNowReader.read(refs('INC0010001', 'INC0010002', 'CS0001042', 'INC0010099'), get, list);
    expect(get.requests.map((request) => request.path.split('?')[0])).toEqual([
      '/api/now/table/incident',
      '/api/now/table/sn_customerservice_case',
      '/api/now/table/task_sla',
      '/api/now/table/sys_journal_field',
    ]);
    expect(get.requests.every((request) => request.headers?.['X-UserToken'] === TOKEN)).toBe(true);
    const [incidents, cases, slas, journal] = get.requests.map((request) => paramsOf(request.path));
    expect(incidents).toEqual({
      sysparm_query: 'numberININC0010001,INC0010002,INC0010099',
      sysparm_fields:
        'number,opened_at,sys_updated_on,priority,state,short_description,description,category,sys_id,opened_by.user_name,company,caller_id.email,caller_id.preferred_language,caller_id.user_name',
      sysparm_display_value: 'all',
      sysparm_exclude_reference_link: 'true',
      sysparm_limit: '3',
    });
    expect(cases?.sysparm_query).toBe('numberINCS0001042');
    expect(cases?.sysparm_fields).toContain(',contact.email,contact.preferred_language,contact.user_name');
    expect(slas?.sysparm_query).toBe('task.numberININC0010001,INC0010002,CS0001042^sla.target=response^stage!=cancelled');
    // Customer-visible comments only: work notes are never asked for.
    expect(journal).toEqual({
      sysparm_query:
        'element=comments^element_idIN9d385017c611228701d22104cc95c371,e8caedcbc0a80164017df472f39eaed1,f352e2c4db1f3010a7e0b4c3f39619a2^ORDERBYsys_created_on^ORDERBYsys_id',
      sysparm_fields: 'element_id,sys_created_on,sys_created_by',
      sysparm_limit: '500',
      sysparm_offset: '0',
      sysparm_no_count: 'true',
    });

    expect(result.get('INC0010001')).toEqual({
      fields: {
        submitted: '2026-11-15T01:30:00Z',
        priorityRaw: 'High',
        requesterEmail: 'hanako.sato@kaiyo.example',
        organisation: 'Kaiyo Systems',
        subject: 'Email not syncing on mobile',
        language: 'ja',
        firstReply: '2026-11-15T02:02:40Z',
      },
      status: 'In Progress',
      helpdeskDeadline: { deadline: '2026-11-15T05:30:00Z', name: 'ServiceNow SLA: Priority 2 response (4 hour)', achieved: true },
      updated: '2026-11-15T02:02:40Z',
    });
    expect(result.get('INC0010002')).toEqual({
      fields: { submitted: '2026-11-15T02:00:00Z', priorityRaw: 'Critical', subject: 'Network outage in Osaka office' },
      status: 'New',
      helpdeskDeadline: { deadline: '2026-11-15T03:00:00Z', name: 'ServiceNow SLA: Priority 1 response (1 hour)', achieved: false },
      updated: '2026-11-15T02:00:00Z',
    });
    expect(result.get('CS0001042')).toEqual({
      fields: {
        submitted: '2026-11-15T00:00:00Z',
        priorityRaw: 'Moderate',
        requesterEmail: 'buyer@boxeo.example',
        organisation: 'Boxeo',
        subject: 'Refund for duplicate invoice',
        language: 'en',
        type: 'billing',
        firstReply: '2026-11-15T00:14:00Z',
      },
      status: 'Open',
      updated: '2026-11-15T00:15:00Z',
    });
    expect(result.get('INC0010099')).toEqual({ kind: 'not-found' });
  });

  it('takes a number without a known prefix to the table the page shows', async () => {
    const get = servicenow((path) => (path.startsWith('/api/now/table/sn_customerservice_case?') ? { body: { result: [] } } : undefined));
    await serviceNowReader.read(refs('CASE9'), get, pageAt('https://acme.service-now.com/sn_customerservice_case_list.do'));
    expect(paramsOf(get.requests[0]?.path ?? '').sysparm_query).toBe('numberINCASE9');
    expect(get.requests[0]?.path.startsWith('/api/now/table/sn_customerservice_case?')).toBe(true);
  });

  it('keeps the exact fields when task_sla is closed to this agent', async () => {
    const get = servicenow((path) => (path.startsWith('/api/now/table/task_sla?') ? denied : undefined));
    const ticket = (await serviceNowReader.read(refs('INC0010001'), get, list)).get('INC0010001');
    expect(ticket).toMatchObject({ fields: { organisation: 'Kaiyo Systems' } });
    expect(ticket && 'helpdeskDeadline' in ticket ? ticket.helpdeskDeadline : 'none').toBeUndefined();
  });

  it.each([
    ['closed to this agent', denied],
    ['empty', { body: { result: [] } }],
  ])('keeps the other fields, without a first reply, when the journal is %s', async (_, journal) => {
    const get = servicenow((path) => (path.startsWith(JOURNAL) ? journal : undefined));
    const ticket = (await serviceNowReader.read(refs('INC0010001'), get, list)).get('INC0010001');
    expect(ticket).toMatchObject({ fields: { organisation: 'Kaiyo Systems' }, helpdeskDeadline: { achieved: true } });
    expect(firstReplyOf(ticket)).toBeUndefined();
  });

  it('reads the journal on from a full page, and no further once every record has its reply', async () => {
    const callerOnly = (limit: number) =>
      Array.from({ length: limit }, () => ({ element_id: '9d385017c611228701d22104cc95c371', sys_created_on: '2026-11-15 01:40:00', sys_created_by: 'hanako.sato' }));
    const get = servicenow((path) => {
      if (path.startsWith('/api/now/table/incident?')) return { body: { result: fixture('incident.json').result.slice(0, 1) } };
      if (!path.startsWith(JOURNAL)) return undefined;
      const { sysparm_limit: limit, sysparm_offset: offset } = paramsOf(path);
      // Both pages full: only the reply found on the second ends the reading.
      const rows = offset === '0' ? [] : fixture('sys_journal_field.json').result;
      return { body: { result: [...rows, ...callerOnly(Number(limit) - rows.length)] } };
    });
    const result = await serviceNowReader.read(refs('INC0010001'), get, list);
    expect(get.requests.filter((request) => request.path.startsWith(JOURNAL)).map((request) => paramsOf(request.path).sysparm_offset)).toEqual(['0', '500']);
    expect(firstReplyOf(result.get('INC0010001'))).toBe('2026-11-15T02:02:40Z');
  });

  it.each([
    [{ status: 401, body: { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' } }, { kind: 'signed-out', status: 401 }],
    [{ status: 429, retryAfter: '17' }, { kind: 'rate-limited', retryAfterMs: 17_000 }],
  ])('fails the whole batch on %o', async (response, failure) => {
    const error = await serviceNowReader.read(refs('INC0010001'), servicenow(() => response), list).catch((caught: unknown) => caught);
    expect((error as ApiError).failure).toEqual(failure);
  });
});
