import { z } from 'zod';

/** Identifier of a role, step, task, event, delegation, indicator or source: `consultation-mg`, `ide_prado`. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, {
    message: 'must start with a letter and contain only letters, digits, "-" and "_"',
  })
  .max(80)
  .meta({ id: 'Id', description: 'Identifier: a letter, then letters, digits, "-" or "_".' });

/** A bilingual label: French is required, English optional. */
export const LabelSchema = z
  .strictObject({
    fr: z.string().min(1, { message: 'the French label must not be empty' }),
    en: z.string().min(1).optional(),
  })
  .meta({ id: 'Label', description: 'Bilingual label: French required, English optional.' });
export type Label = z.infer<typeof LabelSchema>;

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** An ISO 8601 duration with whole numbers: `P7D`, `PT48H`, `P2M`, `P1Y6M`. */
export const DurationSchema = z
  .string()
  .regex(ISO_DURATION, {
    message: 'must be an ISO 8601 duration such as "P7D" (7 days), "PT48H" (48 hours) or "P2M" (2 months)',
  })
  .meta({ id: 'Duration', description: 'ISO 8601 duration (P7D, PT48H, P2M, P1Y).', examples: ['P7D'] });
export type Duration = z.infer<typeof DurationSchema>;

/** The three levels of the gradation of complexity. */
export const COMPLEXITY_LEVELS = ['faible', 'moyenne', 'forte'] as const;
export const ComplexityLevelSchema = z.enum(COMPLEXITY_LEVELS).meta({
  id: 'ComplexityLevel',
  description: 'faible: information and advice · moyenne: orientation · forte: case management (DAC).',
});
export type ComplexityLevel = z.infer<typeof ComplexityLevelSchema>;

/** The built-in segments of the road of the patient, in road order. */
export const BUILTIN_SEGMENTS = [
  'diagnostic',
  'hospitalisation',
  'sortie',
  'suivi-ville',
  'traitement',
  'non-medicamenteux',
  'prevention-tertiaire',
] as const;
export type BuiltinSegment = (typeof BUILTIN_SEGMENTS)[number];

/** A JSON Schema (draft 2020-12 subset) describing data: facts, task data, event data. */
export type JsonSchema = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value (no `undefined`, functions, `NaN` or `Infinity`). */
export const JsonValueSchema: z.ZodType<JsonValue, JsonValue> = z
  .lazy(() =>
    z.union(
      [
        z.string(),
        z.number(),
        z.boolean(),
        z.null(),
        z.array(JsonValueSchema),
        z.record(z.string(), JsonValueSchema),
      ],
      { message: 'must be JSON data: a string, a number, a boolean, null, an array or an object' },
    ),
  )
  .meta({ id: 'JsonValue', description: 'Any JSON value.' });

export const JsonSchemaSchema = z.record(z.string(), JsonValueSchema).meta({
  id: 'JsonSchema',
  description: 'A JSON Schema (draft 2020-12).',
}) as unknown as z.ZodType<JsonSchema>;

/**
 * JSON Schema of an object: the facts of a protocol, the data a task records. Keywords beside
 * `type`, `properties` and `required` (`$defs`, `additionalProperties`…) are kept, and must be JSON.
 */
export const ObjectSchemaSchema = z
  .object({
    type: z.literal('object', { message: 'must be a JSON Schema of type "object"' }),
    properties: z.record(z.string(), JsonSchemaSchema).optional(),
    required: z.array(z.string()).optional(),
  })
  .catchall(JsonValueSchema)
  .meta({
    id: 'ObjectSchema',
    description: 'JSON Schema of an object, with its properties.',
  }) as unknown as z.ZodType<ObjectSchema>;
export interface ObjectSchema {
  type: 'object';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  [key: string]: JsonValue | undefined;
}

/** Where a fact or a number comes from: the id of an entry of `fiche.sources`. */
export const SourceRefSchema = IdSchema.meta({
  id: 'SourceRef',
  description: 'Id of an entry of fiche.sources (use a source of kind "consensus-equipe" for a team choice).',
});

/** Optional provenance of a clinical number: the source it comes from and a note. */
export const ProvenanceShape = {
  source: SourceRefSchema.optional(),
  note: z.string().optional(),
};
