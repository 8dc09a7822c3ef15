#!/usr/bin/env node
// pnpm demo: simulate the heart-failure reference protocol for a territory's cohort, print the
// summary and write the Markdown and HTML reports.
//
//   pnpm demo                          10 000 patients over 12 months, seed 1
//   pnpm demo --patients 2000 --months 6 --seed 7 --threads 2 --out reports
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { insuffisanceCardiaque } from '@cpts/protocols';
import { defaultShards, simulateCohort, toHtmlReport, toMarkdownReport } from '@cpts/testing';
import cliProgress from 'cli-progress';
import { cohortOptions } from './cohort.mjs';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '10000' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    threads: { type: 'string' },
    out: { type: 'string', default: 'reports' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('pnpm demo [--patients 10000] [--months 12] [--seed 1] [--threads <cores>] [--out reports]');
  process.exit(0);
}
const int = (name, min) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min} (got "${values[name]}")`);
    process.exit(2);
  }
  return n;
};
const patients = int('patients', 1);
const months = int('months', 1);
const seed = int('seed', 0);
const threads = values.threads === undefined ? undefined : int('threads', 0);

const protocol = insuffisanceCardiaque;
const options = cohortOptions(protocol, { patients, horizon: `P${months}M`, seed, threads });
console.log(
  `${protocol.title.fr} — ${patients.toLocaleString('fr-FR')} patients sur ${months} mois (graine ${seed})`,
);

const bar = new cliProgress.SingleBar(
  {
    format: ' {bar} {percentage}% | {value}/{total} patients | lots {shards} | {duration_formatted}',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  },
  cliProgress.Presets.shades_classic,
);
bar.start(patients, 0, { shards: `0/${options.shards ?? defaultShards(patients)}` });
let result;
try {
  result = await simulateCohort(protocol, {
    ...options,
    onProgress: (p) => bar.update(p.started, { shards: `${p.shardsDone}/${p.shards}` }),
  });
} catch (error) {
  bar.stop();
  console.error(`\nLa simulation a échoué : ${error.message}`);
  process.exit(1);
}
bar.stop();

const pct = (v) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const r = result;
console.log('');
console.log(
  `Parcours : ${r.journeys.started} démarrés, ${r.journeys.completed} terminés, ${r.journeys.active} en cours à l’horizon`,
);
console.log(
  `Complexité : faible ${r.journeys.byComplexity.faible}, moyenne ${r.journeys.byComplexity.moyenne}, forte ${r.journeys.byComplexity.forte}`,
);
console.log(
  `Actes : ${r.acts.performed} réalisés, dont ${r.acts.late} en retard ; ${r.acts.notDone} tâches jamais faites`,
);
console.log('\nIndicateurs');
for (const i of r.indicators)
  console.log(
    `  ${pct(i.value).padStart(8)}  ${i.label} (${i.numerator}/${i.denominator})${i.reference ? ` — référence ${pct(i.reference.value)}` : ''}`,
  );
console.log(`\nRuptures : ${r.ruptures.total} (${r.ruptures.closed} rattrapées)`);
for (const s of r.ruptures.bySegment)
  console.log(
    `  ${String(s.count).padStart(7)}  ${s.label}${s.meanDelayDays === null ? '' : ` — retard moyen ${s.meanDelayDays} j`}`,
  );
console.log('\nCharge par rôle (actes / semaine : moyenne, pic)');
for (const w of r.workload.filter((x) => x.totalActs > 0))
  console.log(
    `  ${w.label.padEnd(34)} ${String(w.meanPerWeek).padStart(8)}  pic ${w.peakActs} (S${w.peakWeek + 1})${w.totalOverdue ? `, ${w.totalOverdue} en retard` : ''}`,
  );

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const base = `${protocol.id}-${patients}p-${months}m-seed${seed}`;
writeFileSync(resolve(out, `${base}.md`), toMarkdownReport(r));
writeFileSync(resolve(out, `${base}.html`), toHtmlReport(r));
console.log(
  `\n${r.events.toLocaleString('fr-FR')} entrées d’historique en ${(r.timing.wallMs / 1000).toFixed(1)} s sur ${r.timing.threads} fils`,
);
console.log(`Rapports : ${resolve(out, `${base}.md`)}\n           ${resolve(out, `${base}.html`)}`);
