import { performance } from 'node:perf_hooks';
import { fakeBrowser } from '@webext-core/fake-browser';
import { buildContractIndex, lookupContract } from '../core/contracts/lookup';
import { contractRows, filterRows, planBulkEdit, sortRows } from '../core/contracts/table';
import { builtinPolicies } from '../core/policy/builtin';
import { customersFromCsv, customersToCsv } from '../core/settings/csv';
import { diffSettings } from '../core/settings/diff';
import { type Customer, SETTINGS_VERSION, Settings } from '../core/settings/schema';
import { validateSettings } from '../core/settings/validate';
import { benchSettingsPage } from './settings-page';

/**
 * 5,000 customers (the size): CSV export and import, validation, the contract index and
 * 10,000 ticket lookups, then the storage round trip (apply + load) on WXT's fake browser; then the
 * options page as the team lead sees it in real Chromium (settings-page.ts: filter, sort, import,
 * apply). Prints medians of a few runs, the page's figures with their goals.
 */

const CUSTOMERS = 5000;
const TICKETS = 10_000;
const RUNS = 5;

function makeCustomers(): Customer[] {
  const levels = ['silver', 'gold', 'platinum'];
  return Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: `c${i}`,
    name: `Customer ${i} GmbH`,
    organisations: [`Customer ${i} Holding`],
    domains: [`customer${i}.com`, `customer${i}.de`],
    addresses: [`ceo@partner${i}.io`],
    policy: 'velostrata-1.2',
    level: levels[i % 3],
    region: i % 2 ? 'emea' : 'americas',
    languages: i % 10 === 0 ? ['ja' as const] : [],
    englishAccepted: i % 4 === 0,
    contacts: [{ address: `ops@customer${i}.com` }, { address: `dev@customer${i}.com` }],
    notes: '',
  }));
}

function tickets() {
  return Array.from({ length: TICKETS }, (_, i) => {
    const n = (i * 7919) % CUSTOMERS;
    switch (i % 5) {
      case 0:
        return { requesterEmail: `ceo@partner${n}.io` };
      case 1:
        return { requesterEmail: `someone@eu.mail.customer${n}.de` };
      case 2:
        return { organisation: `CUSTOMER ${n} holding` };
      case 3:
        return { customer: `customer ${n} gmbh` };
      default:
        return { requesterEmail: `nobody@unknown${n}.org` };
    }
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Wall time and this process's CPU time: on a shared 2-core machine the CPU time is the steadier figure. */
async function time<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = await fn();
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - start);
  }
  const ms = (xs: number[]) => median(xs).toFixed(1).padStart(8);
  console.log(`${label.padEnd(46)} ${ms(wall)} ms wall ${ms(cpu)} ms CPU (medians of ${RUNS})`);
  return result as T;
}

async function main() {
  const customers = makeCustomers();
  const settings = Settings.parse({ version: SETTINGS_VERSION, customers });
  console.log(`settings benchmark: ${CUSTOMERS} customers, ${TICKETS} ticket lookups`);

  const csv = await time('CSV export', () => customersToCsv(customers));
  console.log(`${''.padEnd(46)} ${(csv.length / 1024).toFixed(0)} KB of CSV`);
  await time('CSV import (parse + validate rows)', () => {
    const result = customersFromCsv(csv, customers);
    if (!result.ok) throw new Error(result.errors[0]?.text);
    return result;
  });
  await time('validateSettings (schema + references)', () => {
    const result = validateSettings(settings);
    if (!result.ok) throw new Error(result.errors[0]?.message);
  });
  await time('diffSettings (one customer changed)', () =>
    diffSettings(settings, { ...settings, customers: [{ ...customers[0], level: 'gold' } as Customer, ...customers.slice(1)] }),
  );
  const index = await time('buildContractIndex', () => buildContractIndex(settings));
  const list = tickets();
  let matched = 0;
  await time(`lookupContract × ${TICKETS}`, () => {
    matched = 0;
    for (const ticket of list) if (lookupContract(index, ticket)) matched++;
  });
  console.log(`${''.padEnd(46)} ${matched} of ${TICKETS} matched (every 5th is unknown)`);

  // The options page's contract table: rows built once per settings change, then each keystroke
  // filters and each header click sorts.
  const rows = await time('contract table rows (once per settings change)', () => contractRows(settings, Object.values(builtinPolicies)));
  await time('filter keystroke × 4 (any field)', () => {
    for (const query of ['c', 'customer 4', 'ops@customer4321', 'platinum emea']) filterRows(rows, query);
  });
  await time('filter keystroke (designated contacts only)', () => filterRows(rows, 'dev@customer42', 'contacts'));
  await time('sort by name (numeric collation)', () => sortRows(rows, 'name', 'descending'));
  await time('sort by level', () => sortRows(rows, 'level'));
  await time('bulk edit plan: 200 customers to gold', () =>
    planBulkEdit(settings, new Set(customers.slice(0, 200).map((c) => c.id)), { level: 'gold' }),
  );

  // The storage layer on WXT's fake browser (in-memory: measures our code, not the browser's disk).
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  const store = await import('../utils/settings-store');
  await time('applySettings (validate, diff, write)', async () => {
    const result = await store.applySettings(settings);
    if (!result.ok) throw new Error(result.errors[0]?.message);
  });
  await time('loadSettings (fake storage: no deserialising)', () => store.loadSettings());
  console.log(`${''.padEnd(46)} ${(JSON.stringify(customers).length / 1024).toFixed(0)} KB of customers in storage.local`);

  for (const line of await benchSettingsPage()) console.log(line);
}

await main();
