#!/usr/bin/env node
// Runs the benchmarks: every `bench/<name>/index.{mjs,js,ts}`, one after the other, each in its own
// Node process with `--expose-gc` (to measure retained memory). TypeScript runs through tsx, with
// `bench/<name>/tsconfig.json` (or `tsconfig.base.json`) mapping the `@cpts/*` imports: to the
// sources, or to a built package (bench/engine and bench/simulation measure the built `@cpts/core`
// and `@cpts/testing`, which this script builds first, as users get them: tsx keeps function
// names, which slows hot closures down, and a simulation's workers would run through tsx too).
//
//   pnpm bench                       all benchmarks
//   pnpm bench engine                only bench/engine
//   pnpm bench engine --journeys 500 --no-write
//                                    options after the names go to each benchmark
//   pnpm bench --no-build …          do not rebuild the packages first
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const all = process.argv.slice(2).filter((a) => a !== '--');
const build = !all.includes('--no-build');
const args = all.filter((a) => a !== '--no-build');
const firstOption = args.findIndex((a) => a.startsWith('-'));
const names = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);

const benches = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => {
    const entry = ['index.mjs', 'index.js', 'index.ts'].map((f) => join(here, d.name, f)).find(existsSync);
    return entry && { name: d.name, entry };
  })
  .filter((b) => b !== undefined)
  .sort((a, b) => a.name.localeCompare(b.name));

const unknown = names.filter((n) => !benches.some((b) => b.name === n));
if (unknown.length > 0) {
  process.stderr.write(
    `No benchmark ${unknown.join(', ')} (known: ${benches.map((b) => b.name).join(', ')})\n`,
  );
  process.exit(2);
}

if (build) {
  process.stdout.write(
    'Building @cpts/core and @cpts/testing (the benchmarks measure the built packages)…\n',
  );
  const built = spawnSync('pnpm', ['--filter', '@cpts/testing...', 'run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) {
    process.stderr.write(
      'The build of @cpts/core or @cpts/testing failed: fix it, or run with --no-build against the current dist\n',
    );
    process.exit(1);
  }
}

let failed = 0;
for (const { name, entry } of benches.filter((b) => names.length === 0 || names.includes(b.name))) {
  const ts = entry.endsWith('.ts');
  const tsconfig = [join(here, name, 'tsconfig.json'), join(root, 'tsconfig.base.json')].find(existsSync);
  process.stdout.write(`\n▶ bench/${name} (${relative(root, entry)})\n`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', ...(ts ? ['--import', 'tsx'] : []), entry, ...options],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...(ts && tsconfig && { TSX_TSCONFIG_PATH: tsconfig }) },
    },
  );
  if (run.status !== 0) {
    failed++;
    process.stderr.write(`bench/${name} failed (${run.signal ?? `exit code ${run.status}`})\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
