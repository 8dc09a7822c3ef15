import type { JourneyStatus, ProtocolRef } from '../engine/types.js';
import type { HistoryEvent } from '../history/events.js';

/** An open task as stores index it, for worklists across journeys. */
export interface OpenTaskRecord {
  readonly journeyId: string;
  readonly protocolId: string;
  readonly protocolVersion: string;
  readonly instance: string;
  readonly task: string;
  readonly step: string;
  readonly segment: string;
  readonly responsible: readonly string[];
  readonly acceptedBy: string | undefined;
  readonly openedAt: number;
  readonly dueAt: number | undefined;
  readonly remindAt: number | undefined;
  readonly required: boolean;
  /** Id of an open rupture on this task, when it is overdue. */
  readonly rupture: string | undefined;
}

/** What a store keeps beside the history to answer queries without running the engine. */
export interface JourneyIndex {
  readonly journeyId: string;
  readonly protocol: ProtocolRef;
  readonly status: JourneyStatus;
  /** Next instant at which time alone changes the journey (a due date, a timed exit); `undefined`: none. */
  readonly wakeAt: number | undefined;
  /**
   * The open task occurrences. The engine's index computes them when first read (a getter; its
   * `toJSON` includes them): read the fields by name, as `JSON.stringify` does, rather than
   * copying the index with a spread.
   */
  readonly openTasks: readonly OpenTaskRecord[];
}

/** A journey as stored: its history (the truth) and its index. */
export interface StoredJourney {
  readonly history: readonly HistoryEvent[];
  readonly index: JourneyIndex;
}

/** Query for {@link Store.openTasks}. */
export interface OpenTaskQuery {
  /** Tasks any of these roles may perform. */
  readonly roles?: readonly string[] | undefined;
  /** Tasks accepted by this actor. */
  readonly acceptedBy?: string | undefined;
  readonly protocolId?: string | undefined;
}

/**
 * Where journeys live. Implementations: {@link MemoryStore} here; SQLite and PostgreSQL as sub-path
 * exports. Every method may be synchronous or asynchronous.
 *
 * Contract: `append` is atomic and checks `expectedVersion` against the number of history entries
 * stored for the journey (0 for a new one); on a mismatch it throws a `CptsError` with code
 * `CONFLICT` and stores nothing.
 */
export interface Store {
  append(
    journeyId: string,
    expectedVersion: number,
    events: readonly HistoryEvent[],
    index: JourneyIndex,
  ): void | Promise<void>;
  /** The journey, or `undefined` when the store does not have it. */
  load(journeyId: string): StoredJourney | undefined | Promise<StoredJourney | undefined>;
  /** Ids of journeys whose `wakeAt` is at or before `at`, earliest first (ties by id). */
  due(at: number, limit?: number): readonly string[] | Promise<readonly string[]>;
  /** Open tasks matching the query, across journeys. */
  openTasks(query: OpenTaskQuery): readonly OpenTaskRecord[] | Promise<readonly OpenTaskRecord[]>;
  /** Ids of the journeys stored, optionally for one protocol. */
  list(query?: { protocolId?: string }): readonly string[] | Promise<readonly string[]>;
}
