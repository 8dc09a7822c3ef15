import { z } from 'zod';
import {
  ComplexityLevelSchema,
  ObjectSchemaSchema as EventDataSchema,
  IdSchema,
  LabelSchema,
  ObjectSchemaSchema,
  ProvenanceShape,
} from './common.js';
import { ConditionSchema } from './condition.js';
import { DelegationSchema } from './delegation.js';
import { FicheSchema } from './fiche.js';
import { IndicatorSchema } from './indicator.js';
import { RoleSchema } from './role.js';
import { StepSchema } from './step.js';

/** An event an integration or a professional records on a journey (discharge, alert sign…). */
export const EventDefinitionSchema = z
  .strictObject({
    id: IdSchema,
    label: LabelSchema,
    /** An alert sign: shown as such in the history and the worklists. */
    alert: z.boolean().default(false),
    data: EventDataSchema.optional(),
  })
  .meta({ id: 'EventDefinition' });
export type EventDefinition = z.infer<typeof EventDefinitionSchema>;

/** A custom segment of the road, beside the built-in ones. */
export const SegmentDefinitionSchema = z
  .strictObject({ id: IdSchema, label: LabelSchema })
  .meta({ id: 'Segment' });

/** Ordered rules computing the gradation of complexity from facts: the first rule that holds wins. */
export const ComplexitySchema = z
  .strictObject({
    default: ComplexityLevelSchema,
    rules: z.array(
      z.strictObject({ level: ComplexityLevelSchema, when: ConditionSchema, label: LabelSchema.optional() }),
    ),
    ...ProvenanceShape,
  })
  .meta({ id: 'Complexity' });
export type Complexity = z.infer<typeof ComplexitySchema>;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** The canonical, JSON-serialisable definition of a protocole pluriprofessionnel. */
export const ProtocolSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: IdSchema,
    version: z.string().regex(SEMVER, { message: 'must be a semantic version such as "1.0.0"' }),
    title: LabelSchema,
    fiche: FicheSchema,
    segments: z.array(SegmentDefinitionSchema).default([]),
    roles: z.array(RoleSchema).min(1, { message: 'a protocol needs at least one role' }),
    /** JSON Schema of the facts known about the patient. */
    facts: ObjectSchemaSchema.default({ type: 'object', properties: {} }),
    events: z.array(EventDefinitionSchema).default([]),
    complexity: ComplexitySchema.optional(),
    /** The first top-level step (default: the first of `steps`). */
    initial: IdSchema.optional(),
    steps: z.array(StepSchema).min(1, { message: 'a protocol needs at least one step' }),
    delegations: z.array(DelegationSchema).default([]),
    indicators: z.array(IndicatorSchema).default([]),
    /** Linter rules turned off for this protocol, by rule id. */
    lint: z.strictObject({ off: z.array(z.string()).default([]) }).optional(),
  })
  .meta({
    id: 'ProtocolDefinition',
    title: 'cpts protocol definition',
    description: 'A protocole pluriprofessionnel: qui fait quoi, quand.',
  });

/** A validated protocol definition (defaults applied). */
export type ProtocolDefinition = z.infer<typeof ProtocolSchema>;
/** A protocol definition as authored in JSON, YAML or TypeScript (defaults not yet applied). */
export type ProtocolInput = z.input<typeof ProtocolSchema>;
