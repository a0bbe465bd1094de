import type { ApiReader } from './types';

/** The API reader of each built-in adapter that has one (keyed by adapter id). */
export const apiReaders: readonly ApiReader[] = [];

export const apiReaderFor = (adapterId: string): ApiReader | undefined => apiReaders.find((reader) => reader.id === adapterId);
