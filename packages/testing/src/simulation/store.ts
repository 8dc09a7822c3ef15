/**
 * The store a simulation shard runs on: in memory, with the due queue in a heap (a shard asks
 * "what is due next" after every act), journeys that can be dropped once finished (memory stays
 * flat), and a tap on every append (the simulation reads each journey's events as they happen).
 * @module
 */
import {
  CptsError,
  type HistoryEvent,
  type JourneyIndex,
  type OpenTaskQuery,
  type OpenTaskRecord,
  type Store,
  type StoredJourney,
  selectOpenTasks,
} from '@cpts/core';

/** A journey: its history when kept, its version (entries appended) and its index. */
type Entry = { history: HistoryEvent[] | undefined; version: number; index: JourneyIndex };
type Wake = { at: number; id: string };

/** A binary min-heap of wake-ups, ordered by instant then journey id (the store contract's order). */
class WakeHeap {
  readonly #items: Wake[] = [];

  get size(): number {
    return this.#items.length;
  }

  peek(): Wake | undefined {
    return this.#items[0];
  }

  push(w: Wake): void {
    const a = this.#items;
    a.push(w);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  pop(): Wake | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Wake, b: Wake): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/** Called with every batch a journey appends. */
export type AppendListener = (
  journeyId: string,
  events: readonly HistoryEvent[],
  index: JourneyIndex,
) => void;

/** Options of a {@link SimulationStore}. */
export interface SimulationStoreOptions {
  /**
   * Which journeys' histories to keep (default: all). A simulation reads each journey's events as
   * they are appended and keeps only the histories it returns: memory stays proportional to the
   * journeys running, not to what they did. A journey whose history is not kept cannot be loaded.
   */
  readonly keepHistory?: (journeyId: string) => boolean;
}

/**
 * An in-memory {@link Store} for simulations: O(log n) due queries, `delete`, an append tap, and
 * histories kept only for the journeys asked. With every history kept (the default) it honours
 * the store contract (`describeStoreContract` runs on it).
 *
 * @example
 * const store = new SimulationStore((id, events) => count += events.length);
 * const engine = createEngine({ protocols: [ic], store });
 */
export class SimulationStore implements Store {
  readonly #journeys = new Map<string, Entry>();
  readonly #heap = new WakeHeap();
  readonly #listener: AppendListener | undefined;
  readonly #keep: ((journeyId: string) => boolean) | undefined;

  constructor(listener?: AppendListener, options: SimulationStoreOptions = {}) {
    this.#listener = listener;
    this.#keep = options.keepHistory;
  }

  append(
    journeyId: string,
    expectedVersion: number,
    events: readonly HistoryEvent[],
    index: JourneyIndex,
  ): void {
    const current = this.#journeys.get(journeyId);
    const version = current?.version ?? 0;
    const previousWake = current?.index.wakeAt;
    if (version !== expectedVersion)
      throw new CptsError(
        'CONFLICT',
        `Journey ${journeyId} changed meanwhile (version ${version}, expected ${expectedVersion}): reload it and try again`,
        {
          details: { journeyId, expectedVersion, actualVersion: version },
        },
      );
    if (current) {
      if (current.history) for (const e of events) current.history.push(e);
      current.version += events.length;
      current.index = index;
    } else {
      const keep = this.#keep === undefined || this.#keep(journeyId);
      this.#journeys.set(journeyId, {
        history: keep ? [...events] : undefined,
        version: events.length,
        index,
      });
    }
    if (index.wakeAt !== undefined && index.wakeAt !== previousWake)
      this.#heap.push({ at: index.wakeAt, id: journeyId });
    this.#listener?.(journeyId, events, index);
  }

  /** @throws {CptsError} `UNKNOWN_JOURNEY` for a journey whose history is not kept. */
  load(journeyId: string): StoredJourney | undefined {
    const j = this.#journeys.get(journeyId);
    if (j && !j.history)
      throw new CptsError(
        'UNKNOWN_JOURNEY',
        `Journey ${journeyId}: this simulation store did not keep its history (see keepHistory)`,
        { details: { journeyId } },
      );
    return j && { history: j.history!.slice(), index: j.index };
  }

  /** The stored history itself (not a copy), for the simulation's own reading; `undefined` when not kept. */
  history(journeyId: string): readonly HistoryEvent[] | undefined {
    return this.#journeys.get(journeyId)?.history;
  }

  /** The earliest wake-up instant of any journey, or `undefined`. */
  nextWake(): number | undefined {
    this.#clean();
    return this.#heap.peek()?.at;
  }

  due(at: number, limit = Number.POSITIVE_INFINITY): string[] {
    this.#clean();
    if (limit === 1) {
      const top = this.#heap.peek();
      return top && top.at <= at ? [top.id] : [];
    }
    // General case: every current wake-up at or before `at`, in order (rarely used by a shard).
    const hits: Wake[] = [];
    for (const [id, j] of this.#journeys)
      if (j.index.wakeAt !== undefined && j.index.wakeAt <= at) hits.push({ at: j.index.wakeAt, id });
    hits.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return hits.slice(0, limit).map((w) => w.id);
  }

  /** Drops stale heap entries (the journey moved its wake-up, or is gone). */
  #clean(): void {
    for (;;) {
      const top = this.#heap.peek();
      if (!top) return;
      const j = this.#journeys.get(top.id);
      if (j && j.index.wakeAt === top.at) return;
      this.#heap.pop();
    }
  }

  openTasks(query: OpenTaskQuery): OpenTaskRecord[] {
    return selectOpenTasks(
      (function* (journeys) {
        for (const j of journeys) yield j.index;
      })(this.#journeys.values()),
      query,
    );
  }

  list(query: { protocolId?: string } = {}): string[] {
    return [...this.#journeys.entries()]
      .filter(([, j]) => !query.protocolId || j.index.protocol.id === query.protocolId)
      .map(([id]) => id);
  }

  /** Forgets a journey (a finished one, once the simulation has read it). */
  delete(journeyId: string): void {
    this.#journeys.delete(journeyId);
  }

  /** Number of journeys held. */
  get size(): number {
    return this.#journeys.size;
  }
}
