import type { ProtocolRef, Rupture, TaskCause } from '../engine/types.js';
import type { ComplexityLevel } from '../model/common.js';

/** Who did something, as which role, under which delegation. */
export interface Attribution {
  readonly actor: string;
  readonly role?: string | undefined;
  readonly delegation?: string | undefined;
}

/**
 * Events that come from outside (accepted commands, observations, the passing of time):
 * replaying them through the compiled machine rebuilds the journey.
 */
export type InputEvent =
  | {
      type: 'journey.started';
      journeyId: string;
      protocol: ProtocolRef;
      facts: Record<string, unknown>;
      timeZone: string;
      by?: Attribution | undefined;
    }
  | {
      type: 'facts.recorded';
      facts: Record<string, unknown>;
      by?: Attribution | undefined;
      source?: string | undefined;
    }
  | {
      type: 'event.recorded';
      event: string;
      data?: Record<string, unknown> | undefined;
      by?: Attribution | undefined;
      source?: string | undefined;
    }
  | { type: 'task.accepted'; instance: string; by: Attribution }
  | { type: 'task.released'; instance: string; by: Attribution; reason?: string | undefined }
  | {
      type: 'task.completed';
      instance: string;
      by?: Attribution | undefined;
      /** An integration's feed that observed the act (e.g. a GP visit seen in claims data). */
      source?: string | undefined;
      data?: Record<string, unknown> | undefined;
    }
  | { type: 'task.waived'; instance: string; by: Attribution; justification: string }
  | { type: 'task.cancelled'; instance: string; by: Attribution; reason: string }
  | {
      type: 'delegation.handed-back';
      delegation: string;
      instance: string;
      by: Attribution;
      reasons: string[];
    }
  | { type: 'journey.rerouted'; to: string; by: Attribution; justification: string }
  | { type: 'clock.advanced' }
  | { type: 'journey.closed'; by?: Attribution | undefined; reason: string }
  | { type: 'journey.cancelled'; by?: Attribution | undefined; reason: string }
  | {
      type: 'journey.migrated';
      from: ProtocolRef;
      to: ProtocolRef;
      by?: Attribution | undefined;
      steps: Record<string, string>;
      tasks: Record<string, string>;
    };

/** Events the engine derives while applying input events: the audit trail of what followed. */
export type DerivedEvent =
  | { type: 'step.entered'; step: string }
  | { type: 'step.exited'; step: string }
  | {
      type: 'task.opened';
      instance: string;
      task: string;
      step: string;
      cause: TaskCause;
      responsible: readonly string[];
      dueAt?: number | undefined;
    }
  | { type: 'task.scheduled'; instance: string; dueAt: number }
  | { type: 'task.closed'; instance: string; status: 'cancelled'; reason: string }
  | { type: 'task.escalated'; instance: string; to: string }
  | { type: 'rupture.opened'; rupture: Rupture }
  | { type: 'rupture.closed'; rupture: string; delayMs: number; delayDays: number }
  | {
      type: 'complexity.changed';
      from: ComplexityLevel | undefined;
      to: ComplexityLevel | undefined;
      rule?: number | undefined;
    }
  | { type: 'journey.completed'; step: string };

/** A refused command, kept in the history for the audit trail; it changes nothing else. */
export interface RefusalEvent {
  type: 'command.refused';
  command: string;
  code: string;
  message: string;
  by?: Attribution | undefined;
}

type Stamped<E> = E & {
  /** Position in the history, from 1: the journey's version after this entry. */
  readonly seq: number;
  /** Instant (ms since the epoch). */
  readonly at: number;
};

/** One entry of a journey's append-only history. */
export type HistoryEvent = Stamped<InputEvent> | Stamped<DerivedEvent> | Stamped<RefusalEvent>;
export type HistoryEventType = HistoryEvent['type'];

/** Input events the compiled machine takes (all but the start and a migration, which set it up). */
export const MACHINE_EVENT_TYPES = [
  'facts.recorded',
  'event.recorded',
  'task.accepted',
  'task.released',
  'task.completed',
  'task.waived',
  'task.cancelled',
  'delegation.handed-back',
  'journey.rerouted',
  'clock.advanced',
  'journey.closed',
  'journey.cancelled',
] as const satisfies readonly Exclude<InputEvent['type'], 'journey.started' | 'journey.migrated'>[];

const INPUT_TYPES: ReadonlySet<string> = new Set<InputEvent['type']>([
  'journey.started',
  ...MACHINE_EVENT_TYPES,
  'journey.migrated',
]);

/** Whether a history entry is an input (replayed on rebuild) rather than derived or a refusal. */
export function isInputEvent(event: HistoryEvent): event is Stamped<InputEvent> {
  return INPUT_TYPES.has(event.type);
}
