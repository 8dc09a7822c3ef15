/**
 * bench/simulation: the heart-failure reference protocol for a cohort (100 000 patients over 12
 * months by default), on 1 then 2 worker threads — wall time, history entries per second, peak
 * memory, speed-up — and the same journeys' input events replayed through raw xstate actors of the
 * compiled machine, for the ratio. Writes the "Cohort simulation" section of docs/performance.md
 * unless `--no-write`.
 *
 *   pnpm bench simulation                          100 000 patients, 12 months
 *   pnpm bench simulation --patients 2000 --no-write
 */
import { parseArgs } from 'node:util';
import { parseProtocol } from '@cpts/core';
import { insuffisanceCardiaque } from '@cpts/protocols';
import { type SimulationResult, simulateCohort } from '@cpts/testing';
import { cohortOptions } from '../../examples/demo/cohort.mjs';
import { int, table, writeSection } from '../engine/report.js';
import { replayOnWorkers } from './raw.js';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    'raw-sample': { type: 'string', default: '1000' },
    'no-write': { type: 'boolean', default: false },
  },
});
const patients = Number(values.patients);
const months = Number(values.months);
const seed = Number(values.seed);
const sample = Number(values['raw-sample']);
const log = (s: string) => process.stdout.write(`${s}\n`);

const definition = parseProtocol(insuffisanceCardiaque);
const options = cohortOptions(definition, {
  patients,
  horizon: `P${months}M`,
  seed,
  threads: undefined,
}) as Parameters<typeof simulateCohort>[1];

async function run(threads: number): Promise<SimulationResult> {
  log(`simulating ${int(patients)} patients over ${months} months on ${threads} thread(s)…`);
  const r = await simulateCohort(definition, { ...options, threads, keepHistories: sample });
  log(
    `  ${(r.timing.wallMs / 1000).toFixed(1)} s, ${int(r.events)} history entries, ${int(r.timing.eventsPerSecond)} entries/s`,
  );
  return r;
}

const one = await run(1);
const two = await run(2);
const peakMiB = process.resourceUsage().maxRSS / 1024;
const same = JSON.stringify({ ...one, timing: null }) === JSON.stringify({ ...two, timing: null });

// The raw baseline: the kept journeys through raw actors on one worker, then on two at once.
const [raw1] = await replayOnWorkers(two.histories, 1);
const raw2 = await replayOnWorkers(two.histories, 2);
const rawRate = raw1!.entries / (raw1!.ms / 1000);
const rawCeiling = (2 * raw1!.ms) / Math.max(...raw2.map((r) => r.ms));
const perCore = one.timing.eventsPerSecond;
const speedUp = one.timing.wallMs / two.timing.wallMs;
/** The bare machine's time for this cohort on two threads, at the rate and speed-up measured. */
const rawProjection = two.events / (rawRate * rawCeiling);
log(
  `raw xstate: ${int(rawRate)} entries/s on one worker (${two.histories.length} journeys interleaved); ratio ${(perCore / rawRate).toFixed(2)}; ${rawCeiling.toFixed(2)}× on two workers at once`,
);
log(
  `speed-up 1 → 2 threads: ${speedUp.toFixed(2)}×; peak RSS ${int(peakMiB)} MiB; same result on 1 and 2 threads: ${same}`,
);

const ok = (b: boolean) => (b ? 'met' : '**not met**');
const body = `
\`pnpm bench simulation${values.patients === '100000' ? '' : ` --patients ${values.patients}`}\` — \`simulateCohort\` on the heart-failure reference
protocol (\`insuffisanceCardiaque\`) with the demo's cohort (\`examples/demo/cohort.mjs\`: ${int(patients)} patients over
${months} months, seed ${seed}, ${one.settings.shards} shards), on one then two worker threads, measured on ${new Date().toISOString().slice(0, 10)}
(Node ${process.version}, ${(await import('node:os')).cpus().length} cores). The raw baseline replays the input events of
${two.histories.length} of the simulated journeys through raw xstate actors of the same compiled machine (\`compile\`) in a
worker thread, as a shard runs them: every journey live at once, their events in time order (median of 5 replays). It is what the machine
itself costs, without validation, history, store nor indexes. The same replay on two workers at once measures what
two threads can gain on this machine for this workload (memory and cache are shared between the cores).

${table(
  ['measure', 'value', 'target'],
  [
    ['wall time, 1 thread', `${(one.timing.wallMs / 1000).toFixed(1)} s`, ''],
    [
      'wall time, 2 threads',
      `${(two.timing.wallMs / 1000).toFixed(1)} s`,
      `< 60 s for 100 000 patients: ${ok(patients >= 100_000 && two.timing.wallMs < 60_000)}`,
    ],
    ['history entries', int(two.events), ''],
    ['entries per second, 1 thread', int(one.timing.eventsPerSecond), ''],
    ['entries per second, 2 threads', int(two.timing.eventsPerSecond), ''],
    ['raw xstate, entries per second (1 worker)', int(rawRate), ''],
    ['cpts / raw xstate, per core', (perCore / rawRate).toFixed(2), `≥ 0.8: ${ok(perCore / rawRate >= 0.8)}`],
    ['speed-up 1 → 2 threads', `${speedUp.toFixed(2)}×`, `≥ 1.7×: ${ok(speedUp >= 1.7)}`],
    ['raw xstate speed-up, 1 → 2 workers at once', `${rawCeiling.toFixed(2)}×`, ''],
    [
      `raw xstate alone for these ${int(two.events)} entries on 2 threads (projection)`,
      `${rawProjection.toFixed(1)} s`,
      '',
    ],
    ['peak memory (RSS, whole process)', `${int(peakMiB)} MiB`, `< 2 GiB: ${ok(peakMiB < 2048)}`],
    ['same result on 1 and 2 threads', same ? 'yes' : '**no**', 'yes'],
  ],
)}

**Reading the targets.** This run also measures two limits that come from the machine rather
than from cpts. The same raw replay on two workers at once ran ${rawCeiling.toFixed(2)} × as fast as on one
(the two cores share memory and caches, and V8's garbage collector borrows the second core even
when one thread runs): ${rawCeiling < 1.7 ? 'no program doing this work reaches the 1.7 × speed-up on this machine' : 'the 1.7 × speed-up is within reach on this machine'},
and the simulation's own ${speedUp.toFixed(2)} × is to be read against it. At the rates measured, raw xstate
alone — the compiled machine, nothing else — would need ${rawProjection.toFixed(0)} s for these ${int(two.events)} entries
on two threads${rawProjection > 60 ? ', more than the 60 s target by itself' : `, which leaves ${(60 - rawProjection).toFixed(0)} s for everything cpts adds to meet the 60 s target`}:
most of that is xstate's own work (in a CPU profile, about two thirds of the time inside
\`actor.send\`, the rest in the protocol's actions and guards): the protocol's follow-up step is a
parallel state of seven regions, whose active states xstate walks for every event and every
snapshot it builds. Beyond the machine, the
simulation spends its time in the engine (validation, history entries, the store's index and
wake-up queue), in reading each journey's events as they are appended (indicators folded on the
way, workload, the next acts to draw) and in collecting the garbage of thousands of live journeys.
`;
if (!values['no-write']) {
  writeSection(new URL('../../docs/performance.md', import.meta.url), 'Cohort simulation', body);
  log('docs/performance.md: "Cohort simulation" section written');
}
