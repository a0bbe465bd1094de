import { storage } from '@wxt-dev/storage';
import type { ApiFailure } from '@/entrypoints/overlay.content/api/types';

/**
 * How reading each helpdesk's API last went, per adapter and origin, for the options page's site
 * rows ("read 12:03" or why not). The overlay reports it to the background, which keeps it in
 * `storage.session`: the browser's session only, never synced, nothing about any ticket in it.
 */
export interface ApiStatusReport {
  adapter: string;
  origin: string;
  apiName: string;
  /** Requests made by the reporting page so far. */
  requests: number;
  lastReadAt?: number;
  lastFailure?: ApiFailure;
  /** When this report was made (ms). */
  at: number;
}

const item = storage.defineItem<Record<string, ApiStatusReport>>('session:apiStatus', { fallback: {} });

const keyOf = (report: Pick<ApiStatusReport, 'adapter' | 'origin'>) => `${report.adapter} ${report.origin}`;

export async function recordApiStatus(report: ApiStatusReport): Promise<void> {
  const all = await item.getValue();
  await item.setValue({ ...all, [keyOf(report)]: report });
}

export const readApiStatuses = async (): Promise<ApiStatusReport[]> => Object.values(await item.getValue());

export function watchApiStatuses(callback: (reports: ApiStatusReport[]) => void): () => void {
  return item.watch((value) => callback(Object.values(value ?? {})));
}
