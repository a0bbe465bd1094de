import { createRequire } from 'node:module';
import { compileCalendar } from '../core/time/index.ts';
import type { BusinessCalendar, Weekday } from '../core/time/index.ts';

/**
 * The business-time engine:
 *  1. the same business-hours additions (targets of 60, 240 and 480 minutes from random instants
 *     in 2019–2030) with moment-business-time and with our engine on Mon–Fri 09:00–17:00
 *     Asia/Tokyo — agreement on every input, ops/s of each and the ratio (goal ≥ 100×);
 *  2. a 10,000-business-hour target against a 1-hour one with our engine (goal ≤ 3× the cost).
 */

const SECONDS = 2;
const INPUTS = 5000;
export const TOKYO = 'Asia/Tokyo';

const weekdays: Weekday[] = [1, 2, 3, 4, 5];
export const tokyoSpec = {
  id: 'japan',
  name: 'Japan business hours (Mon–Fri 09:00–17:00 JST)',
  timeZone: TOKYO,
  weekly: weekdays.map((day) => ({ from: { day, time: '09:00' }, to: { day, time: '17:00' } })),
  holidays: [],
};

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A small seeded generator, so every run (and both libraries) sees the same inputs. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface BusinessMoment {
  addWorkingTime(amount: number, unit: 'minutes'): BusinessMoment;
  valueOf(): number;
  utcOffset(): number;
}
type MomentFn = ((t: number) => BusinessMoment) & { updateLocale(name: string, config: object): void };

/**
 * moment-business-time works in the process's local zone: switch it to Tokyo (Node re-reads TZ
 * when it is assigned) before moment loads, and check it took. Both modules come through require,
 * so the plugin patches the very moment instance we call.
 */
function momentInTokyo(): MomentFn {
  process.env.TZ = TOKYO;
  const require = createRequire(import.meta.url);
  const moment = require('moment') as MomentFn;
  require('moment-business-time');
  const day = ['09:00:00', '17:00:00'];
  moment.updateLocale('en', { workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null }, holidays: [] });
  const offset = moment(0).utcOffset();
  if (offset !== 540) throw new Error(`moment runs at UTC offset ${offset} min, not Tokyo's 540: TZ was not honoured`);
  return moment;
}

/**
 * Calls per second of each op, measured in alternating 50 ms slices so that a busy machine slows
 * all of them alike and their ratio stays fair.
 */
export function race(ops: Array<(i: number) => number>, n: number): number[] {
  const counts = ops.map(() => 0);
  const times = ops.map(() => 0);
  let checksum = 0;
  for (let round = 0; round < (SECONDS * 1000) / 50; round++) {
    ops.forEach((op, which) => {
      const started = performance.now();
      let count = counts[which] as number;
      while (performance.now() - started < 50) {
        for (let k = 0; k < 20; k++) checksum += op(count++ % n);
      }
      counts[which] = count;
      times[which] = (times[which] as number) + performance.now() - started;
    });
  }
  if (Number.isNaN(checksum)) throw new Error('bench produced NaN');
  return counts.map((count, which) => count / ((times[which] as number) / 1000));
}

/** The comparison's inputs: 5,000 random instants in 2019–2030 (to the second) and a target of 60, 240 or 480 minutes each. */
export function versusMomentInputs(): { instants: number[]; minutes: number[] } {
  const next = random(2019);
  const from = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2030, 11, 31) - from;
  const instants = Array.from({ length: INPUTS }, () => from + Math.floor(next() * (span / 1000)) * 1000);
  const minutes = instants.map(() => [60, 240, 480][Math.floor(next() * 3)] as number);
  return { instants, minutes };
}

/** Runs `work` with moment-business-time switched to Tokyo's zone, and puts the process's TZ back after. */
export function withMomentInTokyo<T>(work: (moment: MomentFn) => T): T {
  const originalTz = process.env.TZ;
  try {
    return work(momentInTokyo());
  } finally {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  }
}

function versusMoment(cal: BusinessCalendar): string[] {
  const { instants, minutes } = versusMomentInputs();
  return withMomentInTokyo((moment) => {
    const viaMoment = (i: number) => moment(instants[i] as number).addWorkingTime(minutes[i] as number, 'minutes').valueOf();
    const viaEngine = (i: number) => cal.addMinutes(instants[i] as number, minutes[i] as number);
    const agree = instants.filter((_, i) => viaMoment(i) === viaEngine(i)).length;
    const [engine = 0, momentOps = 0] = race([viaEngine, viaMoment], INPUTS);
    return [
      `agreement with moment-business-time (run with TZ=${TOKYO}): ${agree} of ${INPUTS} additions identical`,
      `moment-business-time addWorkingTime (Tokyo 9-17, 60/240/480 min): ${fmt(momentOps)} ops/s`,
      `engine addMinutes (Tokyo 9-17, 60/240/480 min): ${fmt(engine)} ops/s`,
      `engine vs moment-business-time: ${(engine / momentOps).toFixed(0)}× faster (goal ≥ 100×)`,
    ];
  });
}

function longVersusShort(): string[] {
  // A calendar of its own, so the one-time table extension for the first long target is measured.
  const cal = compileCalendar({ ...tokyoSpec, id: 'japan-long' });
  const next = random(10_000);
  const from = Date.UTC(2019, 0, 1);
  const instants = Array.from({ length: INPUTS }, () => from + Math.floor(next() * 365 * 86_400) * 1000);
  cal.addMinutes(instants[0] as number, 60);
  const firstLong = performance.now();
  cal.addMinutes(instants[0] as number, 600_000);
  const extendMs = performance.now() - firstLong;
  const [short = 0, long = 0] = race(
    [(i) => cal.addMinutes(instants[i] as number, 60), (i) => cal.addMinutes(instants[i] as number, 600_000)],
    INPUTS,
  );
  return [
    `engine addMinutes 1-hour target (Tokyo 9-17): ${fmt(short)} ops/s`,
    `engine addMinutes 10,000-hour target (Tokyo 9-17, ~5 years ahead): ${fmt(long)} ops/s`,
    `10,000 h costs ${(short / long).toFixed(2)}× a 1 h target (goal ≤ 3×); one-time table extension for it: ${extendMs.toFixed(1)} ms`,
  ];
}

export function benchEngine(): string[] {
  const started = performance.now();
  const cal = compileCalendar(tokyoSpec);
  cal.isOpen(Date.UTC(2019, 0, 1)); // compiles the first years
  const compileMs = performance.now() - started;
  return [
    `engine: first compile of ${tokyoSpec.name} (3 years): ${compileMs.toFixed(1)} ms`,
    ...versusMoment(cal),
    ...longVersusShort(),
  ];
}
