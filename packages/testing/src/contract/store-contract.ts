/**
 * The contract every {@link Store} implementation must honour, as a vitest suite: the in-memory
 * store runs it here, durable stores (SQLite, PostgreSQL) run the same suite in their own tests.
 * @module
 */
import {
  CptsError,
  type HistoryEvent,
  type JourneyIndex,
  type OpenTaskRecord,
  type ProtocolRef,
  type Store,
} from '@cpts/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;

const PROTOCOLS: Record<string, ProtocolRef> = {
  ic: { id: 'ic', version: '1.0.0', hash: 'sha256:ic' },
  bpco: { id: 'bpco', version: '2.1.0', hash: 'sha256:bpco' },
};

/** A history entry of a test journey. */
function started(journeyId: string, protocol: ProtocolRef, at = T0): HistoryEvent {
  return {
    type: 'journey.started',
    seq: 1,
    at,
    journeyId,
    protocol,
    facts: { age: 78, nyha: 'III', seul: true },
    timeZone: 'Europe/Paris',
  };
}

function opened(seq: number, task: string, at: number, dueAt?: number): HistoryEvent {
  return {
    type: 'task.opened',
    seq,
    at,
    instance: `${task}#1`,
    task,
    step: 'suivi',
    cause: { kind: 'step-entry' },
    responsible: ['medecin-traitant'],
    dueAt,
  };
}

function openTask(
  journeyId: string,
  protocolId: string,
  task: string,
  roles: string[],
  extra: Partial<OpenTaskRecord> = {},
): OpenTaskRecord {
  return {
    journeyId,
    protocolId,
    protocolVersion: protocolId === 'ic' ? '1.0.0' : '2.1.0',
    instance: `${task}#1`,
    task,
    step: 'suivi',
    segment: 'suivi-ville',
    responsible: roles,
    acceptedBy: undefined,
    openedAt: T0,
    dueAt: T0 + 7 * DAY,
    remindAt: undefined,
    required: true,
    rupture: undefined,
    ...extra,
  };
}

function index(
  journeyId: string,
  options: Partial<JourneyIndex> & { protocol?: ProtocolRef } = {},
): JourneyIndex {
  return {
    journeyId,
    protocol: options.protocol ?? PROTOCOLS.ic!,
    status: options.status ?? 'active',
    wakeAt: 'wakeAt' in options ? options.wakeAt : T0 + 7 * DAY,
    openTasks: options.openTasks ?? [],
  };
}

/** Optional switches for stores that cannot honour a part of the contract yet. */
export interface StoreContractOptions {
  /** Number of journeys of the "many journeys" test (default 500). */
  readonly manyJourneys?: number;
}

/**
 * Declares the vitest suite every {@link Store} must pass: appends and optimistic concurrency,
 * loading, due deadlines, open tasks by role and by actor, listing, and many journeys.
 * `makeStore` is called before each test and must return an empty store; `cleanup` runs after each.
 *
 * @example
 * // packages/core/test/sqlite-store.test.ts
 * import { describeStoreContract } from '@cpts/testing/contract';
 * describeStoreContract('SqliteStore', () => new SqliteStore(':memory:'), (store) => store.close());
 */
export function describeStoreContract<S extends Store>(
  name: string,
  makeStore: () => S | Promise<S>,
  cleanup?: (store: S) => void | Promise<void>,
  options: StoreContractOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    let store: S;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      if (cleanup) await cleanup(store);
    });

    const expectConflict = async (promise: () => unknown) => {
      let error: unknown;
      try {
        await promise();
      } catch (e) {
        error = e;
      }
      expect(error, 'append with a stale version must throw').toBeDefined();
      expect(CptsError.is(error), `expected a CptsError, got ${String(error)}`).toBe(true);
      expect((error as CptsError).code).toBe('CONFLICT');
    };

    describe('append and load', () => {
      it('returns undefined for a journey it does not have', async () => {
        expect(await store.load('nobody')).toBeUndefined();
      });

      it('stores a new journey at version 0 and loads its history and index unchanged', async () => {
        const history = [started('j1', PROTOCOLS.ic!), opened(2, 'consultation-mg', T0, T0 + 7 * DAY)];
        const idx = index('j1', {
          openTasks: [openTask('j1', 'ic', 'consultation-mg', ['medecin-traitant'])],
        });
        await store.append('j1', 0, history, idx);
        const loaded = await store.load('j1');
        expect(loaded?.history).toEqual(history);
        expect(loaded?.index).toEqual(idx);
      });

      it('appends to an existing journey at its current version, in order', async () => {
        await store.append('j1', 0, [started('j1', PROTOCOLS.ic!)], index('j1'));
        await store.append(
          'j1',
          1,
          [opened(2, 'a', T0 + 1), opened(3, 'b', T0 + 2)],
          index('j1', { wakeAt: T0 + DAY }),
        );
        await store.append(
          'j1',
          3,
          [{ type: 'clock.advanced', seq: 4, at: T0 + DAY }],
          index('j1', { wakeAt: undefined }),
        );
        const loaded = await store.load('j1');
        expect(loaded?.history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
        expect(loaded?.history.map((e) => e.type)).toEqual([
          'journey.started',
          'task.opened',
          'task.opened',
          'clock.advanced',
        ]);
        expect(loaded?.index.wakeAt).toBeUndefined();
      });

      it('keeps nested data intact (ruptures, causes, undefined-free JSON)', async () => {
        const rupture: HistoryEvent = {
          type: 'rupture.opened',
          seq: 2,
          at: T0 + 8 * DAY,
          rupture: {
            id: 'r1',
            kind: 'missed-deadline',
            task: 'consultation-mg',
            instance: 'consultation-mg#1',
            segment: 'suivi-ville',
            step: 'suivi',
            roles: ['medecin-traitant'],
            dueAt: T0 + 7 * DAY,
            detectedAt: T0 + 8 * DAY,
            closedAt: undefined,
            delayMs: undefined,
            delayDays: undefined,
            reason: undefined,
            delegation: undefined,
          },
        };
        await store.append('j1', 0, [started('j1', PROTOCOLS.ic!), rupture], index('j1'));
        const loaded = await store.load('j1');
        // Stores may drop `undefined` members (JSON); everything defined must come back as it was.
        expect(JSON.parse(JSON.stringify(loaded?.history))).toEqual(
          JSON.parse(JSON.stringify([started('j1', PROTOCOLS.ic!), rupture])),
        );
      });

      it('does not change a history already loaded when more is appended', async () => {
        await store.append('j1', 0, [started('j1', PROTOCOLS.ic!)], index('j1'));
        const before = await store.load('j1');
        await store.append('j1', 1, [opened(2, 'a', T0 + 1)], index('j1'));
        expect(before?.history).toHaveLength(1);
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses a new journey whose expected version is not 0, with CONFLICT, and stores nothing', async () => {
        await expectConflict(() => store.append('j1', 3, [started('j1', PROTOCOLS.ic!)], index('j1')));
        expect(await store.load('j1')).toBeUndefined();
        expect(await store.list()).toEqual([]);
      });

      it('refuses an append at a stale version with CONFLICT and keeps the journey as it was', async () => {
        await store.append('j1', 0, [started('j1', PROTOCOLS.ic!)], index('j1', { wakeAt: T0 }));
        await store.append('j1', 1, [opened(2, 'a', T0 + 1)], index('j1', { wakeAt: T0 + DAY }));
        await expectConflict(() =>
          store.append('j1', 1, [opened(2, 'b', T0 + 2)], index('j1', { wakeAt: T0 + 99 * DAY })),
        );
        await expectConflict(() => store.append('j1', 5, [opened(6, 'c', T0 + 3)], index('j1')));
        const loaded = await store.load('j1');
        expect(loaded?.history.map((e) => e.type === 'task.opened' && e.task)).toEqual([false, 'a']);
        expect(loaded?.index.wakeAt).toBe(T0 + DAY);
      });

      it('refuses to create the same journey twice', async () => {
        await store.append('j1', 0, [started('j1', PROTOCOLS.ic!)], index('j1'));
        await expectConflict(() =>
          store.append('j1', 0, [started('j1', PROTOCOLS.bpco!)], index('j1', { protocol: PROTOCOLS.bpco! })),
        );
        expect((await store.load('j1'))?.index.protocol).toEqual(PROTOCOLS.ic);
      });

      it('lets exactly one of two writers at the same version win', async () => {
        await store.append('j1', 0, [started('j1', PROTOCOLS.ic!)], index('j1'));
        const outcomes = await Promise.allSettled([
          Promise.resolve().then(() => store.append('j1', 1, [opened(2, 'a', T0 + 1)], index('j1'))),
          Promise.resolve().then(() => store.append('j1', 1, [opened(2, 'b', T0 + 1)], index('j1'))),
        ]);
        const rejected = outcomes.filter((o) => o.status === 'rejected');
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(rejected).toHaveLength(1);
        expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
        expect((await store.load('j1'))?.history).toHaveLength(2);
      });
    });

    describe('due deadlines', () => {
      it('returns active journeys due at or before an instant, earliest first', async () => {
        await store.append(
          'late',
          0,
          [started('late', PROTOCOLS.ic!)],
          index('late', { wakeAt: T0 + 3 * DAY }),
        );
        await store.append(
          'early',
          0,
          [started('early', PROTOCOLS.ic!)],
          index('early', { wakeAt: T0 + DAY }),
        );
        await store.append(
          'exact',
          0,
          [started('exact', PROTOCOLS.ic!)],
          index('exact', { wakeAt: T0 + 2 * DAY }),
        );
        await store.append(
          'future',
          0,
          [started('future', PROTOCOLS.ic!)],
          index('future', { wakeAt: T0 + 30 * DAY }),
        );
        await store.append(
          'never',
          0,
          [started('never', PROTOCOLS.ic!)],
          index('never', { wakeAt: undefined }),
        );
        expect(await store.due(T0)).toEqual([]);
        expect(await store.due(T0 + 2 * DAY)).toEqual(['early', 'exact']);
        expect(await store.due(T0 + 3 * DAY)).toEqual(['early', 'exact', 'late']);
        expect(await store.due(T0 + 3 * DAY, 2)).toEqual(['early', 'exact']);
        expect(await store.due(T0 + 3 * DAY, 1)).toEqual(['early']);
      });

      it('orders journeys due at the same instant by id', async () => {
        for (const id of ['c', 'a', 'b'])
          await store.append(id, 0, [started(id, PROTOCOLS.ic!)], index(id, { wakeAt: T0 }));
        expect(await store.due(T0)).toEqual(['a', 'b', 'c']);
        expect(await store.due(T0, 2)).toEqual(['a', 'b']);
        expect(await store.due(T0, 1)).toEqual(['a']);
      });

      it('no longer returns a journey once its index has no wake instant (completed, cancelled, nothing pending)', async () => {
        await store.append('done', 0, [started('done', PROTOCOLS.ic!)], index('done', { wakeAt: T0 }));
        await store.append('live', 0, [started('live', PROTOCOLS.ic!)], index('live', { wakeAt: T0 }));
        expect(await store.due(T0 + DAY)).toEqual(['done', 'live']);
        await store.append(
          'done',
          1,
          [{ type: 'journey.closed', seq: 2, at: T0, reason: 'fin du suivi' }],
          index('done', { status: 'completed', wakeAt: undefined }),
        );
        expect(await store.due(T0 + DAY)).toEqual(['live']);
      });

      it('follows the latest index: a journey fired and rescheduled moves in the queue', async () => {
        await store.append('a', 0, [started('a', PROTOCOLS.ic!)], index('a', { wakeAt: T0 + DAY }));
        await store.append('b', 0, [started('b', PROTOCOLS.ic!)], index('b', { wakeAt: T0 + 2 * DAY }));
        await store.append(
          'a',
          1,
          [{ type: 'clock.advanced', seq: 2, at: T0 + DAY }],
          index('a', { wakeAt: T0 + 10 * DAY }),
        );
        expect(await store.due(T0 + 5 * DAY)).toEqual(['b']);
        await store.append(
          'b',
          1,
          [{ type: 'clock.advanced', seq: 2, at: T0 + 2 * DAY }],
          index('b', { wakeAt: undefined }),
        );
        expect(await store.due(T0 + 5 * DAY)).toEqual([]);
        expect(await store.due(T0 + 10 * DAY)).toEqual(['a']);
      });
    });

    describe('open tasks', () => {
      beforeEach(async () => {
        await store.append(
          'j1',
          0,
          [started('j1', PROTOCOLS.ic!)],
          index('j1', {
            openTasks: [
              openTask('j1', 'ic', 'consultation-mg', ['medecin-traitant']),
              openTask('j1', 'ic', 'visite-ide', ['infirmier', 'medecin-traitant'], {
                acceptedBy: 'ide-durand',
              }),
            ],
          }),
        );
        await store.append(
          'j2',
          0,
          [started('j2', PROTOCOLS.bpco!)],
          index('j2', {
            protocol: PROTOCOLS.bpco!,
            openTasks: [openTask('j2', 'bpco', 'spirometrie', ['pneumologue'])],
          }),
        );
      });

      it('finds the tasks any of the given roles may perform, across journeys', async () => {
        const forMt = await store.openTasks({ roles: ['medecin-traitant'] });
        expect(forMt.map((t) => `${t.journeyId}/${t.task}`).sort()).toEqual([
          'j1/consultation-mg',
          'j1/visite-ide',
        ]);
        const forTwo = await store.openTasks({ roles: ['infirmier', 'pneumologue'] });
        expect(forTwo.map((t) => `${t.journeyId}/${t.task}`).sort()).toEqual([
          'j1/visite-ide',
          'j2/spirometrie',
        ]);
        expect(await store.openTasks({ roles: ['kinesitherapeute'] })).toEqual([]);
      });

      it('finds the tasks an actor accepted', async () => {
        const mine = await store.openTasks({ acceptedBy: 'ide-durand' });
        expect(mine.map((t) => t.task)).toEqual(['visite-ide']);
        expect(mine[0]).toEqual(
          openTask('j1', 'ic', 'visite-ide', ['infirmier', 'medecin-traitant'], { acceptedBy: 'ide-durand' }),
        );
      });

      it('filters by protocol', async () => {
        const ic = await store.openTasks({ roles: ['medecin-traitant', 'pneumologue'], protocolId: 'ic' });
        expect(ic.every((t) => t.protocolId === 'ic')).toBe(true);
        expect(ic).toHaveLength(2);
      });

      it('forgets tasks closed by the latest index', async () => {
        await store.append(
          'j1',
          1,
          [
            {
              type: 'task.completed',
              seq: 2,
              at: T0 + DAY,
              instance: 'consultation-mg#1',
              by: { actor: 'dr-martin', role: 'medecin-traitant' },
            },
          ],
          index('j1', {
            openTasks: [openTask('j1', 'ic', 'visite-ide', ['infirmier'], { acceptedBy: 'ide-durand' })],
          }),
        );
        expect(await store.openTasks({ roles: ['medecin-traitant'] })).toEqual([]);
        expect((await store.openTasks({ roles: ['infirmier'] })).map((t) => t.task)).toEqual(['visite-ide']);
      });
    });

    describe('listing', () => {
      it('lists every journey, or those of one protocol', async () => {
        await store.append('j1', 0, [started('j1', PROTOCOLS.ic!)], index('j1'));
        await store.append(
          'j2',
          0,
          [started('j2', PROTOCOLS.bpco!)],
          index('j2', { protocol: PROTOCOLS.bpco! }),
        );
        await store.append('j3', 0, [started('j3', PROTOCOLS.ic!)], index('j3', { status: 'completed' }));
        expect([...(await store.list())].sort()).toEqual(['j1', 'j2', 'j3']);
        expect([...(await store.list({ protocolId: 'ic' }))].sort()).toEqual(['j1', 'j3']);
        expect(await store.list({ protocolId: 'diabete' })).toEqual([]);
      });
    });

    describe('many journeys', () => {
      const n = options.manyJourneys ?? 500;

      it(`keeps ${n} journeys apart and answers due and open-task queries over all of them`, async () => {
        for (let i = 0; i < n; i++) {
          const id = `j${String(i).padStart(5, '0')}`;
          // wakeAt runs backwards with i, so that insertion order and due order differ.
          const wakeAt = T0 + (n - i) * 60_000;
          const roles = i % 3 === 0 ? ['infirmier'] : ['medecin-traitant'];
          await store.append(
            id,
            0,
            [started(id, PROTOCOLS.ic!)],
            index(id, { wakeAt, openTasks: [openTask(id, 'ic', 'suivi', roles)] }),
          );
        }
        for (let i = 0; i < n; i += 7) {
          const id = `j${String(i).padStart(5, '0')}`;
          await store.append(
            id,
            1,
            [opened(2, 'extra', T0 + i)],
            index(id, { wakeAt: undefined, openTasks: [] }),
          );
        }
        expect(await store.list()).toHaveLength(n);
        const due = await store.due(T0 + n * 60_000);
        const expected = Array.from({ length: n }, (_, i) => i)
          .filter((i) => i % 7 !== 0)
          .sort((a, b) => b - a)
          .map((i) => `j${String(i).padStart(5, '0')}`);
        expect(due).toEqual(expected);
        expect(await store.due(T0 + n * 60_000, 10)).toEqual(expected.slice(0, 10));
        const nurses = await store.openTasks({ roles: ['infirmier'] });
        expect(nurses).toHaveLength(
          Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 === 0 && i % 7 !== 0).length,
        );
        const sample = await store.load('j00001');
        expect(sample?.history).toHaveLength(1);
        expect(sample?.index.journeyId).toBe('j00001');
      });
    });
  });
}
