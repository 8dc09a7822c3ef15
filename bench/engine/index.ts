/**
 * Engine benchmark: throughput (input events per second) and memory (bytes per journey) of the
 * cpts engine against a raw xstate actor running the same compiled machine, in the same process
 * and run. Target: the engine at least 0.8 × raw xstate's throughput.
 *
 * Run: `pnpm bench engine` (all options: `pnpm bench engine --journeys 2000 --rounds 5 --no-write --check`).
 * Writes the "Engine" section of docs/performance.md unless `--no-write`; `--check` exits with 1
 * when the ratio is under the target.
 * @module
 */

import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { engineRound, engineTimeline, type Measure, rawRound, rawTimeline } from './measure.js';
import { int, table, writeSection } from './report.js';
import { DAYS, protocol, scripts } from './script.js';

const TARGET = 0.8;
const { values: opts } = parseArgs({
  options: {
    journeys: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
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
  const e = await engineRound(engineTl, N, total);
  const r = await rawRound(rawTl, N);
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
  ms: median(runs.map((m) => m.ms)),
  heap: median(runs.map((m) => m.heapPerJourney)),
  serialized: median(runs.map((m) => m.serializedPerJourney)),
});
const eng = summary(engineRuns);
const raw = summary(rawRuns);
const ratio = eng.rate / raw.rate;
const verdict = ratio >= TARGET ? `meets the ${TARGET} × target` : `**below the ${TARGET} × target**`;

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
  'heap bytes/journey',
  'JSON bytes/journey',
];
const wallRatio = eng.wallRate / raw.wallRate;
log('');
log(table(head, rows));
log(
  `\nengine / raw xstate throughput: ${ratio.toFixed(2)} in CPU time (${verdict.replaceAll('*', '')}), ${wallRatio.toFixed(2)} in wall-clock time`,
);

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const xstateVersion = (
  createRequire(new URL('../../packages/core/package.json', import.meta.url))('xstate/package.json') as {
    version: string;
  }
).version;
const perJourney = (total / N).toFixed(0);
const body = `
Measured by \`bench/engine\` on ${new Date().toISOString().slice(0, 10)}: ${availableParallelism()} CPU (\`nproc\`),
${cpu}, Node ${process.version}, xstate ${xstateVersion}. Command: \`pnpm bench engine\`
(${N} journeys, ${ROUNDS} rounds after a warm-up, medians; \`node --expose-gc\`).

What runs: ${N} journeys on the heart-failure reference protocol (\`${protocol.id}@${protocol.version}\`),
${list.length} patient profiles (${list.map((s) => s.profile).join('; ')}) over ${DAYS} days:
discharge, daily weighing, weekly nurse visits, GP and cardiologist visits, alert signs, missed
deadlines and escalations, a readmission, and the scheduler's nightly \`tick()\` — ${perJourney} input
events per journey on average, ${int(total)} per round. The **engine** runs the commands
(\`start\`, \`perform\`, \`recordEvent\`, \`recordFacts\`, \`tick\`) on a \`VirtualClock\` and a
\`MemoryStore\`: validation, authorisation, the compiled machine, history entries and the store's
index. The **raw xstate** baseline creates one actor per journey from the same compiled machine
(\`compileRuntime(protocol).machine\`) and sends it exactly the input events the engine recorded,
with the same instants; both end in the same journey states (checked).

${table(head, rows)}

Engine / raw xstate throughput: **${ratio.toFixed(2)}** — ${verdict}.
Heap bytes per journey are the heap retained after a full GC divided by the journeys: for the engine,
the live journeys (actors), the store's histories and indexes; for raw xstate, the actors.
JSON bytes per journey: the engine's append-only history (its durable form, derived events and
refusals included) against the persisted xstate snapshot (state only, no audit trail).
`;
if (!opts['no-write']) {
  writeSection(new URL('../../docs/performance.md', import.meta.url), 'Engine', body);
  log('docs/performance.md: "Engine" section written');
}
if (opts.check && ratio < TARGET) process.exitCode = 1;
