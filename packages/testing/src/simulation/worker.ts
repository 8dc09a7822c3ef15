/**
 * Entry of a simulation worker thread: runs the shards the main thread sends, one at a time,
 * and posts their accumulators back (with progress on the way).
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CptsError } from '@cpts/core';
import type { SimulationOptions } from './options.js';
import { runShard } from './shard.js';

/** Messages from the main thread. */
export type ToWorker = { type: 'run'; shard: number } | { type: 'exit' };
/** Messages to the main thread. */
export type FromWorker =
  | { type: 'progress'; shard: number; started: number }
  | { type: 'done'; shard: number; result: Awaited<ReturnType<typeof runShard>> }
  | { type: 'error'; shard: number; message: string; code: string | undefined };

const port = parentPort;
if (port) {
  const { protocol, options } = workerData as { protocol: object; options: SimulationOptions };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'exit') {
      port.close();
      return;
    }
    const { shard } = message;
    runShard(protocol, options, shard, (started) =>
      port.postMessage({ type: 'progress', shard, started } satisfies FromWorker),
    ).then(
      (result) => port.postMessage({ type: 'done', shard, result } satisfies FromWorker),
      (error: unknown) =>
        port.postMessage({
          type: 'error',
          shard,
          message: error instanceof Error ? error.message : String(error),
          code: CptsError.is(error) ? error.code : undefined,
        } satisfies FromWorker),
    );
  });
}
