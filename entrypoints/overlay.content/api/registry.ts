import { osticketApiReader } from './osticket';
import type { ApiReader } from './types';
import { zendeskReader } from './zendesk';

/** The API reader of each built-in adapter that has one (keyed by adapter id). */
export const apiReaders: readonly ApiReader[] = [
  osticketApiReader,
  zendeskReader,
];

export const apiReaderFor = (adapterId: string): ApiReader | undefined => apiReaders.find((reader) => reader.id === adapterId);
