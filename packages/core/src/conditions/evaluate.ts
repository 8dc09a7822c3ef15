import { match, P } from 'ts-pattern';
import { ProtocolValidationError } from '../errors.js';
import {
  COMPARISON_OPERATORS,
  CONDITION_FORMS,
  type ComparisonOperator,
  type Condition,
  type Scalar,
  type TaskStatus,
} from '../model/condition.js';
import { addDurationInZone, DEFAULT_TIME_ZONE } from '../time/duration.js';
import { type ConditionContext, factValue } from './context.js';

/** A condition turned into a predicate. Built from data only: nothing in a definition is executed. */
export type CompiledCondition = (context: ConditionContext) => boolean;

const cache = new WeakMap<Condition, CompiledCondition>();

function compare(op: ComparisonOperator, actual: unknown, expected: Scalar): boolean {
  if (actual === undefined || actual === null) return op === 'ne';
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  // Order only between values of the same type (numbers, or strings such as ISO dates).
  if (typeof actual !== typeof expected || typeof actual === 'boolean') return false;
  const a = actual as number | string;
  return match(op)
    .with('lt', () => a < expected)
    .with('lte', () => a <= expected)
    .with('gt', () => a > expected)
    .with('gte', () => a >= expected)
    .exhaustive();
}

function describeValue(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(typeof value) : text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return typeof value;
  }
}

/**
 * Compiles a condition once into a predicate, so that guards evaluated on every event stay cheap.
 * Compiled predicates are cached per condition object.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  const hit = cache.get(condition);
  if (hit) return hit;
  const compiled = match<Condition, CompiledCondition>(condition)
    .with({ all: P.array() }, (c) => {
      const parts = c.all.map(compileCondition);
      return (ctx) => parts.every((f) => f(ctx));
    })
    .with({ any: P.array() }, (c) => {
      const parts = c.any.map(compileCondition);
      return (ctx) => parts.some((f) => f(ctx));
    })
    .with({ not: P.nonNullable }, (c) => {
      const inner = compileCondition(c.not);
      return (ctx) => !inner(ctx);
    })
    .with(
      { fact: P.string, op: P.union(...COMPARISON_OPERATORS), value: P.union(P.string, P.number, P.boolean) },
      (c) => (ctx) => compare(c.op, factValue(ctx.facts, c.fact), c.value),
    )
    .with({ fact: P.string, in: P.array() }, (c) => {
      const values = new Set<unknown>(c.in);
      return (ctx) => values.has(factValue(ctx.facts, c.fact));
    })
    .with({ exists: P.string }, (c) => (ctx) => {
      const value = factValue(ctx.facts, c.exists);
      return value !== undefined && value !== null;
    })
    .with({ complexity: P.nonNullable }, (c) => {
      const levels = new Set<string>(Array.isArray(c.complexity) ? c.complexity : [c.complexity]);
      return (ctx) => ctx.complexity !== undefined && levels.has(ctx.complexity);
    })
    .with({ task: P.string, status: P.nonNullable }, (c) => {
      const statuses = new Set<TaskStatus>(Array.isArray(c.status) ? c.status : [c.status]);
      return (ctx) => statuses.has(ctx.taskStatus(c.task));
    })
    .with({ elapsed: P.string, since: P.nonNullable }, (c) => (ctx) => {
      const from = ctx.anchorTime(c.since);
      if (from === undefined) return false;
      return ctx.now >= addDurationInZone(from, c.elapsed, ctx.timeZone ?? DEFAULT_TIME_ZONE);
    })
    .with({ event: P.string }, (c) => (ctx) => ctx.eventRecorded(c.event))
    .with({ requiredTasksDone: true }, () => (ctx) => ctx.requiredTasksDone())
    .exhaustive((unexpected) => {
      // Only reachable with data that skipped validation (conditions come from parseProtocol).
      throw new ProtocolValidationError(
        [
          {
            path: [],
            pointer: '(root)',
            message: `must be a condition: ${CONDITION_FORMS}`,
            kind: 'structure',
          },
        ],
        `condition ${describeValue(unexpected)}`,
      );
    });
  cache.set(condition, compiled);
  return compiled;
}

/**
 * Evaluates a condition in a context.
 *
 * @example
 * evaluateCondition({ fact: 'age', op: 'gte', value: 75 }, factsContext({ age: 81 })); // true
 */
export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  return compileCondition(condition)(context);
}
