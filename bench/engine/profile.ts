/**
 * Where a round's time goes: a CPU profile (the V8 sampling profiler, through `node:inspector`)
 * split into the compiled machine (everything under xstate's `transition` and `getInitialSnapshot`:
 * the machine starting a journey or applying an event, called by the engine or by a raw actor's
 * `send`), garbage collection,
 * and the rest (for the engine: its own bookkeeping), with the functions that take the rest.
 * @module
 */
import { Session } from 'node:inspector/promises';

/** xstate's functions that are the machine at work, for the engine and inside an actor alike. */
const MACHINE = new Set(['transition', 'getInitialSnapshot']);

/** A profiled round's time, split. */
export interface Breakdown {
  readonly totalMs: number;
  /** Under xstate's `transition` / `getInitialSnapshot`: the compiled machine starting journeys and applying events. */
  readonly machineMs: number;
  readonly gcMs: number;
  /** The rest, by function (self time), largest first. */
  readonly rest: readonly { readonly name: string; readonly ms: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const IGNORED = new Set(['(idle)', '(program)', '(root)']);

/** Runs `work` under the sampling profiler and splits its time. */
export async function profile<T>(work: () => Promise<T>): Promise<{ result: T; breakdown: Breakdown }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await session.post('Profiler.stop');
    session.disconnect();
    throw e;
  }
  const { profile: p } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  session.disconnect();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const machineFrames = new Map<number, boolean>();
  const underMachine = (id: number): boolean => {
    const hit = machineFrames.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id)!;
    const here = MACHINE.has(n.callFrame.functionName) && n.callFrame.url.includes('xstate');
    const up = parent.get(id);
    const value = here || (up !== undefined && underMachine(up));
    machineFrames.set(id, value);
    return value;
  };
  // A function by its name and package; an anonymous one by the named function that called it.
  const nameOf = (id: number): string => {
    const { functionName, url } = byId.get(id)!.callFrame;
    const where = url.includes('/packages/core/')
      ? ''
      : url.includes('/bench/')
        ? ' [benchmark loop]'
        : url.startsWith('node:')
          ? ` [${url}]`
          : url
            ? ` [${url.split('/node_modules/').at(-1)?.split('/')[0]}]`
            : '';
    if (functionName) return `${functionName}${where}`;
    let up = parent.get(id);
    while (up !== undefined && !byId.get(up)!.callFrame.functionName) up = parent.get(up);
    return `anonymous, called by ${up === undefined ? '?' : byId.get(up)!.callFrame.functionName}${where}`;
  };
  // The profiler's own work (stopping it, collecting the profile) is not the round's.
  const profiler = new Map<number, boolean>();
  const underProfiler = (id: number): boolean => {
    const hit = profiler.get(id);
    if (hit !== undefined) return hit;
    const up = parent.get(id);
    const value = byId.get(id)!.callFrame.url === 'node:inspector' || (up !== undefined && underProfiler(up));
    profiler.set(id, value);
    return value;
  };
  let total = 0;
  let machine = 0;
  let gc = 0;
  const rest = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!.callFrame;
    if (IGNORED.has(leaf.functionName) || underProfiler(id)) continue;
    total += dt;
    if (leaf.functionName === '(garbage collector)') gc += dt;
    else if (underMachine(id)) machine += dt;
    else {
      const name = nameOf(id);
      rest.set(name, (rest.get(name) ?? 0) + dt);
    }
  }
  return {
    result,
    breakdown: {
      totalMs: total,
      machineMs: machine,
      gcMs: gc,
      rest: [...rest].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
    },
  };
}
