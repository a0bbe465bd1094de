import type { SettingsInput } from '../../core/settings/schema';

/**
 * What scripts/rt/seed.ts puts into the local Request Tracker, and the SLA Lens customers that map
 * it to contracts. The E2E tests read the same data to know what each ticket should show, so the
 * seed and the expectations cannot drift apart.
 */

export const RT_QUEUE = 'SLA Lens';
/** RT custom fields the tickets carry (all single-value free text, attached to RT_QUEUE). */
export const RT_CUSTOM_FIELDS = ['Customer', 'Language', 'Support level'] as const;
/**
 * A second queue for what only RT's REST2 API tells on a list (the first message's language, a
 * request type that is no list column, replies): kept apart so the DOM-only tests' queue is unchanged.
 */
export const RT_API_QUEUE = 'SLA Lens API';
export const RT_API_CUSTOM_FIELDS = ['Request type'] as const;
/** RT's %PriorityAsString in scripts/rt/setup.sh: label → number. */
export const RT_PRIORITIES = { Low: 0, Medium: 50, High: 75, Urgent: 100 } as const;
export type RtPriority = keyof typeof RT_PRIORITIES;

export interface SeedUser {
  name: string;
  email: string;
  realName: string;
  organization: string;
}

export interface SeedTicket {
  /** Unique in the queue: the seed finds tickets it made earlier by subject. */
  subject: string;
  requester: string;
  priority: RtPriority;
  /** How long before seeding the ticket was submitted (RT's Created is backdated by this). */
  minutesAgo: number;
  customFields: Partial<Record<(typeof RT_CUSTOM_FIELDS)[number] | (typeof RT_API_CUSTOM_FIELDS)[number], string>>;
  body: string;
  /** An agent reply is added after creation (so the ticket shows a first response). */
  reply?: string;
}

export const SEED_USERS: SeedUser[] = [
  { name: 'maria.lopez', email: 'maria.lopez@acme-robotics.test', realName: 'Maria Lopez', organization: 'Acme Robotics' },
  { name: 'kenji.sato', email: 'kenji.sato@sakura-systems.test', realName: '佐藤 健二', organization: 'Sakura Systems KK' },
  { name: 'minji.park', email: 'minji.park@hanbit-networks.test', realName: '박민지', organization: 'Hanbit Networks' },
  { name: 'wei.chen', email: 'wei.chen@longmen-data.test', realName: '陈伟', organization: 'Longmen Data' },
  { name: 'jonas.weber', email: 'jonas.weber@nordwind-logistik.test', realName: 'Jonas Weber', organization: 'Nordwind Logistik GmbH' },
  { name: 'lea.frei', email: 'lea.frei@orbital-render.test', realName: 'Lea Frei', organization: 'Orbital Render AG' },
  { name: 'sam.doe', email: 'sam.doe@mystery-corp.test', realName: 'Sam Doe', organization: 'Mystery Corp' },
];

export const SEED_TICKETS: SeedTicket[] = [
  {
    subject: 'Robot arm controller down in production',
    requester: 'maria.lopez@acme-robotics.test',
    priority: 'Urgent',
    minutesAgo: 20,
    customFields: { Customer: 'Acme Robotics', Language: 'English', 'Support level': 'Gold' },
    body: 'All three welding cells stopped after the controller rebooted.',
  },
  {
    subject: 'Firmware update fails on line 3',
    requester: 'maria.lopez@acme-robotics.test',
    priority: 'High',
    minutesAgo: 3 * 24 * 60,
    customFields: { Customer: 'Acme Robotics', Language: 'English', 'Support level': 'Gold' },
    body: 'The updater stops at 87% with error E-431.',
  },
  {
    subject: 'Sensor calibration drifts after restart',
    requester: 'maria.lopez@acme-robotics.test',
    priority: 'High',
    minutesAgo: 30,
    customFields: { Customer: 'Acme Robotics', Language: 'English', 'Support level': 'Gold' },
    body: 'Calibration offsets are lost whenever the cell restarts.',
    reply: 'Thanks Maria, we are looking at the calibration store now.',
  },
  {
    subject: '本番環境でログインできません',
    requester: 'kenji.sato@sakura-systems.test',
    priority: 'Urgent',
    minutesAgo: 10,
    customFields: { Customer: 'Sakura Systems KK', Language: 'Japanese', 'Support level': 'Platinum' },
    body: '本番環境の管理画面にログインできません。至急対応をお願いします。',
  },
  {
    subject: 'VPN 연결이 자주 끊깁니다',
    requester: 'minji.park@hanbit-networks.test',
    priority: 'Medium',
    minutesAgo: 60,
    customFields: { Customer: 'Hanbit Networks', Language: 'Korean', 'Support level': 'Silver' },
    body: '사무실 VPN 연결이 10분마다 끊어집니다.',
  },
  {
    subject: '数据库复制延迟严重',
    requester: 'wei.chen@longmen-data.test',
    priority: 'Urgent',
    minutesAgo: 30,
    customFields: { Customer: 'Longmen Data', Language: 'Chinese', 'Support level': 'Production' },
    body: '主从数据库复制延迟超过三十分钟。',
  },
  {
    subject: 'Rechnungskopie für Oktober',
    requester: 'jonas.weber@nordwind-logistik.test',
    priority: 'Low',
    minutesAgo: 120,
    customFields: { Customer: 'Nordwind Logistik GmbH', Language: 'English', 'Support level': 'Standard' },
    body: 'Bitte senden Sie uns eine Kopie der Rechnung für Oktober.',
  },
  {
    subject: 'GPU instance does not boot',
    requester: 'lea.frei@orbital-render.test',
    priority: 'Medium',
    minutesAgo: 45,
    customFields: { Customer: 'Orbital Render AG', Language: 'English' },
    body: 'Our A100 instance hangs at boot since this morning.',
  },
  {
    subject: 'Question about pricing',
    requester: 'sam.doe@mystery-corp.test',
    priority: 'High',
    minutesAgo: 15,
    customFields: { Customer: 'Mystery Corp', Language: 'English' },
    body: 'What does the enterprise plan cost?',
  },
];

/** RT_API_QUEUE's tickets: customers from the requester's domain, no Language field. */
export const RT_API_SEED_TICKETS: SeedTicket[] = [
  {
    subject: 'Cannot export the monthly report',
    requester: 'kenji.sato@sakura-systems.test',
    priority: 'High',
    minutesAgo: 25,
    customFields: {},
    body: '月次レポートをCSVにエクスポートしようとするとエラーになります。確認をお願いします。',
  },
  {
    subject: 'Please add a dark mode to the dashboard',
    requester: 'maria.lopez@acme-robotics.test',
    priority: 'Medium',
    minutesAgo: 40,
    customFields: { 'Request type': 'Feature request' },
    body: 'Our night shift would like a dark theme for the line dashboard.',
    reply: 'Thanks Maria, we have passed this on to the product team.',
  },
];

/** A search format with exact times and the custom fields (RT's default shows only "20 minutes ago"). */
export const SLA_SEARCH_FORMAT = [
  `'<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__id__</a></b>/TITLE:#'`,
  `'<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__Subject__</a></b>/TITLE:Subject'`,
  'Status',
  'Priority',
  `'__Requestors__'`,
  `'__Created__'`,
  `'__CustomField.{Customer}__'`,
  `'__CustomField.{Language}__'`,
  `'__CustomField.{Support level}__'`,
].join(', ');

export function searchPath(format?: string, query = `Queue = '${RT_QUEUE}'`) {
  const params = new URLSearchParams({ Query: query, OrderBy: 'id', Order: 'ASC' });
  if (format) params.set('Format', format);
  return `/Search/Results.html?${params}`;
}

/** SLA Lens settings for this RT: every seeded customer but Mystery Corp (which stays unmapped). */
export function rtSettings(baseUrl: string): SettingsInput {
  return {
    version: 1,
    customers: [
      { id: 'acme', name: 'Acme Robotics', domains: ['acme-robotics.test'], policy: 'velostrata-1.2', level: 'gold' },
      {
        id: 'sakura',
        name: 'Sakura Systems KK',
        domains: ['sakura-systems.test'],
        policy: 'velostrata-1.2',
        level: 'platinum',
        languages: ['ja'],
      },
      {
        id: 'hanbit',
        name: 'Hanbit Networks',
        domains: ['hanbit-networks.test'],
        policy: 'velostrata-1.2',
        level: 'silver',
        languages: ['ko'],
      },
      {
        id: 'longmen',
        name: 'Longmen Data',
        domains: ['longmen-data.test'],
        policy: 'velostrata-2.0',
        languages: ['zh'],
        contacts: [{ address: 'wei.chen@longmen-data.test', role: 'production' }],
      },
      { id: 'nordwind', name: 'Nordwind Logistik GmbH', domains: ['nordwind-logistik.test'], policy: 'velostrata-4.0' },
      { id: 'orbital', name: 'Orbital Render AG', domains: ['orbital-render.test'], policy: 'centron-cloud-gpu' },
    ],
    sites: [
      {
        adapter: 'rt',
        // Match patterns carry no port: this covers RT on any loopback port (and fixture servers).
        matches: [`${new URL(baseUrl).protocol}//${new URL(baseUrl).hostname}/*`],
        // setup.sh sets RT's $Timezone; RT prints times in it without an offset.
        timeZone: process.env.RT_TIMEZONE ?? 'UTC',
        priorityMap: { Low: 'P4', Medium: 'P3', High: 'P2', Urgent: 'P1' },
      },
    ],
  };
}
