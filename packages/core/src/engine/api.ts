import type { HistoryEvent } from '../history/events.js';
import type { ProtocolDefinition } from '../model/protocol.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../time/clock.js';
import type {
  DelegationIdOf,
  EventIdOf,
  FactsOf,
  RoleIdOf,
  StepIdOf,
  TaskDataOf,
  TaskIdOf,
} from './typed.js';
import type { Actor, JourneyState, Rupture, TaskInstance } from './types.js';

/** An instant given to a command: a Date, epoch milliseconds or an ISO 8601 date-time. */
export type Instant = Date | number | string;

/** A journey migration: how the steps and tasks of the old version map to the new one. */
export interface Migration {
  /** Old step id → new step id, for every active step whose id changed or disappeared. */
  readonly steps?: Readonly<Record<string, string>>;
  /** Old task id → new task id, for every open task whose id changed or disappeared. */
  readonly tasks?: Readonly<Record<string, string>>;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** Protocol definitions (validated with `parseProtocol`): several versions of one protocol may coexist. */
  readonly protocols: readonly object[];
  /** Where journeys live (default: a new `MemoryStore`). */
  readonly store?: Store;
  /** Where time comes from (default: the system clock). */
  readonly clock?: Clock;
  /** How many live journeys to keep in memory between commands (default 10 000). */
  readonly cacheSize?: number;
}

/** Common fields of commands acting on a journey. */
export interface CommandOptions {
  /** Refuse with `CONFLICT` unless the journey is still at this version (what the user saw). */
  readonly expectedVersion?: number;
  /** When it happened (default: the clock's now); never before the journey's latest event. */
  readonly at?: Instant;
}

/** Result of every command: the journey after it, and the history entries it appended. */
export interface CommandResult<P = ProtocolDefinition> {
  /**
   * The journey after the command, built when first read (most callers only await the command):
   * a getter, so read it by name or destructure it — a spread (`{ ...result }`) does not copy it.
   */
  readonly journey: JourneyView<P>;
  readonly events: readonly HistoryEvent[];
}

/** A read-only view of a journey with helpers. */
export interface JourneyView<P = ProtocolDefinition> extends JourneyState {
  /** Number of history entries: the version to give as `expectedVersion`. */
  readonly version: number;
  /** Open (or accepted) task occurrences. */
  readonly openTasks: readonly TaskInstance[];
  /** Ruptures not closed yet. */
  readonly openRuptures: readonly Rupture[];
  /** Whether a step (or one of its nested steps) is active. */
  inStep(step: StepIdOf<P>): boolean;
  /** The latest occurrence of a task, if it was ever opened. */
  task(task: TaskIdOf<P>): TaskInstance | undefined;
}

/** One line of a worklist: what is due, when, and why. */
export interface WorklistItem {
  readonly journeyId: string;
  readonly protocolId: string;
  readonly protocolTitle: string;
  readonly instance: string;
  readonly task: string;
  readonly taskLabel: string;
  readonly step: string;
  readonly stepLabel: string;
  readonly segment: string;
  readonly responsible: readonly string[];
  readonly acceptedBy: string | undefined;
  readonly dueAt: number | undefined;
  readonly overdue: boolean;
  /** The reminder date has passed (`remindBefore`) and the task is not overdue yet. */
  readonly reminder: boolean;
  readonly required: boolean;
  /** `responsible`, `accepted` (taken by the actor) or `delegation` (the actor may act under one). */
  readonly via: 'responsible' | 'accepted' | 'delegation';
}

/**
 * Commands on the journeys of one protocol, typed by its definition: unknown task, role, step,
 * event or fact names do not compile when the protocol was written in TypeScript.
 */
export interface ProtocolJourneys<P> {
  start(options: {
    facts: FactsOf<P>;
    journeyId?: string;
    by?: Actor<RoleIdOf<P>>;
    at?: Instant;
  }): Promise<CommandResult<P>>;
  get(journeyId: string): Promise<JourneyView<P>>;
  perform<T extends TaskIdOf<P>>(
    journeyId: string,
    task: T | `${T}#${number}`,
    options: {
      actor: Actor;
      as?: RoleIdOf<P>;
      delegation?: DelegationIdOf<P>;
      data?: TaskDataOf<P, T>;
    } & CommandOptions,
  ): Promise<CommandResult<P>>;
  observe<T extends TaskIdOf<P>>(
    journeyId: string,
    task: T | `${T}#${number}`,
    options: { source: string; data?: TaskDataOf<P, T> } & CommandOptions,
  ): Promise<CommandResult<P>>;
  accept(
    journeyId: string,
    task: TaskIdOf<P> | `${TaskIdOf<P>}#${number}`,
    options: { actor: Actor; as?: RoleIdOf<P> } & CommandOptions,
  ): Promise<CommandResult<P>>;
  release(
    journeyId: string,
    task: TaskIdOf<P> | `${TaskIdOf<P>}#${number}`,
    options: { actor: Actor; reason?: string } & CommandOptions,
  ): Promise<CommandResult<P>>;
  waive(
    journeyId: string,
    task: TaskIdOf<P> | `${TaskIdOf<P>}#${number}`,
    options: { actor: Actor; as?: RoleIdOf<P>; justification: string } & CommandOptions,
  ): Promise<CommandResult<P>>;
  cancelTask(
    journeyId: string,
    task: TaskIdOf<P> | `${TaskIdOf<P>}#${number}`,
    options: { actor: Actor; as?: RoleIdOf<P>; reason: string } & CommandOptions,
  ): Promise<CommandResult<P>>;
  recordFacts(
    journeyId: string,
    facts: FactsOf<P>,
    options?: { by?: Actor; source?: string } & CommandOptions,
  ): Promise<CommandResult<P>>;
  /**
   * Records an event of the protocol (a discharge, an alert sign…). Its `data` is checked against
   * the event's data schema; an event whose protocol declares none records no data
   * (`INVALID_DATA`, as for a task).
   */
  recordEvent(
    journeyId: string,
    event: EventIdOf<P>,
    options?: { data?: Record<string, unknown>; by?: Actor; source?: string } & CommandOptions,
  ): Promise<CommandResult<P>>;
  handBack(
    journeyId: string,
    delegation: DelegationIdOf<P>,
    options: {
      actor: Actor;
      task: TaskIdOf<P> | `${TaskIdOf<P>}#${number}`;
      reason: string;
    } & CommandOptions,
  ): Promise<CommandResult<P>>;
  reroute(
    journeyId: string,
    to: StepIdOf<P>,
    options: { actor: Actor; as?: RoleIdOf<P>; justification: string } & CommandOptions,
  ): Promise<CommandResult<P>>;
  close(
    journeyId: string,
    options: { reason: string; by?: Actor } & CommandOptions,
  ): Promise<CommandResult<P>>;
  cancel(
    journeyId: string,
    options: { reason: string; by?: Actor } & CommandOptions,
  ): Promise<CommandResult<P>>;
}
