import { evaluate, type EvaluateInput, evaluateTarget, type PolicyInput } from '../core/index.ts';
import { fmt, race, TOKYO, tokyoSpec, versusMomentInputs, withMomentInTokyo } from './engine.ts';

/**
 * The SLA core's throughput:
 *  1. evaluate() (validation, steps of the explanation, notes) and evaluateTarget() against
 *     moment-business-time on the engine bench's own inputs (60/240/480-minute business-hours targets
 *     from random instants 2019–2030, Mon–Fri 09:00–17:00 Asia/Tokyo, here a custom policy with that
 *     calendar whose P1/P2/P3 are those targets), measured in one race so a busy machine slows all alike
 *     (goals: evaluate() ≥ 10×, evaluateTarget() ≥ 30×);
 *  2. evaluate() over a mix of every built-in policy, level, priority and language.
 */

/** A custom policy (an object, as the options page passes one) with the engine bench's calendar. */
const tokyoPolicy: PolicyInput = {
  id: 'bench-tokyo',
  name: 'Tokyo business hours',
  document: 'Benchmark contract',
  calendars: { japan: { name: tokyoSpec.name, timeZone: TOKYO, weekly: tokyoSpec.weekly, source: '§1' } },
  calendar: 'japan',
  levels: {
    standard: {
      name: 'Standard',
      source: '§2',
      targets: {
        P1: { minutes: 60, clock: 'business-hours', source: '§2.1' },
        P2: { minutes: 240, clock: 'business-hours', source: '§2.2' },
        P3: { minutes: 480, clock: 'business-hours', source: '§2.3' },
      },
    },
  },
  defaultLevel: 'standard',
};

const PRIORITY_OF: Record<number, EvaluateInput['priority']> = { 60: 'P1', 240: 'P2', 480: 'P3' };

function versusMoment(): string[] {
  const { instants, minutes } = versusMomentInputs();
  const inputs: EvaluateInput[] = instants.map((at, i) => ({
    policy: tokyoPolicy as EvaluateInput['policy'],
    priority: PRIORITY_OF[minutes[i] as number] ?? 'P1',
    submitted: new Date(at).toISOString(),
  }));
  return withMomentInTokyo((moment) => {
    const viaMoment = (i: number) => moment(instants[i] as number).addWorkingTime(minutes[i] as number, 'minutes').valueOf();
    const deadline = (target: { deadline: string } | null) => (target ? Date.parse(target.deadline) : Number.NaN);
    const agree = instants.filter(
      (_, i) =>
        viaMoment(i) === deadline(evaluate(inputs[i] as EvaluateInput).target) &&
        viaMoment(i) === deadline(evaluateTarget(inputs[i] as EvaluateInput).target),
    ).length;
    // Timed as callers use them: the result as returned (the deadline an ISO string, not read back).
    const viaEvaluate = (i: number) => evaluate(inputs[i] as EvaluateInput).steps.length;
    const viaTarget = (i: number) => evaluateTarget(inputs[i] as EvaluateInput).notes.length;
    const [full = 0, target = 0, momentOps = 0] = race([viaEvaluate, viaTarget, viaMoment], inputs.length);
    return [
      `on the engine bench's inputs (Tokyo 9-17 custom policy, 60/240/480 min): ${agree} of ${inputs.length} deadlines identical to moment-business-time`,
      `moment-business-time addWorkingTime: ${fmt(momentOps)} ops/s`,
      `evaluate() (validation, explanation steps, notes): ${fmt(full)} evaluations/s — ${(full / momentOps).toFixed(1)}× moment-business-time (goal ≥ 10×)`,
      `evaluateTarget(): ${fmt(target)} evaluations/s — ${(target / momentOps).toFixed(1)}× moment-business-time (goal ≥ 30×)`,
    ];
  });
}

/** evaluate() end to end over a mix of every built-in policy, level, priority and language. */
function mixed(seconds: number): string {
  const inputs = mixedInputs(2000);
  for (const input of inputs.slice(0, 200)) evaluate(input); // warm caches and the JIT
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) evaluate(inputs[count++ % inputs.length] as EvaluateInput);
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  return `evaluate(): ${fmt(perSecond)} evaluations/s (mixed policies, levels, priorities, languages, 2019–2030)`;
}

export function benchEvaluate(seconds = 2): string[] {
  return [...versusMoment(), mixed(seconds)];
}

function mixedInputs(n: number): EvaluateInput[] {
  const shapes: Array<Pick<EvaluateInput, 'policy' | 'level' | 'language' | 'type' | 'region'>> = [
    { policy: 'velostrata-1.2', level: 'silver' },
    { policy: 'velostrata-1.2', level: 'gold', language: 'ja' },
    { policy: 'velostrata-1.2', level: 'platinum', language: 'ko' },
    { policy: 'velostrata-2.0', level: 'development' },
    { policy: 'velostrata-2.0', level: 'production', language: 'zh' },
    { policy: 'velostrata-2.0', level: 'business-critical', type: 'billing', language: 'ja' },
    { policy: 'velostrata-4.0', region: 'emea' },
    { policy: 'velostrata-4.0' },
  ];
  const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
  const from = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2030, 11, 31) - from;
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => ({
    ...shapes[i % shapes.length],
    priority: priorities[Math.floor(random() * 4)] ?? 'P1',
    submitted: new Date(from + Math.floor(random() * span / 60_000) * 60_000).toISOString(),
  })) as EvaluateInput[];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of benchEvaluate()) console.log(line);
