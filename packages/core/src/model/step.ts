import { z } from 'zod';
import { IdSchema, LabelSchema } from './common.js';
import { ConditionSchema } from './condition.js';
import { type Task, type TaskInput, TaskSchema } from './task.js';

/** A guarded way out of a step: to a sibling step, when a condition holds and/or on a recorded event. */
export const ExitSchema = z
  .strictObject({
    to: IdSchema,
    when: ConditionSchema.optional(),
    on: IdSchema.optional(),
    label: LabelSchema.optional(),
  })
  .meta({ id: 'Exit', description: 'Guarded exit to a sibling step.' });
export type Exit = z.infer<typeof ExitSchema>;

/** Kinds of step: `simple` (or compound when it has `steps`), `parallel` (its steps run together), `final`. */
export const STEP_KINDS = ['simple', 'parallel', 'final'] as const;

/** A state of the journey: a segment of the road, tasks, and guarded exits. Steps nest. */
export interface Step {
  id: string;
  label: { fr: string; en?: string | undefined };
  segment: string;
  kind: (typeof STEP_KINDS)[number];
  description?: string | undefined;
  tasks: Task[];
  exits: Exit[];
  steps?: Step[] | undefined;
  initial?: string | undefined;
}
/** A step as authored (defaults not yet applied). */
export interface StepInput {
  id: string;
  label: { fr: string; en?: string | undefined };
  segment: string;
  kind?: (typeof STEP_KINDS)[number] | undefined;
  description?: string | undefined;
  tasks?: TaskInput[] | undefined;
  exits?: Exit[] | undefined;
  steps?: StepInput[] | undefined;
  initial?: string | undefined;
}

export const StepSchema: z.ZodType<Step, StepInput> = z
  .lazy(() =>
    z.strictObject({
      id: IdSchema,
      label: LabelSchema,
      segment: IdSchema,
      kind: z.enum(STEP_KINDS).default('simple'),
      description: z.string().optional(),
      tasks: z.array(TaskSchema).default([]),
      exits: z.array(ExitSchema).default([]),
      steps: z.array(StepSchema).optional(),
      initial: IdSchema.optional(),
    }),
  )
  .meta({ id: 'Step', description: 'A step of the journey (nested with steps, parallel with kind).' });
