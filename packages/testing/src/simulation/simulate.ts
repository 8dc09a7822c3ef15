/**
 * `simulateCohort`: a territory's population through a protocol, on worker threads.
 * @module
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CptsError, type CptsErrorCode, type ProtocolDefinition, parseProtocol } from '@cpts/core';
import { mergeShards } from './merge.js';
import { parseSimulationOptions, type SimulationOptions, type SimulationOptionsInput } from './options.js';
import type { SimulationResult } from './result.js';
import { runShard, type ShardAccumulator } from './shard.js';
import type { FromWorker, ToWorker } from './worker.js';

/** Progress of a simulation, for a progress bar. */
export interface SimulationProgress {
  /** Patients whose journey has started (all of them at the end). */
  readonly started: number;
  readonly patients: number;
  readonly shardsDone: number;
  readonly shards: number;
}

/** Options of {@link simulateCohort}: the data options and a progress callback. */
export type SimulateCohortOptions = SimulationOptionsInput & {
  /** Called as patients start, and once per finished shard. */
  readonly onProgress?: (progress: SimulationProgress) => void;
};

/** How to start a worker thread running `worker.ts` (sources, through tsx) or `worker.js` (built). */
function workerEntry(): { url: URL; data: Record<string, string> } {
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) {
    return {
      url: new URL('./worker-tsx.mjs', here),
      data: {
        entry: new URL('./worker.ts', here).href,
        tsconfig: fileURLToPath(new URL('../../tsconfig.json', here)),
      },
    };
  }
  return { url: new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here), data: {} };
}

async function onWorkers(
  definition: ProtocolDefinition,
  options: SimulationOptions,
  threads: number,
  progress: (shard: number, started: number) => void,
): Promise<ShardAccumulator[]> {
  const entry = workerEntry();
  const results: ShardAccumulator[] = [];
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (w: Worker) => {
        if (failed) return;
        if (next >= options.shards) {
          w.postMessage({ type: 'exit' } satisfies ToWorker);
          if (--running === 0) resolve();
          return;
        }
        w.postMessage({ type: 'run', shard: next++ } satisfies ToWorker);
      };
      for (let i = 0; i < threads; i++) {
        const w = new Worker(entry.url, { workerData: { protocol: definition, options, ...entry.data } });
        workers.push(w);
        running++;
        w.on('message', (m: FromWorker) => {
          if (m.type === 'progress') progress(m.shard, m.started);
          else if (m.type === 'done') {
            results.push(m.result);
            progress(m.shard, m.result.patients);
            feed(w);
          } else
            fail(
              m.code !== undefined
                ? new CptsError(m.code as CptsErrorCode, `Simulation shard ${m.shard} failed: ${m.message}`)
                : new Error(`Simulation shard ${m.shard} failed: ${m.message}`),
            );
        });
        w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (code !== 0 && !failed && next <= options.shards && results.length < options.shards)
            fail(new Error(`A simulation worker stopped with exit code ${code}`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * Simulates a cohort of patients through a protocol: patients arrive over the horizon with facts
 * drawn from distributions, events happen to them, professionals do (or not) each task after a
 * drawn delay within their weekly capacity, and the engine records everything — deadlines,
 * ruptures, escalations. The population is split into a fixed number of shards, each with its
 * own generator seeded from `seed` and its index, run on worker threads: the same seed and shards
 * give the same result whatever the number of threads (only `timing` differs).
 *
 * @throws {SimulationOptionsError} when the options are invalid or do not fit the protocol.
 * @throws {ProtocolValidationError} when the protocol is invalid.
 * @example
 * const result = await simulateCohort(ic, {
 *   patients: 10_000,
 *   horizon: 'P12M',
 *   seed: 42,
 *   facts: { age: { kind: 'normal', mean: 78, sd: 9 }, nyha: { kind: 'categorical', values: [{ value: 2, weight: 6 }, { value: 3, weight: 4 }] } },
 *   events: { sortie: { after: { kind: 'uniform', min: 2, max: 10 } } },
 *   capacity: { mg: 400 },
 *   onProgress: (p) => bar.update(p.started),
 * });
 * console.log(toMarkdownReport(result));
 */
export async function simulateCohort(
  protocol: object,
  options: SimulateCohortOptions,
): Promise<SimulationResult> {
  const t0 = performance.now();
  const definition: ProtocolDefinition = Object.isFrozen(protocol)
    ? (protocol as ProtocolDefinition)
    : parseProtocol(protocol);
  const { onProgress, ...data } = options;
  const o = parseSimulationOptions(definition, data);
  const threads = Math.min(o.threads ?? availableParallelism(), o.shards);
  const started = new Array<number>(o.shards).fill(0);
  const done = new Set<number>();
  let total = 0;
  const progress = (shard: number, n: number) => {
    const size =
      Math.floor((o.patients * (shard + 1)) / o.shards) - Math.floor((o.patients * shard) / o.shards);
    total += n - started[shard]!;
    started[shard] = n;
    if (n === size) done.add(shard);
    onProgress?.({ started: total, patients: o.patients, shardsDone: done.size, shards: o.shards });
  };
  let shards: ShardAccumulator[];
  if (threads === 0) {
    shards = [];
    for (let k = 0; k < o.shards; k++) shards.push(await runShard(definition, o, k, (n) => progress(k, n)));
  } else {
    shards = await onWorkers(definition, o, threads, progress);
  }
  const wallMs = Math.round(performance.now() - t0);
  const events = shards.reduce((a, s) => a + s.events, 0);
  return mergeShards(definition, o, shards, {
    wallMs,
    threads,
    eventsPerSecond: wallMs === 0 ? events : Math.round(events / (wallMs / 1000)),
  });
}
