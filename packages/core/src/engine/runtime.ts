import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { type CompiledCondition, compileCondition } from '../conditions/evaluate.js';
import type { Condition } from '../model/condition.js';
import type { Delegation } from '../model/delegation.js';
import { protocolHash } from '../model/hash.js';
import type { ProtocolDefinition } from '../model/protocol.js';
import type { Step } from '../model/step.js';
import type { Task } from '../model/task.js';
import { allSteps, allTasks } from '../model/walk.js';
import type { ProtocolRef } from './types.js';

/** A step with what the engine needs at run time. */
export interface RuntimeStep {
  readonly step: Step;
  readonly parent: string | undefined;
  /** Ids of the step and every step nested in it. */
  readonly subtree: ReadonlySet<string>;
  readonly segment: string;
  /** Its exits, in order, with their conditions compiled. */
  readonly exits: readonly RuntimeExit[];
}

/** An exit of a step: the event it waits for, and its condition compiled. */
export interface RuntimeExit {
  readonly on: string | undefined;
  readonly when: CompiledCondition | undefined;
}

/** A task with what the engine needs at run time. */
export interface RuntimeTask {
  readonly task: Task;
  readonly step: string;
  readonly segment: string;
  readonly when: CompiledCondition | undefined;
  readonly validate: ValidateFunction | undefined;
  /** Interval of a recurrence as an ISO 8601 duration. */
  readonly interval: string | undefined;
}

/**
 * A validated protocol with its lookups precomputed once: steps, tasks, delegations by task,
 * compiled JSON Schema validators and conditions. Shared by every journey on that version.
 */
export interface ProtocolRuntime {
  readonly definition: ProtocolDefinition;
  readonly ref: ProtocolRef;
  readonly steps: ReadonlyMap<string, RuntimeStep>;
  readonly tasks: ReadonlyMap<string, RuntimeTask>;
  readonly tasksByStep: ReadonlyMap<string, readonly RuntimeTask[]>;
  /** The step-entry tasks of a step that can open after its entry: those with a condition or a recurrence. */
  readonly watchedByStep: ReadonlyMap<string, readonly RuntimeTask[]>;
  readonly tasksByEvent: ReadonlyMap<string, readonly RuntimeTask[]>;
  readonly delegations: ReadonlyMap<string, Delegation>;
  /** Delegations covering each task, in the definition's order. */
  readonly delegationsByTask: ReadonlyMap<string, readonly Delegation[]>;
  readonly roles: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
  readonly validateFacts: ValidateFunction;
  readonly validateEventData: ReadonlyMap<string, ValidateFunction>;
  /** Steps whose exits hold elapsed-time conditions (which need waking up), with those conditions. */
  readonly timedSteps: ReadonlyMap<string, readonly ElapsedCondition[]>;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: false });

/** Interval between occurrences of a recurrence. `perYear` N gives 12/N months, or 365/N days. */
export function repeatInterval(task: Task): string | undefined {
  const r = task.repeat;
  if (!r) return undefined;
  if ('every' in r) return r.every;
  return 12 % r.perYear === 0 ? `P${12 / r.perYear}M` : `P${Math.round(365 / r.perYear)}D`;
}

/** An `{ elapsed, since }` condition: time alone can make it hold. */
export type ElapsedCondition = Extract<Condition, { elapsed: string }>;

/** The elapsed-time conditions inside a condition, at any depth. */
export function elapsedConditions(condition: Condition): ElapsedCondition[] {
  if ('all' in condition) return condition.all.flatMap(elapsedConditions);
  if ('any' in condition) return condition.any.flatMap(elapsedConditions);
  if ('not' in condition) return elapsedConditions(condition.not);
  return 'elapsed' in condition ? [condition] : [];
}

/** Builds the run-time form of a validated definition. */
export function buildRuntime(
  definition: ProtocolDefinition,
  hash = protocolHash(definition),
): ProtocolRuntime {
  const steps = new Map<string, RuntimeStep>();
  const entries = allSteps(definition);
  for (const { step, parent } of entries) {
    const subtree = new Set(entries.filter((e) => e.lineage.includes(step.id)).map((e) => e.step.id));
    const exits = step.exits.map((x) => ({ on: x.on, when: x.when && compileCondition(x.when) }));
    steps.set(step.id, { step, parent: parent?.id, subtree, segment: step.segment, exits });
  }
  const tasks = new Map<string, RuntimeTask>();
  const tasksByStep = new Map<string, RuntimeTask[]>();
  const tasksByEvent = new Map<string, RuntimeTask[]>();
  for (const { task, step } of allTasks(definition)) {
    const rt: RuntimeTask = {
      task,
      step: step.id,
      segment: task.segment ?? step.segment,
      when: task.when && compileCondition(task.when),
      validate: task.data && ajv.compile(task.data),
      interval: repeatInterval(task),
    };
    tasks.set(task.id, rt);
    if (task.start === 'step-entry') tasksByStep.set(step.id, [...(tasksByStep.get(step.id) ?? []), rt]);
    else if (typeof task.start === 'object')
      tasksByEvent.set(task.start.event, [...(tasksByEvent.get(task.start.event) ?? []), rt]);
  }
  const watchedByStep = new Map<string, RuntimeTask[]>();
  for (const [step, list] of tasksByStep) {
    const watched = list.filter((t) => t.when !== undefined || t.interval !== undefined);
    if (watched.length > 0) watchedByStep.set(step, watched);
  }
  const timedSteps = new Map<string, ElapsedCondition[]>();
  for (const { step } of entries) {
    const timed = step.exits.flatMap((x) => (x.when ? elapsedConditions(x.when) : []));
    if (timed.length > 0) timedSteps.set(step.id, timed);
  }
  return {
    definition,
    ref: { id: definition.id, version: definition.version, hash },
    steps,
    tasks,
    tasksByStep,
    watchedByStep,
    tasksByEvent,
    delegations: new Map(definition.delegations.map((d) => [d.id, d])),
    delegationsByTask: new Map(
      [...tasks.keys()].map((id) => [id, definition.delegations.filter((d) => d.tasks.includes(id))]),
    ),
    roles: new Set(definition.roles.map((r) => r.id)),
    events: new Set(definition.events.map((e) => e.id)),
    validateFacts: ajv.compile(definition.facts),
    validateEventData: new Map(
      definition.events.filter((e) => e.data).map((e) => [e.id, ajv.compile(e.data!)]),
    ),
    timedSteps,
  };
}

/**
 * What a data or facts validator of a protocol runtime found wrong, for people: its errors
 * formatted as `age: must be >= 0; nyha: must be equal to one of the allowed values (1, 2, 3, 4)`.
 *
 * @example
 * const validate = runtime.validateEventData.get('signe-alerte')!;
 * if (!validate({})) console.log(describeAjvErrors(validate)); // signe: must have required property 'signe'
 */
export function describeAjvErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map((e) => {
      const where = e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : '';
      const extra =
        e.keyword === 'enum'
          ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
          : '';
      const name =
        e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : where;
      return `${name ? `${name}: ` : ''}${e.message ?? 'invalid'}${extra}`;
    })
    .join('; ');
}

/** Why data recorded with a task or an event would be refused ({@link dataProblem}). */
export type DataProblem =
  /** The data is not an object of named values. */
  | { readonly kind: 'not-an-object' }
  /** The data does not fit the data schema; `errors` as {@link describeAjvErrors} words them. */
  | { readonly kind: 'invalid'; readonly errors: string }
  /** The protocol declares no data for it, yet these keys were given. */
  | { readonly kind: 'unexpected'; readonly keys: readonly string[] };

/**
 * Why the engine would refuse data recorded with a task (`perform`, `observe`) or an event
 * (`recordEvent`), given its data schema's validator (`undefined` when the protocol declares
 * none: then it records no data), or `undefined` when it would take it.
 *
 * @example
 * dataProblem(runtime.validateEventData.get('sortie'), { service: 'cardiologie' });
 */
export function dataProblem(validate: ValidateFunction | undefined, data: unknown): DataProblem | undefined {
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data)))
    return { kind: 'not-an-object' };
  if (validate)
    return validate(data ?? {}) ? undefined : { kind: 'invalid', errors: describeAjvErrors(validate) };
  const keys = data === undefined ? [] : Object.keys(data);
  return keys.length > 0 ? { kind: 'unexpected', keys } : undefined;
}
