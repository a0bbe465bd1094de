import { evaluate, type EvaluateInput } from '../core/index.ts';

/**
 * evaluate() end to end — input validation, policy and level lookup, language routing, calendar
 * arithmetic and the explanation — over a mix of every built-in policy, level, priority and language.
 */
export function benchEvaluate(seconds = 2): string[] {
  const inputs = mixedInputs(2000);
  for (const input of inputs.slice(0, 200)) evaluate(input); // warm caches and the JIT
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) evaluate(inputs[count++ % inputs.length] as EvaluateInput);
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  return [`evaluate(): ${Math.round(perSecond).toLocaleString('en-US')} evaluations/s (mixed policies, levels, priorities, languages, 2019–2030)`];
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
