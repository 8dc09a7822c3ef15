/**
 * `@cpts/core`: the model of a protocole pluriprofessionnel, the condition language, the engine
 * that runs journeys as xstate machines, clocks, stores and indicators.
 * @module
 */
export * from './conditions/index.js';
export * from './engine/index.js';
export {
  CptsError,
  type CptsErrorCode,
  formatPath,
  ProtocolValidationError,
  type ValidationIssue,
} from './errors.js';
export * from './history/index.js';
export * from './indicators/index.js';
export * from './model/index.js';
export * from './store/index.js';
export * from './time/index.js';
