/**
 * Saves real REST2 answers of the seeded local RT as fixtures for the RT API reader's unit tests
 * (test/fixtures/rt-api/real/): the reader runs once against RT over every seeded ticket and an id
 * that does not exist, and each request it made is saved with RT's answer (`answers.json`), next to
 * the seed manifest and RT's priority editor from the default search list (the page's priority names).
 * Also RT's own error answers (`errors.json`).
 *
 *   npx tsx scripts/rt/capture-api.ts [OUT_DIR]     (after setup.sh)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { rtApiReader } from '../../entrypoints/overlay.content/api/rt';
import type { ApiGet } from '../../entrypoints/overlay.content/api/types';
import { RT_API_QUEUE, RT_QUEUE, searchPath } from './data';
import { rtBaseUrl, rtSession, seedRt } from './seed';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function main() {
  const out = process.argv[2] ?? 'test/fixtures/rt-api/real';
  const baseUrl = rtBaseUrl();
  const manifest = await seedRt(baseUrl);
  const { cookie } = await rtSession(baseUrl);
  const listPath = searchPath(undefined, `Queue = '${RT_QUEUE}' OR Queue = '${RT_API_QUEUE}'`);
  const list = await (await fetch(baseUrl + listPath, { headers: { cookie } })).text();
  const editor = /<select class="select-priority[^>]*name="Priority">[\s\S]*?<\/select>/.exec(list)?.[0];
  if (!editor) throw new Error('no priority editor on the default search list');

  const answers: Array<{ request: string; status: number; body: unknown }> = [];
  const get: ApiGet = {
    async json(path) {
      const response = await fetch(baseUrl + path, { headers: { cookie, accept: 'application/json' } });
      const body = await response.json();
      answers.push({ request: `GET ${path}`, status: response.status, body });
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
      return body;
    },
    text: () => Promise.reject(new Error('not used by the RT reader')),
  };
  const window = new Window({ url: baseUrl + listPath });
  window.document.body.innerHTML = `<form action="/Helpers/TicketUpdate?id=0">${editor}</form>`;
  const tickets = [...manifest.tickets, ...manifest.apiTickets];
  const refs = [...tickets.map((t) => ({ key: t.id })), { key: '999999' }];
  await rtApiReader.read(refs, get, { doc: window.document as unknown as Document, timeZone: 'UTC', now: new Date() });

  // RT's error answers: no session from a non-browser client (401), a TicketSQL syntax error (400).
  const errors = [];
  for (const [path, headers] of [
    ['/REST/2.0/tickets?query=id%3D1', {}],
    ['/REST/2.0/tickets?query=id%3D%3D', { cookie }],
  ] as const) {
    const response = await fetch(baseUrl + path, { headers, redirect: 'manual' });
    errors.push({ request: `GET ${path}`, cookie: 'cookie' in headers, status: response.status, body: await response.text() });
  }
  // A browser (cookie or a Mozilla user agent) without a valid session is sent to the login page instead.
  const expired = await fetch(`${baseUrl}/REST/2.0/tickets?query=id%3D1`, {
    headers: { cookie: cookie.replace(/=.*/, '=expired'), 'user-agent': 'Mozilla/5.0' },
    redirect: 'manual',
  });
  errors.push({ request: 'GET /REST/2.0/tickets?query=id%3D1 (expired cookie, browser)', status: expired.status, location: expired.headers.get('location') });

  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'answers.json'), json({ capturedAt: new Date().toISOString(), baseUrl, answers }));
  await writeFile(join(out, 'errors.json'), json(errors));
  await writeFile(join(out, 'manifest.json'), json({ ...manifest, tickets }));
  await writeFile(join(out, 'priority-editor.html'), `${editor}\n`);
  console.log(`Saved ${answers.length} REST2 answers, ${errors.length} error answers and the manifest to ${out}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
