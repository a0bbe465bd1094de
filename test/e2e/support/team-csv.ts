import Papa from 'papaparse';

/**
 * A team's customer list as a team lead writes it in a spreadsheet (the options page's CSV columns,
 * no ids): every built-in policy and several of their levels, holiday regions, Japanese-writing
 * customers, exact requester addresses, some names in Japanese. Every 25th customer is a branch of
 * one group on Velostrata 1.2 Silver (organisation "Northwind Group <n>") — the customers a bulk
 * change moves to another level.
 */

export const TEAM_SIZE = 5000;
export const BULK_ORGANISATION = 'Northwind Group';
/** The customers whose organisation starts with BULK_ORGANISATION in a list of `count`. */
export const bulkGroupSize = (count: number) => Math.ceil(count / 25);

/** The exact requester address of customer `i` (every even one has one). */
export const addressOf = (i: number) => `buyer${i}@partner${i}.example`;
export const nameOf = (i: number) => (i % 7 === 0 ? `株式会社 顧客${i}` : `Customer ${i} Ltd`);

const PLANS: Array<[policy: string, level: string, region: string]> = [
  ['velostrata-1.2', 'silver', 'americas'],
  ['velostrata-1.2', 'gold', 'emea'],
  ['velostrata-1.2', 'platinum', ''],
  ['velostrata-2.0', 'production', ''],
  ['velostrata-2.0', 'business-critical', ''],
  ['velostrata-2.0', 'development', ''],
  ['velostrata-4.0', '', 'emea'],
  ['centron-cloud-gpu', '', ''],
];

export function teamCsv(count = TEAM_SIZE): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const bulk = i % 25 === 3;
    const [policy, level, region] = bulk ? (PLANS[0] as (typeof PLANS)[0]) : (PLANS[i % PLANS.length] as (typeof PLANS)[0]);
    return {
      name: nameOf(i),
      organisations: bulk ? `${BULK_ORGANISATION} ${i}` : `Customer ${i} Holding`,
      domains: `customer${i}.example; customer${i}.example.jp`,
      addresses: i % 2 === 0 ? addressOf(i) : '',
      policy,
      level,
      region,
      languages: i % 10 === 0 ? 'ja' : '',
      englishAccepted: i % 4 === 0 ? 'yes' : 'no',
      notes: i % 50 === 0 ? 'Key account, call first' : '',
    };
  });
  return Papa.unparse(rows, { newline: '\n' });
}
