import { jiraReader } from '../jira';
import { ApiError, isFailure } from '../types';
import type { SearchReader, SearchRow } from './types';

/**
 * A Jira issue list (`?jql=…`, or a saved `?filter=<id>`): the JQL's issues fifty at a time — Data
 * Center's search pages by `startAt`, Cloud's enhanced search by `nextPageToken` — each page's fields
 * and first responses read as the Jira API reader reads them.
 * - https://developer.atlassian.com/server/jira/platform/rest/v10005/api-group-search/
 * - https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
 */

interface SearchAnswer {
  issues?: Array<{ key?: string }>;
  total?: number;
  nextPageToken?: string;
  isLast?: boolean;
}

const PAGE = 50;

export const jiraSearchReader: SearchReader = {
  id: 'jira',
  apiName: jiraReader.apiName,
  query(url) {
    const jql = url.searchParams.get('jql')?.trim();
    if (jql) return jql;
    const filter = url.searchParams.get('filter');
    return filter && /^\d+$/.test(filter) ? `filter = ${filter}` : undefined;
  },
  async *pages(jql, get, context) {
    const cloud = new URL(context.doc.URL).hostname.endsWith('.atlassian.net');
    let startAt = 0;
    let token: string | undefined;
    for (;;) {
      const params = new URLSearchParams({ jql, fields: 'created', maxResults: String(PAGE) });
      if (cloud && token) params.set('nextPageToken', token);
      if (!cloud) params.set('startAt', String(startAt));
      const answer = (await get.json(cloud ? `/rest/api/3/search/jql?${params}` : `/rest/api/2/search?${params}`)) as SearchAnswer;
      if (!Array.isArray(answer?.issues)) throw new ApiError({ kind: 'unexpected', message: 'Jira answered without an issues list' });
      const keys = answer.issues.flatMap((issue) => (issue.key ? [issue.key] : []));
      const exact = keys.length ? await jiraReader.read(keys.map((key) => ({ key })), get, context) : new Map();
      const rows: SearchRow[] = [];
      for (const key of keys) {
        const issue = exact.get(key);
        if (issue && !isFailure(issue)) rows.push({ ...issue.fields, id: key, ...(issue.status ? { status: issue.status } : {}) });
      }
      startAt += answer.issues.length;
      token = answer.nextPageToken;
      const more = cloud ? Boolean(token) && answer.isLast !== true : answer.issues.length > 0 && startAt < (answer.total ?? 0);
      yield { rows, total: cloud ? undefined : answer.total, more };
      if (!more) return;
    }
  },
};
