import { DateTime } from 'luxon';
import { parseArgs } from 'node:util';
import { EvaluateError } from '../evaluate/error';
import { evaluate } from '../evaluate/evaluate';
import type { EvaluateInput } from '../evaluate/types';
import { type RenderedResult, renderResult } from '../explain/render';
import { getPolicy } from '../policy/builtin';
import { formatterFor, READER_LANGUAGES, type ReaderLanguage } from '../explain/format';
import type { CliIo } from './io';
import { readerLanguageFlag } from './lang';

export function runDeadline(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      level: { type: 'string' },
      priority: { type: 'string' },
      submitted: { type: 'string' },
      language: { type: 'string' },
      'english-accepted': { type: 'boolean' },
      region: { type: 'string' },
      type: { type: 'string' },
      topic: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
    strict: true,
  });
  const input = {
    policy: values.policy,
    level: values.level,
    priority: values.priority,
    submitted: values.submitted,
    language: values.language,
    englishAccepted: values['english-accepted'],
    region: values.region,
    type: values.type,
    topic: values.topic,
  } as EvaluateInput;

  const lang = readerLanguageFlag(values.lang);
  if (!lang) {
    io.stderr.write(`sla deadline: --lang: one of ${READER_LANGUAGES.join(', ')}\n`);
    return 2;
  }
  let result: RenderedResult;
  try {
    result = renderResult(evaluate(input), lang);
  } catch (error) {
    if (!(error instanceof EvaluateError)) throw error;
    io.stderr.write(`sla deadline: ${flagName(error.path)}: ${error.message.replace(/^[^:]*: /, '')}\n`);
    return 2;
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const now = values.now ? Date.parse(values.now) : Date.now();
  if (Number.isNaN(now)) {
    io.stderr.write('sla deadline: --now: not an ISO 8601 time\n');
    return 2;
  }
  const localZone = io.localZone ?? DateTime.local().zoneName ?? 'UTC';
  io.stdout.write(`${describe(result, typeof input.policy === 'string' ? input.policy : '', now, localZone, lang)}\n`);
  return 0;
}

/** Maps an input path back to the flag the user typed ("englishAccepted" → --english-accepted). */
function flagName(path: Array<string | number>): string {
  const [field] = path;
  if (field === undefined) return 'input';
  return `--${String(field).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The frame of `sla deadline`'s text around the core's notes and explanation, per --lang. */
const WORDS: Record<ReaderLanguage, Record<'deadline' | 'target' | 'clock' | 'left' | 'overdue' | 'notes' | 'explanation', string> & {
  starts(when: string): string;
  by(time: string): string;
  none: string;
  local: string;
  businessHours: string;
}> = {
  en: {
    deadline: 'Deadline:',
    target: 'Target:',
    clock: 'Clock:',
    left: 'Time left:',
    overdue: 'Overdue:',
    notes: 'Notes:',
    explanation: 'Explanation:',
    starts: (when) => `starts ${when}`,
    by: (time) => `by ${time}`,
    none: 'none (no first-response target applies)',
    local: 'local',
    businessHours: 'business hours',
  },
  de: {
    deadline: 'Frist:',
    target: 'Ziel:',
    clock: 'Uhr:',
    left: 'Restzeit:',
    overdue: 'Überfällig:',
    notes: 'Hinweise:',
    explanation: 'Erklärung:',
    starts: (when) => `startet ${when}`,
    by: (time) => `seit ${time}`,
    none: 'keine (es gilt keine angestrebte Erstreaktionszeit)',
    local: 'lokal',
    businessHours: 'Geschäftszeit',
  },
  ja: {
    deadline: '期限:',
    target: '目標:',
    clock: '計測:',
    left: '残り:',
    overdue: '超過:',
    notes: '注記:',
    explanation: '説明:',
    starts: (when) => `${when} に開始`,
    by: (time) => time,
    none: 'なし（初回応答の目標はありません）',
    local: 'ローカル',
    businessHours: '営業時間',
  },
};

function describe(result: RenderedResult, policyId: string, now: number, localZone: string, lang: ReaderLanguage): string {
  const words = WORDS[lang];
  const f = formatterFor(lang);
  const label = (text: string) => text.padEnd(12);
  const lines: string[] = [];
  const target = result.target;
  if (target) {
    const policyZone = zoneOf(policyId, target.calendar);
    const left = Date.parse(target.deadline) - now;
    lines.push(
      `${label(words.deadline)}${f.when(target.deadline, policyZone)}  (${policyZone})`,
      `${label('')}${f.when(target.deadline, localZone)}  (${words.local}, ${localZone})`,
      `${label('')}${target.deadline}`,
      `${label(words.target)}${f.minutes(target.minutes)} ${target.clock === '24/7' ? '24/7' : `${words.businessHours} (${target.calendar})`} — ${target.source}`,
      `${label(words.clock)}${words.starts(f.when(target.start, policyZone))}`,
      left >= 0 ? `${label(words.left)}${f.minutes(left / 60_000)}` : `${label(words.overdue)}${words.by(f.minutes(-left / 60_000))}`,
    );
  } else {
    lines.push(`${label(words.deadline)}${words.none}`);
  }
  if (result.notes.length) {
    lines.push(words.notes);
    for (const note of result.notes) lines.push(`  - [${note.code}] ${note.message}`);
  }
  lines.push(words.explanation);
  for (const [i, step] of result.explain.entries()) lines.push(`  ${i + 1}. ${step}`);
  return lines.join('\n');
}

/** The zone the contract's hours are in: the target's calendar, else the policy's main calendar. */
function zoneOf(policyId: string, calendarId: string): string {
  const policy = getPolicy(policyId);
  const calendar = policy?.calendars[calendarId] ?? (policy?.calendar ? policy.calendars[policy.calendar] : undefined);
  return calendar?.timeZone ?? 'UTC';
}
