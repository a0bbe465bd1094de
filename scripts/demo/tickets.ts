import type { BadgeState } from '../../entrypoints/overlay.content/badge-state';

/**
 * The demo helpdesk's tickets: each policy, level/role, language and region, and every badge state.
 * Times are minutes before the server started, so countdowns are live. A ticket that must show one
 * state (`want`) lists variants; the server keeps the first whose predicted state matches now (a
 * "waiting" ticket needs a calendar that is closed right now, and which one is closed depends on the
 * hour).
 */

export type RtPriority = 'Urgent' | 'High' | 'Medium' | 'Low';

/** RT's numbers behind the names (%PriorityAsString, as the RT of scripts/rt/ has them): REST2 answers only the number. */
export const RT_PRIORITY_VALUES: Record<RtPriority, number> = { Low: 0, Medium: 50, High: 75, Urgent: 100 };

/** "Name <address>" → "Name". */
export const requestorName = (requestor: string) => requestor.replace(/\s*<[^>]*>\s*$/, '');
/** "Name <address>" → "address". */
export const requestorAddress = (requestor: string) => requestor.replace(/^.*<([^>]+)>.*$/, '$1');

export interface DemoVariant {
  subject: string;
  /** RT's requestor display, "Name <address>". */
  requestor: string;
  priority: RtPriority;
  /** Minutes before now the ticket was created. */
  createdAgo: number;
  /** Minutes after creation of the first staff reply (shown in the ticket's history). */
  repliedAfter?: number;
  queue?: string;
  /** Render the Created date as RT shows an unset date, so the adapter cannot read it. */
  createdUnset?: boolean;
}

export interface DemoTicket {
  id: number;
  /** What the ticket demonstrates (shown on the demo's index, not in RT's markup). */
  shows: string;
  want?: BadgeState;
  variants: [DemoVariant, ...DemoVariant[]];
}

const waitingVariants: [DemoVariant, ...DemoVariant[]] = [
  {
    subject: '数据同步任务在夜间失败',
    requestor: 'Wang Fang <wang.fang@longmen-logistics.example>',
    priority: 'Medium',
    createdAgo: 20,
  },
  {
    subject: 'ロボット制御APIの認証エラーについて',
    requestor: 'Kenji Sato <kenji.sato@hoshino-robotics.example>',
    priority: 'Medium',
    createdAgo: 20,
  },
  {
    subject: 'Replication lag on the primary cluster',
    requestor: 'Dana Reyes <dana@cascade-outfitters.example>',
    priority: 'Medium',
    createdAgo: 20,
  },
  {
    subject: 'Tracking page slow for warehouse users',
    requestor: 'IT Desk <it@aurora-freight.example>',
    priority: 'Low',
    createdAgo: 20,
  },
  // Just after 17:00 Pacific on a weekday (01:00 UTC in winter) China has just opened and Japan and
  // Korea are open: only a request that came in at v4.0's closing time is still waiting.
  {
    subject: 'Replication lag on the primary cluster',
    requestor: 'Dana Reyes <dana@cascade-outfitters.example>',
    priority: 'Medium',
    createdAgo: 0,
  },
];

export const DEMO_TICKETS: DemoTicket[] = [
  {
    id: 4101,
    shows: 'velostrata-1.2 platinum, P2 round the clock: on track',
    want: 'on-track',
    variants: [
      {
        subject: 'Payment API returns 502 for card payments',
        requestor: 'Lena Vogt <lena.vogt@kestrel-bank.example>',
        priority: 'High',
        createdAgo: 30,
      },
    ],
  },
  {
    id: 4102,
    shows: 'velostrata-1.2 platinum, P2: less than a quarter of the target left',
    want: 'at-risk',
    variants: [
      {
        subject: 'Settlement batch delayed since the last maintenance',
        requestor: 'Lena Vogt <lena.vogt@kestrel-bank.example>',
        priority: 'High',
        createdAgo: 205,
      },
    ],
  },
  {
    id: 4103,
    shows: 'velostrata-1.2 gold, P1 in English (1 h round the clock): breached',
    want: 'breached',
    variants: [
      {
        subject: 'Robot fleet controller offline in plant 2',
        requestor: 'Operations <ops@hoshino-robotics.example>',
        priority: 'Urgent',
        createdAgo: 125,
      },
    ],
  },
  {
    id: 4104,
    shows: 'a request received outside its team’s hours: waiting for the clock to start',
    want: 'waiting',
    variants: waitingVariants,
  },
  {
    id: 4105,
    shows: 'velostrata-1.2 platinum, P1 (15 min): answered in time',
    want: 'met',
    variants: [
      {
        subject: 'Card authorisations failing in all regions',
        requestor: 'Lena Vogt <lena.vogt@kestrel-bank.example>',
        priority: 'Urgent',
        createdAgo: 190,
        repliedAfter: 9,
      },
    ],
  },
  {
    id: 4106,
    shows: 'velostrata-1.2 gold, P1: answered after the deadline',
    want: 'missed',
    variants: [
      {
        subject: 'Emergency stop events not reported',
        requestor: 'Yui Tanaka <yui.tanaka@hoshino-robotics.example>',
        priority: 'Urgent',
        createdAgo: 400,
        repliedAfter: 95,
      },
    ],
  },
  {
    id: 4107,
    shows: 'velostrata-2.0 role "basic": no response target',
    want: 'no-target',
    variants: [
      {
        subject: 'Question about SDK licensing',
        requestor: 'Sam Basic <basic@northwind-labs.example>',
        priority: 'Medium',
        createdAgo: 50,
      },
    ],
  },
  {
    id: 4108,
    shows: 'centron-cloud-gpu, out of scope (third-party software)',
    want: 'no-target',
    variants: [
      {
        subject: 'PyTorch Docker image crashes on startup',
        requestor: 'Ravi Menon <ravi@tensor-forge.example>',
        priority: 'High',
        createdAgo: 75,
      },
    ],
  },
  {
    id: 4109,
    shows: 'centron-cloud-gpu, in scope (account), no response times promised',
    want: 'no-target',
    variants: [
      {
        subject: 'Cannot login to the customer account',
        requestor: 'Ravi Menon <ravi@tensor-forge.example>',
        priority: 'Medium',
        createdAgo: 35,
      },
    ],
  },
  {
    id: 4110,
    shows: 'a customer without a contract mapping',
    want: 'unmapped',
    variants: [
      {
        subject: 'Quote for an extended support plan',
        requestor: 'Mira Costa <mira@sunpeak-solar.example>',
        priority: 'Low',
        createdAgo: 15,
      },
    ],
  },
  {
    id: 4111,
    shows: 'a ticket whose created date cannot be read',
    want: 'unreadable',
    variants: [
      {
        subject: 'Imported from the old mail queue',
        requestor: 'IT Desk <it@aurora-freight.example>',
        priority: 'Medium',
        createdAgo: 0,
        createdUnset: true,
      },
    ],
  },
  {
    id: 4112,
    shows: 'velostrata-1.2 silver, P2 (8 h business hours, Pacific)',
    variants: [
      {
        subject: 'Label printer integration drops jobs',
        requestor: 'Dispatch <dispatch@aurora-freight.example>',
        priority: 'High',
        createdAgo: 60,
      },
    ],
  },
  {
    id: 4113,
    shows: 'velostrata-1.2 gold, Japanese (routed to the Japan team, Japan’s hours)',
    variants: [
      {
        subject: 'ロボット制御APIの認証エラーについて',
        requestor: 'Kenji Sato <kenji.sato@hoshino-robotics.example>',
        priority: 'High',
        createdAgo: 45,
      },
    ],
  },
  {
    id: 4114,
    shows: 'velostrata-1.2 platinum, Korean (Korea’s hours only)',
    variants: [
      {
        subject: '결제 서버 응답 지연 문의',
        requestor: 'Kim Minji <minji.kim@hanbit-games.example>',
        priority: 'High',
        createdAgo: 40,
      },
    ],
  },
  {
    id: 4115,
    shows: 'velostrata-2.0 role "production", Mandarin',
    variants: [
      {
        subject: '仓库系统无法连接到消息队列',
        requestor: 'Wang Fang <wang.fang@longmen-logistics.example>',
        priority: 'High',
        createdAgo: 55,
      },
    ],
  },
  {
    id: 4116,
    shows: 'velostrata-2.0 role "development", P2 (4 h business hours)',
    variants: [
      {
        subject: 'Build pipeline fails with SDK 3.2',
        requestor: 'Dev Team <dev@northwind-labs.example>',
        priority: 'High',
        createdAgo: 25,
      },
    ],
  },
  {
    id: 4117,
    shows: 'velostrata-2.0 role "development" cannot send P1',
    variants: [
      {
        subject: 'Staging environment down',
        requestor: 'Dev Team <dev@northwind-labs.example>',
        priority: 'Urgent',
        createdAgo: 10,
      },
    ],
  },
  {
    id: 4118,
    shows: 'velostrata-2.0 role "business-critical", P1 (15 min round the clock)',
    variants: [
      {
        subject: 'Production checkout unavailable',
        requestor: 'Chief Technology Officer <cto@northwind-labs.example>',
        priority: 'Urgent',
        createdAgo: 4,
      },
    ],
  },
  {
    id: 4119,
    shows: 'velostrata-4.0, Americas holidays (Mon–Fri 12:00–17:00 Pacific)',
    variants: [
      {
        subject: 'Replication lag on the primary cluster',
        requestor: 'Dana Reyes <dana@cascade-outfitters.example>',
        priority: 'High',
        createdAgo: 90,
      },
    ],
  },
  {
    id: 4120,
    shows: 'velostrata-4.0, EMEA holidays',
    variants: [
      {
        subject: 'Migrationswelle 3 hängt beim Cutover',
        requestor: 'Jonas Keller <jonas.keller@rheinwerk.example>',
        priority: 'Medium',
        createdAgo: 150,
      },
    ],
  },
];
