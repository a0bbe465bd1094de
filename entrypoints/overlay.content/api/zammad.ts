import { languageFromScript } from '../../../core/contracts/detect-language';
import { extractEmail, toRequestType } from '../adapters/field-values';
import { answered, apiTime, eachLimited, ticketFailure } from './reader-kit';
import { type ApiGet, type ApiReader, ApiError, type ExactTicket, type HelpdeskDeadline, type ReadResult } from './types';

/**
 * Zammad REST API: one ticket search per batch by ticket number, expanded (priority, state,
 * customer and organisation by name); the articles of a ticket only when its title's script does
 * not tell its language (the first message does), once per ticket update.
 * https://docs.zammad.org/en/latest/api/ticket/index.html (Search; `expand=true` from
 * https://docs.zammad.org/en/latest/api/intro.html), https://docs.zammad.org/en/latest/api/ticket/articles.html
 * The search needs Zammad's Elasticsearch for the `number:` field (Zammad's default setup).
 */

interface ZammadTicket {
  id: number;
  number: string;
  title?: string;
  priority?: string;
  state?: string;
  customer?: string;
  organization?: string | null;
  type?: string | null;
  created_at?: string;
  updated_at?: string;
  /** Zammad's own first response: the first agent article that is not internal. */
  first_response_at?: string | null;
  first_response_escalation_at?: string | null;
}

interface ZammadArticle {
  sender?: string;
  internal?: boolean;
  body?: string;
  created_at?: string;
}

interface FromArticles {
  language?: ExactTicket['fields']['language'];
  firstReply?: string;
}

const NUMBER = /^\d+$/u;

/** Article answers per page session, by ticket and its last update: an unchanged ticket is not read again. */
const articleMemo = new WeakMap<ApiGet, Map<string, FromArticles>>();

async function fromArticles(ticket: ZammadTicket, get: ApiGet): Promise<FromArticles> {
  const memo = articleMemo.get(get) ?? new Map<string, FromArticles>();
  articleMemo.set(get, memo);
  const key = `${ticket.id}@${ticket.updated_at}`;
  const known = memo.get(key);
  if (known) return known;
  const articles = (await get.json(`/api/v1/ticket_articles/by_ticket/${ticket.id}?expand=true`)) as ZammadArticle[];
  const list = Array.isArray(articles) ? articles : [];
  const reply = list.find((article) => article.sender === 'Agent' && article.internal === false);
  const found = { language: languageFromScript(ticket.title, list[0]?.body), firstReply: apiTime(reply?.created_at) };
  if (memo.size >= 1000) memo.clear();
  memo.set(key, found);
  return found;
}

function escalation(ticket: ZammadTicket, reply: string | undefined): HelpdeskDeadline | undefined {
  const deadline = apiTime(ticket.first_response_escalation_at);
  if (!deadline) return undefined;
  const result: HelpdeskDeadline = { deadline, name: 'Zammad escalation: first response' };
  if (reply) result.achieved = Date.parse(reply) <= Date.parse(deadline);
  return result;
}

function exactTicket(ticket: ZammadTicket, articles: FromArticles | undefined): ExactTicket {
  const firstReply = articles?.firstReply ?? apiTime(ticket.first_response_at);
  return {
    fields: answered({
      submitted: apiTime(ticket.created_at),
      // "2 normal": the word is what the priority map knows (as on the page).
      priorityRaw: ticket.priority?.replace(/^\d+\s+/u, ''),
      requesterEmail: ticket.customer ? extractEmail(ticket.customer) : undefined,
      organisation: ticket.organization ?? undefined,
      subject: ticket.title,
      language: articles?.language ?? languageFromScript(ticket.title),
      type: ticket.type ? toRequestType(ticket.type) : undefined,
      firstReply,
    }),
    status: ticket.state,
    helpdeskDeadline: escalation(ticket, firstReply),
    updated: apiTime(ticket.updated_at),
  };
}

export const zammadReader: ApiReader = {
  id: 'zammad',
  apiName: 'Zammad API',
  batchSize: 50,
  documented: true,
  async read(tickets, get) {
    const result: ReadResult = new Map();
    const numbers = tickets.map((ticket) => ticket.key).filter((key) => NUMBER.test(key));
    const found: ZammadTicket[] = [];
    if (numbers.length) {
      const query = encodeURIComponent(`number:(${numbers.join(' OR ')})`);
      const answer = await get.json(`/api/v1/tickets/search?query=${query}&expand=true&limit=${numbers.length}`);
      if (!Array.isArray(answer)) throw new ApiError({ kind: 'unexpected', message: 'Zammad answered without a ticket list' });
      found.push(...(answer as ZammadTicket[]));
    }
    const articles = new Map<number, FromArticles | ReturnType<typeof ticketFailure>>();
    const unclear = found.filter((ticket) => !languageFromScript(ticket.title));
    await eachLimited(unclear, 4, async (ticket) => {
      articles.set(ticket.id, await fromArticles(ticket, get).catch(ticketFailure));
    });
    for (const { key } of tickets) {
      const ticket = found.find((entry) => String(entry.number) === key);
      const read = ticket && articles.get(ticket.id);
      // A ticket whose articles this agent may not read still has its exact ticket fields.
      result.set(key, ticket ? exactTicket(ticket, read && !('kind' in read) ? read : undefined) : { kind: 'not-found' });
    }
    return result;
  },
};
