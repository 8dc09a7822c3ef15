// Property tests of the engine (issue 3): random command sequences, good and bad, on a virtual
// clock and a memory store. Whatever the sequence:
//   (a) a refused command changes nothing but the version: the history gains its `command.refused`
//       entry (and, for a delegation refused on a red flag, the hand-back it records);
//   (b) rebuilding from the history (as stored, or through JSON), reloading after an eviction and
//       restoring a snapshot give the live journey;
//   (c) a rupture never precedes its due date, and time passing reveals every missed deadline;
//   (d) the history only grows: seq is 1..n and every earlier history is a prefix of the later one;
//   (e) nothing but a CptsError is ever thrown.
import {
  type Actor,
  CptsError,
  createEngine,
  type Engine,
  type HistoryEvent,
  type JourneyView,
  MemoryStore,
  VirtualClock,
} from '@cpts/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plain } from './helpers.js';
import { kine } from './kine.js';
import { sortie } from './protocols.js';

const J0 = Date.parse('2026-01-05T09:00:00+01:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ID = 'j';

/** What a random sequence may use on one protocol: its names, and names it does not have. */
interface World {
  readonly protocol: object;
  readonly startFacts: readonly Record<string, unknown>[];
  readonly facts: readonly Record<string, unknown>[];
  readonly tasks: readonly string[];
  readonly roles: readonly (string | undefined)[];
  readonly actors: readonly unknown[];
  readonly data: readonly unknown[];
  readonly events: readonly { event: string; data?: Record<string, unknown> }[];
  readonly delegations: readonly (string | undefined)[];
  readonly steps: readonly string[];
  /** Commands that follow the protocol, so that sequences get far into it. */
  readonly good: readonly Command[];
}

const mk = (id: string, qualifications?: unknown) => ({
  id,
  roles: ['mk'],
  ...(qualifications !== undefined && { qualifications }),
});
const perform = (
  task: string,
  actor: unknown,
  data?: unknown,
  kind: 'perform' | 'accept' = 'perform',
): Command => ({
  kind,
  task,
  actor,
  as: undefined,
  delegation: undefined,
  data,
  text: '',
  when: 'now',
});

const sortieWorld: World = {
  protocol: sortie,
  startFacts: [
    { age: 70 },
    { age: 70 },
    { age: 70 },
    { age: 80, vitSeul: true },
    { age: 80, vitSeul: true },
    { age: 66, nyha: 3 },
    { age: 'quatre-vingts' },
    { age: 70, poids: 80 },
    {},
    { age: 200 },
  ],
  facts: [
    { vitSeul: true },
    { vitSeul: false },
    { age: 78 },
    { nyha: 3 },
    { nyha: 1 },
    { nyha: 5 },
    { nyha: 2.5 },
    { nyha: Number.NaN },
    { age: Number.POSITIVE_INFINITY },
    { age: '78' },
    { poids: 3 },
    { age: undefined },
    { nyha: undefined },
    {},
  ],
  tasks: [
    'lettre-liaison',
    'consultation-mg',
    'visite-ide',
    'pps',
    'visite-ide#1',
    'visite-ide#2',
    'consultation-mg#1',
    'visite-ide#9',
    'consultation-cardio',
    'visite-ide#',
    '#1',
    '',
  ],
  roles: [undefined, undefined, 'mg', 'ide', 'hopital', 'dac', 'cardio', 'kine'],
  actors: [
    { id: 'dr-martin', name: 'Dr Martin', roles: ['mg'] },
    { id: 'ide-dupont', roles: ['ide'] },
    { id: 'ide-leroy', roles: ['ide'] },
    { id: 'chu', roles: ['hopital'] },
    { id: 'dac-1', roles: ['dac'] },
    { id: 'dr-coste', roles: ['mg', 'cardio', 'dac'] },
    { id: 'mk-1', roles: ['kine'] },
    { id: 'nobody', roles: [] },
    { id: 42 },
    undefined,
  ],
  data: [
    undefined,
    {},
    { poids: 72.5 },
    { poids: 10 },
    { poids: '72' },
    { poids: Number.NaN },
    { masse: 70 },
    [1],
    'x',
    null,
  ],
  events: [
    { event: 'sortie' },
    { event: 'sortie' },
    { event: 'prise-de-poids', data: { kg: 2.5 } },
    { event: 'prise-de-poids' },
    { event: 'prise-de-poids', data: { kg: 'deux' } },
    { event: 'sortie', data: { x: 1 } },
    { event: 'readmission' },
    { event: '' },
  ],
  delegations: [undefined, undefined, 'entorse'],
  steps: ['hospitalisation', 'suivi', 'suivi-mg', 'suivi-ide', 'coordination', 'fin', 'urgences'],
  good: [
    perform('lettre-liaison', { id: 'chu', roles: ['hopital'] }),
    perform('lettre-liaison', { id: 'chu', roles: ['hopital'] }),
    { kind: 'recordEvent', event: 'sortie', data: undefined, when: 'now' },
    { kind: 'recordEvent', event: 'sortie', data: undefined, when: 'now' },
    { kind: 'recordEvent', event: 'prise-de-poids', data: { kg: 2.5 }, when: 'now' },
    perform('consultation-mg', { id: 'dr-martin', name: 'Dr Martin', roles: ['mg'] }, { poids: 71 }),
    perform('consultation-mg', { id: 'dac-1', roles: ['dac'] }),
    perform('visite-ide', { id: 'ide-dupont', roles: ['ide'] }),
    perform('visite-ide', { id: 'ide-leroy', roles: ['ide'] }),
    perform('visite-ide', { id: 'ide-leroy', roles: ['ide'] }, undefined, 'accept'),
    perform('pps', { id: 'dac-1', roles: ['dac'] }),
    { kind: 'recordFacts', facts: { age: 81, vitSeul: true }, when: 'now' },
    { kind: 'recordFacts', facts: { nyha: 3 }, when: 'now' },
    { kind: 'recordFacts', facts: { vitSeul: false }, when: 'now' },
  ],
};

const kineWorld: World = {
  protocol: kine,
  startFacts: [
    { age: 30, consentement: true },
    { age: 30, consentement: true },
    { age: 30, consentement: true },
    { age: 30, consentement: true },
    { age: 30 },
    { age: 62, consentement: true },
    { age: 30, consentement: true, plaie: true },
    { age: 'trente' },
    {},
  ],
  facts: [
    { consentement: true },
    { consentement: false },
    { appuiImpossible24h: true },
    { appuiImpossible24h: false },
    { plaie: true },
    { age: 17 },
    { age: 40 },
    { age: 'x' },
    { douleur: 8 },
    { consentement: 'oui' },
  ],
  tasks: [
    'bilan-entorse',
    'reprise-mg',
    'compte-rendu',
    'enquete',
    'bilan-entorse#1',
    'reprise-mg#1',
    'radio',
  ],
  roles: [undefined, undefined, undefined, 'mg', 'mk', 'cpts', 'ide'],
  actors: [
    mk('mk-bernard', [{ id: 'formation-entorse', hours: 10, obtainedOn: '2025-06-01' }]),
    mk('mk-bernard', [{ id: 'formation-entorse', hours: 10, obtainedOn: '2025-06-01' }]),
    mk('mk-petit'),
    mk('mk-court', [{ id: 'formation-entorse', hours: 6, obtainedOn: '2025-06-01' }]),
    mk('mk-ancien', [{ id: 'formation-entorse', hours: 10, obtainedOn: '2020-01-01' }]),
    mk('mk-futur', [{ id: 'formation-entorse', hours: 10, obtainedOn: '2027-01-01' }]),
    mk('mk-flou', [{ id: 'formation-entorse', hours: 10, obtainedOn: 'hier' }]),
    { id: 'dr-martin', roles: ['mg'] },
    { id: 'cpts-1', roles: ['cpts'] },
    {
      id: 'mk-mg',
      roles: ['mk', 'mg'],
      qualifications: [{ id: 'formation-entorse', hours: 12, obtainedOn: '2024-01-01' }],
    },
  ],
  data: [undefined, {}, { note: 1 }],
  events: [{ event: 'sortie' }],
  delegations: [undefined, undefined, 'entorse', 'lombalgie'],
  steps: ['prise-en-charge', 'suivi', 'fin', 'urgences'],
  good: [
    perform(
      'bilan-entorse',
      mk('mk-bernard', [{ id: 'formation-entorse', hours: 10, obtainedOn: '2025-06-01' }]),
    ),
    perform(
      'bilan-entorse',
      mk('mk-bernard', [{ id: 'formation-entorse', hours: 10, obtainedOn: '2025-06-01' }]),
    ),
    perform('bilan-entorse', { id: 'dr-martin', roles: ['mg'] }),
    perform('reprise-mg', { id: 'dr-martin', roles: ['mg'] }),
    perform('compte-rendu', mk('mk-bernard')),
    perform('enquete', { id: 'cpts-1', roles: ['cpts'] }),
    { kind: 'recordFacts', facts: { appuiImpossible24h: true }, when: 'now' },
    { kind: 'recordFacts', facts: { consentement: true }, when: 'now' },
    {
      kind: 'handBack',
      delegation: 'entorse',
      task: 'bilan-entorse',
      actor: mk('mk-bernard'),
      text: 'Doute sur un risque thrombo-embolique',
      when: 'now',
    },
  ],
};

/** When a command says it happened. */
type When = 'now' | 'past' | 'future' | 'not-a-date';

type Command =
  | {
      kind: 'perform' | 'accept' | 'release' | 'waive' | 'cancelTask';
      task: string;
      actor: unknown;
      as: string | undefined;
      delegation: string | undefined;
      data: unknown;
      text: string;
      when: When;
    }
  | { kind: 'observe'; task: string; data: unknown; text: string; when: When }
  | { kind: 'recordFacts'; facts: Record<string, unknown>; when: When }
  | { kind: 'recordEvent'; event: string; data: Record<string, unknown> | undefined; when: When }
  | { kind: 'handBack'; delegation: string; task: string; actor: unknown; text: string; when: When }
  | { kind: 'reroute'; step: string; actor: unknown; as: string | undefined; text: string; when: When }
  | { kind: 'close' | 'cancel'; text: string; when: When }
  | { kind: 'advance'; ms: number; how: 'tick' | 'runUntil' }
  | { kind: 'edge'; offset: -1 | 0 | 1; how: 'tick' | 'command' }
  | { kind: 'stale'; ms: number }
  | { kind: 'evict' };

const texts = fc.constantFrom('Patient revu en consultation', 'Doute clinique', '', '   ');
const whenArb: fc.Arbitrary<When> = fc.constantFrom<When>(
  'now',
  'now',
  'now',
  'now',
  'now',
  'past',
  'future',
  'not-a-date',
);
const durations = fc.oneof(
  fc.constantFrom(HOUR, DAY, 3 * DAY, 7 * DAY - HOUR, 8 * DAY, 15 * DAY, 32 * DAY),
  fc.integer({ min: 1, max: 40 * DAY }),
);

function commandArb(w: World): fc.Arbitrary<Command> {
  const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
  const onTask = fc.record({
    kind: fc.constantFrom('perform', 'perform', 'perform', 'accept', 'release', 'waive', 'cancelTask'),
    task: pick(w.tasks),
    actor: pick(w.actors),
    as: pick(w.roles),
    delegation: pick(w.delegations),
    data: pick(w.data),
    text: texts,
    when: whenArb,
  });
  return fc.oneof(
    { weight: 24, arbitrary: pick(w.good) },
    { weight: 12, arbitrary: onTask },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('observe'),
        task: pick(w.tasks),
        data: pick(w.data),
        text: fc.constantFrom('sniiram', ''),
        when: whenArb,
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('recordFacts'), facts: pick(w.facts), when: whenArb }),
    },
    {
      weight: 6,
      arbitrary: fc
        .record({ kind: fc.constant('recordEvent'), event: pick(w.events), when: whenArb })
        .map(({ event, ...c }) => ({ ...c, event: event.event, data: event.data })),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('handBack'),
        delegation: fc.constantFrom('entorse', 'lombalgie'),
        task: pick(w.tasks),
        actor: pick(w.actors),
        text: texts,
        when: whenArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('reroute'),
        step: pick(w.steps),
        actor: pick(w.actors),
        as: pick(w.roles),
        text: texts,
        when: whenArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constantFrom('close', 'cancel'), text: texts, when: whenArb }),
    },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('advance'),
        ms: durations,
        how: fc.constantFrom('tick', 'tick', 'runUntil'),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('edge'),
        offset: fc.constantFrom(-1, 0, 1),
        how: fc.constantFrom('tick', 'command'),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('stale'), ms: durations }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('evict') }) },
  ) as fc.Arbitrary<Command>;
}

/** The serialisable part of a journey view, without its version. */
function stateOf(view: JourneyView): unknown {
  const { version: _version, ...rest } = view;
  return plain(rest);
}

/** A journey view as data, helper functions left out but `undefined` fields kept. */
function data(view: JourneyView): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view).filter(([, v]) => typeof v !== 'function'));
}

async function attempt<T>(
  p: () => Promise<T> | T,
): Promise<{ ok: true; value: T } | { ok: false; error: CptsError }> {
  try {
    return { ok: true, value: await p() };
  } catch (e) {
    // (e) nothing but a CptsError is ever thrown.
    if (!CptsError.is(e))
      throw new Error(`A command threw something other than a CptsError: ${String(e)}`, { cause: e });
    return { ok: false, error: e };
  }
}

/** Runs one command; returns the command name the engine records a refusal under (if any). */
function run(
  engine: Engine,
  clock: VirtualClock,
  journey: JourneyView,
  c: Command,
): { name: string | undefined; go: () => Promise<unknown> } {
  const now = journey.now;
  const at = (when: When) =>
    when === 'now'
      ? {}
      : when === 'past'
        ? { at: now - HOUR }
        : when === 'future'
          ? { at: Math.max(now, clock.now()) + 2 * HOUR }
          : { at: 'demain matin' };
  const actor = (a: unknown) => a as Actor;
  switch (c.kind) {
    case 'perform':
      return {
        name: 'perform',
        go: () =>
          engine.perform(ID, c.task, {
            actor: actor(c.actor),
            as: c.as,
            delegation: c.delegation,
            data: c.data as never,
            ...at(c.when),
          }),
      };
    case 'accept':
      return {
        name: 'accept',
        go: () => engine.accept(ID, c.task, { actor: actor(c.actor), as: c.as, ...at(c.when) }),
      };
    case 'release':
      return {
        name: 'release',
        go: () => engine.release(ID, c.task, { actor: actor(c.actor), reason: c.text, ...at(c.when) }),
      };
    case 'waive':
      return {
        name: 'waive',
        go: () =>
          engine.waive(ID, c.task, { actor: actor(c.actor), as: c.as, justification: c.text, ...at(c.when) }),
      };
    case 'cancelTask':
      return {
        name: 'cancelTask',
        go: () =>
          engine.cancelTask(ID, c.task, { actor: actor(c.actor), as: c.as, reason: c.text, ...at(c.when) }),
      };
    case 'observe':
      return {
        name: 'observe',
        go: () => engine.observe(ID, c.task, { source: c.text, data: c.data as never, ...at(c.when) }),
      };
    case 'recordFacts':
      return { name: 'recordFacts', go: () => engine.recordFacts(ID, c.facts, at(c.when)) };
    case 'recordEvent':
      return {
        name: 'recordEvent',
        go: () => engine.recordEvent(ID, c.event, { data: c.data, ...at(c.when) }),
      };
    case 'handBack':
      return {
        name: 'handBack',
        go: () =>
          engine.handBack(ID, c.delegation, {
            actor: actor(c.actor),
            task: c.task,
            reason: c.text,
            ...at(c.when),
          }),
      };
    case 'reroute':
      return {
        name: 'reroute',
        go: () =>
          engine.reroute(ID, c.step, {
            actor: actor(c.actor),
            as: c.as,
            justification: c.text,
            ...at(c.when),
          }),
      };
    case 'close':
    case 'cancel':
      return { name: c.kind, go: () => engine[c.kind](ID, { reason: c.text, ...at(c.when) }) };
    case 'advance':
      return {
        name: undefined,
        go: () => {
          clock.advance(c.ms);
          return c.how === 'tick' ? engine.tick() : engine.runUntil();
        },
      };
    case 'edge': {
      // To the millisecond around the next due date: a deadline is met at its due instant, missed just after.
      const due = journey.tasks.filter(
        (t) => t.rupture === undefined && t.dueAt !== undefined && t.dueAt + c.offset >= clock.now(),
      );
      const next = Math.min(...due.map((t) => t.dueAt! + c.offset));
      if (Number.isFinite(next)) clock.set(next);
      return c.how === 'tick'
        ? { name: undefined, go: () => engine.tick() }
        : { name: 'recordFacts', go: () => engine.recordFacts(ID, {}) };
    }
    case 'stale':
      // A write from a user who saw an older version.
      return {
        name: 'recordFacts',
        go: () => engine.recordFacts(ID, {}, { expectedVersion: Math.max(0, c.ms % 3) }),
      };
    case 'evict':
      return { name: undefined, go: async () => engine.evict() };
  }
}

function checkHistory(history: readonly HistoryEvent[], previous: readonly HistoryEvent[]) {
  // (d) seq is 1..n; the earlier history is a prefix of this one, entry for entry.
  expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
  expect(history.length).toBeGreaterThanOrEqual(previous.length);
  expect(history.slice(0, previous.length)).toStrictEqual(previous);
  expect(history[0]?.type).toBe('journey.started');
  // (c) a rupture never precedes its due date; it is dated with the entry that reveals it.
  const seen = new Set<string>();
  for (const e of history) {
    if (e.type !== 'rupture.opened') continue;
    const r = e.rupture;
    expect(e.at).toBeGreaterThanOrEqual(r.dueAt);
    expect(r.detectedAt).toBe(e.at);
    if (r.kind === 'missed-deadline') {
      expect(r.dueAt).toBeLessThan(r.detectedAt);
      // Once per task occurrence.
      expect(seen.has(r.instance)).toBe(false);
      seen.add(r.instance);
    } else {
      expect(r.dueAt).toBe(r.detectedAt);
    }
  }
}

function checkRuptures(view: JourneyView, clockNow: number, ticked: boolean) {
  for (const r of view.ruptures) {
    if (r.kind !== 'missed-deadline') continue;
    const task = view.tasks.find((t) => t.id === r.instance);
    expect(task?.rupture).toBe(r.id);
    expect(task?.dueAt).toBe(r.dueAt);
    if (r.closedAt !== undefined) expect(r.closedAt).toBeGreaterThan(r.dueAt);
  }
  // (c) Once the scheduler ran, no required task is left overdue without its rupture.
  if (ticked && view.status !== 'closed' && view.status !== 'cancelled') {
    const overdue = view.tasks.filter(
      (t) =>
        t.required &&
        (t.status === 'open' || t.status === 'accepted') &&
        t.dueAt !== undefined &&
        t.dueAt < clockNow,
    );
    expect(overdue.filter((t) => t.rupture === undefined)).toEqual([]);
  }
}

/** (b) The history, read back in every way, gives the live journey. */
async function checkRebuild(engine: Engine, live: JourneyView) {
  const history = await engine.history(ID);
  expect(data(engine.rebuild(history))).toStrictEqual(data(live));
  // What a durable store gives back: the history through JSON.
  const stored = JSON.parse(JSON.stringify(history)) as HistoryEvent[];
  expect(plain(engine.rebuild(stored))).toEqual(plain(live));
  expect(data(engine.restore(await engine.snapshot(ID)))).toStrictEqual(data(live));
}

async function runSequence(w: World, startFacts: Record<string, unknown>, commands: readonly Command[]) {
  const clock = new VirtualClock(J0);
  const engine = createEngine({ protocols: [w.protocol], clock, store: new MemoryStore() });
  const started = await attempt(() => engine.start(w.protocol, { journeyId: ID, facts: startFacts }));
  if (!started.ok) {
    // A journey refused at start does not exist.
    expect(['INVALID_FACTS']).toContain(started.error.code);
    expect((await attempt(() => engine.get(ID))).ok).toBe(false);
    expect((await attempt(() => engine.history(ID))).ok).toBe(false);
    return;
  }
  let before = await engine.get(ID);
  let history = await engine.history(ID);
  checkHistory(history, []);
  expect(started.value.events).toStrictEqual(history);
  for (const c of commands) {
    const { name, go } = run(engine, clock, before, c);
    const outcome = await attempt(go);
    const after = await engine.get(ID);
    const next = await engine.history(ID);
    checkHistory(next, history);
    const added = next.slice(history.length);
    if (outcome.ok) {
      expect(after.now).toBeGreaterThanOrEqual(before.now);
      const result = outcome.value as { journey?: JourneyView; events?: readonly HistoryEvent[] } | undefined;
      if (result?.journey) {
        expect(result.events).toStrictEqual(added);
        expect(data(result.journey)).toStrictEqual(data(after));
      } else if (result?.events) {
        expect(result.events).toStrictEqual(added);
      } else {
        expect(added).toEqual([]);
      }
    } else {
      const e = outcome.error;
      if (e.code === 'CONFLICT') {
        // A stale write is turned away before anything happens.
        expect(added).toEqual([]);
        expect(after.version).toBe(before.version);
      } else if (e.code === 'DELEGATION_REFUSED' && e.details.handedBack === true) {
        // The hand-back the refusal records, then the refusal.
        expect(added[0]).toMatchObject({ type: 'delegation.handed-back' });
        expect(added.at(-1)).toMatchObject({
          type: 'command.refused',
          command: name,
          code: e.code,
          message: e.message,
        });
        expect(
          added.slice(1, -1).every((x) => !['command.refused', 'delegation.handed-back'].includes(x.type)),
        ).toBe(true);
        expect(after.version).toBe(before.version + added.length);
      } else {
        // (a) A refusal changes nothing; the history records it, and only it.
        expect(added).toHaveLength(1);
        expect(added[0]).toMatchObject({
          type: 'command.refused',
          command: name,
          code: e.code,
          message: e.message,
        });
        expect(stateOf(after)).toStrictEqual(stateOf(before));
        expect(data({ ...after, version: before.version } as JourneyView)).toStrictEqual(data(before));
        expect(after.version).toBe(before.version + 1);
      }
    }
    checkRuptures(after, clock.now(), outcome.ok && (c.kind === 'advance' || c.kind === 'edge'));
    await checkRebuild(engine, after);
    before = after;
    history = next;
  }
  // (b) Reloaded from the store after an eviction, the journey is the same.
  engine.evict();
  expect(data(await engine.get(ID))).toStrictEqual(data(before));
}

function property(w: World) {
  return fc.asyncProperty(
    fc.constantFrom(...w.startFacts),
    fc.array(commandArb(w), { minLength: 4, maxLength: 30, size: 'max' }),
    (facts, commands) => runSequence(w, facts, commands),
  );
}

describe('engine properties over random command sequences', () => {
  it('hold on a discharge protocol (events, parallel steps, recurrences, escalation, gradation)', async () => {
    await fc.assert(property(sortieWorld), { numRuns: 100 });
  });

  it('hold on a cooperation protocol (delegation, qualification, consent, inclusion, red flags, hand-back)', async () => {
    await fc.assert(property(kineWorld), { numRuns: 100 });
  });
});
