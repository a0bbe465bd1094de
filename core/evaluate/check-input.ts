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
  const policy = wellFormedPolicy(raw);
  if (policy !== undefined) {
    const input = raw as ParsedEvaluateInput;
    const submitted = parseSubmitted(input.submitted);
    if (!Number.isNaN(submitted)) return { input, policy, submitted };
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
  return wellFormedPolicy(raw) !== undefined && !Number.isNaN(parseSubmitted((raw as { submitted: string }).submitted));
}

/**
 * The policy of an input whose fields are all of the right type and form (the submission time's
 * form is checked as it is read), as evaluate() takes it: a built-in's id or the parsed custom
 * policy. Undefined when zod must decide.
 */
function wellFormedPolicy(raw: unknown): Policy | string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const input = raw as Record<string, unknown>;
  const given = input.policy;
  let policy: Policy | string | undefined;
  if (typeof given === 'string') {
    if (given.length === 0) return undefined;
    policy = given;
  } else if (typeof given === 'object' && given !== null) {
    let parsed = parsedPolicies.get(given);
    if (parsed === undefined) {
      const result = Policy.safeParse(given);
      parsed = result.success ? result.data : INVALID;
      parsedPolicies.set(given, parsed);
    }
    if (parsed === INVALID) return undefined;
    policy = parsed;
  } else return undefined;
  const { priority, submitted, language, englishAccepted, type, holidays } = input;
  const wellFormed =
    typeof priority === 'string' &&
    PRIORITIES.has(priority) &&
    typeof submitted === 'string' &&
    optionalString(input.level) &&
    optionalString(input.region) &&
    optionalString(input.topic) &&
    (language === undefined || (typeof language === 'string' && LANGUAGES.has(language))) &&
    (englishAccepted === undefined || typeof englishAccepted === 'boolean') &&
    (type === undefined || (typeof type === 'string' && TYPES.has(type))) &&
    (holidays === undefined || holidayRecord(holidays));
  return wellFormed ? policy : undefined;
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
