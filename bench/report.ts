import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createReport, NATIVE, readReportFile } from '../core/report';
import { type Settings, Settings as SettingsSchema } from '../core/settings/schema';

/**
 * `sla report` on generated exports: 100,000 rows of mixed policies, levels, languages and
 * priorities whose customers are found through a 500-customer settings file (by name, organisation,
 * requester address and domain) → the aggregated tables (goal < 3 s); then 1,000,000 rows streamed
 * in a child process whose peak memory (max RSS) is the figure (goal < 500 MB).
 */

const CUSTOMERS = 500;
const CONTRACTS = [
  { policy: 'velostrata-1.2', level: 'silver' },
  { policy: 'velostrata-1.2', level: 'gold' },
  { policy: 'velostrata-1.2', level: 'platinum' },
  { policy: 'velostrata-2.0', level: 'production' },
  { policy: 'velostrata-2.0', level: 'business-critical' },
  { policy: 'velostrata-4.0', region: 'emea' },
  { policy: 'velostrata-4.0', region: 'americas' },
  { policy: 'centron-cloud-gpu' },
];

function settings(): Settings {
  return SettingsSchema.parse({
    version: 1,
    customers: Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `c${i}`,
      name: `Customer ${i}`,
      organisations: [`Customer ${i} Holding`],
      domains: [`customer${i}.example`],
      ...CONTRACTS[i % CONTRACTS.length],
    })),
  });
}

const PRIORITIES = ['urgent', 'high', 'normal', 'low', 'P1', 'P2'];
const LANGUAGES = ['', '', '', 'ja', 'ko', 'zh', 'en'];
const HEADER = 'id,subject,customer,organisation,requesterEmail,priority,submitted,language,firstReply';

/** Deterministic rows over 2026: a reply after 0–10 hours on most, none on every seventh. */
function* rows(count: number): Generator<string> {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const from = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const n = Math.floor(random() * CUSTOMERS);
    const submitted = from + Math.floor(random() * 364 * 1440) * 60_000;
    const reply = i % 7 === 0 ? '' : new Date(submitted + Math.floor(random() * 600) * 60_000).toISOString();
    // Each ticket names its customer one way: by name, organisation, requester address or a domain address.
    const who = [`Customer ${n},,`, `,Customer ${n} Holding,`, `,,ops@customer${n}.example`, `,,someone@eu.customer${n}.example`][i % 4];
    yield `${i},Ticket ${i},${who},${PRIORITIES[i % PRIORITIES.length]},${new Date(submitted).toISOString()},${LANGUAGES[i % LANGUAGES.length]},${reply}\n`;
  }
}

async function writeExport(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  let batch = '';
  for (const row of rows(count)) {
    batch += row;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

/** File → aggregated tables, as `sla report` does it. */
async function report(path: string, settingsFile: Settings) {
  const accumulator = createReport({ settings: settingsFile, now: Date.UTC(2027, 0, 1) });
  await readReportFile(createReadStream(path, { encoding: 'utf8' }), 'csv', NATIVE, accumulator);
  return accumulator.result();
}

export async function benchReport(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-report-'));
  try {
    const config = settings();
    const small = join(dir, '100k.csv');
    await writeExport(small, 100_000);
    await report(small, config); // warm the JIT, compiled calendars and zone clocks
    const times: number[] = [];
    const cpu: number[] = [];
    let result: Awaited<ReturnType<typeof report>> | undefined;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const used = process.cpuUsage();
      result = await report(small, config);
      const { user, system } = process.cpuUsage(used);
      times.push(performance.now() - started);
      cpu.push((user + system) / 1000);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const s = (ms: number) => (ms / 1000).toFixed(2);
    const lines = [
      `machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(2)} (wall time grows with it; CPU time is the steadier figure)`,
      `report: 100,000 rows (${(statSync(small).size / 1e6).toFixed(1)} MB CSV, ${CUSTOMERS} customers looked up in the settings) → ${result?.groups.length.toLocaleString('en-US')} groups: ${s(median(times))} s wall, ${s(median(cpu))} s CPU, medians of 5 (wall ${times.map(s).join(', ')} s) — goal < 3 s`,
    ];

    const big = join(dir, '1m.csv');
    await writeExport(big, 1_000_000);
    const settingsPath = join(dir, 'settings.json');
    writeFileSync(settingsPath, JSON.stringify(config));
    // A fresh process, so its peak memory is the report's alone.
    const child = JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--stream', big, settingsPath], { encoding: 'utf8', maxBuffer: 1 << 20 }),
    ) as { seconds: number; maxRssMb: number; heapMb: number; tickets: number; bad: number };
    lines.push(
      `report: 1,000,000 rows streamed (${(statSync(big).size / 1e6).toFixed(0)} MB CSV): peak memory ${child.maxRssMb.toFixed(0)} MB max RSS (heap ${child.heapMb.toFixed(0)} MB at the end), ${child.seconds.toFixed(1)} s, ${child.tickets.toLocaleString('en-US')} tickets counted, ${child.bad} bad rows — goal < 500 MB`,
    );
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The child's part: one report over the big file, then its figures as JSON on stdout. */
async function streamChild(path: string, settingsPath: string): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const config = SettingsSchema.parse(JSON.parse(readFileSync(settingsPath, 'utf8')));
  const started = performance.now();
  const result = await report(path, config);
  const seconds = (performance.now() - started) / 1000;
  const { maxRSS } = process.resourceUsage();
  process.stdout.write(
    JSON.stringify({ seconds, maxRssMb: maxRSS / 1024, heapMb: process.memoryUsage().heapUsed / 1e6, tickets: result.totals.tickets, bad: result.bad.count }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [flag, path, settingsPath] = process.argv.slice(2);
  if (flag === '--stream' && path && settingsPath) await streamChild(path, settingsPath);
  else for (const line of await benchReport()) console.log(line);
}
