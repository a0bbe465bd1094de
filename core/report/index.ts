/**
 * SLA compliance reports: the public API of core/report (pure TypeScript, no DOM). Rows go into an
 * accumulator one at a time (from a file, or from a helpdesk's API); renderers turn its result into
 * CSV, a self-contained HTML file or a text summary in en, de or ja.
 */
export * from './types';
export { createReport } from './accumulate';
export { decided, emptyCounts, shareMet, sumCounts } from './counts';
export { type ColumnMapping, mapColumns, NATIVE, PRESET_IDS, PRESETS, type PresetId } from './presets';
export { type FileFormat, type ReadSummary, readReportFile, sniffFormat } from './read';
export { reportToCsv } from './render-csv';
export { escapeHtml, reportToHtml } from './render-html';
export { reportToText } from './render-text';
export { explanationNames } from '../settings/holiday-names';
export { formatInstant, type RenderOptions, tableHeadings, tableLines, type TableLine } from './table';
export { explainMiss } from './explain';
export { formatPercent, REPORT_LANGUAGES, REPORT_WORDS, type ReportLanguage, type ReportWords, reportWords } from './words';
