import { benchAlerts } from './alerts.ts';
import { benchEngine } from './engine.ts';
import { benchEvaluate } from './evaluate.ts';
import { benchOverlay } from './overlay.ts';
import { benchReport } from './report.ts';

/**
 * `npm run bench`: runs every bench module in order and prints its figures. Each module's run()
 * returns the lines to print (human-readable, with the figure and its goal on one line).
 */
export interface BenchModule {
  name: string;
  run: () => string[] | Promise<string[]>;
}

/**
 * The benches, in order: the SLA core in Node, then the overlay in real Chromium.
 * (`npm run bench:settings` measures the 5,000-customer import and lookup separately.)
 */
export const benchModules: BenchModule[] = [
  { name: 'evaluate', run: () => benchEvaluate() },
  { name: 'engine', run: benchEngine },
  { name: 'report', run: benchReport },
  { name: 'overlay', run: () => benchOverlay() },
  { name: 'alerts', run: () => benchAlerts() },
];

for (const bench of benchModules) {
  console.log(`── ${bench.name} ──`);
  for (const line of await bench.run()) console.log(line);
}
