/**
 * Every error cpts throws is a {@link CptsError} with a stable string `code`, a message a
 * coordinator can act on, and the original `cause` when there is one.
 * @module
 */

/** Stable codes of the errors cpts throws. */
export type CptsErrorCode =
  | 'INVALID_PROTOCOL'
  | 'UNKNOWN_JOURNEY'
  | 'UNKNOWN_TASK'
  | 'UNKNOWN_EVENT'
  | 'UNKNOWN_ROLE'
  | 'UNKNOWN_DELEGATION'
  | 'NOT_ALLOWED_ROLE'
  | 'DELEGATION_REFUSED'
  | 'INVALID_DATA'
  | 'INVALID_FACTS'
  | 'INVALID_COMMAND'
  | 'TASK_NOT_OPEN'
  | 'TASK_TAKEN'
  | 'JOURNEY_CLOSED'
  | 'JOURNEY_EXISTS'
  | 'CONFLICT'
  | 'VERSION_MISMATCH'
  | 'CLOCK_BACKWARDS';

const BRAND = Symbol.for('cpts.error');

/** Base class of every error thrown by cpts. */
export class CptsError<C extends CptsErrorCode = CptsErrorCode> extends Error {
  /** Stable code, for programs; the message is for people. */
  readonly code: C;
  /** Structured details (ids, dates, reasons) for programs and logs. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly [BRAND] = true;

  constructor(
    code: C,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CptsError';
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }

  /** `instanceof` that also works across realms and duplicated package copies. */
  static is(value: unknown): value is CptsError {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
}

/** One problem found in a protocol definition. */
export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `["steps", 0, "tasks", 1, "responsible", 0]`. */
  readonly path: readonly (string | number)[];
  /** The same path as a string, e.g. `steps[0].tasks[1].responsible[0]`. */
  readonly pointer: string;
  readonly message: string;
  /** `structure` (the shape of the data) or `semantic` (references, reachability…). */
  readonly kind: 'structure' | 'semantic';
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Formats a JSON path as `steps[0].tasks[1].id`; keys that are not plain words are quoted
 * (`facts.properties["date de sortie"]`); the empty path is `(root)`.
 *
 * @example
 * formatPath(['steps', 0, 'tasks', 1, 'id']); // 'steps[0].tasks[1].id'
 */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && !PLAIN_KEY.test(part)) out += `[${JSON.stringify(part)}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Thrown by `parseProtocol` with every problem found, each with its path. */
export class ProtocolValidationError extends CptsError<'INVALID_PROTOCOL'> {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], what = 'protocol') {
    const lines = issues.map((i) => `  - ${i.pointer}: ${i.message}`);
    super(
      'INVALID_PROTOCOL',
      `Invalid ${what}: ${issues.length} problem${issues.length > 1 ? 's' : ''}\n${lines.join('\n')}`,
      { details: { issues } },
    );
    this.name = 'ProtocolValidationError';
    this.issues = Object.freeze([...issues]);
  }
}
