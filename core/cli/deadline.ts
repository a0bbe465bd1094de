import { DateTime } from 'luxon';
import { parseArgs } from 'node:util';
import { EvaluateError } from '../evaluate/error';
import { evaluate } from '../evaluate/evaluate';
import { formatInZone, formatMinutes } from '../evaluate/format';
import type { EvaluateInput } from '../evaluate/types';
import { type RenderedResult, renderResult } from '../explain/render';
import { getPolicy } from '../policy/builtin';
import { READER_LANGUAGES } from '../explain/format';
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
  io.stdout.write(`${describe(result, typeof input.policy === 'string' ? input.policy : '', now, localZone)}\n`);
  return 0;
}

/** Maps an input path back to the flag the user typed ("englishAccepted" → --english-accepted). */
function flagName(path: Array<string | number>): string {
  const [field] = path;
  if (field === undefined) return 'input';
  return `--${String(field).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function describe(result: RenderedResult, policyId: string, now: number, localZone: string): string {
  const lines: string[] = [];
  const target = result.target;
  if (target) {
    const deadline = Date.parse(target.deadline);
    const policyZone = zoneOf(policyId, target.calendar);
    const left = deadline - now;
    lines.push(
      `Deadline:   ${formatInZone(deadline, policyZone)}  (${policyZone})`,
      `            ${formatInZone(deadline, localZone)}  (local, ${localZone})`,
      `            ${target.deadline}`,
      `Target:     ${formatMinutes(target.minutes)} ${target.clock === '24/7' ? '24/7' : `business hours (${target.calendar})`} — ${target.source}`,
      `Clock:      starts ${formatInZone(Date.parse(target.start), policyZone)}`,
      left >= 0 ? `Time left:  ${formatMinutes(left / 60_000)}` : `Overdue:    by ${formatMinutes(-left / 60_000)}`,
    );
  } else {
    lines.push('Deadline:   none (no first-response target applies)');
  }
  if (result.notes.length) {
    lines.push('Notes:');
    for (const note of result.notes) lines.push(`  - [${note.code}] ${note.message}`);
  }
  lines.push('Explanation:');
  for (const [i, step] of result.explain.entries()) lines.push(`  ${i + 1}. ${step}`);
  return lines.join('\n');
}

/** The zone the contract's hours are in: the target's calendar, else the policy's main calendar. */
function zoneOf(policyId: string, calendarId: string): string {
  const policy = getPolicy(policyId);
  const calendar = policy?.calendars[calendarId] ?? (policy?.calendar ? policy.calendars[policy.calendar] : undefined);
  return calendar?.timeZone ?? 'UTC';
}
