import type { BadRowCode, BadRowReason, RoutedLanguage } from './types';

/** The report's words in the reader's language (en, de, ja): the CLI, the HTML file and the CSV headers. */

export const REPORT_LANGUAGES = ['en', 'de', 'ja'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportWords {
  title: string;
  period: (from: string, to: string) => string;
  allTime: string;
  monthsIn: (zone: string) => string;
  judgedAt: (now: string) => string;
  rowsRead: (rows: number, skipped: number) => string;
  columns: {
    month: string;
    customer: string;
    policy: string;
    level: string;
    priority: string;
    tickets: string;
    met: string;
    late: string;
    openLate: string;
    open: string;
    noTarget: string;
    percentMet: string;
    team: string;
    row: string;
    /** For JSON Lines, whose rows are lines. */
    line: string;
    ticket: string;
    deadline: string;
    firstReply: string;
    overdue: string;
    why: string;
    problem: string;
    reason: string;
    count: string;
  };
  total: string;
  noCustomer: string;
  summary: string;
  byMonth: string;
  table: string;
  metChart: string;
  shareChart: string;
  shareNote: string;
  shareBuckets: readonly string[];
  percentMetNote: string;
  routed: string;
  teams: Record<RoutedLanguage, string>;
  noRouted: string;
  worst: string;
  noWorst: string;
  stillOpen: string;
  noTargetWhy: string;
  noTargetCodes: Record<string, string>;
  badTitle: string;
  bad: (count: number) => string;
  badListed: (listed: number, count: number) => string;
  noBad: string;
  badRow: (reason: BadRowReason) => string;
  minutes: (minutes: number) => string;
  sortHint: string;
  noFirstReplyColumn: string;
}

const SHARE = ['≤ 25 %', '≤ 50 %', '≤ 75 %', '≤ 100 %', '≤ 150 %', '≤ 200 %', '> 200 %'];

/** "2d 3h 5m" / "2 T 3 Std. 5 Min." / "2日3時間5分". */
function duration(units: [string, string, string], join: string) {
  return (total: number) => {
    const minutes = Math.max(0, Math.round(total));
    const parts = [
      [Math.floor(minutes / 1440), units[0]],
      [Math.floor((minutes % 1440) / 60), units[1]],
      [minutes % 60, units[2]],
    ] as const;
    const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`);
    return shown.length ? shown.join(join) : `0${units[2]}`;
  };
}

const EN: ReportWords = {
  title: 'SLA compliance report',
  period: (from, to) => `Tickets submitted ${from} – ${to}`,
  allTime: 'All tickets in the file',
  monthsIn: (zone) => `Months and days in ${zone}`,
  judgedAt: (now) => `Open tickets judged at ${now}`,
  rowsRead: (rows, skipped) => `${rows.toLocaleString('en-US')} rows read${skipped ? `, ${skipped.toLocaleString('en-US')} outside the period` : ''}`,
  columns: {
    month: 'Month',
    customer: 'Customer',
    policy: 'Contract',
    level: 'Level / role',
    priority: 'Priority',
    tickets: 'Tickets',
    met: 'In time',
    late: 'Late',
    openLate: 'Open, past deadline',
    open: 'Open, within deadline',
    noTarget: 'No target',
    percentMet: '% met',
    team: 'Team',
    row: 'Row',
    line: 'Line',
    ticket: 'Ticket',
    deadline: 'Deadline',
    firstReply: 'First reply',
    overdue: 'Over by',
    why: 'Why',
    problem: 'Problem',
    reason: 'Reason',
    count: 'Tickets',
  },
  total: 'Total',
  noCustomer: '(no customer)',
  summary: 'Summary',
  byMonth: 'By month',
  table: 'By month, customer, contract level and priority',
  metChart: '% met per month',
  shareChart: 'First response as a share of the target',
  shareNote: 'Answered tickets with a target: time on the contract’s clock (business hours or 24/7) from its start to the first reply.',
  shareBuckets: SHARE,
  percentMetNote: '% met = in time ÷ (in time + late + open past the deadline); open tickets within their deadline and tickets without a target are not counted.',
  routed: 'Requests routed to a language team',
  teams: { ja: 'Japan team (Japanese)', ko: 'Korea team (Korean)', zh: 'China team (Mandarin)' },
  noRouted: 'No request was routed to a language team.',
  worst: 'Worst misses',
  noWorst: 'No ticket missed its deadline.',
  stillOpen: 'still open',
  noTargetWhy: 'Tickets without a target, and why',
  noTargetCodes: {
    'feature-request': 'feature request: no first-response target',
    'no-technical-support': 'the role includes no technical support',
    'no-response-times': 'the contract promises no response times',
    'no-target-for-priority': 'the level defines no target for this priority',
  },
  badTitle: 'Rows that could not be evaluated',
  bad: (n) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'} could not be evaluated`,
  badListed: (listed, n) => `The first ${listed.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} are listed.`,
  noBad: 'Every row could be evaluated.',
  badRow: (r) => {
    const value = r.value !== undefined ? ` "${r.value}"` : '';
    const texts: Record<BadRowCode, string> = {
      'bad-syntax': `the row cannot be read${r.detail ? ` (${r.detail})` : ''}`,
      'missing-submitted': 'no submission time',
      'unparsable-date': `${r.field === 'firstReply' ? 'first reply' : 'submission time'}${value} is not a date and time`,
      'missing-priority': 'no priority',
      'unknown-priority': `priority${value} is not mapped to P1–P4 (map it in the site settings)`,
      'unknown-customer': `no contract for customer${value || ' (none given)'}`,
      'no-policy': 'no policy and no customer contract (give --settings or a policy column)',
      'unknown-policy': `unknown policy${value}`,
      'invalid-field': `${r.field ?? 'a field'}${value}: ${r.detail ?? 'invalid'}`,
    };
    return texts[r.code];
  },
  minutes: duration(['d', 'h', 'm'], ' '),
  sortHint: 'Click a column heading to sort.',
  noFirstReplyColumn: 'The file has no first-reply column: every ticket counts as unanswered.',
};

const DE: ReportWords = {
  title: 'SLA-Bericht',
  period: (from, to) => `Tickets eingegangen ${from} – ${to}`,
  allTime: 'Alle Tickets der Datei',
  monthsIn: (zone) => `Monate und Tage in ${zone}`,
  judgedAt: (now) => `Offene Tickets bewertet zum ${now}`,
  rowsRead: (rows, skipped) => `${rows.toLocaleString('de-DE')} Zeilen gelesen${skipped ? `, ${skipped.toLocaleString('de-DE')} außerhalb des Zeitraums` : ''}`,
  columns: {
    month: 'Monat',
    customer: 'Kunde',
    policy: 'Vertrag',
    level: 'Stufe / Rolle',
    priority: 'Priorität',
    tickets: 'Tickets',
    met: 'Rechtzeitig',
    late: 'Verspätet',
    openLate: 'Offen, Frist überschritten',
    open: 'Offen, in der Frist',
    noTarget: 'Ohne Frist',
    percentMet: '% eingehalten',
    team: 'Team',
    row: 'Zeile',
    line: 'Zeile',
    ticket: 'Ticket',
    deadline: 'Frist',
    firstReply: 'Erste Antwort',
    overdue: 'Überschritten um',
    why: 'Begründung',
    problem: 'Problem',
    reason: 'Grund',
    count: 'Tickets',
  },
  total: 'Gesamt',
  noCustomer: '(kein Kunde)',
  summary: 'Übersicht',
  byMonth: 'Nach Monat',
  table: 'Nach Monat, Kunde, Vertragsstufe und Priorität',
  metChart: '% eingehalten je Monat',
  shareChart: 'Erste Antwort als Anteil der Frist',
  shareNote: 'Beantwortete Tickets mit Frist: Zeit auf der Uhr des Vertrags (Geschäftszeiten oder 24/7) von ihrem Start bis zur ersten Antwort.',
  shareBuckets: SHARE,
  percentMetNote:
    '% eingehalten = rechtzeitig ÷ (rechtzeitig + verspätet + offen nach Fristablauf); offene Tickets in der Frist und Tickets ohne Frist zählen nicht mit.',
  routed: 'An ein Sprachteam geleitete Anfragen',
  teams: { ja: 'Team Japan (Japanisch)', ko: 'Team Korea (Koreanisch)', zh: 'Team China (Mandarin)' },
  noRouted: 'Keine Anfrage wurde an ein Sprachteam geleitet.',
  worst: 'Größte Fristüberschreitungen',
  noWorst: 'Kein Ticket hat seine Frist überschritten.',
  stillOpen: 'noch offen',
  noTargetWhy: 'Tickets ohne Frist und warum',
  noTargetCodes: {
    'feature-request': 'Funktionswunsch: keine Frist für die erste Antwort',
    'no-technical-support': 'die Rolle umfasst keinen technischen Support',
    'no-response-times': 'der Vertrag sagt keine Reaktionszeiten zu',
    'no-target-for-priority': 'die Stufe legt für diese Priorität keine Frist fest',
  },
  badTitle: 'Nicht auswertbare Zeilen',
  bad: (n) => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Zeile konnte' : 'Zeilen konnten'} nicht ausgewertet werden`,
  badListed: (listed, n) => `Die ersten ${listed.toLocaleString('de-DE')} von ${n.toLocaleString('de-DE')} sind aufgeführt.`,
  noBad: 'Alle Zeilen konnten ausgewertet werden.',
  badRow: (r) => {
    const value = r.value !== undefined ? ` „${r.value}“` : '';
    const texts: Record<BadRowCode, string> = {
      'bad-syntax': `die Zeile ist nicht lesbar${r.detail ? ` (${r.detail})` : ''}`,
      'missing-submitted': 'kein Eingangszeitpunkt',
      'unparsable-date': `${r.field === 'firstReply' ? 'erste Antwort' : 'Eingangszeitpunkt'}${value} ist kein Datum mit Uhrzeit`,
      'missing-priority': 'keine Priorität',
      'unknown-priority': `Priorität${value} ist keiner von P1–P4 zugeordnet (in den Helpdesk-Einstellungen zuordnen)`,
      'unknown-customer': `kein Vertrag für Kunde${value || ' (keiner angegeben)'}`,
      'no-policy': 'weder Vertragswerk noch Kundenvertrag (--settings oder eine Spalte policy angeben)',
      'unknown-policy': `unbekanntes Vertragswerk${value}`,
      'invalid-field': `${r.field ?? 'ein Feld'}${value}: ${r.detail ?? 'ungültig'}`,
    };
    return texts[r.code];
  },
  minutes: duration([' T', ' Std.', ' Min.'], ' '),
  sortHint: 'Zum Sortieren auf eine Spaltenüberschrift klicken.',
  noFirstReplyColumn: 'Die Datei hat keine Spalte für die erste Antwort: Alle Tickets gelten als unbeantwortet.',
};

const JA: ReportWords = {
  title: 'SLA 遵守レポート',
  period: (from, to) => `受付日 ${from} ～ ${to} のチケット`,
  allTime: 'ファイル内のすべてのチケット',
  monthsIn: (zone) => `月と日は ${zone} 基準`,
  judgedAt: (now) => `未回答チケットの判定時刻: ${now}`,
  rowsRead: (rows, skipped) => `${rows.toLocaleString('ja-JP')} 行を読み込み${skipped ? `（期間外 ${skipped.toLocaleString('ja-JP')} 行）` : ''}`,
  columns: {
    month: '月',
    customer: '顧客',
    policy: '契約',
    level: 'レベル / ロール',
    priority: '優先度',
    tickets: 'チケット数',
    met: '期限内',
    late: '期限超過',
    openLate: '未回答（期限超過）',
    open: '未回答（期限内）',
    noTarget: '目標なし',
    percentMet: '遵守率',
    team: 'チーム',
    row: '行',
    line: '行',
    ticket: 'チケット',
    deadline: '期限',
    firstReply: '初回回答',
    overdue: '超過時間',
    why: '理由',
    problem: '問題',
    reason: '理由',
    count: 'チケット数',
  },
  total: '合計',
  noCustomer: '（顧客なし）',
  summary: '概要',
  byMonth: '月別',
  table: '月・顧客・契約レベル・優先度別',
  metChart: '月別の遵守率',
  shareChart: '目標時間に対する初回回答時間の割合',
  shareNote: '目標のある回答済みチケット: 契約の時計（営業時間または 24 時間）での開始から初回回答までの時間。',
  shareBuckets: SHARE,
  percentMetNote: '遵守率 = 期限内 ÷（期限内 + 期限超過 + 期限を過ぎた未回答）。期限内の未回答チケットと目標のないチケットは含みません。',
  routed: '言語チームに振り分けられた問い合わせ',
  teams: { ja: '日本チーム（日本語）', ko: '韓国チーム（韓国語）', zh: '中国チーム（中国語）' },
  noRouted: '言語チームに振り分けられた問い合わせはありません。',
  worst: '超過の大きいチケット',
  noWorst: '期限を超過したチケットはありません。',
  stillOpen: '未回答',
  noTargetWhy: '目標のないチケットとその理由',
  noTargetCodes: {
    'feature-request': '機能要望: 初回回答の目標なし',
    'no-technical-support': 'このロールには技術サポートが含まれません',
    'no-response-times': '契約に応答時間の約束がありません',
    'no-target-for-priority': 'このレベルにはこの優先度の目標がありません',
  },
  badTitle: '評価できなかった行',
  bad: (n) => `${n.toLocaleString('ja-JP')} 行を評価できませんでした`,
  badListed: (listed, n) => `${n.toLocaleString('ja-JP')} 行のうち最初の ${listed.toLocaleString('ja-JP')} 行を表示しています。`,
  noBad: 'すべての行を評価できました。',
  badRow: (r) => {
    const value = r.value !== undefined ? `「${r.value}」` : '';
    const texts: Record<BadRowCode, string> = {
      'bad-syntax': `行を読み取れません${r.detail ? `（${r.detail}）` : ''}`,
      'missing-submitted': '受付日時がありません',
      'unparsable-date': `${r.field === 'firstReply' ? '初回回答' : '受付日時'}${value}は日時として読み取れません`,
      'missing-priority': '優先度がありません',
      'unknown-priority': `優先度${value}が P1～P4 に対応付けられていません（サイト設定で対応付けてください）`,
      'unknown-customer': `顧客${value || '（指定なし）'}の契約がありません`,
      'no-policy': 'ポリシーも顧客契約もありません（--settings か policy 列を指定してください）',
      'unknown-policy': `不明なポリシー${value}`,
      'invalid-field': `${r.field ?? '項目'}${value}: ${r.detail ?? '無効です'}`,
    };
    return texts[r.code];
  },
  minutes: duration(['日', '時間', '分'], ''),
  sortHint: '列見出しをクリックすると並べ替えできます。',
  noFirstReplyColumn: 'ファイルに初回回答の列がありません。すべてのチケットを未回答として扱います。',
};

export const REPORT_WORDS: Record<ReportLanguage, ReportWords> = { en: EN, de: DE, ja: JA };

/** The words of a language; English for anything else. */
export function reportWords(lang: string | undefined): ReportWords {
  return REPORT_WORDS[(REPORT_LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as ReportLanguage) : 'en'];
}

/** "85.7 %" / "85,7 %" / "85.7%", or "–" when nothing is decided. */
export function formatPercent(share: number | undefined, lang: ReportLanguage): string {
  if (share === undefined) return '–';
  const text = (Math.round(share * 1000) / 10).toLocaleString(lang === 'de' ? 'de-DE' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return lang === 'ja' ? `${text}%` : `${text} %`;
}
