/**
 * Options of a cohort simulation, validated with zod: the population (facts drawn from
 * distributions, arrivals), when events happen, how professionals behave for each task, the
 * capacity of each role per week, the horizon and the seed.
 * @module
 */
import {
  allTasks,
  CptsError,
  compileRuntime,
  DurationSchema,
  dataProblem,
  formatPath,
  IdSchema,
  type ProtocolDefinition,
  toMillis,
  type ValidationIssue,
} from '@cpts/core';
import { z } from 'zod';
import { CategoricalSchema, DistributionSchema } from './random.js';

/** How one fact of a patient is drawn. A number drawn for an `integer` fact is rounded, for a `boolean` fact read as 0/1, for a `date` fact read as days after the journey starts. */
export const FactSpecSchema = z
  .union(
    [DistributionSchema, CategoricalSchema, z.strictObject({ kind: z.literal('fixed'), value: z.json() })],
    {
      message:
        'must be a distribution ({ kind: "normal", mean, sd } …), a categorical one ({ kind: "categorical", values }) or { kind: "fixed", value }',
    },
  )
  .meta({ id: 'FactSpec' });
export type FactSpec = z.infer<typeof FactSpecSchema>;

const probability = z
  .number()
  .min(0, { message: 'must be a probability between 0 and 1' })
  .max(1, { message: 'must be a probability between 0 and 1' });

/** How the professionals behave for a task. */
export const TaskBehaviourSchema = z
  .strictObject({
    /** Probability that an occurrence is done at all (default 0.95). */
    probability: probability.optional(),
    /** Days from when the task can be done (its window opens) to when it is done. */
    delay: DistributionSchema.optional(),
    /** The role that performs it (default: the first responsible role). */
    as: IdSchema.optional(),
    /** Data recorded with the act (default: the least the task's data schema requires). */
    data: z.record(z.string(), z.json()).optional(),
  })
  .meta({ id: 'TaskBehaviour' });
export type TaskBehaviour = z.infer<typeof TaskBehaviourSchema>;

/** When an event of the protocol happens to a patient: once (`after` days from the start) or at a rate (`perYear`). */
export const EventBehaviourSchema = z
  .union(
    [
      z.strictObject({
        after: DistributionSchema,
        probability: probability.optional(),
        data: z.record(z.string(), z.json()).optional(),
      }),
      z.strictObject({
        perYear: z.number().min(0).max(365),
        data: z.record(z.string(), z.json()).optional(),
      }),
    ],
    { message: 'must be { after: <distribution of days>, probability? } or { perYear: <rate> }' },
  )
  .meta({ id: 'EventBehaviour' });
export type EventBehaviour = z.infer<typeof EventBehaviourSchema>;

/** Options of `simulateCohort` (everything but `onProgress`, which is a function). */
export const SimulationOptionsSchema = z
  .strictObject({
    /** Number of patients. */
    patients: z.number().int().min(1, { message: 'must be at least 1 patient' }).max(10_000_000),
    /** How long the simulation runs, as an ISO 8601 duration (default `P12M`). */
    horizon: DurationSchema.default('P12M'),
    /** The first instant (default `2026-01-05T08:00:00Z`, a Monday). */
    start: z
      .string()
      .refine((s) => Number.isFinite(Date.parse(s)), { message: 'must be an ISO 8601 date-time' })
      .default('2026-01-05T08:00:00Z'),
    /** Seed of the pseudo-random generators: the same seed gives the same result. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    /**
     * Fixed number of shards the population is split into: the result depends on it, not on
     * `threads`. Default: 16, or one per 2 500 patients for larger cohorts (a shard holds its
     * running journeys in memory).
     */
    shards: z.number().int().min(1).max(4096).optional(),
    /** Worker threads (default: the number of cores); 0 runs in the calling thread. */
    threads: z.number().int().min(0).max(256).optional(),
    /** When patients enter the protocol: spread evenly over the horizon (default), all at the start, or over a period. */
    arrivals: z
      .union([z.enum(['uniform', 'start']), z.strictObject({ over: DurationSchema })], {
        message: 'must be "uniform", "start" or { over: "P6M" }',
      })
      .default('uniform'),
    /** How each fact is drawn; facts left out are unknown. */
    facts: z.record(z.string(), FactSpecSchema).default({}),
    /** When events happen. */
    events: z.record(z.string(), EventBehaviourSchema).default({}),
    /** How tasks are done: a default, and per task. */
    behaviour: z
      .strictObject({
        default: TaskBehaviourSchema.optional(),
        tasks: z.record(z.string(), TaskBehaviourSchema).default({}),
      })
      .default({ tasks: {} }),
    /** Acts per week each role can do in the whole territory (default: unlimited). */
    capacity: z.record(z.string(), z.number().int().min(0)).default({}),
    /**
     * Journeys to keep whole for inspection (their histories are returned; default 0, at most
     * 10 000: a kept history stays in memory): the first ones started in each shard, this number
     * shared out between the shards.
     */
    keepHistories: z.number().int().min(0).max(10_000).default(0),
  })
  .meta({ id: 'SimulationOptions' });

/** Options as given (defaults not applied). */
export type SimulationOptionsInput = z.input<typeof SimulationOptionsSchema>;
/** Options with defaults applied. */
export type SimulationOptions = z.output<typeof SimulationOptionsSchema> & { readonly shards: number };

/** Default number of shards: 16, or one per 2 500 patients (a shard's running journeys stay in memory). */
export function defaultShards(patients: number): number {
  return Math.max(16, Math.ceil(patients / 2500));
}

/** Thrown when simulation options are invalid or do not fit the protocol; lists every problem with its path. */
export class SimulationOptionsError extends CptsError<'INVALID_COMMAND'> {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(
      'INVALID_COMMAND',
      `Invalid simulation options: ${issues.length} problem${issues.length > 1 ? 's' : ''}\n${issues.map((i) => `  - ${i.pointer}: ${i.message}`).join('\n')}`,
      {
        details: { issues },
      },
    );
    this.name = 'SimulationOptionsError';
    this.issues = issues;
  }
}

function issue(path: (string | number)[], message: string): ValidationIssue {
  return { path, pointer: formatPath(path), message, kind: 'semantic' };
}

/**
 * Why the engine would refuse `data` with every act or event ({@link dataProblem}, as it checks
 * them), in words, or undefined: options that would only produce refusals are caught before the
 * simulation runs.
 */
function refusedData(validate: Parameters<typeof dataProblem>[0], data: Record<string, unknown> | undefined) {
  const problem = dataProblem(validate, data);
  if (problem === undefined) return undefined;
  if (problem.kind === 'not-an-object') return 'must be an object';
  if (problem.kind === 'invalid') return problem.errors;
  return `it records no data, got ${problem.keys.join(', ')}`;
}

/**
 * Validates options and checks them against the protocol: facts, events, tasks and roles must
 * exist, the facts the protocol requires must be drawn, and the data given with events and acts
 * must fit the protocol's data schemas (the engine would refuse each of them otherwise).
 *
 * @throws {SimulationOptionsError} listing every problem with its path.
 * @example
 * const options = parseSimulationOptions(ic, { patients: 1000, facts: { age: { kind: 'normal', mean: 78, sd: 9 } } });
 */
export function parseSimulationOptions(protocol: ProtocolDefinition, input: unknown): SimulationOptions {
  const parsed = SimulationOptionsSchema.safeParse(input);
  if (!parsed.success)
    throw new SimulationOptionsError(
      parsed.error.issues.map((i) => {
        const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        return { path, pointer: formatPath(path), message: i.message, kind: 'structure' as const };
      }),
    );
  const o = parsed.data;
  const issues: ValidationIssue[] = [];
  const facts = protocol.facts.properties ?? {};
  for (const name of Object.keys(o.facts))
    if (!(name in facts))
      issues.push(
        issue(
          ['facts', name],
          `the protocol has no fact "${name}" (facts: ${Object.keys(facts).join(', ') || 'none'})`,
        ),
      );
  for (const name of protocol.facts.required ?? [])
    if (!(name in o.facts))
      issues.push(
        issue(['facts'], `the protocol requires the fact "${name}" at the start: give it a distribution`),
      );
  const { runtime } = compileRuntime(protocol);
  const events = new Set(protocol.events.map((e) => e.id));
  for (const [name, b] of Object.entries(o.events)) {
    if (!events.has(name)) {
      issues.push(
        issue(
          ['events', name],
          `the protocol has no event "${name}" (events: ${[...events].join(', ') || 'none'})`,
        ),
      );
      continue;
    }
    const problem = refusedData(runtime.validateEventData.get(name), b.data);
    if (problem)
      issues.push(
        issue(
          ['events', name, 'data'],
          `the engine would refuse every "${name}" event with this data: ${problem}`,
        ),
      );
  }
  const tasks = new Map(allTasks(protocol).map((t) => [t.task.id, t.task]));
  const roles = new Set(protocol.roles.map((r) => r.id));
  for (const [name, b] of Object.entries(o.behaviour.tasks)) {
    const task = tasks.get(name);
    if (!task) {
      issues.push(issue(['behaviour', 'tasks', name], `the protocol has no task "${name}"`));
      continue;
    }
    if (b.as !== undefined && !task.responsible.includes(b.as))
      issues.push(
        issue(
          ['behaviour', 'tasks', name, 'as'],
          `"${b.as}" is not responsible for "${name}" (${task.responsible.join(', ')})`,
        ),
      );
    const problem = b.data && refusedData(runtime.tasks.get(name)?.validate, b.data);
    if (problem)
      issues.push(
        issue(
          ['behaviour', 'tasks', name, 'data'],
          `the engine would refuse every act of "${name}" with this data: ${problem}`,
        ),
      );
  }
  // Default data goes with the acts of every task that gives none of its own.
  const defaultData = o.behaviour.default?.data;
  if (defaultData)
    for (const name of tasks.keys()) {
      if (o.behaviour.tasks[name]?.data) continue;
      const problem = refusedData(runtime.tasks.get(name)?.validate, defaultData);
      if (problem)
        issues.push(
          issue(
            ['behaviour', 'default', 'data'],
            `the engine would refuse every act of "${name}" with this data: ${problem} (give "${name}" data of its own)`,
          ),
        );
    }
  if (o.behaviour.default?.as !== undefined)
    issues.push(
      issue(['behaviour', 'default', 'as'], 'a default behaviour cannot name a role: set "as" per task'),
    );
  for (const role of Object.keys(o.capacity))
    if (!roles.has(role))
      issues.push(
        issue(['capacity', role], `the protocol has no role "${role}" (roles: ${[...roles].join(', ')})`),
      );
  try {
    toMillis(o.start);
  } catch {
    issues.push(issue(['start'], 'must be an ISO 8601 date-time'));
  }
  if (issues.length > 0) throw new SimulationOptionsError(issues);
  return { ...o, shards: o.shards ?? defaultShards(o.patients) };
}
