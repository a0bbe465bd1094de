import { detectLanguage } from '../../../core/contracts/detect-language';
import { extractEmail, toRequestType } from '../adapters/field-values';
import { answered, apiTime, eachLimited, ticketFailure } from './reader-kit';
import { ApiError, type ApiGet, type ApiReader, type ExactTicket, type HelpdeskDeadline, type ReadContext, type ReadResult } from './types';

/**
 * Jira Service Management: one JQL search per batch (`key in (…)`), then JSM's own SLAs per request,
 * four at a time (JSM has no batch SLA endpoint). Cloud (`*.atlassian.net`, Atlassian's only host
 * for the agent view) has the newer search endpoint and answers descriptions as ADF; Data Center
 * answers them as text.
 * - Data Center: https://developer.atlassian.com/server/jira/platform/rest/v10005/api-group-search/
 * - Cloud: https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
 * - Fields (to find the site's JSM custom fields): https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get
 * - SLAs: https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
 * Atlassian discourages cookie sessions for REST clients (scripts should use tokens); these are
 * the agent's own browser tab's GETs on its own site, as Jira's UI makes them, so best effort.
 */

const KEY = /^[A-Z][A-Z0-9_]*-\d+$/u;

/** JSM's fields are custom fields whose ids differ per site: found once per page by their type. */
interface ServiceDeskFields {
  organisations?: string;
  requestType?: string;
  language?: string;
}

const CUSTOM_TYPES: Record<keyof ServiceDeskFields, string> = {
  organisations: ':sd-customer-organizations',
  requestType: ':vp-origin',
  language: ':sd-request-language',
};

const fieldsMemo = new WeakMap<ApiGet, Promise<ServiceDeskFields>>();

function serviceDeskFields(get: ApiGet, api: string): Promise<ServiceDeskFields> {
  let found = fieldsMemo.get(get);
  if (!found) {
    found = get.json(`${api}/field`).then(
      (list) => {
        const fields = Array.isArray(list) ? (list as Array<{ id: string; schema?: { custom?: string } }>) : [];
        const idOf = (suffix: string) => fields.find((field) => field.schema?.custom?.endsWith(suffix))?.id;
        return { organisations: idOf(CUSTOM_TYPES.organisations), requestType: idOf(CUSTOM_TYPES.requestType), language: idOf(CUSTOM_TYPES.language) };
      },
      () => {
        // Without them the standard fields are still exact; the next batch asks again.
        fieldsMemo.delete(get);
        return {};
      },
    );
    fieldsMemo.set(get, found);
  }
  return found;
}

interface JiraIssue {
  key: string;
  fields: Record<string, unknown>;
}

type Named = { name?: string } | null | undefined;

/** Text of a plain (Data Center) or ADF (Cloud) description. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const node = value as { text?: unknown; content?: unknown[] };
  return [typeof node.text === 'string' ? node.text : '', ...(node.content ?? []).map(textOf)].join(' ');
}

interface SlaCycle {
  breached?: boolean;
  breachTime?: { iso8601?: string };
  stopTime?: { iso8601?: string };
}

interface Sla {
  name?: string;
  ongoingCycle?: SlaCycle;
  completedCycles?: SlaCycle[];
}

/**
 * JSM's "Time to first response": its default goal stops at the first comment an agent makes
 * public to the customer, so its completed cycle's stop is the first reply (a site that changed
 * the stop conditions changes what it measures, as in JSM's own SLA panel).
 */
function firstResponse(slas: Sla[]): { deadline?: HelpdeskDeadline; firstReply?: string } {
  const sla = slas.find((entry) => /first response/iu.test(entry.name ?? ''));
  const completed = sla?.completedCycles?.[0];
  const cycle = completed ?? sla?.ongoingCycle;
  const deadline = apiTime(cycle?.breachTime?.iso8601);
  if (!sla || !cycle) return {};
  const result: { deadline?: HelpdeskDeadline; firstReply?: string } = { firstReply: apiTime(completed?.stopTime?.iso8601) };
  if (deadline) {
    result.deadline = { deadline, name: `JSM SLA: ${sla.name}` };
    if (completed || cycle.breached) result.deadline.achieved = !cycle.breached;
  }
  return result;
}

function exactTicket(issue: JiraIssue, ids: ServiceDeskFields, slas: Sla[] | undefined): ExactTicket {
  const fields = issue.fields;
  const organisations = ids.organisations ? (fields[ids.organisations] as Named[] | null) : undefined;
  const requestType = ids.requestType ? (fields[ids.requestType] as { requestType?: Named } | null) : undefined;
  const language = ids.language ? (fields[ids.language] as { languageCode?: string } | null) : undefined;
  const summary = typeof fields.summary === 'string' ? fields.summary : undefined;
  const typeOf = (named: Named) => (named?.name ? toRequestType(named.name) : undefined);
  const reporter = fields.reporter as { emailAddress?: string } | null | undefined;
  const sla = firstResponse(slas ?? []);
  return {
    fields: answered({
      submitted: apiTime(fields.created),
      priorityRaw: (fields.priority as Named)?.name,
      // Cloud hides the address of users whose profile keeps it private.
      requesterEmail: reporter?.emailAddress ? extractEmail(reporter.emailAddress) : undefined,
      organisation: organisations?.[0]?.name,
      subject: summary,
      language: detectLanguage(language?.languageCode, summary, textOf(fields.description)),
      // JSM's request type says most ("Billing question"); the issue type ("Incident") otherwise.
      type: typeOf(requestType?.requestType) ?? typeOf(fields.issuetype as Named),
      firstReply: sla.firstReply,
    }),
    status: (fields.status as Named)?.name,
    helpdeskDeadline: sla.deadline,
    updated: apiTime(fields.updated),
  };
}

const isCloud = (context: ReadContext) => new URL(context.doc.URL).hostname.endsWith('.atlassian.net');

async function search(keys: string[], get: ApiGet, cloud: boolean, fieldList: string): Promise<JiraIssue[]> {
  const jql = encodeURIComponent(`key in (${keys.join(',')})`);
  const path = cloud
    ? `/rest/api/3/search/jql?jql=${jql}&fields=${fieldList}&maxResults=${keys.length}`
    : `/rest/api/2/search?jql=${jql}&fields=${fieldList}&maxResults=${keys.length}&validateQuery=false`;
  const answer = (await get.json(path)) as { issues?: JiraIssue[] };
  if (!Array.isArray(answer?.issues)) throw new ApiError({ kind: 'unexpected', message: 'Jira answered without an issues list' });
  return answer.issues;
}

/** JQL refuses a whole query naming a key that no longer exists (400): then each key is asked alone. */
const isBadQuery = (error: unknown) => error instanceof ApiError && error.failure.kind === 'server' && error.failure.status === 400;

export const jiraReader: ApiReader = {
  id: 'jira',
  apiName: 'Jira REST API',
  batchSize: 50,
  documented: true,
  async read(tickets, get, context) {
    const cloud = isCloud(context);
    const ids = await serviceDeskFields(get, cloud ? '/rest/api/3' : '/rest/api/2');
    const fieldList = ['created', 'updated', 'priority', 'status', 'reporter', 'summary', 'description', 'issuetype', ...Object.values(ids)]
      .filter(Boolean)
      .join(',');
    const keys = tickets.map((ticket) => ticket.key).filter((key) => KEY.test(key));
    const issues: JiraIssue[] = [];
    if (keys.length) {
      try {
        issues.push(...(await search(keys, get, cloud, fieldList)));
      } catch (error) {
        if (!isBadQuery(error) || keys.length === 1) throw error;
        await eachLimited(keys, 4, async (key) => {
          issues.push(...(await search([key], get, cloud, fieldList).catch((single) => (isBadQuery(single) ? [] : Promise.reject(single)))));
        });
      }
    }
    const slas = new Map<string, Sla[]>();
    // Only JSM requests have SLAs (a plain Jira issue has no request type).
    const requests = issues.filter((issue) => !ids.requestType || issue.fields[ids.requestType]);
    await eachLimited(requests, 4, async (issue) => {
      try {
        const answer = (await get.json(`/rest/servicedeskapi/request/${issue.key}/sla`)) as { values?: Sla[] };
        slas.set(issue.key, answer?.values ?? []);
      } catch (error) {
        // No SLA for this agent or issue: its fields are still exact.
        ticketFailure(error);
      }
    });
    const result: ReadResult = new Map();
    for (const { key } of tickets) {
      const issue = issues.find((entry) => entry.key === key);
      result.set(key, issue ? exactTicket(issue, ids, slas.get(key)) : { kind: 'not-found' });
    }
    return result;
  },
};
