import { createReport, type ReportAccumulator } from '@/core/report';
import type { FromReportWorker, ToReportWorker } from './worker-protocol';

/**
 * The report's work, off the page's thread: rows into the core accumulator, the result when asked.
 * A row's problem is the accumulator's (a counted, listed bad row); anything else is an error message.
 */
export function createReportEngine(post: (message: FromReportWorker) => void): (message: ToReportWorker) => void {
  let report: ReportAccumulator | undefined;
  let rows = 0;
  return (message) => {
    try {
      if (message.type === 'start') {
        report = createReport(message.options);
        rows = 0;
      } else if (message.type === 'rows') {
        if (!report) throw new Error('rows before start');
        for (const [i, row] of message.rows.entries()) report.add(row, message.first + i);
        rows += message.rows.length;
        post({ type: 'progress', rows });
      } else if (message.type === 'finish') {
        if (!report) throw new Error('finish before start');
        post({ type: 'result', result: report.result() });
      }
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
