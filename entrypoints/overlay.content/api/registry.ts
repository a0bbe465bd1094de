import { osticketApiReader } from './osticket';
import { freshdeskReader } from './freshdesk';
import { jiraReader } from './jira';
import { rtApiReader } from './rt';
import { serviceNowReader } from './servicenow';
import type { ApiReader } from './types';
import { zammadReader } from './zammad';
import { zendeskReader } from './zendesk';

/** The API reader of each built-in adapter that has one (keyed by adapter id). */
export const apiReaders: readonly ApiReader[] = [
  osticketApiReader,
  rtApiReader,
  zendeskReader,
  zammadReader,
  freshdeskReader,
  jiraReader,
  serviceNowReader,
];

export const apiReaderFor = (adapterId: string): ApiReader | undefined => apiReaders.find((reader) => reader.id === adapterId);
