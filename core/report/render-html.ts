import { shareMet } from './counts';
import { explainMiss } from './explain';
import { COUNT_KEYS, formatInstant, lineCells, type RenderOptions, tableHeadings, tableLines } from './table';
import type { Counts, ReportResult } from './types';
import { formatPercent, type ReportLanguage, type ReportWords, reportWords } from './words';

/**
 * The report as one self-contained HTML file a team lead can send to a customer: inline CSS with a
 * print stylesheet, inline SVG charts, no network. Readable without scripts; a few lines of inline
 * script only sort the big table. Every text that comes from the data is escaped.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK JP",sans-serif;color:#1b1f24;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
p.meta{margin:.1rem 0;color:#57606a}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
th button{all:unset;cursor:pointer}th button:focus-visible{outline:2px solid #0969da}
.charts{display:flex;flex-wrap:wrap;gap:2rem}.charts figure{margin:0}figcaption{font-weight:600;margin-bottom:.25rem}
svg text{font:12px system-ui,sans-serif;fill:#1b1f24}
.warn{color:#9a3412}ol.explain{margin:.25rem 0 0;padding-left:1.2rem;color:#374151}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}tr,figure{break-inside:avoid}th button{cursor:auto}.noprint{display:none}a{color:inherit}}
`;

// Sorts a table by the clicked heading: numbers by value, text by the page's language.
const SORT_SCRIPT = `document.querySelectorAll('table.sortable').forEach(function(t){t.querySelectorAll('th button').forEach(function(b,i){b.addEventListener('click',function(){var body=t.tBodies[0],rows=[].slice.call(body.rows),up=b.getAttribute('data-dir')!=='asc';b.setAttribute('data-dir',up?'asc':'desc');var key=function(r){var c=r.cells[i];return c.hasAttribute('data-v')?Number(c.getAttribute('data-v')):c.textContent};rows.sort(function(x,y){var a=key(x),z=key(y),d=typeof a==='number'?a-z:String(a).localeCompare(z,document.documentElement.lang,{numeric:true});return up?d:-d});rows.forEach(function(r){body.appendChild(r)})})})})`;

function bars(items: Array<{ label: string; value: number; text: string }>, max: number, title: string): string {
  const barWidth = 44;
  const gap = 14;
  const height = 180;
  const width = Math.max(items.length * (barWidth + gap) + gap, 200);
  const body = items
    .map((item, i) => {
      const h = max > 0 ? Math.round((item.value / max) * (height - 40)) : 0;
      const x = gap + i * (barWidth + gap);
      const y = height - 20 - h;
      return (
        `<g><title>${escapeHtml(`${item.label}: ${item.text}`)}</title>` +
        `<rect x="${x}" y="${y}" width="${barWidth}" height="${h}" fill="#2f6fb3"/>` +
        `<text x="${x + barWidth / 2}" y="${y - 4}" text-anchor="middle">${escapeHtml(item.text)}</text>` +
        `<text x="${x + barWidth / 2}" y="${height - 5}" text-anchor="middle">${escapeHtml(item.label)}</text></g>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><line x1="0" y1="${height - 20}" x2="${width}" y2="${height - 20}" stroke="#8c959f"/>${body}</svg>`;
}

const cell = (text: string, numeric?: number) =>
  numeric === undefined ? `<td>${escapeHtml(text)}</td>` : `<td class="n" data-v="${Number.isFinite(numeric) ? numeric : -1}">${escapeHtml(text)}</td>`;

function countsTable(words: ReportWords, lang: ReportLanguage, first: string, rows: Array<{ name: string; counts: Counts }>): string {
  const c = words.columns;
  const head = [first, c.tickets, c.met, c.late, c.openLate, c.open, c.noTarget, c.percentMet];
  const body = rows
    .map(({ name, counts }) => {
      const met = shareMet(counts);
      return `<tr>${cell(name)}${COUNT_KEYS.map((k) => cell(String(counts[k]), counts[k])).join('')}${cell(formatPercent(met, lang), met ?? -1)}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head.map((h, i) => `<th${i ? ' class="n"' : ''} scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

export function reportToHtml(result: ReportResult, options: RenderOptions & { noFirstReplyColumn?: boolean } = {}): string {
  const lang = options.lang ?? 'en';
  const words = reportWords(lang);
  const c = { ...words.columns, row: options.lines ? words.columns.line : words.columns.row };
  const parts: string[] = [];
  const h2 = (text: string) => parts.push(`<h2>${escapeHtml(text)}</h2>`);

  parts.push(`<h1>${escapeHtml(words.title)}</h1>`);
  for (const line of [
    result.from || result.to ? words.period(result.from ?? '…', result.to ?? '…') : words.allTime,
    words.monthsIn(result.zone),
    words.judgedAt(formatInstant(result.now, result.zone)),
    words.rowsRead(result.rows, result.skipped),
  ]) {
    parts.push(`<p class="meta">${escapeHtml(line)}</p>`);
  }
  if (options.noFirstReplyColumn) parts.push(`<p class="warn">${escapeHtml(words.noFirstReplyColumn)}</p>`);

  h2(words.summary);
  parts.push(countsTable(words, lang, c.month, [...result.months.map((m) => ({ name: m.month, counts: m.counts })), { name: words.total, counts: result.totals }]));
  parts.push(`<p class="meta">${escapeHtml(words.percentMetNote)}</p>`);

  const metItems = result.months.map((m) => {
    const met = shareMet(m.counts);
    return { label: m.month, value: (met ?? 0) * 100, text: formatPercent(met, lang) };
  });
  const shares = result.totals.shares;
  const shareItems = words.shareBuckets.map((label, i) => ({ label, value: shares[i] ?? 0, text: String(shares[i] ?? 0) }));
  parts.push(
    '<div class="charts">',
    `<figure><figcaption>${escapeHtml(words.metChart)}</figcaption>${bars(metItems, 100, words.metChart)}</figure>`,
    `<figure><figcaption>${escapeHtml(words.shareChart)}</figcaption>${bars(shareItems, Math.max(...shares, 1), words.shareChart)}<p class="meta">${escapeHtml(words.shareNote)}</p></figure>`,
    '</div>',
  );

  h2(words.table);
  parts.push(`<p class="meta noprint">${escapeHtml(words.sortHint)}</p>`);
  const headings = tableHeadings(lang);
  const rows = tableLines(result, options)
    .map((line) => {
      const cells = lineCells(line, lang);
      const numbers = [...COUNT_KEYS.map((k) => line.counts[k]), line.met ?? -1];
      return `<tr>${cells.map((text, i) => cell(text, i >= 5 ? numbers[i - 5] : undefined)).join('')}</tr>`;
    })
    .join('');
  parts.push(
    `<table class="sortable"><thead><tr>${headings.map((h, i) => `<th scope="col"${i >= 5 ? ' class="n"' : ''}><button type="button">${escapeHtml(h)}</button></th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`,
  );

  h2(words.routed);
  parts.push(
    result.routed.length
      ? countsTable(words, lang, c.team, result.routed.map((t) => ({ name: words.teams[t.language], counts: t.counts })))
      : `<p>${escapeHtml(words.noRouted)}</p>`,
  );

  const why = Object.entries(result.totals.noTargetBy);
  if (why.length) {
    h2(words.noTargetWhy);
    parts.push(
      `<table><thead><tr><th scope="col">${escapeHtml(c.reason)}</th><th scope="col" class="n">${escapeHtml(c.count)}</th></tr></thead><tbody>${why
        .map(([code, n]) => `<tr>${cell(words.noTargetCodes[code] ?? code)}${cell(String(n), n)}</tr>`)
        .join('')}</tbody></table>`,
    );
  }

  h2(words.worst);
  // The instant itself in `datetime`, for whoever reads the file with a program.
  const time = (iso: string) => `<td><time datetime="${escapeHtml(iso)}">${escapeHtml(formatInstant(iso, result.zone))}</time></td>`;
  if (result.worst.length) {
    const head = [c.row, c.ticket, c.customer, c.priority, c.deadline, c.firstReply, c.overdue, c.why];
    const body = result.worst
      .map((w) => {
        const steps = explainMiss(w.input, lang, options.names)
          .map((step) => `<li>${escapeHtml(step)}</li>`)
          .join('');
        const ticket = [w.id, w.subject].filter(Boolean).join(' — ');
        return `<tr>${cell(String(w.row), w.row)}${cell(ticket)}${cell(w.customer || words.noCustomer)}${cell(w.priority)}${time(w.deadline)}${w.firstReply ? time(w.firstReply) : cell(words.stillOpen)}${cell(words.minutes(w.overdueMinutes), w.overdueMinutes)}<td><ol class="explain">${steps}</ol></td></tr>`;
      })
      .join('');
    parts.push(`<table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`);
  } else parts.push(`<p>${escapeHtml(words.noWorst)}</p>`);

  h2(words.badTitle);
  if (result.bad.count) {
    parts.push(`<p>${escapeHtml(words.bad(result.bad.count))}</p>`);
    if (result.bad.listed.length < result.bad.count) parts.push(`<p class="meta">${escapeHtml(words.badListed(result.bad.listed.length, result.bad.count))}</p>`);
    parts.push(
      `<table><thead><tr><th scope="col" class="n">${escapeHtml(c.row)}</th><th scope="col">${escapeHtml(c.problem)}</th></tr></thead><tbody>${result.bad.listed
        .map((bad) => `<tr>${cell(String(bad.row), bad.row)}${cell(words.badRow(bad))}</tr>`)
        .join('')}</tbody></table>`,
    );
  } else parts.push(`<p>${escapeHtml(words.noBad)}</p>`);

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
