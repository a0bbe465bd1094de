import { DateTime } from 'luxon';
import type { TicketFields } from '../../../core/contracts/ticket';
import type { SettingsInput } from '../../../core/settings/schema';

/**
 * The customers behind the saved helpdesk pages (test/fixtures/<helpdesk>/) and what each page shows
 * of its tickets, read off the HTML by hand: the E2E test derives each badge's state and deadline
 * from these through the core, not from what the adapter reads.
 */

export const HELPDESK_CUSTOMERS: SettingsInput['customers'] = [
  {
    id: 'kaiyo',
    name: 'Kaiyo Systems',
    organisations: ['Kaiyo Systems'],
    domains: ['kaiyo.example.jp'],
    policy: 'velostrata-1.2',
    level: 'gold',
    languages: ['ja'],
  },
  {
    id: 'hanbit',
    name: 'Hanbit Cloud',
    organisations: ['Hanbit Cloud'],
    domains: ['hanbit.example.kr'],
    policy: 'velostrata-2.0',
    level: 'production',
    languages: ['ko'],
    // Zammad shows her address ("Minji@Hanbit…", mixed case): her role, not the customer's, applies.
    contacts: [{ address: 'minji@hanbit.example.kr', role: 'business-critical' }],
  },
  {
    id: 'engines',
    name: 'Analytical Engines',
    organisations: ['Analytical Engines'],
    policy: 'velostrata-1.2',
    level: 'platinum',
  },
  {
    id: 'longmen',
    name: 'Longmen Data',
    organisations: ['Longmen Data'],
    policy: 'velostrata-2.0',
    level: 'business-critical',
    languages: ['zh'],
    // Not deferred to the Mandarin team's hours: the deadline of Jira Cloud's zone-less time then
    // depends on the zone it is read in.
    englishAccepted: true,
  },
];

/**
 * A ticket as its page shows it. Times without an offset are wall times in the zone the page's
 * times are read in; `submittedAgo` (ms) is relative text such as "3 hours ago".
 */
export type PageTicket = Omit<TicketFields, 'submitted'> & ({ submitted: string } | { submittedAgo: number });

const HOUR = 3_600_000;

/** Every ticket of a fixture page that has a customer; the others must be `unreadable`. */
export const PAGE_TICKETS: Record<string, PageTicket[]> = {
  'rt/search-results.html': [
    // #45 has neither priority nor a readable date.
    {
      id: '42',
      subject: 'サーバーが応答しません',
      priorityRaw: 'High',
      customer: 'Kaiyo Systems KK',
      requesterEmail: 'taro@kaiyo.example.jp',
      language: 'ja',
      submitted: '2026-11-15T02:30:00',
    },
    {
      id: '43',
      subject: '서버 접속 불가',
      priorityRaw: 'Urgent',
      customer: 'Hanbit Cloud',
      requesterEmail: 'minji@hanbit.example.kr',
      language: 'ko',
      submittedAgo: 3 * HOUR,
    },
    {
      id: '44',
      subject: '数据库连接超时',
      priorityRaw: 'P2',
      customer: 'Longmen Data',
      requesterEmail: 'wang@longmen.example.cn',
      language: 'zh',
      submitted: '2026-11-16T09:00:00+08:00',
    },
  ],
  'rt/ticket.html': [
    {
      id: '42',
      subject: 'サーバーが応答しません',
      priorityRaw: 'High',
      customer: 'Kaiyo Systems KK',
      organisation: 'Kaiyo Systems',
      requesterEmail: 'Taro@Kaiyo.example.jp',
      level: 'Gold',
      language: 'ja',
      submitted: '2026-11-15T02:30:00',
      // 02:45 is an internal comment, not a reply.
      firstReply: '2026-11-15T03:10:00',
    },
  ],
  'zammad/ticket-zoom.html': [
    // #31007 is in a hidden pane: no badge.
    {
      id: '31012',
      subject: '결제 페이지 오류',
      priorityRaw: '3 high',
      type: 'technical',
      requesterEmail: 'Minji@Hanbit.example.kr',
      organisation: 'Hanbit Cloud',
      language: 'ko',
      submitted: '2026-11-15T01:30:00.000Z',
    },
  ],
  'zendesk/view.html': [
    { id: '501', subject: '請求書の再発行', priorityRaw: 'Normal', organisation: 'Kaiyo Systems', language: 'ja', submitted: '2026-11-15T01:00:00Z' },
    { id: '502', subject: 'Outage in eu-west', priorityRaw: 'Urgent', organisation: 'Analytical Engines', submitted: '2026-11-15T11:30:00Z' },
  ],
  'freshdesk/tickets.html': [
    { id: '77', subject: '서버 점검 요청', priorityRaw: 'High', organisation: 'Hanbit Cloud', language: 'ko', submittedAgo: 3 * HOUR },
  ],
  'jira/cloud-issue.html': [
    {
      id: 'HELP-12',
      subject: '数据库连接超时',
      priorityRaw: 'Highest',
      type: 'technical',
      organisation: 'Longmen Data',
      language: 'zh',
      submitted: '2026-11-15T02:30:00',
    },
  ],
  'jira/navigator.html': [
    // HELP-8 has no organisation.
    { id: 'HELP-7', subject: 'VPN down', priorityRaw: 'Medium', organisation: 'Analytical Engines', submitted: '2026-11-15T02:30:00+01:00' },
  ],
  'jira/server-issue.html': [
    {
      id: 'HELP-7',
      subject: 'VPN down',
      priorityRaw: 'Medium',
      type: 'feature',
      organisation: 'Analytical Engines',
      submitted: '2026-11-15T02:30:00+01:00',
    },
  ],
  'servicenow/form.html': [
    {
      id: 'INC0010003',
      subject: 'VPN 접속 오류',
      priorityRaw: '2 - High',
      type: 'technical',
      organisation: 'Hanbit Cloud',
      language: 'ko',
      submitted: '2026-11-15T09:15:00',
    },
  ],
  'servicenow/list.html': [
    // INC0010002 has no company.
    {
      id: 'INC0010001',
      subject: 'メールが送信できない',
      priorityRaw: '1 - Critical',
      organisation: 'Kaiyo Systems',
      language: 'ja',
      submitted: '2026-11-15T02:30:00',
    },
  ],
};

/** The ticket's fields with ISO times: wall times read in `zone`, relative ones back from `now`. */
export function pageTicketFields(ticket: PageTicket, zone: string, now: number): TicketFields {
  if ('submittedAgo' in ticket) {
    const { submittedAgo, ...fields } = ticket;
    return { ...fields, submitted: new Date(now - submittedAgo).toISOString(), submittedApproximate: true };
  }
  const inZone = (time: string) => {
    const iso = DateTime.fromISO(time, { zone, setZone: true }).toISO();
    if (!iso) throw new Error(`ticket ${ticket.id}: bad time ${time}`);
    return iso;
  };
  return { ...ticket, submitted: inZone(ticket.submitted), ...(ticket.firstReply ? { firstReply: inZone(ticket.firstReply) } : {}) };
}
