/**
 * bench/simulation: the heart-failure reference protocol for a cohort (100 000 patients over 12
 * months by default), on 1 then 2 worker threads — wall time, history entries per second, peak
 * memory, speed-up — then, per core, one shard's cohort against raw xstate actors of the compiled
 * machine fed the same journeys' input events, in rounds. Writes the "Cohort simulation" section
 * of docs/performance.md unless `--no-write`.
 *
 *   pnpm bench simulation                          100 000 patients, 12 months
 *   pnpm bench simulation --patients 2000 --no-write
 *   pnpm bench simulation --patients 20000 --shards 40 --no-write    another shard count
 */
import { parseArgs } from 'node:util';
import { parseProtocol } from '@cpts/core';
import { insuffisanceCardiaque } from '@cpts/protocols';
import { type SimulationResult, simulateCohort } from '@cpts/testing';
import { cohortOptions } from '../../examples/demo/cohort.mjs';
import { int, table, writeSection } from '../engine/report.js';
import { type Replay, replay, replayOnWorkers } from './raw.js';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    /** Shards (default: the simulation's own, one per 2 500 patients): the result depends on it. */
    shards: { type: 'string' },
    /** Rounds of the per-core comparison with raw xstate. */
    rounds: { type: 'string', default: '7' },
    'no-write': { type: 'boolean', default: false },
  },
});
const patients = Number(values.patients);
const months = Number(values.months);
const seed = Number(values.seed);
const ROUNDS = Number(values.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds must be a positive integer');
const log = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const definition = parseProtocol(insuffisanceCardiaque);
type Options = Parameters<typeof simulateCohort>[1];
const cohort = (n: number) =>
  cohortOptions(definition, { patients: n, horizon: `P${months}M`, seed, threads: undefined }) as Options;
const options = cohort(patients);
if (values.shards !== undefined) Object.assign(options, { shards: Number(values.shards) });

// 1. The whole cohort on one, then two worker threads.
async function run(threads: number): Promise<SimulationResult> {
  log(`simulating ${int(patients)} patients over ${months} months on ${threads} thread(s)…`);
  const r = await simulateCohort(definition, { ...options, threads });
  log(
    `  ${(r.timing.wallMs / 1000).toFixed(1)} s, ${int(r.events)} history entries, ${int(r.timing.eventsPerSecond)} entries/s (${r.settings.shards} shards; ${int(r.acts.late)} late acts)`,
  );
  return r;
}

const one = await run(1);
const two = await run(2);
const same = JSON.stringify({ ...one, timing: null }) === JSON.stringify({ ...two, timing: null });
/** Peak memory of the simulation runs (the per-core comparison below keeps whole histories). */
const peakMiB = process.resourceUsage().maxRSS / 1024;
const speedUp = one.timing.wallMs / two.timing.wallMs;

// 2. Per core: one shard's cohort (as many patients as a shard of the run above, so as many
// journeys running at once), simulated in this thread, against raw xstate actors fed the input
// events of the very same journeys, interleaved in time as the shard ran them. The two sides run
// back to back, in turn first; the ratio is the median of the rounds' own ratios.
const shardPatients = Math.ceil(patients / one.settings.shards);
const shardOptions: Options = { ...cohort(shardPatients), shards: 1, threads: 0 };
log(`per core: ${int(shardPatients)} patients (one shard's cohort) in this thread, ${ROUNDS} rounds…`);
const kept = await simulateCohort(definition, { ...shardOptions, keepHistories: shardPatients });
if (kept.histories.length !== shardPatients) throw new Error('The shard cohort did not keep every history');
replay(kept.histories.slice(0, 100)); // warm-up of the raw side (the run above warmed the other)

type Side = { entries: number; ms: number; cpuMs: number };
async function simulated(): Promise<Side> {
  gc();
  const c0 = process.cpuUsage();
  const r = await simulateCohort(definition, shardOptions);
  const c = process.cpuUsage(c0);
  if (r.events !== kept.events)
    throw new Error(`The shard cohort wrote ${r.events} entries, then ${kept.events}`);
  return { entries: r.events, ms: r.timing.wallMs, cpuMs: (c.user + c.system) / 1000 };
}
function replayed(): Replay {
  gc();
  return replay(kept.histories);
}

const rounds: { cpts: Side; raw: Replay }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const rawFirst = round % 2 === 1;
  const early = rawFirst ? replayed() : undefined;
  const cpts = await simulated();
  const r = early ?? replayed();
  if (r.entries !== cpts.entries)
    throw new Error(`Raw xstate covered ${r.entries} entries, cpts ${cpts.entries}`);
  rounds.push({ cpts, raw: r });
  log(
    `  round ${round + 1}: cpts ${int(cpts.entries / (cpts.cpuMs / 1000))} entries/CPU-s (${int(cpts.entries / (cpts.ms / 1000))} wall), raw xstate ${int(r.entries / (r.cpuMs / 1000))} (${int(r.entries / (r.ms / 1000))} wall)`,
  );
}
const ratios = rounds.map(({ cpts, raw }) => raw.cpuMs / cpts.cpuMs);
const ratio = median(ratios);
const wallRatio = median(rounds.map(({ cpts, raw }) => raw.ms / cpts.ms));
const cptsRate = median(rounds.map(({ cpts }) => cpts.entries / (cpts.cpuMs / 1000)));
const rawRate = median(rounds.map(({ raw }) => raw.entries / (raw.cpuMs / 1000)));
const rawWallRate = median(rounds.map(({ raw }) => raw.entries / (raw.ms / 1000)));

// 3. What two threads can gain on this machine for this work: the same replay on one worker, then on two at once.
const [raw1] = await replayOnWorkers(kept.histories, 1);
const raw2 = await replayOnWorkers(kept.histories, 2);
const rawCeiling = (2 * raw1!.ms) / Math.max(...raw2.map((r) => r.ms));
/** The bare machine's time for the whole cohort on two threads, at the rate and speed-up measured. */
const rawProjection = two.events / (rawWallRate * rawCeiling);
const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
log(
  `per core: cpts / raw xstate ${ratio.toFixed(2)} in CPU time (rounds ${range}; ${wallRatio.toFixed(2)} wall clock); raw xstate ${rawCeiling.toFixed(2)}× on two workers at once`,
);
log(
  `speed-up 1 → 2 threads: ${speedUp.toFixed(2)}×; peak RSS ${int(peakMiB)} MiB; same result on 1 and 2 threads: ${same}`,
);

const ok = (b: boolean) => (b ? 'met' : '**not met**');
const command = `pnpm bench simulation${values.patients === '100000' ? '' : ` --patients ${values.patients}`}${values.shards === undefined ? '' : ` --shards ${values.shards}`}`;
const body = `
\`${command}\` — \`simulateCohort\` on the heart-failure reference
protocol (\`insuffisanceCardiaque\`) with the demo's cohort (\`examples/demo/cohort.mjs\`: ${int(patients)} patients over
${months} months, seed ${seed}, ${one.settings.shards} shards), on one then two worker threads, measured on ${new Date().toISOString().slice(0, 10)}
(Node ${process.version}, ${(await import('node:os')).cpus().length} cores).

**Per core against raw xstate.** A shard holds its running journeys in memory and feeds them their
events in time order; the comparison does the same on both sides. One shard's cohort (${int(shardPatients)} patients, the
same options) is simulated in the benchmark's thread, and raw xstate actors of the same compiled
machine (\`compile\`) are sent the input events of those very journeys (kept whole by a first,
untimed run), interleaved in time as the shard ran them, every journey live at once. That is what the
machine itself costs, without validation, history, store, indexes nor the simulation's own
reading of each journey. ${ROUNDS} rounds, the two sides back to back and in turn first; the ratio is the
median of the rounds' own ratios of CPU time (process user + system: steadier than wall-clock time
when other processes share the machine). The same replay on two workers at once measures what two
threads can gain on this machine for this work (memory and caches are shared between the cores).

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
    ['speed-up 1 → 2 threads', `${speedUp.toFixed(2)}×`, `≥ 1.7×: ${ok(speedUp >= 1.7)}`],
    [`per core, one shard's cohort: cpts, entries per CPU second (median of the rounds)`, int(cptsRate), ''],
    ['per core: raw xstate, same journeys, entries per CPU second (median of the rounds)', int(rawRate), ''],
    [
      `cpts / raw xstate, per core (median of ${ROUNDS} rounds; rounds ${range})`,
      ratio.toFixed(2),
      `≥ 0.8: ${ok(ratio >= 0.8)}`,
    ],
    ['the same in wall-clock time', wallRatio.toFixed(2), ''],
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

**Reading the targets.** The same raw replay on two workers at once ran ${rawCeiling.toFixed(2)} × as fast as on one
(the two cores share memory and caches, and V8's garbage collector borrows the second core even
when one thread runs): ${rawCeiling < 1.7 ? 'in this run no program doing this work reached the 1.7 × speed-up on this machine' : 'the 1.7 × speed-up was within reach on this machine in this run'},
and the simulation's own ${speedUp.toFixed(2)} × is to be read against it. At the rates measured, raw xstate
alone — the compiled machine, nothing else — would need ${rawProjection.toFixed(0)} s for these ${int(two.events)} entries
on two threads${rawProjection > 60 ? ', more than the 60 s target by itself' : `, which leaves ${(60 - rawProjection).toFixed(0)} s for everything cpts adds to meet the 60 s target`}:
most of that is xstate's own work (in a CPU profile, about two thirds of the time inside
xstate's \`transition\`, the rest in the protocol's actions and guards): the protocol's follow-up step is a
parallel state of seven regions, whose active states xstate walks for every event and every
snapshot it builds. Beyond the machine, the
simulation spends its time in the engine (validation, history entries, the store's index and
wake-up queue), in reading each journey's events as they are appended (indicators folded on the
way, workload, the next acts to draw) and in collecting the garbage of thousands of live journeys.
This machine is shared with other tenants: the same command gave rates up to twice as far apart from one
session to the next (raw xstate alone), which is why the per-core figure comes from rounds run back to back.
`;
if (!values['no-write']) {
  writeSection(new URL('../../docs/performance.md', import.meta.url), 'Cohort simulation', body);
  log('docs/performance.md: "Cohort simulation" section written');
}
