/**
 * Engine benchmark: throughput (input events per second) and memory (bytes per journey) of the
 * cpts engine against a raw xstate actor running the same compiled machine, in the same process
 * and run. Target: the engine at least 0.8 × raw xstate's throughput.
 *
 * Run: `pnpm bench engine` (options: `--journeys 1000 --rounds 9`, the defaults; `--no-write`; `--check`).
 * Writes the "Engine" section of docs/performance.md unless `--no-write`; `--check` exits with 1
 * when the ratio is under the target.
 * @module
 */

import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { engineRound, engineTimeline, type Measure, rawRound, rawTimeline } from './measure.js';
import { type Breakdown, profile } from './profile.js';
import { int, table, writeSection } from './report.js';
import { DAYS, protocol, scripts } from './script.js';

const TARGET = 0.8;
const { values: opts } = parseArgs({
  options: {
    journeys: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '9' },
    'no-write': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
const N = Number(opts.journeys);
const ROUNDS = Number(opts.rounds);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error('--journeys and --rounds must be positive integers');

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const log = (s: string) => process.stdout.write(`${s}\n`);

const list = await scripts();
const events = (n: number) =>
  Array.from({ length: n }, (_, j) => list[j % list.length]!.inputs.length).reduce((a, b) => a + b, 0);
log(
  `Protocol ${protocol.id}@${protocol.version}: ${list.length} patient profiles over ${DAYS} days, ${N} journeys, ${ROUNDS} rounds`,
);
for (const s of list) {
  const ruptures = s.history.filter((e) => e.type === 'rupture.opened').length;
  log(
    `  ${s.profile}: ${s.ops.length} commands, ${s.inputs.length} input events, ${s.history.length} history entries, ${ruptures} ruptures`,
  );
}

const engineTl = engineTimeline(N, list);
const rawTl = rawTimeline(N, list);
const total = events(N);

// Warm-up (JIT), on a quarter of the journeys.
{
  const n = Math.max(1, N >> 2);
  const [e, r] = [engineTimeline(n, list), rawTimeline(n, list)];
  for (let i = 0; i < 2; i++) {
    await engineRound(e, n, events(n));
    await rawRound(r, n);
  }
}

const engineRuns: Measure[] = [];
const rawRuns: Measure[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // The two sides of a round run back to back, in turn first: drifts of a shared machine weigh on both.
  const rawFirst = round % 2 === 1;
  const early = rawFirst ? await rawRound(rawTl, N) : undefined;
  const e = await engineRound(engineTl, N, total);
  const r = early ?? (await rawRound(rawTl, N));
  if (r.events !== total) throw new Error(`The raw actors received ${r.events} events, the engine ${total}`);
  if (round === 0) {
    // Both did the same work: the journeys end in the same state.
    for (let j = 0; j < N; j += Math.max(1, Math.floor(N / 50))) {
      const view = await e.engine.get(`patient-${String(j).padStart(6, '0')}`);
      const raw = r.states(j);
      for (const k of Object.keys(raw) as (keyof typeof raw)[])
        if (JSON.stringify(raw[k]) !== JSON.stringify(view[k]))
          throw new Error(`Journey ${j}: the engine and the raw actor differ on "${String(k)}"`);
    }
  }
  // Keep the figures only: the journeys of this round must not weigh on the next one.
  const figures = ({ events, ms, cpuMs, gcMs, heapPerJourney, serializedPerJourney }: Measure): Measure => ({
    events,
    ms,
    cpuMs,
    gcMs,
    heapPerJourney,
    serializedPerJourney,
  });
  engineRuns.push(figures(e));
  rawRuns.push(figures(r));
  log(
    `  round ${round + 1}: engine ${int(total / (e.cpuMs / 1000))} events/CPU-s (${int(total / (e.ms / 1000))} wall), raw xstate ${int(r.events / (r.cpuMs / 1000))} events/CPU-s (${int(r.events / (r.ms / 1000))} wall); GC ${int(e.gcMs)} / ${int(r.gcMs)} ms`,
  );
}

const summary = (runs: readonly Measure[]) => ({
  rate: median(runs.map((m) => m.events / (m.cpuMs / 1000))),
  wallRate: median(runs.map((m) => m.events / (m.ms / 1000))),
  heap: median(runs.map((m) => m.heapPerJourney)),
  serialized: median(runs.map((m) => m.serializedPerJourney)),
});
const eng = summary(engineRuns);
const raw = summary(rawRuns);
// The ratio of each round (its two sides ran back to back), then their median: steadier than the
// ratio of the medians when the machine's speed drifts from one round to the next.
const roundRatios = engineRuns.map((e, i) => (e.cpuMs > 0 && rawRuns[i] ? rawRuns[i].cpuMs / e.cpuMs : 0));
const ratio = median(roundRatios);
const wallRatio = median(engineRuns.map((e, i) => (e.ms > 0 && rawRuns[i] ? rawRuns[i].ms / e.ms : 0)));
const spread = `${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}`;
const verdict = ratio >= TARGET ? `meets the ${TARGET} × target` : `**below the ${TARGET} × target**`;

// Where the time goes: one more round of each under the sampling profiler (not in the medians).
const pn = Math.max(1, Math.min(N, 500));
const { breakdown: engineProfile } = await profile(() =>
  engineRound(engineTimeline(pn, list), pn, events(pn)),
);
const { breakdown: rawProfile } = await profile(() => rawRound(rawTimeline(pn, list), pn));
const pct = (x: number, of: number) => `${Math.round((100 * x) / of)} %`;
const split = (b: Breakdown) =>
  `${pct(b.machineMs, b.totalMs)} in the machine (xstate's \`transition\`), ${pct(b.gcMs, b.totalMs)} in garbage collection, ${pct(b.totalMs - b.machineMs - b.gcMs, b.totalMs)} elsewhere`;
const harness = engineProfile.rest
  .filter((f) => f.name.includes('[benchmark loop]'))
  .reduce((a, f) => a + f.ms, 0);
const bookkeeping = engineProfile.rest
  .filter((f) => !f.name.includes('[benchmark loop]'))
  .slice(0, 8)
  .map((f) => `\`${f.name}\` ${pct(f.ms, engineProfile.totalMs)}`)
  .join(', ');

const rows = [
  ['cpts engine', int(eng.rate), int(eng.wallRate), int(eng.heap), `${int(eng.serialized)} (history)`],
  [
    'raw xstate actor',
    int(raw.rate),
    int(raw.wallRate),
    int(raw.heap),
    `${int(raw.serialized)} (persisted snapshot)`,
  ],
];
const head = [
  '',
  'input events per CPU second',
  'per wall-clock second',
  'heap bytes per journey',
  'JSON bytes per journey',
];
log('');
log(table(head, rows));
log(
  `\nengine / raw xstate throughput: ${ratio.toFixed(2)} in CPU time (${verdict.replaceAll('*', '')}), ${wallRatio.toFixed(2)} in wall-clock time`,
);
log(`engine profile: ${split(engineProfile)}; outside the machine: ${bookkeeping}`);
log(`raw xstate profile: ${split(rawProfile)}`);

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const xstateVersion = (
  createRequire(new URL('../../packages/core/package.json', import.meta.url))('xstate/package.json') as {
    version: string;
  }
).version;
const load = loadavg()[0]!.toFixed(1);
const body = `
Measured by \`bench/engine\` on ${new Date().toISOString().slice(0, 10)}: ${availableParallelism()} CPU (\`nproc\`),
${cpu}, Node ${process.version}, xstate ${xstateVersion}, load average ${load} at the end of the run.
Command: \`pnpm bench engine\` (it builds \`@cpts/core\` first and measures the built package;
${N} journeys, ${ROUNDS} rounds after a warm-up; in each round the engine and raw xstate run back to back in one
process, taking turns to go first).

**What runs.** ${N} journeys on the heart-failure reference protocol (\`${protocol.id}@${protocol.version}\`),
${list.length} patient profiles over ${DAYS} days (${list.map((s) => s.profile).join('; ')}): discharge,
daily weighing, weekly nurse visits, GP and cardiologist visits, alert signs, missed deadlines and
escalations, titration, a readmission, and the scheduler's nightly \`tick()\` for all journeys —
${(total / N).toFixed(0)} input events per journey on average, ${int(total)} per round. The
**engine** runs the commands (\`start\`, \`perform\`, \`recordEvent\`, \`recordFacts\`, \`tick\`) on a
\`VirtualClock\` and a \`MemoryStore\`: validation, authorisation, the compiled machine, history
entries, the store's index of open tasks and wake-up time, the result view. The **raw xstate**
baseline creates one actor per journey from the same compiled machine (\`compileRuntime(protocol)\`,
\`initialContext\`) and sends it exactly the input events the engine recorded, with the same
instants; both end in the same journey states (checked on every run).

${table(head, rows)}

**Engine / raw xstate throughput: ${ratio.toFixed(2)}** in CPU time (${wallRatio.toFixed(2)} in wall-clock time) — ${verdict}.
The ratio is the median of the rounds' own ratios (raw xstate's time over the engine's, the two
run back to back), which ranged over ${spread}: on a shared machine, read the figures as a range.
The table gives each side's median over the rounds. The ratio is computed on CPU time (user +
system of the process), steadier than wall-clock time when other processes share the machine. Heap bytes per journey: the heap retained after a full GC,
divided by the journeys (engine: live journeys, the store's histories and indexes; raw: the actors).
JSON bytes per journey: the engine's append-only history (its durable form, derived events and
refusals included) against the persisted xstate snapshot (state only, no audit trail).

**Where the time goes** (V8 sampling profiler, one more round of ${pn} journeys each):
the engine spends ${split(engineProfile)}; raw xstate ${split(rawProfile)}. Outside the machine,
the engine's time (self time, share of its total) is in ${bookkeeping} (and ${pct(harness, engineProfile.totalMs)} in
the benchmark's own loop, which builds and awaits each command). \`runOn\` and \`commit\` run a command
and turn what the machine emitted into history entries (in place, without copies); \`indexOf\`,
\`journeyIndex\` and \`wakeAt\` make the store's index; \`instanceOf\`, \`authorise\` and \`checkData\` validate the
command. For the same input events, the machine itself took ${int(engineProfile.machineMs)} ms inside the
engine and ${int(rawProfile.machineMs)} ms in the raw actors: the same code, run amid the engine's
own allocations and a larger live heap — the history the \`MemoryStore\` keeps doubles the retained
heap per journey, and the garbage collector pays for it on every collection.

**What changed** (2026-11-23; the first run of the day gave 6 029 against 8 720 input events per
CPU second, 0.69 ×). In the machine, shared by both sides: exit guards use conditions compiled
once, a condition context is one object instead of five closures, only conditional and recurring
tasks are looked at again after a step's entry, calendar additions are memoised per zone, duration
and instant, the rare branches of the per-event task scans (a missed deadline, a due date to
schedule) are functions of their own — which cut the raw machine's allocations by 15 % — and
derived events are made with their \`seq\` and \`at\` fields. In the engine: a command on a live
journey with a synchronous store runs without queueing or awaiting, history entries are the
machine's own events stamped with their position (a field they already have, so stamping does not
reshape them), attributions are made whole, the result's journey view is built on first read, the
store's index is reused when nothing in it changed and its open-task records are made only when a
store reads them, and direct authorisation does not search the delegations. The store's index and
the command result were object literals with a getter — each made a closure and an accessor pair,
and the index kept an older journey state alive until the next command, long enough for the
garbage collector to copy it to the old generation: as small classes with the getter on their
prototype, the bytes the collector promotes in a run of this benchmark fell by about a quarter
(\`node --trace-gc-nvp\`, 1 100 → 804 MB over the same rounds, against 519 MB for raw xstate) and
the engine went from 0.77 × to 0.82–0.88 × in six runs of the method above. Then a live journey
became the machine's snapshot, advanced by the machine's own \`transition\` in one scope per
compiled machine, instead of an actor (each actor has its own system, mailbox and a score of
closures): 58.7 → 54.4 KB of heap per journey, and the first run after it gave 0.92 ×. What separates the
engine from raw xstate now is its own work per command (the "elsewhere" above: validating,
recording, indexing, and awaiting each command) and the history it keeps, which adds two thirds
to the retained heap per journey.
`;
if (!opts['no-write']) {
  writeSection(new URL('../../docs/performance.md', import.meta.url), 'Engine', body);
  log('docs/performance.md: "Engine" section written');
}
if (opts.check && ratio < TARGET) process.exitCode = 1;
