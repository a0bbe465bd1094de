import { benchEngine } from './engine.ts';

/**
 * `npm run bench`: runs every bench module in order and prints its figures. Each module's run()
 * returns the lines to print (human-readable, with the figure and its goal on one line).
 */
export interface BenchModule {
  name: string;
  run: () => string[] | Promise<string[]>;
}

/**
 * ── The benches, in order. ADD YOURS HERE ──
 * lead: { name: 'evaluate', run: () => benchEvaluate() } from './evaluate.ts' (evaluations per second)
 * overlay-ui helper: { name: 'overlay', run: () => benchOverlay() } from './overlay.ts'
 */
export const benchModules: BenchModule[] = [{ name: 'engine', run: benchEngine }];

for (const bench of benchModules) {
  console.log(`── ${bench.name} ──`);
  for (const line of await bench.run()) console.log(line);
}
