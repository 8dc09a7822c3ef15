export type * from './api.js';
export { type Authorisation, authorise, qualificationProblem } from './authorise.js';
export {
  type CompiledMachine,
  compile,
  compileRuntime,
  initialContext,
  type MachineEvent,
  type MachineInput,
} from './compile.js';
export {
  createEngine,
  type Engine,
  type JourneyCommands,
  type JourneySnapshot,
  type TickResult,
  wakeAt,
} from './engine.js';
export {
  buildRuntime,
  type DataProblem,
  dataProblem,
  describeAjvErrors,
  type ProtocolRuntime,
  type RuntimeExit,
  type RuntimeStep,
  type RuntimeTask,
  repeatInterval,
} from './runtime.js';
export { type EmittedEvent, isOpen, type MachineContext } from './state.js';
export type * from './typed.js';
export type * from './types.js';
export { journeyState, journeyView } from './view.js';
