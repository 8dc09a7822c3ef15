import type { z } from 'zod';
import { formatPath, ProtocolValidationError, type ValidationIssue } from '../errors.js';
import { type ProtocolDefinition, ProtocolSchema } from './protocol.js';
import { checkSemantics } from './semantic.js';
import { didYouMean } from './suggest.js';

type ZodIssue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const ARTICLE: Record<string, string> = {
  array: 'an array',
  object: 'an object',
  int: 'an integer',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  record: 'an object',
};
const expectedText = (expected: string) => ARTICLE[expected] ?? expected;
const plural = (n: number | bigint, one: string, many: string) => `${n} ${n === 1 || n === 1n ? one : many}`;

/** The keys a strict object schema accepts, read from the schema that raised the issue. */
function knownKeys(issue: RawIssue): string[] {
  const def: unknown = issue.inst?._zod.def;
  const shape = typeof def === 'object' && def !== null && 'shape' in def ? def.shape : undefined;
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
}

/**
 * Readable messages for the problems zod finds in a definition. Messages a schema sets itself
 * (e.g. on durations) take precedence. Pass it as `{ error: protocolErrorMap }` to a zod parse of
 * a part of a protocol to get the same messages as {@link parseProtocol}.
 *
 * @example
 * StepSchema.safeParse(step, { error: protocolErrorMap });
 */
export const protocolErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `required: expected ${expectedText(issue.expected)}`
        : `expected ${expectedText(issue.expected)}, got ${describe(issue.input)}`;
    case 'unrecognized_keys': {
      const allowed = knownKeys(issue);
      const keys = issue.keys.map((k) => `"${k}"${didYouMean(k, allowed)}`).join(', ');
      const hint =
        allowed.length > 0 && !keys.includes('did you mean') ? ` (allowed: ${allowed.join(', ')})` : '';
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${hint}`;
    }
    case 'invalid_value':
      if (issue.input === undefined)
        return `required: must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${plural(issue.minimum, 'item', 'items')}`;
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? 'must not be empty'
          : `needs at least ${plural(issue.minimum, 'character', 'characters')}`;
      return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `has more than ${plural(issue.maximum, 'item', 'items')}`;
      if (issue.origin === 'string')
        return `must be at most ${plural(issue.maximum, 'character', 'characters')}`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern
        ? `must match ${issue.pattern}`
        : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return undefined;
  }
};

/** How far a union branch is from the input: the branch with the lowest score is the one the author meant. */
function distanceOf(issues: readonly ZodIssue[]): number {
  return issues.reduce((n, i) => {
    if (i.path.length === 0 && i.code === 'invalid_type') return n + 1000; // not even the right type
    if (i.path.length === 0 && i.code === 'unrecognized_keys') return n + 100 * i.keys.length;
    if (i.path.length === 1 && i.code === 'invalid_type') return n + 100; // a key missing (or of the wrong type)
    if (i.path.length === 0) return n + 10; // right type, wrong value (an enum, a literal)
    return n + 1; // right shape, a problem deeper down
  }, 0);
}

/**
 * Turns zod issues into readable {@link ValidationIssue}s. For a value that matches none of the forms
 * of a union (a condition, an anchor…), reports the problems of the form the author clearly meant
 * (the one with the fewest missing and unknown keys); when no form is clearly meant, reports the
 * union itself, whose message lists the allowed forms.
 *
 * @example
 * const parsed = StepSchema.safeParse(step, { error: protocolErrorMap });
 * if (!parsed.success) toValidationIssues(parsed.error.issues, ['steps', 0]); // paths inside the protocol
 */
export function toValidationIssues(
  issues: readonly ZodIssue[],
  base: (string | number)[] = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = clearBranch(issue.errors);
      if (best) {
        out.push(...toValidationIssues(best, path));
        continue;
      }
    }
    out.push({ path, pointer: formatPath(path), message: issue.message, kind: 'structure' });
  }
  return withoutMisspeltRequired(out);
}

/**
 * The branch of a union the author clearly meant: the closest one, when no other is as close and
 * the value has its shape (a value rejected at its root, e.g. a string that is none of an enum's
 * values, is better told all the forms the union allows).
 */
function clearBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  const [best, second] = branches
    .map((errors) => ({ errors, score: distanceOf(errors) }))
    .sort((a, b) => a.score - b.score);
  if (best === undefined || best.score >= 1000 || (second !== undefined && second.score === best.score))
    return undefined;
  const rejectedAtRoot = best.errors.some((i) => i.path.length === 0 && i.code !== 'unrecognized_keys');
  return rejectedAtRoot ? undefined : best.errors;
}

/** zod reports a misspelt key twice (an unknown key, and the missing key it should be): keep the first. */
function withoutMisspeltRequired(issues: ValidationIssue[]): ValidationIssue[] {
  const suggested = new Set<string>();
  for (const i of issues)
    for (const m of i.message.matchAll(/did you mean "([^"]+)"\?/g))
      suggested.add(formatPath([...i.path, m[1]!]));
  if (suggested.size === 0) return issues;
  return issues.filter((i) => !(i.message.startsWith('required') && suggested.has(i.pointer)));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${value}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** The path of the first value that contains itself, if any (values shared by two places are fine). */
function cyclePath(root: unknown): (string | number)[] | undefined {
  const open = new Set<object>();
  const visit = (value: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    if (typeof value !== 'object' || value === null) return undefined;
    if (open.has(value)) return path;
    open.add(value);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const found = visit(child, [...path, key]);
      if (found) return found;
    }
    open.delete(value);
    return undefined;
  };
  return visit(root, []);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function unreadable(cause: unknown): ProtocolValidationError {
  const why =
    cause instanceof RangeError
      ? 'it is cyclic or nested too deeply'
      : `reading it failed: ${cause instanceof Error ? cause.message : typeof cause}`;
  return new ProtocolValidationError([
    {
      path: [],
      pointer: '(root)',
      message: `the input cannot be read as JSON data (${why})`,
      kind: 'structure',
    },
  ]);
}

/** Result of {@link safeParseProtocol}: the definition, or every problem found. */
export type ParseProtocolResult =
  | { success: true; data: ProtocolDefinition }
  | { success: false; error: ProtocolValidationError };

/**
 * Validates a protocol definition — its structure, then, when the structure is sound, its
 * semantics — without throwing.
 *
 * @example
 * const result = safeParseProtocol(JSON.parse(text));
 * if (!result.success) for (const i of result.error.issues) console.log(i.pointer, i.message);
 */
export function safeParseProtocol(input: unknown): ParseProtocolResult {
  if (typeof input === 'object' && input !== null && validated.has(input))
    return { success: true, data: input as ProtocolDefinition };
  let parsed: ReturnType<typeof ProtocolSchema.safeParse>;
  try {
    parsed = ProtocolSchema.safeParse(input, { error: protocolErrorMap });
  } catch (cause) {
    // Input zod cannot walk: cyclic or very deep objects, throwing getters, hostile proxies.
    return { success: false, error: unreadable(cause) };
  }
  if (!parsed.success)
    return { success: false, error: new ProtocolValidationError(toValidationIssues(parsed.error.issues)) };
  let issues: ValidationIssue[];
  try {
    // zod keeps cycles (a value that contains itself): a definition must be a tree of JSON data.
    const cycle = cyclePath(parsed.data);
    if (cycle) {
      const message = 'this value contains itself (a cycle): a protocol must be plain JSON data';
      return {
        success: false,
        error: new ProtocolValidationError([
          { path: cycle, pointer: formatPath(cycle), message, kind: 'structure' },
        ]),
      };
    }
    issues = checkSemantics(parsed.data);
  } catch (cause) {
    // The data is plain JSON by now: only a definition nested too deeply for the stack, or a bug of cpts, gets here.
    if (cause instanceof RangeError) return { success: false, error: unreadable(cause) };
    const message = `an internal error stopped the checks (${cause instanceof Error ? cause.message : typeof cause}): please report it to the cpts maintainers`;
    return {
      success: false,
      error: new ProtocolValidationError([{ path: [], pointer: '(root)', message, kind: 'semantic' }]),
    };
  }
  if (issues.length > 0) return { success: false, error: new ProtocolValidationError(issues) };
  const data = deepFreeze(parsed.data);
  validated.add(data);
  return { success: true, data };
}

/** Definitions this module produced: frozen, so still valid; parsing one again returns it as is. */
const validated = new WeakSet<object>();

/**
 * Validates a protocol definition and returns it typed, with defaults applied, deeply frozen.
 *
 * @throws {ProtocolValidationError} listing every structural and semantic problem with its JSON path.
 * @example
 * const protocol = parseProtocol(JSON.parse(readFileSync('ic.json', 'utf8')));
 */
export function parseProtocol(input: unknown): ProtocolDefinition {
  const result = safeParseProtocol(input);
  if (!result.success) throw result.error;
  return result.data;
}
