import {
  allSteps,
  computeIndicators,
  createEngine,
  type HistoryEvent,
  parseProtocol,
  rupturesBySegment,
  VirtualClock,
} from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../src/contract.js';
import {
  parseSimulationOptions,
  type SimulateCohortOptions,
  SimulationOptionsError,
  type SimulationResult,
  SimulationStore,
  simulateCohort,
} from '../src/index.js';
import { sortieIc } from './fixtures.js';

const base: SimulateCohortOptions = {
  patients: 120,
  horizon: 'P6M',
  seed: 11,
  shards: 4,
  threads: 0,
  facts: {
    age: { kind: 'normal', mean: 78, sd: 9 },
    vitSeul: { kind: 'bernoulli', p: 0.3 },
    nyha: {
      kind: 'categorical',
      values: [
        { value: 2, weight: 5 },
        { value: 3, weight: 4 },
        { value: 4, weight: 1 },
      ],
    },
  },
  events: { sortie: { after: { kind: 'uniform', min: 2, max: 10 } } },
  behaviour: { tasks: { 'lettre-liaison': { probability: 1, delay: { kind: 'uniform', min: 0, max: 1 } } } },
};
const deterministic = (r: SimulationResult) => ({ ...r, timing: undefined });

describeStoreContract('SimulationStore', () => new SimulationStore());

describe('parseSimulationOptions', () => {
  it('splits large cohorts into one shard per 2 500 patients by default, and keeps the shards asked for', () => {
    const ic = parseProtocol(sortieIc);
    const facts = base.facts;
    expect(parseSimulationOptions(ic, { patients: 10_000, facts }).shards).toBe(16);
    expect(parseSimulationOptions(ic, { patients: 40_001, facts }).shards).toBe(17);
    expect(parseSimulationOptions(ic, { patients: 100_000, facts }).shards).toBe(40);
    expect(parseSimulationOptions(ic, { patients: 100_000, facts, shards: 16 }).shards).toBe(16);
  });

  it('keeps up to 10 000 whole histories, and says so beyond', () => {
    const ic = parseProtocol(sortieIc);
    const facts = base.facts;
    expect(parseSimulationOptions(ic, { patients: 20_000, facts, keepHistories: 10_000 }).keepHistories).toBe(
      10_000,
    );
    expect(() => parseSimulationOptions(ic, { patients: 20_000, facts, keepHistories: 10_001 })).toThrow(
      /keepHistories/,
    );
  });
});

describe('SimulationStore', () => {
  it('keeps the histories asked for, still counts versions, and refuses to load a journey it did not keep', async () => {
    const store = new SimulationStore(undefined, { keepHistory: (id) => id === 'kept' });
    const engine = createEngine({
      protocols: [sortieIc],
      store,
      clock: new VirtualClock(Date.UTC(2026, 0, 5)),
    });
    for (const journeyId of ['kept', 'dropped'])
      await engine.start(sortieIc, { journeyId, facts: { age: 80 } });
    expect(store.history('kept')?.[0]).toMatchObject({ type: 'journey.started', journeyId: 'kept' });
    expect(store.history('dropped')).toBeUndefined();
    // Appends are still checked against the journey's version.
    const view = await engine.get('dropped');
    const index = {
      journeyId: 'dropped',
      protocol: view.protocol,
      status: view.status,
      wakeAt: undefined,
      openTasks: [],
    };
    expect(() => store.append('dropped', view.version - 1, [], index)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    engine.evict('dropped');
    await expect(engine.get('dropped')).rejects.toMatchObject({ code: 'UNKNOWN_JOURNEY' });
    engine.evict('kept');
    expect((await engine.get('kept')).journeyId).toBe('kept');
  });
});

describe('simulateCohort', () => {
  it('gives the same result for the same seed, and another for another seed', async () => {
    const a = await simulateCohort(sortieIc, base);
    const b = await simulateCohort(sortieIc, base);
    const c = await simulateCohort(sortieIc, { ...base, seed: 12 });
    expect(deterministic(b)).toEqual(deterministic(a));
    expect(deterministic(c)).not.toEqual(deterministic(a));
    expect(a.journeys.started).toBe(120);
    expect(a.journeys.started).toBe(a.journeys.completed + a.journeys.cancelled + a.journeys.active);
  });

  it('gives the same result on 2 worker threads as in the calling thread', async () => {
    const options = { ...base, patients: 60 };
    const inline = await simulateCohort(sortieIc, options);
    let last = 0;
    const threaded = await simulateCohort(sortieIc, {
      ...options,
      threads: 2,
      onProgress: (p) => (last = p.started),
    });
    expect(threaded.timing.threads).toBe(2);
    expect(deterministic(threaded)).toEqual(deterministic(inline));
    expect(last).toBe(60);
  }, 120_000);

  it('returns as many whole histories as asked, shared out between the shards', async () => {
    const r = await simulateCohort(sortieIc, { ...base, patients: 60, keepHistories: 10 });
    expect(r.histories).toHaveLength(10);
    // 4 shards of 15 patients (p0–p14, p15–p29…): 2, 3, 2 and 3 histories.
    const patients = r.histories.map((h) => (h[0]?.type === 'journey.started' ? h[0].journeyId : '?'));
    expect(new Set(patients).size).toBe(10);
    const perShard = [0, 0, 0, 0];
    for (const id of patients) perShard[Math.floor(Number(id.slice(1)) / 15)]!++;
    expect(perShard).toEqual([2, 3, 2, 3]);
  });

  it('agrees with the indicators and rupture tables core computes from the same histories', async () => {
    const r = await simulateCohort(sortieIc, { ...base, patients: 60, keepHistories: 60 });
    expect(r.histories).toHaveLength(60);
    const definition = parseProtocol(sortieIc);
    const period = { from: r.settings.start, to: r.settings.end };
    const [mg7] = computeIndicators(definition, r.histories, period);
    expect(r.indicators[0]).toMatchObject({
      id: 'mg-7j',
      numerator: mg7!.numerator,
      denominator: mg7!.denominator,
    });
    const segments = rupturesBySegment(r.histories, period);
    expect(r.ruptures.bySegment.map((s) => [s.key, s.count])).toEqual(
      segments.map((s) => [s.segment, s.count]),
    );
    const opened = r.histories.flat().filter((e) => e.type === 'rupture.opened').length;
    expect(r.ruptures.total).toBe(opened);
    expect(r.events).toBe(r.histories.flat().length);
    const acts = r.histories.flat().filter((e) => e.type === 'task.completed').length;
    expect(r.acts.performed).toBe(acts);
    expect(r.workload.reduce((a, w) => a + w.totalActs, 0)).toBe(acts);
    // Share of the journeys that reached a segment (entered one of its steps) or opened a task,
    // and had at least one rupture there.
    const segmentOf = new Map(allSteps(definition).map(({ step }) => [step.id, step.segment]));
    const share = (
      reached: (h: readonly HistoryEvent[]) => Set<string>,
      touched: (h: readonly HistoryEvent[]) => Set<string>,
    ) => {
      const counts = new Map<string, [number, number]>();
      for (const h of r.histories) {
        const t = touched(h);
        for (const k of reached(h)) {
          const c = counts.get(k) ?? [0, 0];
          counts.set(k, [c[0] + 1, c[1] + (t.has(k) ? 1 : 0)]);
        }
      }
      return (k: string) => {
        const c = counts.get(k);
        return c ? Math.round((c[1] / c[0]) * 10_000) / 10_000 : null;
      };
    };
    const ruptures = (h: readonly HistoryEvent[]) =>
      h.flatMap((e) => (e.type === 'rupture.opened' ? [e.rupture] : []));
    const bySegment = share(
      (h) => new Set(h.flatMap((e) => (e.type === 'step.entered' ? [segmentOf.get(e.step)!] : []))),
      (h) => new Set(ruptures(h).map((x) => x.segment)),
    );
    const byTask = share(
      (h) => new Set(h.flatMap((e) => (e.type === 'task.opened' ? [e.task] : []))),
      (h) => new Set(ruptures(h).map((x) => x.task)),
    );
    expect(r.ruptures.bySegment.length).toBeGreaterThan(0);
    for (const row of r.ruptures.bySegment)
      expect([row.key, row.journeysShare]).toEqual([row.key, bySegment(row.key)]);
    for (const row of r.ruptures.byTask)
      expect([row.key, row.journeysShare]).toEqual([row.key, byTask(row.key)]);
  });

  it('turns a task nobody does into ruptures on its segment and role, and a zero indicator', async () => {
    // Arrivals in the first 3 months: every deadline falls before the 6-month horizon.
    const r = await simulateCohort(sortieIc, {
      ...base,
      arrivals: { over: 'P3M' },
      behaviour: { tasks: { ...base.behaviour?.tasks, 'consultation-mg': { probability: 0 } } },
    });
    const discharged = r.indicators[0]!.denominator;
    expect(discharged).toBeGreaterThan(50);
    expect(r.indicators[0]!.numerator).toBe(0);
    expect(r.indicators[0]!.value).toBe(0);
    const mg = r.ruptures.byTask.find((t) => t.key === 'consultation-mg')!;
    // Every occurrence not cancelled (a "forte" journey leaves for the DAC at once) is missed.
    const row = r.tasks.find((t) => t.task === 'consultation-mg')!;
    expect(row.cancelled).toBeGreaterThan(0);
    expect(mg.count).toBe(row.opened - row.cancelled);
    expect(mg.closed).toBe(0);
    expect(r.ruptures.byRole.find((x) => x.key === 'mg')?.count).toBe(mg.count);
    expect(r.workload.find((w) => w.role === 'mg')?.totalActs).toBe(0);
    expect(r.acts.notDone).toBeGreaterThanOrEqual(mg.count);
  });

  it('postpones acts beyond a role’s weekly capacity, which makes them late', async () => {
    const free = await simulateCohort(sortieIc, base);
    const tight = await simulateCohort(sortieIc, { ...base, capacity: { mg: 2 } });
    const mg = tight.workload.find((w) => w.role === 'mg')!;
    expect(mg.capacityPerWeek).toBe(2);
    expect(Math.max(...mg.acts)).toBeLessThanOrEqual(2);
    expect(mg.postponed.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const late = (r: SimulationResult) =>
      r.ruptures.byTask.find((t) => t.key === 'consultation-mg')?.count ?? 0;
    expect(late(tight)).toBeGreaterThan(late(free));
  });

  it('measures time per step and the journeys still running at the horizon', async () => {
    const r = await simulateCohort(sortieIc, { ...base, arrivals: 'start' });
    const hosp = r.steps.find((s) => s.step === 'hospitalisation')!;
    expect(hosp.entries).toBe(120);
    // Discharge comes 2 to 10 days after admission, the letter within a day of it.
    expect(hosp.medianDays).toBeGreaterThanOrEqual(2);
    expect(hosp.p90Days).toBeLessThanOrEqual(11);
    expect(hosp.medianDays!).toBeLessThanOrEqual(hosp.p90Days!);
    const fin = r.steps.find((s) => s.step === 'fin')!;
    expect(fin.entries).toBe(r.journeys.completed);
  });

  it('refuses options that do not fit the protocol, listing every problem with its path', async () => {
    const error = (await simulateCohort(sortieIc, {
      patients: 10,
      facts: { poids: { kind: 'constant', value: 70 } },
      events: { deces: { perYear: 1 } },
      behaviour: { tasks: { 'consultation-kine': {}, 'consultation-mg': { as: 'ide' } } },
      capacity: { kine: 10 },
    }).catch((e: unknown) => e)) as SimulationOptionsError;
    expect(error).toBeInstanceOf(SimulationOptionsError);
    expect(error.code).toBe('INVALID_COMMAND');
    expect(error.issues.map((i) => i.pointer)).toEqual([
      'facts.poids',
      'facts',
      'events.deces',
      'behaviour.tasks.consultation-kine',
      'behaviour.tasks.consultation-mg.as',
      'capacity.kine',
    ]);
    expect(error.message).toContain(
      'the protocol requires the fact "age" at the start: give it a distribution',
    );
    const bad = (await simulateCohort(sortieIc, {
      patients: 0,
      horizon: '12 mois',
      facts: { age: { kind: 'normal', mean: 78, sd: -1 } },
    }).catch((e: unknown) => e)) as SimulationOptionsError;
    expect(bad.issues.map((i) => i.pointer).sort()).toEqual(['facts.age.sd', 'horizon', 'patients']);
  });

  it('refuses event and act data that the engine would refuse every time, naming the schema problem', () => {
    // The same protocol, with data on its discharge event and on the GP visit.
    const steps = sortieIc.steps.map((s) =>
      s.id !== 'suivi'
        ? s
        : {
            ...s,
            steps: s.steps?.map((sub) => ({
              ...sub,
              tasks: sub.tasks?.map((t) =>
                t.id === 'consultation-mg'
                  ? {
                      ...t,
                      data: {
                        type: 'object',
                        properties: { date: { type: 'string' } },
                        required: ['date'],
                      },
                    }
                  : t,
              ),
            })),
          },
    );
    const withData = parseProtocol({
      ...sortieIc,
      events: [
        {
          id: 'sortie',
          label: { fr: 'Sortie' },
          data: { type: 'object', properties: { service: { type: 'string' } }, required: ['service'] },
        },
      ],
      steps,
    });
    const refused = (options: Partial<SimulateCohortOptions>) => {
      try {
        parseSimulationOptions(withData, { ...base, ...options });
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(SimulationOptionsError);
        return (e as SimulationOptionsError).issues.map((i) => `${i.pointer}: ${i.message}`);
      }
    };
    const after = { kind: 'uniform', min: 2, max: 10 } as const;
    expect(refused({ events: { sortie: { after } } })).toEqual([
      `events.sortie.data: the engine would refuse every "sortie" event with this data: service: must have required property 'service'`,
    ]);
    expect(refused({ events: { sortie: { after, data: { service: 'cardiologie' } } } })).toEqual([]);
    // An event without a data schema records none, as the engine has it.
    expect(() =>
      parseSimulationOptions(parseProtocol(sortieIc), {
        ...base,
        events: { sortie: { after, data: { x: 1 } } },
      }),
    ).toThrow(
      /events\.sortie\.data: the engine would refuse every "sortie" event with this data: it records no data, got x/,
    );
    expect(
      refused({
        events: { sortie: { after, data: { service: 'cardiologie' } } },
        behaviour: {
          tasks: { 'consultation-mg': { data: { date: 3 } }, 'lettre-liaison': { data: { x: 1 } } },
        },
      }),
    ).toEqual([
      'behaviour.tasks.consultation-mg.data: the engine would refuse every act of "consultation-mg" with this data: date: must be string',
      'behaviour.tasks.lettre-liaison.data: the engine would refuse every act of "lettre-liaison" with this data: it records no data, got x',
    ]);
    // Default data goes with every task that has none of its own.
    expect(
      refused({
        events: { sortie: { after, data: { service: 'cardiologie' } } },
        behaviour: { default: { data: { date: '2026-01-10' } }, tasks: {} },
      }),
    ).toContain(
      'behaviour.default.data: the engine would refuse every act of "lettre-liaison" with this data: it records no data, got date (give "lettre-liaison" data of its own)',
    );
  });
});
