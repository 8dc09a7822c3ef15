import type { z } from 'zod';
import { formatPath, ProtocolValidationError, type ValidationIssue } from '../errors.js';
import { type ProtocolDefinition, ProtocolSchema } from './protocol.js';
import { checkSemantics } from './semantic.js';

type ZodIssue = z.core.$ZodIssue;

/** Turns zod issues into readable {@link ValidationIssue}s; for a union, keeps the closest branch. */
export function toValidationIssues(issues: readonly ZodIssue[], base: (string | number)[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch with the fewest problems is the one the author meant.
      const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0]!;
      if (score(best) < 1000) {
        out.push(...toValidationIssues(best, path));
        continue;
      }
    }
    out.push({ path, pointer: formatPath(path), message: messageOf(issue), kind: 'structure' });
  }
  return out;
}

function score(issues: readonly ZodIssue[]): number {
  // A branch rejected for its keys or its type at the root is further away than one with a bad value.
  return issues.reduce((n, i) => {
    if (i.path.length === 0 && (i.code === 'unrecognized_keys' || i.code === 'invalid_type')) return n + 1000;
    if (i.path.length === 0) return n + 10;
    return n + 1;
  }, 0);
}

function messageOf(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `required: expected ${issue.expected}` : `expected ${issue.expected}, got ${describe(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return issue.message;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Result of {@link safeParseProtocol}: the definition, or every problem found. */
export type ParseProtocolResult =
  | { success: true; data: ProtocolDefinition }
  | { success: false; error: ProtocolValidationError };

/**
 * Validates a protocol definition — its structure, then its semantics — without throwing.
 *
 * @example
 * const result = safeParseProtocol(JSON.parse(text));
 * if (!result.success) for (const i of result.error.issues) console.log(i.pointer, i.message);
 */
export function safeParseProtocol(input: unknown): ParseProtocolResult {
  try {
    const parsed = ProtocolSchema.safeParse(input);
    if (!parsed.success) return { success: false, error: new ProtocolValidationError(toValidationIssues(parsed.error.issues)) };
    const issues = checkSemantics(parsed.data);
    if (issues.length > 0) return { success: false, error: new ProtocolValidationError(issues) };
    return { success: true, data: deepFreeze(parsed.data) };
  } catch (cause) {
    // Input zod cannot walk (cyclic objects, throwing getters, exotic prototypes).
    const message = `the input cannot be read as JSON data (${cause instanceof Error ? cause.message : String(cause)})`;
    return { success: false, error: new ProtocolValidationError([{ path: [], pointer: '(root)', message, kind: 'structure' }]) };
  }
}

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
