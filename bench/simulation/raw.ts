/**
 * The raw xstate baseline of bench/simulation: simulated journeys' input events replayed through
 * raw xstate actors of the same compiled machine, in a worker thread as the simulation's shards
 * run — all journeys live at once and their events in time order, as a shard holds and feeds
 * them — without validation, history, store nor indexes. Run on one, then two workers at once,
 * it also measures how much two threads can gain on this machine for this workload.
 * @module
 */
import { createRequire } from 'node:module';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { compileRuntime, type HistoryEvent, initialContext, isInputEvent, parseProtocol } from '@cpts/core';
import { insuffisanceCardiaque } from '@cpts/protocols';

// xstate as core resolves it (the bench folder has no node_modules of its own).
const { createActor } = (await import(
  createRequire(new URL('../../packages/core/package.json', import.meta.url)).resolve('xstate')
)) as typeof import('xstate');

/** What one replay did: history entries covered (input and derived), its wall time and the process's CPU time. */
export interface Replay {
  readonly entries: number;
  readonly ms: number;
  readonly cpuMs: number;
}

type Step = { at: number; j: number; k: number; event: HistoryEvent };

/** Replays the journeys' input events, interleaved in time order, through raw actors. */
export function replay(histories: readonly (readonly HistoryEvent[])[]): Replay {
  const { machine, runtime } = compileRuntime(parseProtocol(insuffisanceCardiaque));
  const steps: Step[] = [];
  let entries = 0;
  histories.forEach((h, j) => {
    if (h[0]?.type !== 'journey.started') return;
    entries += h.length;
    h.forEach((event, k) => {
      if (event.type === 'journey.started' || isInputEvent(event)) steps.push({ at: event.at, j, k, event });
    });
  });
  steps.sort((a, b) => a.at - b.at || a.j - b.j || a.k - b.k);
  const prepared = steps.map(({ j, event }) => {
    const { seq: _seq, ...input } = event;
    return { j, event: input };
  });
  const actors = new Array<ReturnType<typeof createActor<typeof machine>>>(histories.length);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const { j, event } of prepared) {
    if (event.type === 'journey.started') {
      const actor = createActor(machine, {
        input: initialContext(runtime, {
          journeyId: event.journeyId,
          facts: event.facts,
          at: event.at,
          timeZone: event.timeZone,
        }),
      });
      actor.start();
      actors[j] = actor;
    } else {
      actors[j]!.send(event as never);
    }
  }
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  for (const a of actors) a?.stop();
  return { entries, ms, cpuMs: (c.user + c.system) / 1000 };
}

/** Runs {@link replay} on `threads` worker threads at once, each on all the histories (median of 5 replays each). */
export async function replayOnWorkers(
  histories: readonly (readonly HistoryEvent[])[],
  threads: number,
): Promise<Replay[]> {
  return Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<Replay>((resolve, reject) => {
          const w = new Worker(new URL('./raw-worker.mjs', import.meta.url), { workerData: { histories } });
          w.once('message', (r: Replay) => {
            resolve(r);
            void w.terminate();
          });
          w.once('error', reject);
        }),
    ),
  );
}

/** Replays of one worker: a warm-up, then this many measured ones, of which the median is kept. */
const REPLAYS = 5;

if (!isMainThread && parentPort) {
  const { histories } = workerData as { histories: HistoryEvent[][] };
  replay(histories.slice(0, 50)); // warm-up
  const runs = Array.from({ length: REPLAYS }, () => replay(histories)).sort((a, b) => a.ms - b.ms);
  parentPort.postMessage(runs[REPLAYS >> 1]);
}
