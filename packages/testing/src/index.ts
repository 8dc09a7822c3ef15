/**
 * `@cpts/testing`: scenarios of one patient's journey on a virtual clock, matchers, path coverage,
 * cohort simulation on worker threads and its reports. The vitest setup is `@cpts/testing/vitest`,
 * the store contract suite `@cpts/testing/contract`.
 * @module
 */
export {
  type CoverageCount,
  type CoverageData,
  type CoverageReport,
  createCoverage,
  formatCoverage,
  type ProtocolCoverage,
} from './coverage/coverage.js';
export { type ExitRef, machineExits, type ProtocolPath, protocolPaths } from './coverage/paths.js';
export {
  type CptsMatchers,
  cptsMatchers,
  describeJourney,
  type MatcherContext,
  type MatcherOutcome,
  type OpenTaskExpectation,
  type RuptureExpectation,
} from './matchers/matchers.js';
export { toHtmlReport } from './report/html.js';
export { toMarkdownReport } from './report/markdown.js';
export { formatJourneyDay, resolveInstant, type ScenarioInstant } from './scenario/instant.js';
export {
  actor,
  Scenario,
  type ScenarioContext,
  ScenarioError,
  type ScenarioOptions,
  type ScenarioResult,
  scenario,
  type TaskRef,
} from './scenario/scenario.js';
export { formatTimeline, type TimelineOptions } from './scenario/timeline.js';
export {
  defaultShards,
  type EventBehaviour,
  EventBehaviourSchema,
  type FactSpec,
  FactSpecSchema,
  parseSimulationOptions,
  type SimulationOptions,
  SimulationOptionsError,
  type SimulationOptionsInput,
  SimulationOptionsSchema,
  type TaskBehaviour,
  TaskBehaviourSchema,
} from './simulation/options.js';
export {
  type Categorical,
  CategoricalSchema,
  chance,
  createRandom,
  type Distribution,
  DistributionSchema,
  pick,
  type Random,
  sample,
} from './simulation/random.js';
export type {
  IndicatorSummary,
  RoleWorkload,
  RuptureRow,
  SimulationResult,
  SimulationSettings,
  StepStat,
  TaskStat,
} from './simulation/result.js';
export {
  type SimulateCohortOptions,
  type SimulationProgress,
  simulateCohort,
} from './simulation/simulate.js';
export { type AppendListener, SimulationStore, type SimulationStoreOptions } from './simulation/store.js';
