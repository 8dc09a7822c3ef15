/**
 * One shard of a cohort simulation: its share of the population, run through the engine on a
 * virtual, event-driven clock, on its own seeded generator and its share of each role's capacity.
 * A shard's result depends only on (protocol, options, shard index): never on threads or timing.
 * @module
 */
import {
  type Actor,
  addDuration,
  allSteps,
  allTasks,
  CptsError,
  createEngine,
  type HistoryEvent,
  type JourneyIndex,
  type JourneySummary,
  type JourneyView,
  meetsCriterion,
  type ProtocolDefinition,
  parseProtocol,
  type Task,
  toMillis,
  VirtualClock,
} from '@cpts/core';
import type { SimulationOptions, TaskBehaviour } from './options.js';
import { chance, createRandom, type Distribution, pick, type Random, sample } from './random.js';
import { SimulationStore } from './store.js';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Counters of one group of ruptures. */
export interface RuptureCounter {
  count: number;
  closed: number;
  delayDays: number;
}

/** What one shard measured; shards add up (see `mergeShards`). */
export interface ShardAccumulator {
  shard: number;
  patients: number;
  journeys: {
    started: number;
    completed: number;
    cancelled: number;
    active: number;
    byComplexity: Record<string, number>;
  };
  events: number;
  acts: { performed: number; late: number; notDone: number; refused: Record<string, number> };
  indicators: Record<string, { numerator: number; denominator: number }>;
  ruptures: {
    total: number;
    closed: number;
    bySegment: Record<string, RuptureCounter>;
    byTask: Record<string, RuptureCounter>;
    byRole: Record<string, RuptureCounter>;
  };
  /** Journeys that reached a segment / opened a task, and those of them with a rupture there. */
  reach: { segment: Record<string, number>; task: Record<string, number> };
  touched: { segment: Record<string, number>; task: Record<string, number> };
  steps: Record<
    string,
    { entries: number; exits: number; totalMs: number; tenths: Record<string, number>; activeAtEnd: number }
  >;
  tasks: Record<
    string,
    {
      opened: number;
      completed: number;
      completedLate: number;
      waived: number;
      cancelled: number;
      openAtEnd: number;
      ruptures: number;
    }
  >;
  workload: Record<string, { acts: number[]; overdue: number[]; postponed: number[] }>;
  histories: HistoryEvent[][];
}

type Instance = {
  readonly id: string;
  task: string;
  dueAt: number | undefined;
  openedAt: number;
  decided: boolean;
  closed: boolean;
};
type JourneyTrack = {
  id: string;
  complexity: string | undefined;
  finished: boolean;
  cancelled: boolean;
  /**
   * What indicators read of a journey beyond its final state: every entry into a step and every
   * recording of an event, with its instant (the state keeps only the latest). Parallel arrays.
   */
  enteredSteps: string[];
  enteredAt: number[];
  recordedEvents: string[];
  recordedAt: number[];
  /** Per segment and per task (see `Slots`): whether the journey reached it, and had a rupture there. */
  marks: Uint8Array;
  /**
   * Open task occurrences in the order they opened, and open ruptures: a shard holds one track per
   * running journey, and forgets what closed (arrays: a journey has only a few open at a time).
   */
  instances: Instance[];
  ruptures: { id: string; segment: string; task: string; roles: readonly string[] }[];
};

const REACHED = 1;
const RUPTURED = 2;

/** The positions of a protocol's segments, then of its tasks, in a track's `marks`. */
class Slots {
  readonly #segments: Map<string, number>;
  readonly #tasks: Map<string, number>;
  readonly size: number;

  constructor(segments: Iterable<string>, tasks: Iterable<string>) {
    this.#segments = new Map([...new Set(segments)].map((id, i) => [id, i]));
    this.#tasks = new Map([...new Set(tasks)].map((id, i) => [id, this.#segments.size + i]));
    this.size = this.#segments.size + this.#tasks.size;
  }

  segment(id: string): number {
    return slotOf(this.#segments, id, 'segment');
  }

  task(id: string): number {
    return slotOf(this.#tasks, id, 'task');
  }
}

function slotOf(slots: Map<string, number>, id: string, what: string): number {
  const i = slots.get(id);
  if (i === undefined) throw new Error(`cpts internal: ${what} ${id} is not in the protocol`);
  return i;
}

/** Sets a mark; whether it was not set before. */
function mark(marks: Uint8Array, slot: number, flag: number): boolean {
  const before = marks[slot]!;
  marks[slot] = before | flag;
  return (before & flag) === 0;
}

/** The open occurrence named, looked for from the latest. */
function instanceOf(track: JourneyTrack, id: string): Instance | undefined {
  const list = track.instances;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.id === id) return list[i];
  return undefined;
}

/** An occurrence is closed: an act queued for it will not run, and the track forgets it. */
function closeInstance(track: JourneyTrack, inst: Instance): void {
  inst.closed = true;
  const i = track.instances.lastIndexOf(inst);
  if (i >= 0) track.instances.splice(i, 1);
}

/**
 * What indicators read of a journey: its state (facts, gradation, occurrences, ruptures — as
 * `summarise` folds them from its history) and the step entries and event recordings its track kept.
 */
function summaryOf(view: JourneyView, track: JourneyTrack): JourneySummary {
  return {
    journeyId: view.journeyId,
    startedAt: view.startedAt,
    timeZone: view.timeZone,
    facts: view.facts,
    complexity: view.complexity,
    tasks: new Map(view.tasks.map((t) => [t.id, t])),
    stepsEntered: instantsBy(track.enteredSteps, track.enteredAt),
    events: instantsBy(track.recordedEvents, track.recordedAt),
    ruptures: view.ruptures,
  };
}

function instantsBy(keys: readonly string[], at: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = out.get(k);
    if (list) list.push(at[i]!);
    else out.set(k, [at[i]!]);
  });
  return out;
}

/** Something a shard will do at an instant: start a patient's journey, record an event, perform an act. */
type Action =
  | { kind: 'start'; patient: number }
  | {
      kind: 'event';
      track: JourneyTrack;
      event: string;
      data: Record<string, unknown> | undefined;
    }
  | {
      kind: 'perform';
      track: JourneyTrack;
      instance: string;
      /** The occurrence as the shard follows it (closed once its act is done or it is cancelled). */
      inst: Instance;
      role: string;
      data: Record<string, unknown> | undefined;
    };

/**
 * A min-heap of actions by instant, then insertion order (so ties are deterministic). The keys
 * sit in typed arrays beside the actions: the comparisons of a sift read contiguous numbers, not
 * actions scattered on the heap.
 */
class ActionQueue {
  #at = new Float64Array(1024);
  #seq = new Float64Array(1024);
  #items: (Action | undefined)[] = [];
  #size = 0;
  #next = 0;

  get size(): number {
    return this.#size;
  }

  push(at: number, action: Action): void {
    if (this.#size === this.#at.length) this.#grow();
    const seq = this.#next++;
    // Sift up by moving parents down into the hole, then placing the new entry once.
    let i = this.#size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#before(at, seq, p)) break;
      this.#move(p, i);
      i = p;
    }
    this.#place(i, at, seq, action);
  }

  /** The instant of the next action (infinity when none). */
  peekAt(): number {
    return this.#size > 0 ? this.#at[0]! : Number.POSITIVE_INFINITY;
  }

  /** Removes the next action; `peekAt()` gave its instant. */
  pop(): Action | undefined {
    if (this.#size === 0) return undefined;
    const top = this.#items[0];
    const n = --this.#size;
    const at = this.#at[n]!;
    const seq = this.#seq[n]!;
    const last = this.#items[n];
    this.#items[n] = undefined;
    if (n === 0) return top;
    // Sift the last entry down from the root, moving the smaller child up into the hole.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.#before(this.#at[r]!, this.#seq[r]!, l) ? r : l;
      if (this.#before(at, seq, c)) break;
      this.#move(c, i);
      i = c;
    }
    this.#place(i, at, seq, last);
    return top;
  }

  /** Whether an entry with key (at, seq) comes before the entry at slot `i`. */
  #before(at: number, seq: number, i: number): boolean {
    const other = this.#at[i]!;
    return at < other || (at === other && seq < this.#seq[i]!);
  }

  #move(from: number, to: number): void {
    this.#at[to] = this.#at[from]!;
    this.#seq[to] = this.#seq[from]!;
    this.#items[to] = this.#items[from];
  }

  #place(i: number, at: number, seq: number, action: Action | undefined): void {
    this.#at[i] = at;
    this.#seq[i] = seq;
    this.#items[i] = action;
  }

  #grow(): void {
    const at = new Float64Array(this.#at.length * 2);
    const seq = new Float64Array(this.#seq.length * 2);
    at.set(this.#at);
    seq.set(this.#seq);
    this.#at = at;
    this.#seq = seq;
  }
}

/** The value of a key, created on first use. */
export function entry<T>(record: Record<string, T>, key: string, make: () => T): T {
  let v = record[key];
  if (v === undefined) {
    v = make();
    record[key] = v;
  }
  return v;
}

/** The least data a task's JSON Schema requires (so that simulated acts are accepted); dates are the act's. */
export function minimalData(schema: Task['data'], at: number): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of schema.required ?? [])
    out[name] = minimalValue((schema.properties?.[name] ?? {}) as Record<string, unknown>, at);
  return out;
}

function minimalValue(p: Record<string, unknown>, at: number): unknown {
  if (Array.isArray(p.enum) && p.enum.length > 0) return p.enum[0];
  if ('const' in p) return p.const;
  if (p.type === 'boolean') return true;
  if (p.type === 'integer' || p.type === 'number') return typeof p.minimum === 'number' ? p.minimum : 0;
  if (p.type === 'array') {
    const n = typeof p.minItems === 'number' ? p.minItems : 0;
    return Array.from({ length: n }, () => minimalValue((p.items ?? {}) as Record<string, unknown>, at));
  }
  if (p.type === 'object') return minimalData(p as Task['data'], at) ?? {};
  const date = new Date(at).toISOString();
  if (
    (typeof p.format === 'string' && p.format === 'date') ||
    (typeof p.pattern === 'string' && p.pattern.includes('\\d{4}-'))
  )
    return date.slice(0, 10);
  if (typeof p.format === 'string' && p.format === 'date-time') return date;
  return 'simulé';
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(value);
}

/** The share of an integer total that shard `k` of `n` gets (shares add up to the total). */
export function shareOf(total: number, k: number, n: number): number {
  return Math.floor((total * (k + 1)) / n) - Math.floor((total * k) / n);
}

/** The default delay of an act: a lognormal around 40 % of its window (3 days without one). A simulation assumption, not a clinical figure. */
export function defaultDelay(windowDays: number | undefined): Distribution {
  return windowDays === undefined
    ? { kind: 'lognormal', median: 3, sigma: 0.5 }
    : { kind: 'lognormal', median: Math.max(0.1, windowDays * 0.4), sigma: 0.5 };
}

function counter(): RuptureCounter {
  return { count: 0, closed: 0, delayDays: 0 };
}

function inc(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/** An empty accumulator for a shard. */
export function emptyAccumulator(shard: number): ShardAccumulator {
  return {
    shard,
    patients: 0,
    journeys: { started: 0, completed: 0, cancelled: 0, active: 0, byComplexity: {} },
    events: 0,
    acts: { performed: 0, late: 0, notDone: 0, refused: {} },
    indicators: {},
    ruptures: { total: 0, closed: 0, bySegment: {}, byTask: {}, byRole: {} },
    reach: { segment: {}, task: {} },
    touched: { segment: {}, task: {} },
    steps: {},
    tasks: {},
    workload: {},
    histories: [],
  };
}

/**
 * Runs one shard of a simulation.
 *
 * @param protocol the protocol definition (validated here).
 * @param options validated options (see `parseSimulationOptions`).
 * @param shard index of the shard, from 0 to `options.shards - 1`.
 * @param onProgress called with the number of this shard's patients started so far.
 * @example
 * const acc = await runShard(ic, parseSimulationOptions(ic, { patients: 100 }), 0);
 */
export async function runShard(
  protocol: object,
  options: SimulationOptions,
  shard: number,
  onProgress?: (started: number) => void,
): Promise<ShardAccumulator> {
  const definition: ProtocolDefinition = Object.isFrozen(protocol)
    ? (protocol as ProtocolDefinition)
    : parseProtocol(protocol);
  const rng: Random = createRandom(options.seed, shard);
  const start = toMillis(options.start);
  const end = addDuration(start, options.horizon).getTime();
  const weeks = Math.max(1, Math.ceil((end - start) / WEEK_MS));
  const first = Math.floor((options.patients * shard) / options.shards);
  const last = Math.floor((options.patients * (shard + 1)) / options.shards);
  const acc = emptyAccumulator(shard);
  acc.patients = last - first;

  const stepSegment = new Map(allSteps(definition).map((s) => [s.step.id, s.step.segment]));
  const taskDefs = new Map(allTasks(definition).map((t) => [t.task.id, t.task]));
  const slots = new Slots(
    [...stepSegment.values(), ...[...taskDefs.values()].flatMap((t) => (t.segment ? [t.segment] : []))],
    taskDefs.keys(),
  );
  const roleIds = definition.roles.map((r) => r.id);
  const workload = (role: string) => {
    let w = acc.workload[role];
    if (!w) {
      w = {
        acts: new Array(weeks).fill(0),
        overdue: new Array(weeks).fill(0),
        postponed: new Array(weeks).fill(0),
      };
      acc.workload[role] = w;
    }
    return w;
  };
  for (const role of roleIds) workload(role);
  const capacity = new Map(
    Object.entries(options.capacity).map(([role, c]) => [role, shareOf(c, shard, options.shards)]),
  );
  const used = new Map<string, number[]>();
  const weekOf = (t: number) => Math.min(weeks - 1, Math.max(0, Math.floor((t - start) / WEEK_MS)));

  const obtainedOn = new Date(start - 365 * DAY_MS).toISOString();
  const actors = new Map<string, Actor>(
    roleIds.map((role) => [
      role,
      {
        id: `${role}-${shard}`,
        roles: [role],
        qualifications: definition.delegations
          .filter((d) => d.delegate === role && d.qualification)
          .map((d) => ({ id: d.qualification!.id, hours: d.qualification!.minHours ?? 0, obtainedOn })),
      },
    ]),
  );
  const windowDays = new Map(
    [...taskDefs].map(([id, t]) => [
      id,
      t.due ? (addDuration(start, t.due.within).getTime() - start) / DAY_MS : undefined,
    ]),
  );

  const queue = new ActionQueue();
  const tracks = new Map<string, JourneyTrack>();
  const finished: string[] = [];

  const ruptureGroups = (r: { segment: string; task: string; roles: readonly string[] }) => [
    entry(acc.ruptures.bySegment, r.segment, () => counter()),
    entry(acc.ruptures.byTask, r.task, () => counter()),
    ...r.roles.map((role) => entry(acc.ruptures.byRole, role, () => counter())),
  ];

  const stepStat = (step: string) =>
    entry(acc.steps, step, () => ({ entries: 0, exits: 0, totalMs: 0, tenths: {}, activeAtEnd: 0 }));
  const taskStat = (task: string) =>
    entry(acc.tasks, task, () => ({
      opened: 0,
      completed: 0,
      completedLate: 0,
      waived: 0,
      cancelled: 0,
      openAtEnd: 0,
      ruptures: 0,
    }));

  const behaviours = new Map<string, TaskBehaviour>();
  /** A task's behaviour (the default one overridden by the task's own), merged once per task. */
  function behaviourOf(task: string): TaskBehaviour {
    let b = behaviours.get(task);
    if (!b) {
      b = { ...(options.behaviour.default ?? {}), ...(options.behaviour.tasks[task] ?? {}) };
      behaviours.set(task, b);
    }
    return b;
  }

  /** The least data of each task's acts: made once per task, unless it holds the act's date. */
  const fixedData = new Map<string, { data: Record<string, unknown> | undefined } | null>();
  function dataOf(task: string, def: Task, at: number): Record<string, unknown> | undefined {
    const known = fixedData.get(task);
    if (known === null) return minimalData(def.data, at);
    if (known !== undefined) return known.data;
    const data = minimalData(def.data, at);
    // Dates in the data are the act's own: such data is made for each act; other data is shared
    // by every act of the task, frozen.
    const fixed = JSON.stringify(data) === JSON.stringify(minimalData(def.data, at + 400 * DAY_MS));
    fixedData.set(task, fixed ? { data: data && deepFreeze(data) } : null);
    return data;
  }

  function decide(track: JourneyTrack, instance: string, inst: Instance, at: number): void {
    const def = taskDefs.get(inst.task);
    if (!def || inst.decided || inst.closed) return;
    if (def.due && inst.dueAt === undefined) return; // its window opens later (task.scheduled)
    inst.decided = true;
    const b = behaviourOf(inst.task);
    if (!chance(rng, b.probability ?? 0.95)) {
      acc.acts.notDone++;
      return;
    }
    const window = windowDays.get(inst.task);
    // When the act can first be done: the start of its window. A window in days runs to the end of
    // its last day, so it starts at the beginning of the anchor's day ("le jour même" is P0D).
    const inDays = def.due !== undefined && !def.due.within.includes('T');
    const opens =
      inst.dueAt !== undefined && window !== undefined
        ? Math.max(inst.openedAt, inst.dueAt - (inDays ? window + 1 : window) * DAY_MS + (inDays ? 1 : 0))
        : inst.openedAt;
    const delay = Math.max(0, sample(rng, b.delay ?? defaultDelay(window)));
    const role = b.as ?? def.responsible[0]!;
    queue.push(Math.max(at, Math.round(opens + delay * DAY_MS)), {
      kind: 'perform',
      track,
      instance,
      inst,
      role,
      data: (b.data as Record<string, unknown> | undefined) ?? dataOf(inst.task, def, opens + delay * DAY_MS),
    });
  }

  function onAppend(journeyId: string, events: readonly HistoryEvent[], index: JourneyIndex): void {
    acc.events += events.length;
    const track = tracks.get(journeyId);
    if (!track) return;
    for (const e of events) {
      switch (e.type) {
        case 'journey.cancelled':
          track.cancelled = true;
          break;
        case 'complexity.changed':
          track.complexity = e.to;
          break;
        case 'event.recorded':
          track.recordedEvents.push(e.event);
          track.recordedAt.push(e.at);
          break;
        case 'step.entered': {
          track.enteredSteps.push(e.step);
          track.enteredAt.push(e.at);
          stepStat(e.step).entries++;
          const seg = stepSegment.get(e.step);
          if (seg !== undefined && mark(track.marks, slots.segment(seg), REACHED))
            inc(acc.reach.segment, seg);
          break;
        }
        case 'step.exited': {
          // The step was entered at its latest entry (a step is left once after each entry).
          const i = track.enteredSteps.lastIndexOf(e.step);
          if (i < 0) break;
          const since = track.enteredAt[i]!;
          const s = stepStat(e.step);
          s.exits++;
          s.totalMs += e.at - since;
          inc(s.tenths, String(Math.floor(((e.at - since) / DAY_MS) * 10)));
          break;
        }
        case 'task.opened': {
          taskStat(e.task).opened++;
          if (mark(track.marks, slots.task(e.task), REACHED)) inc(acc.reach.task, e.task);
          const inst: Instance = {
            id: e.instance,
            task: e.task,
            dueAt: e.dueAt,
            openedAt: e.at,
            decided: false,
            closed: false,
          };
          track.instances.push(inst);
          decide(track, e.instance, inst, e.at);
          break;
        }
        case 'task.scheduled': {
          const inst = instanceOf(track, e.instance);
          if (!inst) break;
          inst.dueAt = e.dueAt;
          decide(track, e.instance, inst, e.at);
          break;
        }
        case 'task.completed': {
          const inst = instanceOf(track, e.instance);
          if (!inst) break;
          closeInstance(track, inst);
          const late = inst.dueAt !== undefined && e.at > inst.dueAt;
          const t = taskStat(inst.task);
          t.completed++;
          acc.acts.performed++;
          if (late) {
            t.completedLate++;
            acc.acts.late++;
          }
          const role = e.by?.role ?? (e.source !== undefined ? 'observé' : 'inconnu');
          const w = workload(role);
          const week = weekOf(e.at);
          w.acts[week]!++;
          if (late) w.overdue[week]!++;
          break;
        }
        case 'task.waived': {
          const inst = instanceOf(track, e.instance);
          if (inst) {
            closeInstance(track, inst);
            taskStat(inst.task).waived++;
          }
          break;
        }
        case 'task.cancelled':
        case 'task.closed': {
          const inst = instanceOf(track, e.instance);
          if (inst && !inst.closed) {
            closeInstance(track, inst);
            taskStat(inst.task).cancelled++;
          }
          break;
        }
        case 'rupture.opened': {
          const r = e.rupture;
          track.ruptures.push({ id: r.id, segment: r.segment, task: r.task, roles: r.roles });
          acc.ruptures.total++;
          for (const g of ruptureGroups(r)) g.count++;
          taskStat(r.task).ruptures++;
          if (mark(track.marks, slots.segment(r.segment), RUPTURED)) inc(acc.touched.segment, r.segment);
          if (mark(track.marks, slots.task(r.task), RUPTURED)) inc(acc.touched.task, r.task);
          break;
        }
        case 'rupture.closed': {
          const i = track.ruptures.findIndex((x) => x.id === e.rupture);
          if (i < 0) break;
          const r = track.ruptures[i]!;
          track.ruptures.splice(i, 1);
          acc.ruptures.closed++;
          for (const g of ruptureGroups(r)) {
            g.closed++;
            g.delayDays += e.delayDays;
          }
          break;
        }
        default:
          break;
      }
    }
    if (index.status !== 'active' && !track.finished) {
      track.finished = true;
      finished.push(journeyId);
    }
  }

  // Histories are kept only for the journeys the result returns (this shard's share of them); the
  // rest is read as it is appended.
  const kept = new Set<string>();
  const keep = shareOf(options.keepHistories, shard, options.shards);
  const store = new SimulationStore(onAppend, { keepHistory: (id) => kept.has(id) });
  const clock = new VirtualClock(start);
  const engine = createEngine({
    protocols: [definition],
    store,
    clock,
    cacheSize: Math.max(1000, last - first + 1),
  });

  async function settle(track: JourneyTrack, atEnd: boolean): Promise<void> {
    if (atEnd) acc.journeys.active++;
    else if (track.cancelled) acc.journeys.cancelled++;
    else acc.journeys.completed++;
    inc(acc.journeys.byComplexity, track.complexity ?? 'aucune');
    const view = atEnd || definition.indicators.length > 0 ? await engine.get(track.id) : undefined;
    if (atEnd) {
      for (const step of view!.active) stepStat(step).activeAtEnd++;
      for (const inst of track.instances) if (!inst.closed) taskStat(inst.task).openAtEnd++;
    }
    if (definition.indicators.length > 0) {
      const summary = summaryOf(view!, track);
      for (const ind of definition.indicators) {
        const row = entry(acc.indicators, ind.id, () => ({ numerator: 0, denominator: 0 }));
        if (meetsCriterion(ind.denominator, summary, end)) {
          row.denominator++;
          if (meetsCriterion(ind.numerator, summary, end)) row.numerator++;
        }
      }
    }
    const history = store.history(track.id);
    if (history) acc.histories.push(history.slice());
    engine.evict(track.id);
    store.delete(track.id);
    tracks.delete(track.id);
  }

  async function flush(): Promise<void> {
    while (finished.length > 0) {
      const id = finished.shift()!;
      const track = tracks.get(id);
      if (track) await settle(track, false);
    }
  }

  // Arrivals: one per patient, drawn in patient order from the shard's generator.
  const span =
    options.arrivals === 'start'
      ? 0
      : options.arrivals === 'uniform'
        ? end - start
        : Math.min(end - start, addDuration(start, options.arrivals.over).getTime() - start);
  for (let p = first; p < last; p++)
    queue.push(start + Math.floor(rng.next() * span), { kind: 'start', patient: p });

  const factSchemas = definition.facts.properties ?? {};
  function drawFacts(at: number): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(options.facts)) {
      const schema = (factSchemas[name] ?? {}) as Record<string, unknown>;
      let v: unknown;
      if (spec.kind === 'fixed') v = spec.value;
      else if (spec.kind === 'categorical') v = pick(rng, spec);
      else {
        let x = sample(rng, spec);
        if (typeof schema.minimum === 'number') x = Math.max(schema.minimum, x);
        if (typeof schema.maximum === 'number') x = Math.min(schema.maximum, x);
        if (schema.type === 'integer') v = Math.round(x);
        else if (schema.type === 'boolean') v = x >= 0.5;
        else if (
          schema.type === 'string' &&
          typeof schema.format === 'string' &&
          schema.format.startsWith('date')
        ) {
          const iso = new Date(at + x * DAY_MS).toISOString();
          v = schema.format === 'date' ? iso.slice(0, 10) : iso;
        } else v = x;
        if (schema.type === 'integer' && typeof schema.maximum === 'number')
          v = Math.min(schema.maximum, v as number);
      }
      facts[name] = v;
    }
    return facts;
  }

  let started = 0;
  const progressEvery = Math.max(1, Math.floor((last - first) / 50));
  for (;;) {
    // Time passes first: journeys whose deadlines or timed exits fall at or before the next action
    // wake up at their own instant, and what that makes the professionals decide is queued before
    // later actions run (a woken journey's act may come before the action that was next).
    const next = queue.peekAt();
    const wake = store.nextWake() ?? Number.POSITIVE_INFINITY;
    if (wake <= next && wake <= end) {
      await engine.runUntil(wake);
      if (finished.length > 0) await flush();
      const after = store.nextWake();
      if (after !== undefined && after <= wake)
        throw new Error(
          `cpts internal: a journey still wakes at ${new Date(after).toISOString()} once woken`,
        );
      continue;
    }
    const at = next;
    if (at > end) break;
    const action = queue.pop();
    if (!action) break;
    try {
      if (action.kind === 'start') {
        const journeyId = `p${action.patient}`;
        const track: JourneyTrack = {
          id: journeyId,
          complexity: undefined,
          finished: false,
          cancelled: false,
          enteredSteps: [],
          enteredAt: [],
          recordedEvents: [],
          recordedAt: [],
          marks: new Uint8Array(slots.size),
          instances: [],
          ruptures: [],
        };
        tracks.set(journeyId, track);
        if (kept.size < keep) kept.add(journeyId);
        const facts = drawFacts(at);
        started++;
        if (started % progressEvery === 0) onProgress?.(started);
        try {
          await engine.start(definition, { facts, journeyId, at: at });
        } catch (e) {
          tracks.delete(journeyId);
          throw e;
        }
        acc.journeys.started++;
        for (const [event, b] of Object.entries(options.events)) {
          if ('after' in b) {
            if (chance(rng, b.probability ?? 1))
              queue.push(at + Math.round(Math.max(0, sample(rng, b.after)) * DAY_MS), {
                kind: 'event',
                track,
                event,
                data: b.data as Record<string, unknown> | undefined,
              });
          } else if (b.perYear > 0) {
            let t = at;
            for (;;) {
              t += Math.round(sample(rng, { kind: 'exponential', mean: 365 / b.perYear }) * DAY_MS);
              if (t > end) break;
              queue.push(t, {
                kind: 'event',
                track,
                event,
                data: b.data as Record<string, unknown> | undefined,
              });
            }
          }
        }
      } else if (action.kind === 'event') {
        const { track } = action;
        if (track.finished) continue;
        await engine.recordEvent(track.id, action.event, {
          at: at,
          ...(action.data && { data: action.data }),
        });
      } else {
        const { track, inst } = action;
        if (track.finished || inst.closed) continue;
        const cap = capacity.get(action.role);
        if (cap !== undefined) {
          const week = weekOf(at);
          let u = used.get(action.role);
          if (!u) {
            u = new Array(weeks).fill(0);
            used.set(action.role, u);
          }
          if (u[week]! >= cap) {
            workload(action.role).postponed[week]!++;
            queue.push(at + WEEK_MS, action);
            continue;
          }
          u[week]!++;
        }
        await engine.perform(track.id, action.instance, {
          actor: actors.get(action.role)!,
          as: action.role,
          at: at,
          ...(action.data && { data: action.data }),
        });
      }
    } catch (e) {
      if (!CptsError.is(e)) throw e;
      inc(acc.acts.refused, e.code);
    }
    if (finished.length > 0) await flush();
  }
  await engine.runUntil(end);
  await flush();
  for (const track of [...tracks.values()]) await settle(track, true);
  onProgress?.(last - first);
  return acc;
}
