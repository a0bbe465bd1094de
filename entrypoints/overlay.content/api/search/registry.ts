import type { Settings } from '../../../../core/settings/schema';
import { adaptersForPage } from '../../page-adapters';
import { apiReaderFor } from '../registry';
import { jiraSearchReader } from './jira';
import { rtSearchReader } from './rt';
import type { SearchReader } from './types';
import { zendeskSearchReader } from './zendesk';

const readers: readonly SearchReader[] = [rtSearchReader, zendeskSearchReader, jiraSearchReader];

/** Where a page's report comes from: the helpdesk's search through its API, or the tickets the page shows. */
export type SearchSource = { kind: 'api'; reader: SearchReader; query: string } | { kind: 'page' };

/**
 * The helpdesk search this page lists, when one of its adapters has a search reader, the page's URL
 * names the search and reading that helpdesk's API is allowed (the same switches as the overlay's
 * exact data); otherwise the tickets loaded on the page.
 */
export function searchSourceFor(url: string, settings: Settings): SearchSource {
  if (!settings.readHelpdeskApis) return { kind: 'page' };
  const { adapters, site } = adaptersForPage(url, settings);
  const parsed = new URL(url);
  for (const adapter of adapters) {
    const reader = readers.find((candidate) => candidate.id === adapter.id);
    const documented = apiReaderFor(adapter.id)?.documented ?? false;
    const query = reader?.query(parsed);
    if (reader && query && (site?.readApi ?? documented)) return { kind: 'api', reader, query };
  }
  return { kind: 'page' };
}
