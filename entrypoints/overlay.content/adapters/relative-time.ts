import { DateTime, type DurationLikeObject } from 'luxon';

/**
 * "3 hours ago", "vor 2 Stunden", "2日前", "just now" → an instant. Only a last resort: helpdesks
 * round these (RT says "3 weeks ago"), so callers flag the result as approximate.
 */

type Unit = keyof DurationLikeObject;

const UNITS: [RegExp, Unit][] = [
  [/^(?:s|secs?|seconds?|sek(?:unden?)?|秒|초)$/iu, 'seconds'],
  [/^(?:m|mins?|minutes?|minuten?|分|分钟|분)$/iu, 'minutes'],
  [/^(?:h|hrs?|hours?|std|stunden?|時間|小时|小時|시간)$/iu, 'hours'],
  [/^(?:d|days?|tagen?|日|天|일)$/iu, 'days'],
  [/^(?:w|wks?|weeks?|wochen?|週間?|周|주)$/iu, 'weeks'],
  [/^(?:mo|months?|monaten?|か月|ヶ月|ケ月|个月|個月|개월|달)$/iu, 'months'],
  [/^(?:y|yrs?|years?|jahren?|年|년)$/iu, 'years'],
];

const ONE = /^(?:an?|one|ein(?:e[mnr]?)?|einem)$/iu;
const NOW = /^(?:just now|now|moments? ago|a few seconds ago|less than a minute ago|gerade(?: eben)?|jetzt|soeben|vor wenigen sekunden|たった今|今|방금|刚刚)$/iu;
const YESTERDAY = /^(?:yesterday|gestern|昨日|어제|昨天)$/iu;

// "3 hours ago", "about an hour ago", "vor 2 Stunden", "vor einer Stunde", "2日前", "3 시간 전", "3小时前"
const PATTERNS = [
  /^(?:about |over |almost |ca\. |etwa )?(\S+)\s*([^\s\d]+?)\s+ago$/iu,
  /^vor (?:etwa |ca\. |über |fast )?(\S+)\s+(\S+?)$/iu,
  /^(\d+)\s*([^\s\d]+?)\s*(?:前|전)$/u,
];

/** Units of a fixed length: plain arithmetic, no DateTime (this runs for every row of RT's default list). */
const FIXED_MS: Partial<Record<Unit, number>> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000 };

function toUnit(word: string): Unit | undefined {
  return UNITS.find(([pattern]) => pattern.test(word))?.[1];
}

function toCount(word: string): number | undefined {
  if (ONE.test(word)) return 1;
  const n = Number(word);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function parseRelativeTime(text: string, now: Date): Date | undefined {
  const clean = text.replace(/\s+/gu, ' ').trim().replace(/[.!]$/u, '');
  if (NOW.test(clean)) return now;
  // Calendar arithmetic (months, DST days) through luxon, only for text that is relative: "Not set"
  // on many rows of a list should cost a few regex tests, not a DateTime each.
  if (YESTERDAY.test(clean)) return DateTime.fromJSDate(now).minus({ days: 1 }).toJSDate();
  for (const pattern of PATTERNS) {
    const match = pattern.exec(clean);
    if (!match) continue;
    const count = toCount(match[1] ?? '');
    const unit = toUnit(match[2] ?? '');
    if (count === undefined || !unit) continue;
    const ms = FIXED_MS[unit];
    return ms ? new Date(now.getTime() - count * ms) : DateTime.fromJSDate(now).minus({ [unit]: count }).toJSDate();
  }
  return undefined;
}
