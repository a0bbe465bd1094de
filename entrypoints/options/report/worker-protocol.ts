import type { ColumnMapping, FileFormat, ReportOptions, ReportResult, ReportRow } from '@/core/report';

/** Messages between the Reports section and its worker (report.worker.ts → engine.ts). */
export type ToReportWorker =
  /** A new report: the accumulator's options (settings included, as plain data). */
  | { type: 'start'; options: ReportOptions }
  /** Rows numbered from `first` on (a search's position, 1-based). */
  | { type: 'rows'; rows: ReportRow[]; first: number }
  /** An export file, streamed (papaparse reads it in chunks): its rows, then the result. */
  | { type: 'file'; file: File | string; format: FileFormat; mapping: ColumnMapping }
  /** All rows are in: the result, please. */
  | { type: 'finish' };

export type FromReportWorker =
  | { type: 'progress'; rows: number }
  | { type: 'result'; result: ReportResult }
  /** The report could not be built (not a row's problem: those are in the result). */
  | { type: 'error'; message: string };

/** What the section talks to: a Web Worker, or the same engine in the page where there is none (tests). */
export interface ReportWorker {
  post(message: ToReportWorker): void;
  onMessage(listener: (message: FromReportWorker) => void): void;
  terminate(): void;
}
