/**
 * `@cpts/dsl`: authoring protocols — the typed builder, JSON/YAML loading with JSON Schema
 * validation and source positions, the linter, and the exporters (Mermaid, swimlane, HAS fiche, FHIR).
 * @module
 */
export { days, every, hours, type IsoDuration, months, perYear, type RepeatOptions, weeks, years } from './builder/duration.js';
export { type FactValues, ProtocolBuilder, type ProtocolHeader, protocol } from './builder/protocol.js';
export { isZodSchema, zodToObjectSchema } from './builder/schema.js';
export type {
  AnchorDraft,
  BooleanFactName,
  BuilderState,
  BuiltProtocol,
  BuiltStep,
  BuiltTask,
  ComplexityDraft,
  ConditionDraft,
  CriterionDraft,
  DataSchemaDraft,
  DelegationDraft,
  EventDraft,
  FactCondition,
  FactName,
  IndicatorDraft,
  InitialState,
  LabelDraft,
  RoleDraft,
  ScalarOf,
  StepDraft,
  StepIdsOf,
  TaskDraft,
  TaskIdsOf,
} from './builder/types.js';
export { LINT_RULE_IDS, type LintRuleId } from './lint/ids.js';
