/**
 * `@cpts/dsl`: authoring protocols — the typed builder, JSON/YAML loading with JSON Schema
 * validation and source positions, the linter, and the exporters (Mermaid, swimlane, HAS fiche, FHIR).
 * @module
 */
export {
  days,
  every,
  hours,
  type IsoDuration,
  months,
  perYear,
  type RepeatOptions,
  weeks,
  years,
} from './builder/duration.js';
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
export {
  CPTS_FHIR,
  EXT_DELEGATION,
  EXT_DUE_FROM,
  EXT_DUE_WITHIN,
  EXT_ESCALATE_TO,
  EXT_ISO_DURATION,
  EXT_ON_DEMAND,
  type FhirCodeableConcept,
  type FhirCoding,
  type FhirDuration,
  type FhirExpression,
  type FhirExtension,
  type FhirOptions,
  type FhirParticipant,
  type FhirPeriodUnit,
  type FhirPlanDefinition,
  type FhirPlanDefinitionAction,
  type FhirRelatedAction,
  type FhirRelatedArtifact,
  type FhirTiming,
  fhirDurationToIso,
  isoToFhirDuration,
  ROLE_SYSTEM,
  SEGMENT_SYSTEM,
  toFhirPlanDefinition,
} from './export/fhir.js';
export { toFicheMarkdown } from './export/fiche.js';
export { toMermaid } from './export/mermaid.js';
export {
  type Swimlane,
  type SwimlaneEntry,
  swimlane,
  toSwimlaneMarkdown,
  toSwimlaneSvg,
} from './export/swimlane.js';
export {
  anchorFr,
  conditionFr,
  criterionFr,
  everyFr,
  type Names,
  namesOf,
  SEGMENT_LABELS_FR,
  windowFr,
} from './export/text.js';
export { LINT_RULE_IDS, type LintRuleId } from './lint/ids.js';
export { type LintOptions, lintProtocol } from './lint/lint.js';
export { FICHE_FIELDS } from './lint/rules/fiche-incomplete.js';
export { LINT_RULES } from './lint/rules/index.js';
export { implies as criterionImplies } from './lint/rules/indicator-numerator-not-in-denominator.js';
export { type ConditionDomain, conditionDomain, whyNever } from './lint/satisfiable.js';
export type { LintFinding, LintRule, LintSeverity, RuleReport } from './lint/types.js';
export { type LoadIssue, type LoadIssueSource, ProtocolLoadError } from './load/errors.js';
export { type LoadOptions, type LoadResult, loadProtocol, safeLoadProtocol } from './load/load.js';
export { lineColumn, type SourceMap, type SourcePosition } from './load/positions.js';
export { type SchemaProblem, validateProtocolSchema } from './load/schema.js';
