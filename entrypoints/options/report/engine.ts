import { createReport, type ReportAccumulator, readReportFile } from '@/core/report';
import type { FromReportWorker, ToReportWorker } from './worker-protocol';

/** Progress is posted every so many rows of a file (and after each page of a search). */
const FILE_PROGRESS_ROWS = 10_000;

/**
 * The report's work, off the page's thread: rows into the core accumulator (from a search's pages,
 * or streamed from a file by the core's reader), the result when all are in. A row's problem is the
 * accumulator's (a counted, listed bad row); anything else is an error message.
 */
export function createReportEngine(post: (message: FromReportWorker) => void): (message: ToReportWorker) => void {
  let report: ReportAccumulator | undefined;
  let rows = 0;
  const fail = (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) });

  /** The accumulator, counting the rows a file gives for progress. */
  const counting = (into: ReportAccumulator): ReportAccumulator => ({
    add(row, rowNumber) {
      into.add(row, rowNumber);
      if (++rows % FILE_PROGRESS_ROWS === 0) post({ type: 'progress', rows });
    },
    addBad(rowNumber, reason) {
      into.addBad(rowNumber, reason);
      if (++rows % FILE_PROGRESS_ROWS === 0) post({ type: 'progress', rows });
    },
    result: () => into.result(),
  });

  return (message) => {
    try {
      if (message.type === 'start') {
        report = createReport(message.options);
        rows = 0;
        return;
      }
      if (!report) throw new Error(`${message.type} before start`);
      if (message.type === 'rows') {
        for (const [i, row] of message.rows.entries()) report.add(row, message.first + i);
        rows += message.rows.length;
        post({ type: 'progress', rows });
      } else if (message.type === 'file') {
        const into = report;
        readReportFile(message.file, message.format, message.mapping, counting(into)).then(() => post({ type: 'result', result: into.result() }), fail);
      } else if (message.type === 'finish') {
        post({ type: 'result', result: report.result() });
      }
    } catch (error) {
      fail(error);
    }
  };
}
