import { z } from 'zod';
import { IdSchema, LabelSchema } from './common.js';

/** Kinds of role: a profession, a structure or service, a coordination function, the patient or a carer. */
export const ROLE_KINDS = ['professionnel', 'structure', 'coordination', 'patient', 'aidant'] as const;

/** A profession or function (médecin traitant, IDE, pharmacien, MK, cardiologue, DAC, patient…). */
export const RoleSchema = z
  .strictObject({
    id: IdSchema,
    label: LabelSchema,
    kind: z.enum(ROLE_KINDS).default('professionnel'),
    description: z.string().optional(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;
