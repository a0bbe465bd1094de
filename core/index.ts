/**
 * The SLA core's public API. Pure TypeScript: no browser, WXT, React or DOM — the extension, the
 * `sla` CLI and the benchmarks all run this same code.
 */
export { evaluate, evaluateTarget } from './evaluate/evaluate';
export type { TargetResult } from './evaluate/evaluate';
export { EvaluateError } from './evaluate/error';
export { EvaluateInput, RequestType } from './evaluate/types';
export type { EvaluateNote, EvaluateResult, ExplainStep, Note, ScopeMatchValues, Target } from './evaluate/types';
// evaluate()'s steps and notes in the reader's language (en, de, ja), composed when read.
export { renderExplanation, renderNote, renderResult } from './explain/render';
export type { RenderedResult, RenderOptions } from './explain/render';
export { READER_LANGUAGES, readerLanguage } from './explain/format';
export type { ReaderLanguage } from './explain/format';
export { formatInZone, formatMinutes } from './evaluate/format';
export { zoneAbbreviation } from './time/zone-abbreviation';
export { policyCalendar } from './evaluate/calendars';

export { builtinPolicies, getPolicy } from './policy/builtin';
export { Policy, Priority, Language, LANGUAGES, PRIORITIES, policyJsonSchema } from './policy/schema';
export type { PolicyInput, LevelRule, LanguageRule, CalendarRule, TargetRule } from './policy/schema';
export { classifyScope } from './policy/scope';
export { contactLimitStatus } from './policy/contacts';
export { roleChangeEffective } from './policy/role-changes';
export { enterpriseCancellationEffective } from './policy/enterprise';
export { classifyRequest } from './policy/request-class';

export { compileCalendar } from './time';
export type { BusinessCalendar, CalendarSpec, WeeklyInterval, Weekday } from './time/types';

export type { TicketFields, TicketField } from './contracts/ticket';
