import { Policy } from '../policy/schema';
import { EvaluateError } from './error';
import { parseSubmitted } from './submitted';
import { EvaluateInput } from './types';

/** An input that satisfies the EvaluateInput schema (its parsed form). */
export type ParsedEvaluateInput = ReturnType<typeof EvaluateInput.parse>;

/**
 * EvaluateInput checked for evaluate(): a hand-written test of the well-formed inputs every caller
 * sends, so a list of tickets does not run zod's safeParse (most of evaluate()'s cost) on each; zod
 * still decides everything the test does not accept, and writes the error. The test only ever says
 * "valid" for inputs the schema accepts (a property test compares the two), so the accepted and
 * rejected inputs are exactly the schema's.
 *
 * A custom policy object is parsed once and remembered by identity: a policy object is read as it
 * was when first passed (settings and forms hand over new objects when a policy changes).
 */
export function checkInput(raw: unknown): CheckedInput {
  const submitted = wellFormedSubmission(raw);
  if (!Number.isNaN(submitted)) {
    const input = raw as ParsedEvaluateInput;
    const given = input.policy;
    const policy = typeof given === 'string' ? given : parsedPolicies.get(given);
    if (policy !== undefined && policy !== INVALID) return { input, policy, submitted };
  }
  const parsed = EvaluateInput.safeParse(raw);
  if (!parsed.success) throw EvaluateError.fromZod(parsed.error);
  return { input: parsed.data, policy: parsed.data.policy, submitted: parseSubmitted(parsed.data.submitted) };
}

export interface CheckedInput {
  input: ParsedEvaluateInput;
  /** The policy: a built-in's id, or the custom policy as the schema parsed it. */
  policy: Policy | string;
  /** The submission time in epoch milliseconds. */
  submitted: number;
}

const INVALID = Symbol('invalid policy');
/** Custom policy objects as the schema parsed them (defaults filled in), or INVALID. */
const parsedPolicies = new WeakMap<object, Policy | typeof INVALID>();

const PRIORITIES = new Set(['P1', 'P2', 'P3', 'P4']);
const LANGUAGES = new Set(['en', 'ja', 'ko', 'zh']);
const TYPES = new Set(['technical', 'billing', 'feature']);
/** z.iso.date()'s own pattern (the holidays' element schema). */
const DATE = EvaluateInput.shape.holidays.unwrap().valueType.element._zod.pattern;

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * True only for inputs the schema accepts: every field of the right type and form. Anything else
 * (including valid inputs in unusual forms, e.g. a holiday record that is a class instance) is left to zod.
 */
export function isWellFormed(raw: unknown): boolean {
  return !Number.isNaN(wellFormedSubmission(raw));
}

/** isWellFormed(), answered with the submission time read (NaN: not known to be valid). */
function wellFormedSubmission(raw: unknown): number {
  if (!wellFormedFields(raw)) return Number.NaN;
  return parseSubmitted((raw as { submitted: string }).submitted);
}

function wellFormedFields(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const input = raw as Record<string, unknown>;
  const policy = input.policy;
  if (typeof policy === 'string') {
    if (policy.length === 0) return false;
  } else if (typeof policy === 'object' && policy !== null) {
    if (!parsedPolicies.has(policy)) {
      const parsed = Policy.safeParse(policy);
      parsedPolicies.set(policy, parsed.success ? parsed.data : INVALID);
    }
    if (parsedPolicies.get(policy) === INVALID) return false;
  } else return false;
  const { priority, submitted, language, englishAccepted, type, holidays } = input;
  return (
    typeof priority === 'string' &&
    PRIORITIES.has(priority) &&
    typeof submitted === 'string' &&
    optionalString(input.level) &&
    optionalString(input.region) &&
    optionalString(input.topic) &&
    (language === undefined || (typeof language === 'string' && LANGUAGES.has(language))) &&
    (englishAccepted === undefined || typeof englishAccepted === 'boolean') &&
    (type === undefined || (typeof type === 'string' && TYPES.has(type))) &&
    (holidays === undefined || holidayRecord(holidays))
  );
}

/** A plain object of arrays of ISO dates (what z.record(z.string(), z.array(z.iso.date())) takes in the usual form). */
function holidayRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') return false;
    const dates = (value as Record<string, unknown>)[key];
    if (!Array.isArray(dates)) return false;
    for (const date of dates) if (typeof date !== 'string' || !DATE.test(date)) return false;
  }
  return true;
}
