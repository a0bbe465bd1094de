import { createReportEngine } from './engine';
import type { ToReportWorker } from './worker-protocol';

/** The Reports section's worker: the page stays responsive while thousands of tickets are evaluated. */
const handle = createReportEngine((message) => postMessage(message));
addEventListener('message', (event: MessageEvent<ToReportWorker>) => handle(event.data));
