/**
 * SLA compliance reports: the public API of core/report (pure TypeScript, no DOM). Rows go into an
 * accumulator one at a time (from a file, or from a helpdesk's API); renderers turn its result into
 * CSV, a self-contained HTML file or a text summary in en, de or ja.
 */
export * from './types';
export { createReport } from './accumulate';
export { decided, emptyCounts, shareMet, sumCounts } from './counts';
