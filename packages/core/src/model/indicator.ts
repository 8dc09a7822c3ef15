import { z } from 'zod';
import type { Anchor } from './anchor.js';
import { AnchorSchema } from './anchor.js';
import { DurationSchema, IdSchema, LabelSchema, ProvenanceShape } from './common.js';
import { type Condition, ConditionSchema } from './condition.js';

/**
 * Which journeys an indicator counts, read from their history alone.
 *
 * @example
 * // seen by the GP within 7 days of discharge
 * { taskCompleted: 'consultation-mg', within: 'P7D', from: { event: 'sortie' } }
 */
export type Criterion =
  | { all: Criterion[] }
  | { any: Criterion[] }
  | { not: Criterion }
  | { started: true }
  | { stepReached: string }
  | { taskCompleted: string; within?: string | undefined; from?: Anchor | undefined }
  | { taskWaived: string }
  | { rupture: { task?: string | undefined; segment?: string | undefined } }
  | { event: string }
  | { condition: Condition };

export const CriterionSchema: z.ZodType<Criterion, Criterion> = z
  .lazy(() =>
    z.union(
      [
        z.strictObject({ all: z.array(CriterionSchema).min(1) }),
        z.strictObject({ any: z.array(CriterionSchema).min(1) }),
        z.strictObject({ not: CriterionSchema }),
        z.strictObject({ started: z.literal(true) }),
        z.strictObject({ stepReached: IdSchema }),
        z.strictObject({
          taskCompleted: IdSchema,
          within: DurationSchema.optional(),
          from: AnchorSchema.optional(),
        }),
        z.strictObject({ taskWaived: IdSchema }),
        z.strictObject({
          rupture: z.strictObject({ task: IdSchema.optional(), segment: IdSchema.optional() }),
        }),
        z.strictObject({ event: IdSchema }),
        z.strictObject({ condition: ConditionSchema }),
      ],
      {
        message:
          'must be a criterion: { all }, { any }, { not }, { started: true }, { stepReached }, { taskCompleted, within?, from? }, { taskWaived }, { rupture: { task?, segment? } }, { event } or { condition }',
      },
    ),
  )
  .meta({ id: 'Criterion', description: 'Which journeys an indicator counts, from their history.' });

/** A quality indicator: *de moyens* (process) or *de résultats* (outcome). */
export const IndicatorSchema = z
  .strictObject({
    id: IdSchema,
    label: LabelSchema,
    kind: z.enum(['moyens', 'resultats']),
    segment: IdSchema.optional(),
    description: z.string().optional(),
    denominator: CriterionSchema,
    numerator: CriterionSchema,
    /** Target share, between 0 and 1. */
    target: z.number().min(0).max(1).optional(),
    /** A published reference value (e.g. the national result), between 0 and 1. */
    reference: z.strictObject({ value: z.number().min(0).max(1), label: z.string() }).optional(),
    ...ProvenanceShape,
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof IndicatorSchema>;
