import type { ComplexityLevel } from '../model/common.js';

/** A qualification an actor holds (e.g. the 10-hour training of a cooperation protocol). */
export interface Qualification {
  readonly id: string;
  readonly hours?: number | undefined;
  /** Date the qualification was obtained (ISO 8601 date or date-time). */
  readonly obtainedOn: string;
  /** Date after which it no longer holds, when the certificate says so. */
  readonly validUntil?: string | undefined;
}

/** A concrete person at run time, acting in one of their roles. */
export interface Actor<R extends string = string> {
  readonly id: string;
  readonly name?: string | undefined;
  readonly roles: readonly R[];
  readonly qualifications?: readonly Qualification[] | undefined;
}

/** Status of a task occurrence in a journey. */
export type TaskInstanceStatus = 'open' | 'accepted' | 'completed' | 'cancelled' | 'waived';

/** Why a task occurrence was opened. */
export type TaskCause =
  | { readonly kind: 'step-entry' }
  | { readonly kind: 'condition' }
  | { readonly kind: 'event'; readonly event: string }
  | { readonly kind: 'repeat'; readonly previous: string }
  | { readonly kind: 'miss'; readonly instance: string }
  | { readonly kind: 'hand-back'; readonly delegation: string; readonly instance: string }
  | { readonly kind: 'obligation'; readonly delegation: string; readonly instance: string };

/** One occurrence of a task in a journey: *qui fait quoi, quand*, and what became of it. */
export interface TaskInstance {
  /** `<taskId>#<n>`: unique in the journey. */
  readonly id: string;
  readonly task: string;
  /** 1 for the first occurrence of the task in the journey. */
  readonly occurrence: number;
  /** The step holding the task in the definition. */
  readonly step: string;
  readonly segment: string;
  readonly required: boolean;
  readonly status: TaskInstanceStatus;
  /** Roles that may perform it (escalation adds roles). */
  readonly responsible: readonly string[];
  readonly cause: TaskCause;
  readonly openedAt: number;
  /** Due instant; `undefined` when the task has no window, or its anchor has not happened yet. */
  readonly dueAt: number | undefined;
  readonly remindAt: number | undefined;
  /** Actor who accepted (took) the task. */
  readonly acceptedBy: string | undefined;
  readonly closedAt: number | undefined;
  readonly closedBy: string | undefined;
  /** Reason of a cancellation, justification of a waiver. */
  readonly reason: string | undefined;
  /** Id of the rupture its miss opened. */
  readonly rupture: string | undefined;
  /** Repeat: the first due instant the schedule counts from. */
  readonly scheduleFrom: number | undefined;
}

/** A break of continuity of care. */
export interface Rupture {
  readonly id: string;
  readonly kind: 'missed-deadline' | 'hand-back';
  readonly task: string;
  readonly instance: string;
  readonly segment: string;
  readonly step: string;
  /** Roles that should have acted. */
  readonly roles: readonly string[];
  /** The due instant that was missed (for a hand-back: the instant of the hand-back). */
  readonly dueAt: number;
  readonly detectedAt: number;
  readonly closedAt: number | undefined;
  /** Delay between due date and closure, in milliseconds, once closed. */
  readonly delayMs: number | undefined;
  /** Delay in calendar days from the due day to the day of closure, once closed. */
  readonly delayDays: number | undefined;
  readonly reason: string | undefined;
  /** Delegation involved (hand-back). */
  readonly delegation: string | undefined;
}

/**
 * Lifecycle of a journey: `active`; `completed` when it reached a final top-level step (its open
 * tasks, such as an obligation to inform the GP, can still be done and still fall due); `closed`
 * by a coordinator (open tasks cancelled); `cancelled` (e.g. the patient left the protocol).
 * Closed and cancelled journeys refuse every command.
 */
export type JourneyStatus = 'active' | 'completed' | 'closed' | 'cancelled';

/** The full state of one patient on one protocol version. Serialisable; rebuilt from the history. */
export interface JourneyState {
  readonly journeyId: string;
  readonly protocol: ProtocolRef;
  readonly status: JourneyStatus;
  readonly startedAt: number;
  /** Instant of the latest event applied. */
  readonly now: number;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly complexity: ComplexityLevel | undefined;
  /** Active steps, outermost first (a parallel step and all its branches). */
  readonly active: readonly string[];
  /** Latest entry instant of each step entered. */
  readonly entered: Readonly<Record<string, number>>;
  readonly tasks: readonly TaskInstance[];
  /** Latest instant and count of each recorded event. */
  readonly events: Readonly<Record<string, { readonly last: number; readonly count: number }>>;
  readonly ruptures: readonly Rupture[];
  /** Time zone whose calendar decides due dates (e.g. `Europe/Paris`). */
  readonly timeZone: string;
}

/** Which protocol a journey runs: id, version and content hash. */
export interface ProtocolRef {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}
