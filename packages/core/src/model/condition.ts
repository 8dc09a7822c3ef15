import { z } from 'zod';
import { type Anchor, AnchorSchema } from './anchor.js';
import { type ComplexityLevel, ComplexityLevelSchema, DurationSchema, IdSchema } from './common.js';

/** A value a fact can be compared with. */
export type Scalar = string | number | boolean;

/** Comparison operators of `{ fact, op, value }`. */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** Status of a task in a journey, as conditions see it (`inactive`: never opened). */
export const TASK_STATUSES = ['inactive', 'open', 'accepted', 'completed', 'cancelled', 'waived'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * The declarative condition language. It is data: evaluated by cpts, never executed.
 *
 * @example
 * { all: [{ fact: 'age', op: 'gte', value: 75 }, { not: { exists: 'medecinTraitant' } }] }
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; op: ComparisonOperator; value: Scalar }
  | { fact: string; in: Scalar[] }
  | { exists: string }
  | { complexity: ComplexityLevel | ComplexityLevel[] }
  | { task: string; status: TaskStatus | TaskStatus[] }
  | { elapsed: string; since: Anchor }
  | { event: string }
  | { requiredTasksDone: true };

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()], {
  message: 'must be a string, a number or a boolean',
});

/** The forms of a condition, for messages. */
export const CONDITION_FORMS =
  '{ all: [...] }, { any: [...] }, { not }, { fact, op, value }, { fact, in: [...] }, { exists }, { complexity }, { task, status }, { elapsed, since }, { event } or { requiredTasksDone: true }';

export const ConditionSchema: z.ZodType<Condition, Condition> = z
  .lazy(() =>
    z.union(
      [
        z.strictObject({
          all: z.array(ConditionSchema).min(1, { message: '"all" needs at least one condition' }),
        }),
        z.strictObject({
          any: z.array(ConditionSchema).min(1, { message: '"any" needs at least one condition' }),
        }),
        z.strictObject({ not: ConditionSchema }),
        z.strictObject({ fact: IdSchema, op: z.enum(COMPARISON_OPERATORS), value: ScalarSchema }),
        z.strictObject({
          fact: IdSchema,
          in: z.array(ScalarSchema).min(1, { message: '"in" needs at least one value' }),
        }),
        z.strictObject({ exists: IdSchema }),
        z.strictObject({
          complexity: z.union([ComplexityLevelSchema, z.array(ComplexityLevelSchema).min(1)], {
            message: 'must be "faible", "moyenne", "forte" or a list of them',
          }),
        }),
        z.strictObject({
          task: IdSchema,
          status: z.union([z.enum(TASK_STATUSES), z.array(z.enum(TASK_STATUSES)).min(1)], {
            message: `must be a task status (${TASK_STATUSES.join(', ')}) or a list of them`,
          }),
        }),
        z.strictObject({ elapsed: DurationSchema, since: AnchorSchema }),
        z.strictObject({ event: IdSchema }),
        z.strictObject({ requiredTasksDone: z.literal(true) }),
      ],
      { message: `must be a condition: ${CONDITION_FORMS}` },
    ),
  )
  .meta({
    id: 'Condition',
    description:
      'Declarative condition: all, any, not, { fact, op, value }, { fact, in }, { exists }, { complexity }, { task, status }, { elapsed, since }, { event }, { requiredTasksDone }.',
  });
