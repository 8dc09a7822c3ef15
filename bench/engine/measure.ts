/**
 * One measured round of the engine benchmark: N journeys replaying the profile scripts, either
 * through the engine (commands validated, authorised, applied by the compiled machine, appended
 * to a memory store with their index) or through raw xstate actors of the same compiled machine
 * receiving the same input events with the same instants.
 * @module
 */
import { createRequire } from 'node:module';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import {
  compileRuntime,
  createEngine,
  type Engine,
  type HistoryEvent,
  initialContext,
  type JourneyState,
  journeyState,
  MemoryStore,
  VirtualClock,
} from '@cpts/core';
import { type Op, protocol, type Script } from './script.js';

// The very xstate the engine runs (a dependency of @cpts/core, not of the workspace root).
const { createActor } = createRequire(new URL('../../packages/core/package.json', import.meta.url))(
  'xstate',
) as typeof import('xstate');

/** What a round measured. */
export interface Measure {
  /** Input events applied (journey starts, commands, events, facts, clock advances). */
  readonly events: number;
  /** Wall-clock time of the round. */
  readonly ms: number;
  /** CPU time of the process during the round (user + system): steadier on a busy machine. */
  readonly cpuMs: number;
  /** Time spent in garbage collection during the round. */
  readonly gcMs: number;
  /** Retained heap per journey after a full GC, in bytes. */
  readonly heapPerJourney: number;
  /** Serialized size per journey, in bytes: the history (engine), or the persisted snapshot (raw). */
  readonly serializedPerJourney: number;
}

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('Run the benchmark with node --expose-gc (pnpm bench does)');
  g();
  g();
};
const heap = () => process.memoryUsage().heapUsed;
let gcTotal = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcTotal += e.duration;
}).observe({ entryTypes: ['gc'] });
/** GC time so far; entries arrive asynchronously, so read it after yielding once. */
const gcTime = async () => {
  await new Promise((r) => setImmediate(r));
  return gcTotal;
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const journeyId = (j: number) => `patient-${String(j).padStart(6, '0')}`;

type Entry<T> = { readonly at: number; readonly j: number; readonly k: number; readonly item: T };
const byTime = <T>(a: Entry<T>, b: Entry<T>) => a.at - b.at || a.j - b.j || a.k - b.k;

/** Every journey's commands, in time order; the nightly ticks once for all journeys. */
export function engineTimeline(n: number, scripts: readonly Script[]): Entry<Op>[] {
  const out: Entry<Op>[] = [];
  const ticks = new Set<number>();
  for (let j = 0; j < n; j++) {
    const ops = scripts[j % scripts.length]!.ops;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k]!;
      if (op.kind === 'tick') ticks.add(op.at);
      else out.push({ at: op.at, j, k, item: op });
    }
  }
  for (const at of ticks) out.push({ at, j: n, k: 0, item: { at, kind: 'tick' } });
  return out.sort(byTime);
}

/** Every journey's input events, in time order. */
export function rawTimeline(n: number, scripts: readonly Script[]): Entry<HistoryEvent>[] {
  const out: Entry<HistoryEvent>[] = [];
  for (let j = 0; j < n; j++) {
    const inputs = scripts[j % scripts.length]!.inputs;
    for (let k = 0; k < inputs.length; k++) out.push({ at: inputs[k]!.at, j, k, item: inputs[k]! });
  }
  return out.sort(byTime);
}

/** Runs N journeys through the engine. */
export async function engineRound(
  timeline: readonly Entry<Op>[],
  n: number,
  events: number,
): Promise<Measure & { engine: Engine }> {
  const ids = Array.from({ length: n }, (_, j) => journeyId(j));
  gc();
  const base = heap();
  const clock = new VirtualClock(timeline[0]!.at);
  const engine = createEngine({ protocols: [protocol], clock, store: new MemoryStore(), cacheSize: n });
  const g0 = await gcTime();
  const c0 = cpu();
  const t0 = performance.now();
  for (const { at, j, item: op } of timeline) {
    if (at > clock.now()) clock.set(at);
    switch (op.kind) {
      case 'start':
        await engine.start(protocol, { journeyId: ids[j]!, facts: op.facts });
        break;
      case 'perform':
        await engine.perform(ids[j]!, op.instance, { actor: op.actor, data: op.data });
        break;
      case 'event':
        await engine.recordEvent(ids[j]!, op.event, { data: op.data });
        break;
      case 'facts':
        await engine.recordFacts(ids[j]!, op.facts);
        break;
      case 'tick':
        await engine.tick();
        break;
    }
  }
  const ms = performance.now() - t0;
  const cpuMs = cpu() - c0;
  const gcMs = (await gcTime()) - g0;
  gc();
  const heapPerJourney = (heap() - base) / n;
  let serialized = 0;
  for (const id of ids) serialized += bytes(await engine.history(id));
  return { events, ms, cpuMs, gcMs, heapPerJourney, serializedPerJourney: serialized / n, engine };
}

/** Runs the same journeys through raw xstate actors of the same compiled machine. */
export async function rawRound(
  timeline: readonly Entry<HistoryEvent>[],
  n: number,
): Promise<Measure & { states: (j: number) => JourneyState }> {
  const { machine, runtime } = compileRuntime(protocol);
  // The input events as a machine takes them (history entries without their position).
  const prepared = timeline.map(({ j, item }) => {
    const { seq: _seq, ...event } = item;
    return { j, event };
  });
  gc();
  const base = heap();
  const actors = new Array<ReturnType<typeof createActor<typeof machine>>>(n);
  const g0 = await gcTime();
  const c0 = cpu();
  const t0 = performance.now();
  for (const { j, event } of prepared) {
    if (event.type === 'journey.started') {
      const input = initialContext(runtime, {
        journeyId: journeyId(j),
        facts: event.facts,
        at: event.at,
        timeZone: event.timeZone,
      });
      const actor = createActor(machine, { input });
      actor.start();
      actors[j] = actor;
    } else {
      actors[j]!.send(event as never);
    }
  }
  const ms = performance.now() - t0;
  const cpuMs = cpu() - c0;
  const gcMs = (await gcTime()) - g0;
  gc();
  const heapPerJourney = (heap() - base) / n;
  let serialized = 0;
  for (const a of actors) serialized += bytes(a.getPersistedSnapshot());
  return {
    events: prepared.length,
    ms,
    cpuMs,
    gcMs,
    heapPerJourney,
    serializedPerJourney: serialized / n,
    states: (j) => journeyState(actors[j]!.getSnapshot().context),
  };
}
