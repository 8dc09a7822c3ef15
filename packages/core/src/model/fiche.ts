import { z } from 'zod';
import { IdSchema } from './common.js';

/** Kinds of source a protocol rests on; `consensus-equipe` marks a local team choice. */
export const SOURCE_KINDS = [
  'recommandation',
  'reglementaire',
  'programme',
  'litterature',
  'secondaire',
  'consensus-equipe',
] as const;

/** A documentary source (HAS guideline, decree, programme fiche…) or the team's consensus. */
export const SourceSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1),
    kind: z.enum(SOURCE_KINDS),
    publisher: z.string().optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    url: z.string().optional(),
    /** A caveat on the source (secondary, to verify in the primary text…). */
    caveat: z.string().optional(),
  })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof SourceSchema>;

const MonthYear = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
  message: 'must be a date "YYYY-MM" or "YYYY-MM-DD"',
});

/**
 * The HAS template of a *fiche protocole pluriprofessionnel* (as adapted by the APMSL Pays de la Loire).
 * The title is the protocol's `title`. Fields are optional in the model; the linter reports the
 * ones the template expects and the protocol leaves out.
 */
export const FicheSchema = z
  .strictObject({
    /** Structure porteuse: MSP, pôle de santé, CPTS… */
    structurePorteuse: z.string().optional(),
    /** Référent (personne-ressource): name and e-mail. */
    referent: z.strictObject({ nom: z.string().min(1), email: z.string().optional() }).optional(),
    /** Professions, services and structures involved. */
    professionsImpliquees: z.array(z.string()).optional(),
    /** What the protocol wants to change, or the new service. */
    objectifGeneral: z.string().optional(),
    objectifsSecondaires: z.array(z.string()).optional(),
    populationCible: z.string().optional(),
    criteresInclusion: z.array(z.string()).optional(),
    criteresExclusion: z.array(z.string()).optional(),
    /** Criteria to judge whether the objectives are met. */
    evaluation: z.array(z.string()).optional(),
    documentsAssocies: z.array(z.string()).optional(),
    /** Sources documentaires ou références; cite them by id from tasks, complexity and indicators. */
    sources: z.array(SourceSchema).default([]),
    lieuConsultation: z.string().optional(),
    professionnelsAdherents: z.array(z.string()).optional(),
    groupeDeTravail: z.array(z.string()).optional(),
    professionnelsInformes: z.array(z.string()).optional(),
    modeValidation: z.string().optional(),
    dateCreation: MonthYear.optional(),
    dateModification: MonthYear.optional(),
    /** Date prévue d'actualisation. */
    dateActualisation: MonthYear.optional(),
  })
  .meta({ id: 'Fiche', description: 'HAS fiche protocole pluriprofessionnel.' });
export type Fiche = z.infer<typeof FicheSchema>;
export type FicheInput = z.input<typeof FicheSchema>;
