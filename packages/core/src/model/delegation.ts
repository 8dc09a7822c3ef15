import { z } from 'zod';
import { DurationSchema, IdSchema, LabelSchema, ProvenanceShape } from './common.js';
import { ConditionSchema } from './condition.js';

/** What the delegate must hold: a training (id), its minimum hours and how long it stays valid. */
export const QualificationRequirementSchema = z
  .strictObject({
    id: IdSchema,
    label: LabelSchema.optional(),
    minHours: z.number().min(0).optional(),
    validFor: DurationSchema.optional(),
    ...ProvenanceShape,
  })
  .meta({ id: 'QualificationRequirement' });
export type QualificationRequirement = z.infer<typeof QualificationRequirementSchema>;

/** A criterion that excludes the patient from the delegation (a red flag): the patient is handed back. */
export const ExclusionSchema = z
  .strictObject({ id: IdSchema, label: LabelSchema, when: ConditionSchema, ...ProvenanceShape })
  .meta({ id: 'Exclusion' });
export type Exclusion = z.infer<typeof ExclusionSchema>;

/**
 * A *protocole de coopération*: the delegating role lets the delegate role perform tasks outside
 * its usual scope, under qualification, consent, inclusion and exclusion criteria.
 */
export const DelegationSchema = z
  .strictObject({
    id: IdSchema,
    label: LabelSchema,
    /** Legal reference (arrêté, ARS authorisation). */
    reference: z.string().optional(),
    delegating: IdSchema,
    delegate: IdSchema,
    /** Tasks the delegate may perform under this delegation. */
    tasks: z.array(IdSchema).min(1, { message: 'a delegation covers at least one task' }),
    qualification: QualificationRequirementSchema.optional(),
    /** The boolean fact that records the patient's consent; when set, consent is required. */
    consent: z.strictObject({ fact: IdSchema }).optional(),
    /** Every inclusion criterion must hold at the time of the act. */
    inclusion: ConditionSchema.optional(),
    /** Exclusion criteria and red flags: a single one hands the patient back to the delegating role. */
    exclusions: z.array(ExclusionSchema).default([]),
    /** The on-demand task opened for the delegating role when the patient is handed back. */
    handBack: z.strictObject({ task: IdSchema }).optional(),
    /** On-demand tasks opened after each act under the delegation (e.g. inform the médecin traitant). */
    obligations: z.array(z.strictObject({ task: IdSchema })).default([]),
    ...ProvenanceShape,
  })
  .meta({ id: 'Delegation' });
export type Delegation = z.infer<typeof DelegationSchema>;
