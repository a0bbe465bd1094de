import { closeSync, createReadStream, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { builtinPolicies } from '../policy/builtin';
import { createReport } from '../report/accumulate';
import { type ColumnMapping, mapColumns, NATIVE, PRESET_IDS, PRESETS, type PresetId } from '../report/presets';
import { readReportFile, sniffFormat } from '../report/read';
import { reportToCsv } from '../report/render-csv';
import { reportToHtml } from '../report/render-html';
import { reportToText } from '../report/render-text';
import { explanationNames } from '../settings/holiday-names';
import { REPORT_LANGUAGES, type ReportLanguage } from '../report/words';
import { jsonLines, jsonSyntaxError, lineOf } from '../settings/json-lines';
import type { Settings } from '../settings/schema';
import { validateSettings } from '../settings/validate';
import { clockFor } from '../time/zone-clock';
import type { CliIo } from './io';

/**
 * `sla report FILE`: an SLA compliance report from a helpdesk export (CSV, TSV or JSON Lines),
 * printed as a summary; --csv and --html write the aggregated table and the full report. Exit 0,
 * 1 when rows could not be evaluated (the outputs are written all the same), 2 for a usage error,
 * an unreadable file or invalid settings.
 */

export const REPORT_USAGE = `sla report FILE [--settings S.json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--zone Z]
             [--lang en|de|ja] [--preset ${PRESET_IDS.join('|')}] [--input-zone Z] [--now ISO]
             [--html out.html] [--csv out.csv]`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SAMPLE_BYTES = 64 * 1024;

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`sla report: ${message}\n`);
    return 2;
  };
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    return fail(`${(error as Error).message}\nusage: ${REPORT_USAGE}`);
  }
  const { file, values } = parsed;

  let settings: Settings | undefined;
  if (values.settings) {
    const loaded = loadSettings(values.settings);
    if (typeof loaded === 'string') return fail(loaded);
    settings = loaded;
  }

  let sample: string;
  try {
    sample = readStart(file);
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`);
  }
  const format = sniffFormat(sample);
  const mapping: ColumnMapping = values.preset ? PRESETS[values.preset as PresetId] : NATIVE;
  let noFirstReplyColumn = false;
  if (format !== 'jsonl') {
    const header = (Papa.parse<string[]>(sample.replace(/^\uFEFF/, ''), { preview: 1, ...(format === 'tsv' ? { delimiter: '\t' } : {}) }).data[0] ?? []).map((h) => h.trim());
    const columns = mapColumns(header, mapping);
    for (const field of ['submitted', 'priority'] as const) {
      if (columns[field] === undefined) {
        const names = [...(mapping.columns[field] ?? []), field].map((n) => `"${n}"`).join(', ');
        return fail(`${file}: row 1: no column for ${field} (expected one of ${names})`);
      }
    }
    noFirstReplyColumn = columns.firstReply === undefined && columns.firstReplyMinutes === undefined;
  }

  const report = createReport({
    settings,
    zone: values.zone,
    now: values.now,
    from: values.from,
    to: values.to,
    adapter: mapping.adapter,
    priorityMap: mapping.priorityMap,
    dateFormats: mapping.dateFormats,
    inputZone: values.inputZone,
  });
  try {
    await readReportFile(createReadStream(file, { encoding: 'utf8' }), format, mapping, report);
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`);
  }
  const result = report.result();
  const render = {
    lang: values.lang,
    customPolicies: settings?.customPolicies,
    names: explanationNames(settings?.holidays),
    noFirstReplyColumn,
    lines: format === 'jsonl',
  };
  try {
    if (values.csv) writeFileSync(values.csv, reportToCsv(result, render));
    if (values.html) writeFileSync(values.html, reportToHtml(result, render));
  } catch (error) {
    return fail((error as Error).message);
  }
  io.stdout.write(reportToText(result, render));
  return result.bad.count ? 1 : 0;
}

function parseOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      settings: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      zone: { type: 'string' },
      lang: { type: 'string' },
      preset: { type: 'string' },
      'input-zone': { type: 'string' },
      now: { type: 'string' },
      html: { type: 'string' },
      csv: { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file) throw new Error('FILE is missing');
  if (extra.length) throw new Error(`one FILE only (also given: ${extra.join(' ')})`);
  for (const flag of ['from', 'to'] as const) {
    const day = values[flag];
    if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))) throw new Error(`--${flag}: "${day}" is not a day (YYYY-MM-DD)`);
  }
  if (values.from && values.to && values.from > values.to) throw new Error(`--from ${values.from} is after --to ${values.to}`);
  for (const flag of ['zone', 'input-zone'] as const) {
    const zone = values[flag];
    if (zone === undefined) continue;
    try {
      clockFor(zone);
    } catch (error) {
      throw new Error(`--${flag}: ${(error as Error).message}`);
    }
  }
  if (values.lang !== undefined && !(REPORT_LANGUAGES as readonly string[]).includes(values.lang)) throw new Error(`--lang: one of ${REPORT_LANGUAGES.join(', ')}`);
  if (values.preset !== undefined && !(PRESET_IDS as readonly string[]).includes(values.preset)) throw new Error(`--preset: one of ${PRESET_IDS.join(', ')}`);
  const now = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (Number.isNaN(now)) throw new Error(`--now: "${values.now}" is not an ISO 8601 time`);
  return {
    file,
    values: {
      ...values,
      lang: values.lang as ReportLanguage | undefined,
      inputZone: values['input-zone'],
      now,
    },
  };
}

/** The file's first bytes as text (a multi-byte character cut at the end is dropped). */
function readStart(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const read = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, read).toString('utf8').replace(/\uFFFD$/, '');
  } finally {
    closeSync(fd);
  }
}

/** The settings file validated as the options page's import does, or every problem with its line. */
function loadSettings(path: string): Settings | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `${path}: ${(error as Error).message}`;
  }
  const syntax = jsonSyntaxError(text);
  if (syntax) return `${path}: line ${syntax.line}, column ${syntax.column}: not valid JSON: ${syntax.message}`;
  const validation = validateSettings(JSON.parse(text), { policies: { ...builtinPolicies } });
  if (validation.ok) return validation.settings;
  const lines = jsonLines(text);
  return validation.errors
    .map((e) => {
      const line = lineOf(lines, e.path);
      return `${path}: ${line ? `line ${line}: ` : ''}${e.path || '(file)'}: ${e.message}`;
    })
    .join('\nsla report: ');
}
