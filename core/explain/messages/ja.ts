import type { Messages } from './types';

const scopeMatches = (matches: Array<{ label: string; keyword: string; source: string }>) =>
  matches.map((m) => `${m.label}（「${m.keyword}」、${m.source}）`).join('、');

const VERDICTS = { 'in-scope': '範囲内', 'out-of-scope': '範囲外', unclear: '判定不能' } as const;

export const ja: Messages = {
  regions: { americas: '南北アメリカ', emea: '欧州・中東・アフリカ' },
  steps: {
    policy: (s) => `契約: ${s.policy} — ${s.document}。`,
    'no-response-times': (s) => `応答時間の約束はありません（${s.source}）。`,
    level: (s) => `サポートレベル: ${s.level}（${s.source}）。`,
    'feature-request': (s) => `機能リクエスト: 初回応答の目標時間はありません（${s.source}）。`,
    'level-no-target': (s) => `${s.level}: 初回応答の目標時間はありません（${s.source}）。`,
    'language-not-included': (s, f) => `言語: ${s.level}には${f.language(s.language)}のサポートが含まれないため、英語の条件が適用されます。`,
    'language-english-accepted': (s, f) => `言語: ${f.language(s.language)}。ただし顧客は英語での対応に同意しています。`,
    'language-routed': (s, f) =>
      `言語: ${f.language(s.language)}の${s.billing ? '請求関連の' : ''}リクエスト。担当は「${s.team}」です（${s.source}）。`,
    rule: (s, f) =>
      `ルール: ${s.priority} → ${s.clock === '24/7' ? '24時間体制（24/7）で' : '営業時間で'}${f.minutes(s.minutes)}以内に初回応答（${s.source}${s.language ? `、${f.language(s.language)}のリクエスト` : ''}）。`,
    'clock-24/7': (s, f) => `計測: 受付時刻 ${f.when(s.submitted, s.zone)} から24/7で計測します。`,
    'clock-24/7-deferred': (s, f) =>
      `計測: 24/7ですが、${f.language(s.language)}のリクエストは${s.calendar}の間だけ受け付けます: 受付 ${f.when(s.submitted, s.zone)}、計測開始 ${f.when(s.start, s.zone)}。`,
    calendar: (s, f, names) =>
      `カレンダー: ${s.name}、${s.zone}（${s.source}）${
        s.holidays
          ? `、祝日${s.holidays}日${s.region ? `（地域 ${names.regionNames?.[s.region] ?? ja.regions[s.region] ?? s.region}）` : ''}は休業${s.skipped.length ? `。スキップした祝日: ${f.days(s.skipped, names.holidayNames)}` : ''}`
          : ''
      }。`,
    'submitted-open': (s, f) => `受付 ${f.when(s.submitted, s.zone)}（営業時間内）: 計測はすぐに始まります。`,
    'submitted-closed': (s, f) =>
      `受付 ${f.when(s.submitted, s.zone)}（営業時間外）: 計測は次の営業開始 ${f.when(s.start, s.zone)} から始まります。`,
    openings: (s, f) =>
      `使用した営業時間: ${s.spans.map(([from, to]) => `${f.span(from, to, s.zone)}（${f.minutes((Date.parse(to) - Date.parse(from)) / 60_000)}）`).join('、')}${
        s.more > 0 ? `、ほか${s.more}回の営業時間` : ''
      }。`,
    deadline: (s, f) => `期限: ${f.when(s.deadline, s.zone)}${s.utc ? `（${f.when(s.deadline, 'UTC')}）` : ''}。`,
    scope: (s) => `サポート範囲: 契約データのキーワード規則により${VERDICTS[s.verdict]}。`,
  },
  notes: {
    'p1-not-available-for-role': (n) => `${n.level}ロールは${n.priority}のリクエストを送信できません。P2の目標時間が適用されます（${n.source}）。`,
    'no-target-for-priority': (n) => `${n.level}には${n.priority}の目標時間が定められていません。`,
    'language-not-included': (n, f) =>
      `${n.level}には${f.language(n.language)}のサポートが含まれません${n.source ? `（${n.source}）` : ''}。英語の条件が適用されます。`,
    'english-accepted': (n) => `顧客は英語での対応に同意しています: 英語の条件が適用され、「${n.team}」への振り分けはありません（${n.source}）。`,
    'deferred-start': (n, f) => `${n.calendar}の時間外に受付。計測は ${f.when(n.start, n.zone)} に始まります。`,
    'out-of-scope': (n) => `範囲外: ${scopeMatches(n.matches)}。${n.offer}（${n.offerSource}）`,
    'in-scope': (n) => `範囲内: ${scopeMatches(n.matches)}。`,
    'scope-unclear': (n) =>
      n.reason === 'no-text'
        ? '分類するリクエスト本文がありません: サポート範囲を手作業で確認してください。'
        : 'サポート範囲のキーワードに一致しません: 範囲表を手作業で確認してください。',
  },
  routing: {
    route: (team, calendar) => `「${team}」へ振り分け — ${calendar}`,
    open: (route, received) => `${route}。その時間内に受付（${received}）: 受付時点から計測が始まります。`,
    deferred: (route, received, opening) => `${route}。その時間外に受付（${received}）: チームの次の営業開始 ${opening} から計測が始まります。`,
    running: (route, received, opening) =>
      `${route}。その時間外に受付（${received}）: 24/7の計測は受付時点から進みます。チームの営業時間は ${opening} に始まります。`,
    english: (minutes, clock, due) => `顧客が英語を受け入れる場合: ${clock === '24/7' ? '24/7で' : '営業時間で'}${minutes}、期限 ${due}。`,
  },
  policyNote: (text, source) => `${text}（${source}）`,
  texts: {
    'Feature requests are noted for a future release; there is no response obligation.':
      '機能リクエストは将来のリリースに向けて記録されます。応答の義務はありません。',
    'The Basic role includes no technical support requests (only the roles Development, Production and Business-critical have response targets).':
      'Basic（Einfach）ロールには技術サポートのリクエストが含まれません（応答目標があるのは Development、Production、Business-critical の各ロールのみ）。',
    "centron's Cloud GPU scope of support promises no response times; SLA Lens checks the request's scope only.":
      'centron Cloud GPU のサポート範囲は応答時間を約束していません。SLA Lens はリクエストがサポート範囲内かどうかだけを確認します。',
    "Out of regular support: offer centron's paid administrative services — a staff member reviews feasibility (complexity, availability of qualified staff) and sends a quote.":
      '通常サポートの対象外です: centron の有償管理サービスを案内してください。担当者が実現可能性（複雑さ、対応できる担当者の有無）を確認し、見積もりを送ります。',
  },
};
