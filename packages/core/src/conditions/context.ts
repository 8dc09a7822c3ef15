import type { Anchor } from '../model/anchor.js';
import type { ComplexityLevel } from '../model/common.js';
import type { TaskStatus } from '../model/condition.js';

/**
 * What a condition can see. The engine provides it from a journey; tests and tools can build one
 * by hand with {@link factsContext}.
 */
export interface ConditionContext {
  /** Known facts about the patient. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** Current level of the gradation, when the protocol has one. */
  readonly complexity: ComplexityLevel | undefined;
  /** The current instant, in milliseconds since the epoch. */
  readonly now: number;
  /**
   * IANA time zone whose calendar `{ elapsed }` counts in (`P1M` from 31 January is the last day of
   * February there). Default: `DEFAULT_TIME_ZONE` (Europe/Paris), so results never depend on the
   * machine's zone.
   */
  readonly timeZone?: string | undefined;
  /** Status of the latest occurrence of a task (`inactive` when never opened). */
  taskStatus(taskId: string): TaskStatus;
  /** Whether an event has been recorded on the journey. */
  eventRecorded(eventId: string): boolean;
  /** The instant an anchor designates, or `undefined` when it has not happened yet. */
  anchorTime(anchor: Anchor): number | undefined;
  /** Whether every required task of the step being left is closed (for exits). */
  requiredTasksDone(): boolean;
}

/**
 * A context with facts only (and optionally a complexity level and an instant): no task has been
 * opened, no event recorded, and only `{ fact }` anchors resolve.
 *
 * @example
 * evaluateCondition({ fact: 'age', op: 'gte', value: 75 }, factsContext({ age: 81 })); // true
 */
export function factsContext(
  facts: Readonly<Record<string, unknown>>,
  options: { complexity?: ComplexityLevel; now?: number; timeZone?: string } = {},
): ConditionContext {
  return {
    facts,
    complexity: options.complexity,
    now: options.now ?? 0,
    timeZone: options.timeZone,
    taskStatus: () => 'inactive',
    eventRecorded: () => false,
    anchorTime: (anchor) =>
      typeof anchor === 'object' && 'fact' in anchor ? factTime(factValue(facts, anchor.fact)) : undefined,
    requiredTasksDone: () => false,
  };
}

/**
 * The value of a fact, or `undefined` when it is not known. Reads own properties only, so that a
 * fact named like an `Object.prototype` member (`constructor`, `toString`) is never "known" by accident.
 *
 * @example
 * factValue({ age: 81 }, 'age'); // 81
 * factValue({}, 'constructor'); // undefined
 */
export function factValue(facts: Readonly<Record<string, unknown>>, fact: string): unknown {
  return Object.hasOwn(facts, fact) ? facts[fact] : undefined;
}

/** Reads a fact holding a date (ISO 8601 text or epoch milliseconds) as milliseconds. */
export function factTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
}
