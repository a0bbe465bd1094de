import { createReportEngine } from './engine';
import type { FromReportWorker, ReportWorker } from './worker-protocol';

/** The report's worker; where the page has no Worker (component tests), the same engine on the page. */
export function startReportWorker(): ReportWorker {
  const listeners: Array<(message: FromReportWorker) => void> = [];
  const deliver = (message: FromReportWorker) => {
    for (const listener of listeners) listener(message);
  };
  if (typeof Worker === 'undefined') {
    const handle = createReportEngine((message) => queueMicrotask(() => deliver(message)));
    return { post: handle, onMessage: (listener) => listeners.push(listener), terminate: () => listeners.splice(0) };
  }
  const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<FromReportWorker>) => deliver(event.data));
  worker.addEventListener('error', (event) => deliver({ type: 'error', message: event.message }));
  return { post: (message) => worker.postMessage(message), onMessage: (listener) => listeners.push(listener), terminate: () => worker.terminate() };
}
