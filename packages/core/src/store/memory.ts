import { CptsError } from '../errors.js';
import type { HistoryEvent } from '../history/events.js';
import { selectOpenTasks } from './query.js';
import type { JourneyIndex, OpenTaskQuery, OpenTaskRecord, Store, StoredJourney } from './store.js';

/**
 * A store in memory: for tests, simulations and single-process apps that persist elsewhere.
 *
 * @example
 * const engine = createEngine({ protocols: [ic], store: new MemoryStore() });
 */
export class MemoryStore implements Store {
  readonly #journeys = new Map<string, { history: HistoryEvent[]; index: JourneyIndex }>();

  append(
    journeyId: string,
    expectedVersion: number,
    events: readonly HistoryEvent[],
    index: JourneyIndex,
  ): void {
    const current = this.#journeys.get(journeyId);
    const version = current?.history.length ?? 0;
    if (version !== expectedVersion)
      throw new CptsError(
        'CONFLICT',
        `Journey ${journeyId} changed meanwhile (version ${version}, expected ${expectedVersion}): reload it and try again`,
        { details: { journeyId, expectedVersion, actualVersion: version } },
      );
    if (current) {
      for (const e of events) current.history.push(e);
      current.index = index;
    } else {
      this.#journeys.set(journeyId, { history: [...events], index });
    }
  }

  load(journeyId: string): StoredJourney | undefined {
    const j = this.#journeys.get(journeyId);
    return j && { history: j.history.slice(), index: j.index };
  }

  due(at: number, limit = Number.POSITIVE_INFINITY): string[] {
    // The scheduler asks for the next one at a time (`runUntil`): one pass, no list to sort.
    if (limit === 1) {
      let first: string | undefined;
      let firstAt = Number.POSITIVE_INFINITY;
      for (const [id, j] of this.#journeys) {
        const w = j.index.wakeAt;
        if (w !== undefined && w <= at && (w < firstAt || (w === firstAt && id < first!))) {
          first = id;
          firstAt = w;
        }
      }
      return first === undefined ? [] : [first];
    }
    const hits: [number, string][] = [];
    for (const [id, j] of this.#journeys) {
      const w = j.index.wakeAt;
      if (w !== undefined && w <= at) hits.push([w, id]);
    }
    hits.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
    return hits.slice(0, limit).map(([, id]) => id);
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

  /** Number of journeys held. */
  get size(): number {
    return this.#journeys.size;
  }
}
