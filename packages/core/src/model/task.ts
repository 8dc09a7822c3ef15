import { z } from 'zod';
import { AnchorSchema } from './anchor.js';
import { DurationSchema, IdSchema, LabelSchema, ObjectSchemaSchema, ProvenanceShape } from './common.js';
import { ConditionSchema } from './condition.js';

/** The due window of a task: `within` a duration `from` an anchor (default: when the task opens). */
export const DueSchema = z
  .strictObject({
    within: DurationSchema,
    from: AnchorSchema.default('opened'),
    ...ProvenanceShape,
  })
  .meta({ id: 'Due', description: 'Due window: within a duration from an anchor.' });
export type Due = z.infer<typeof DueSchema>;

/** Recurrence: `every` a duration, or `perYear` N times a year; optionally a number of occurrences. */
export const RepeatSchema = z
  .union(
    [
      z.strictObject({
        every: DurationSchema,
        count: z.number().int().min(1).optional(),
        ...ProvenanceShape,
      }),
      z.strictObject({
        perYear: z.number().int().min(1).max(365),
        count: z.number().int().min(1).optional(),
        ...ProvenanceShape,
      }),
    ],
    { message: 'must be { every: "P3M" } or { perYear: 2 } (with optional count, source and note)' },
  )
  .meta({ id: 'Repeat', description: 'Recurrence: every P3M, or N per year.' });
export type Repeat = z.infer<typeof RepeatSchema>;

/** When a task opens: on entry into its step (default), each time an event is recorded, or on demand. */
export const TaskStartSchema = z
  .union([z.enum(['step-entry', 'on-demand']), z.strictObject({ event: IdSchema })], {
    message: 'must be "step-entry", "on-demand" or { event }',
  })
  .meta({
    id: 'TaskStart',
    description:
      '"step-entry" (default), { event } (each recording opens an occurrence), or "on-demand" (opened by a miss policy, a hand-back or a delegation obligation).',
  });
export type TaskStart = z.infer<typeof TaskStartSchema>;

/** What a missed deadline does beyond recording the rupture. */
export const MissPolicySchema = z
  .strictObject({
    /** Also make this role responsible for the overdue task. */
    escalateTo: IdSchema.optional(),
    /** Open these on-demand tasks. */
    open: z.array(IdSchema).optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'MissPolicy' });
export type MissPolicy = z.infer<typeof MissPolicySchema>;

/** *Qui fait quoi, quand*: a task of a step. */
export const TaskSchema = z
  .strictObject({
    id: IdSchema,
    label: LabelSchema,
    description: z.string().optional(),
    /** Roles that may perform the task (and see it in their worklist). */
    responsible: z.array(IdSchema).min(1, { message: 'a task needs at least one responsible role' }),
    /** A required task not done by its due date is a rupture. */
    required: z.boolean().default(true),
    start: TaskStartSchema.default('step-entry'),
    /** The task opens only when this condition holds (rechecked while its step is active). */
    when: ConditionSchema.optional(),
    due: DueSchema.optional(),
    repeat: RepeatSchema.optional(),
    /** Show a reminder in the worklist this long before the due date. */
    remindBefore: DurationSchema.optional(),
    /** JSON Schema of the data recorded when the task is performed. */
    data: ObjectSchemaSchema.optional(),
    onMiss: MissPolicySchema.optional(),
    /** Segment of the road, when it differs from the step's. */
    segment: IdSchema.optional(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof TaskSchema>;
export type TaskInput = z.input<typeof TaskSchema>;
