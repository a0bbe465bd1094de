import { resolveLevel } from '../contracts/level';
import { policyCalendar } from '../evaluate/calendars';
import { EvaluateError } from '../evaluate/error';
import { evaluateTarget, type TargetResult } from '../evaluate/evaluate';
import type { Target } from '../evaluate/types';
import type { Policy } from '../policy/schema';
import { isoUtc } from '../time/iso';
import { clockFor } from '../time/zone-clock';
import { addCounts, emptyCounts } from './counts';
import { createRowResolver, type ResolvedRow } from './row-input';
import {
  type BadRowReason,
  type ReportRow,
  type Counts,
  ROUTED_LANGUAGES,
  type ReportAccumulator,
  type ReportGroup,
  type ReportOptions,
  type ReportResult,
  type RoutedLanguage,
  SHARE_BOUNDS,
  type TicketState,
  type WorstMiss,
} from './types';

const MINUTE = 60_000;
const WORST = 20;
const BAD_LISTED = 1000;
/** Shares this close to a bound count as on it (business minutes are fractional). */
const EPSILON = 1e-9;

/**
 * The report as rows stream in: each row is evaluated with evaluateTarget() (no text composed) and
 * only counted — per month × customer × policy × level × priority, per language team, and in the
 * share-of-target distribution. Memory grows with the number of groups, never with the rows: the
 * worst misses (a bounded list with the input that explains them) and the first bad rows are all
 * that is kept of single tickets.
 */
export function createReport(options: ReportOptions): ReportAccumulator {
  const zone = options.zone ?? 'UTC';
  const clock = clockFor(zone);
  const resolve = createRowResolver(options);
  const worstLimit = options.worst ?? WORST;
  const badLimit = options.badRowsListed ?? BAD_LISTED;

  const groups = new GroupIndex();
  const months = new Map<string, Counts>();
  const routed = new Map<RoutedLanguage, { counts: Counts; months: Map<string, Counts> }>();
  const totals = emptyCounts();
  const worst: WorstMiss[] = [];
  const bad: ReportResult['bad'] = { count: 0, byCode: {}, listed: [] };
  let rows = 0;
  let skipped = 0;

  const addBad = (row: number, reason: BadRowReason) => {
    bad.count++;
    bad.byCode[reason.code] = (bad.byCode[reason.code] ?? 0) + 1;
    if (bad.listed.length < badLimit) bad.listed.push({ row, ...reason });
  };

  /** The kept miss that goes first when a worse one comes (-1 while there is room). */
  let least = -1;
  const findLeast = () => {
    least = 0;
    // A short list (20 by default): a scan beats a heap's bookkeeping.
    for (let i = 1; i < worst.length; i++) if (worseThan(worst[least] as WorstMiss, worst[i] as WorstMiss)) least = i;
  };
  /** Whether a miss this overdue at this row would be kept (asked before building it). */
  const wouldKeep = (overdueMinutes: number, row: number) => {
    if (worst.length < worstLimit) return true;
    const held = worst[least] as WorstMiss;
    return overdueMinutes > held.overdueMinutes || (overdueMinutes === held.overdueMinutes && row < held.row);
  };
  const keep = (miss: WorstMiss) => {
    if (worst.length < worstLimit) worst.push(miss);
    else worst[least] = miss;
    if (worst.length === worstLimit) findLeast();
  };

  /** A row's target and state, the reason it has none, or 'skipped' outside from–to. */
  const evaluateRow = (row: ReportRow) => {
    const resolved = resolve(row);
    if ('code' in resolved) return resolved;
    const submitted = Date.parse(resolved.input.submitted);
    const wall = isoUtc(submitted + clock.offset(submitted) * MINUTE);
    const day = wall.slice(0, 10);
    if ((options.from && day < options.from) || (options.to && day > options.to)) return 'skipped' as const;
    let result: TargetResult;
    try {
      result = evaluateTarget(resolved.input);
    } catch (error) {
      if (!(error instanceof EvaluateError)) throw error;
      // The message starts with the path ("level: unknown level …"): the reason says the field once.
      const detail = error.path.length ? error.message.slice(error.path.join('.').length + 2) : error.message;
      return { code: 'invalid-field', field: error.path.join('.'), detail } satisfies BadRowReason;
    }
    return { resolved, result, outcome: judge(result, resolved, options.now), wall };
  };

  return {
    addBad: (row, reason) => {
      rows++;
      addBad(row, reason);
    },

    add(row, rowNumber) {
      rows++;
      let evaluated: ReturnType<typeof evaluateRow>;
      try {
        evaluated = evaluateRow(row);
      } catch (error) {
        // Whatever a row holds, it is this row's problem: the report goes on.
        evaluated = { code: 'invalid-field', detail: error instanceof Error ? error.message : String(error) };
      }
      if (evaluated === 'skipped') {
        skipped++;
        return;
      }
      if ('code' in evaluated) return addBad(rowNumber, evaluated);
      const { resolved, result, outcome, wall } = evaluated;
      const month = wall.slice(0, 7);
      const group = groups.get(month, resolved);
      count(group.counts, outcome);
      count(totals, outcome);
      count(countsIn(months, month), outcome);
      const language = resolved.input.language;
      if (result.notes.some((n) => n.code === 'language-routed') && (ROUTED_LANGUAGES as readonly string[]).includes(language ?? '')) {
        let team = routed.get(language as RoutedLanguage);
        if (!team) {
          team = { counts: emptyCounts(), months: new Map() };
          routed.set(language as RoutedLanguage, team);
        }
        count(team.counts, outcome);
        count(countsIn(team.months, month), outcome);
      }
      if ((outcome.state === 'late' || outcome.state === 'open-late') && result.target) {
        const overdueMinutes = Math.floor(((resolved.reply ?? options.now) - Date.parse(result.target.deadline)) / MINUTE);
        if (!wouldKeep(overdueMinutes, rowNumber)) return;
        keep({
          row: rowNumber,
          ...(row.id?.trim() ? { id: row.id.trim() } : {}),
          ...(row.subject?.trim() ? { subject: row.subject.trim() } : {}),
          customer: resolved.customer,
          state: outcome.state,
          priority: resolved.input.priority as WorstMiss['priority'],
          deadline: result.target.deadline,
          ...(resolved.reply !== undefined ? { firstReply: isoUtc(resolved.reply) } : {}),
          overdueMinutes,
          input: resolved.input,
        });
      }
    },

    result() {
      const sortedMonths = (map: Map<string, Counts>) =>
        [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, counts]) => ({ month, counts: addCounts(emptyCounts(), counts) }));
      return {
        zone,
        now: isoUtc(options.now),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        rows,
        skipped,
        totals: addCounts(emptyCounts(), totals),
        groups: sortGroups(groups.all).map((g) => ({ ...g, counts: addCounts(emptyCounts(), g.counts) })),
        months: sortedMonths(months),
        routed: ROUTED_LANGUAGES.filter((l) => routed.has(l)).map((language) => {
          const team = routed.get(language) as { counts: Counts; months: Map<string, Counts> };
          return { language, counts: addCounts(emptyCounts(), team.counts), months: sortedMonths(team.months) };
        }),
        worst: [...worst].sort((a, b) => (worseThan(a, b) ? -1 : 1)),
        bad: { count: bad.count, byCode: { ...bad.byCode }, listed: [...bad.listed].sort((a, b) => a.row - b.row) },
      };
    },
  };
}

interface Outcome {
  state: TicketState;
  /** Index into SHARE_BOUNDS for answered tickets with a target. */
  bucket?: number;
  /** The note code that says why there is no target. */
  why?: string;
}

/** The ticket's state at `now`, and where its first response falls in the distribution. */
function judge(result: TargetResult, row: ResolvedRow, now: number): Outcome {
  const target = result.target;
  // The core adds the note that explains a missing target last.
  if (!target) return { state: 'no-target', why: result.notes.at(-1)?.code ?? 'no-target' };
  const due = Date.parse(target.deadline);
  if (row.reply === undefined) return { state: now >= due ? 'open-late' : 'open' };
  const state = row.reply <= due ? 'met' : 'late';
  let bucket = SHARE_BOUNDS.findIndex((bound) => shareOf(target, row, row.reply as number) <= bound + EPSILON);
  // A reply after the deadline in closed hours used no more business minutes than the target: still a miss.
  if (state === 'late' && bucket <= SHARE_BOUNDS.indexOf(1)) bucket = SHARE_BOUNDS.indexOf(1) + 1;
  return { state, bucket };
}

/** Minutes on the target's clock from its start to the reply, as a share of the target. */
function shareOf(target: Target, row: ResolvedRow, reply: number): number {
  const start = Date.parse(target.start);
  if (reply <= start || target.minutes <= 0) return 0;
  if (target.clock === '24/7') return (reply - start) / MINUTE / target.minutes;
  const { policy, input } = row;
  const calendar = policyCalendar(policy, target.calendar, input.region ?? policy.defaultRegion, input.holidays);
  return calendar.minutesBetween(start, reply) / target.minutes;
}

function count(counts: Counts, outcome: Outcome): void {
  counts.tickets++;
  switch (outcome.state) {
    case 'met':
      counts.met++;
      break;
    case 'late':
      counts.late++;
      break;
    case 'open-late':
      counts.openLate++;
      break;
    case 'open':
      counts.open++;
      break;
    case 'no-target': {
      counts.noTarget++;
      const why = outcome.why as string;
      counts.noTargetBy[why] = (counts.noTargetBy[why] ?? 0) + 1;
    }
  }
  if (outcome.bucket !== undefined) counts.shares[outcome.bucket] = (counts.shares[outcome.bucket] ?? 0) + 1;
}

function countsIn(map: Map<string, Counts>, month: string): Counts {
  let counts = map.get(month);
  if (!counts) {
    counts = emptyCounts();
    map.set(month, counts);
  }
  return counts;
}

function levelOf(policy: Policy, level: string | undefined): string {
  return resolveLevel(policy, level)?.id ?? level ?? '';
}

/**
 * The groups by month, customer, policy, level and priority in nested maps: their keys are strings
 * the settings and policies already hold (hashed once), where one joined key would be a new string
 * to hash on every row.
 */
class GroupIndex {
  readonly all: ReportGroup[] = [];
  private readonly tree = new Map<string, Map<string, Map<string, Map<string, Map<string, ReportGroup>>>>>();

  get(month: string, row: ResolvedRow): ReportGroup {
    const level = levelOf(row.policy, row.input.level);
    const priority = row.input.priority as ReportGroup['priority'];
    const byPriority = child(child(child(child(this.tree, month), row.customer), row.policy.id), level);
    let group = byPriority.get(priority);
    if (!group) {
      group = { month, customer: row.customer, policy: row.policy.id, level, priority, counts: emptyCounts() };
      byPriority.set(priority, group);
      this.all.push(group);
    }
    return group;
  }
}

function child<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (!found) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** By month, customer (numerically: "Customer 2" before "Customer 10"), policy, level and priority. */
function sortGroups(groups: readonly ReportGroup[]): ReportGroup[] {
  // Each name ranked once, not compared with Intl on every comparison of 20,000 groups.
  const names = [...new Set(groups.flatMap((g) => [g.customer, g.policy, g.level]))].sort(collator.compare);
  const rank = new Map(names.map((name, i) => [name, i]));
  const r = (name: string) => rank.get(name) as number;
  return [...groups].sort(
    (a, b) =>
      (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) ||
      r(a.customer) - r(b.customer) ||
      r(a.policy) - r(b.policy) ||
      r(a.level) - r(b.level) ||
      (a.priority < b.priority ? -1 : a.priority > b.priority ? 1 : 0),
  );
}

/** More overdue first; on a tie the earlier row. */
function worseThan(a: WorstMiss, b: WorstMiss): boolean {
  return a.overdueMinutes > b.overdueMinutes || (a.overdueMinutes === b.overdueMinutes && a.row < b.row);
}
