/**
 * The packages as users get them: for every package of the workspace, every entry of its
 * `exports` map is loaded from the *built* output with `require` and with `import`, in a separate
 * Node process, from the package folder (a package can import itself by name through its exports
 * map). CI builds before testing (`pnpm build && pnpm test`); when `dist` is missing or stale, the
 * test says which command to run rather than building behind your back.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Target = string | { [condition: string]: Target };
interface Manifest {
  name: string;
  main?: string;
  module?: string;
  types?: string;
  files?: string[];
  exports: Record<string, Target>;
}

const packages = readdirSync(PACKAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(PACKAGES_DIR, d.name, 'package.json')))
  .map((d) => {
    const dir = join(PACKAGES_DIR, d.name);
    return {
      dir,
      folder: d.name,
      manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest,
    };
  });

/** Names the core package must export from both module systems. */
const REQUIRED: Record<string, string[]> = {
  '@cpts/core': [
    'parseProtocol',
    'safeParseProtocol',
    'ProtocolValidationError',
    'CptsError',
    'protocolHash',
    'protocolJsonSchema',
    'complexityOf',
    'evaluateCondition',
    'defineProtocol',
  ],
};

const BUILD_HINT = (pkg: string) =>
  `run \`pnpm --filter ${pkg} build\` (or \`pnpm build\`) before this test; CI builds first`;

/** The file a condition path leads to (`import` → `default`), if any. */
function leaf(target: Target | undefined, ...conditions: string[]): string | undefined {
  let at = target;
  for (const c of conditions) {
    if (typeof at === 'string' || at === undefined) break;
    at = at[c];
  }
  if (typeof at === 'object' && at !== undefined) at = at.default;
  return typeof at === 'string' ? at : undefined;
}

/** Runs a script in a fresh Node process in `cwd`; returns its stdout, or throws with its stderr. */
function node(cwd: string, args: string[]): string {
  try {
    return execFileSync(process.execPath, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`node ${args.join(' ')} failed in ${cwd}:\n${err.stderr?.trim() || err.message}`);
  }
}

const KEYS = 'Object.keys(m).filter((k) => k !== "default" && k !== "__esModule").sort()';
const loadCjs = (cwd: string, specifier: string) =>
  JSON.parse(
    node(cwd, [
      '-e',
      `const m = require(${JSON.stringify(specifier)}); process.stdout.write(JSON.stringify(${KEYS}))`,
    ]),
  ) as string[];
const loadEsm = (cwd: string, specifier: string) =>
  JSON.parse(
    node(cwd, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(specifier)}); process.stdout.write(JSON.stringify(${KEYS}))`,
    ]),
  ) as string[];
const typesOf = (cwd: string, specifier: string, names: string[], esm: boolean) => {
  const load = esm
    ? `const m = await import(${JSON.stringify(specifier)});`
    : `const m = require(${JSON.stringify(specifier)});`;
  const script = `${load} process.stdout.write(JSON.stringify(${JSON.stringify(names)}.map((n) => typeof m[n])))`;
  return JSON.parse(node(cwd, esm ? ['--input-type=module', '-e', script] : ['-e', script])) as string[];
};

it('finds the workspace packages', () => {
  expect(packages.map((p) => p.manifest.name)).toEqual(
    expect.arrayContaining(['@cpts/core', '@cpts/dsl', '@cpts/protocols', '@cpts/testing']),
  );
});

describe.each(packages)('$manifest.name', ({ dir, folder, manifest }) => {
  const entries = Object.entries(manifest.exports ?? {});

  it('has an exports map with ".", "./package.json", and the types condition first', () => {
    expect(Object.keys(manifest.exports ?? {})).toEqual(expect.arrayContaining(['.', './package.json']));
    const visit = (target: Target, where: string) => {
      if (typeof target === 'string') return;
      const keys = Object.keys(target);
      if (keys.includes('types'))
        expect(keys[0], `"types" must come first in exports["${where}"]`).toBe('types');
      for (const [k, v] of Object.entries(target)) visit(v, `${where}.${k}`);
    };
    for (const [key, target] of entries) visit(target, key);
  });

  it('publishes every file its exports map and legacy fields point to', () => {
    const files = new Set((manifest.files ?? []).map((f) => f.replace(/^\.\//, '').split('/')[0]));
    const targets = new Set<string>();
    const collect = (t: Target): void => {
      if (typeof t === 'string') targets.add(t);
      else for (const v of Object.values(t)) collect(v);
    };
    for (const [, target] of entries) collect(target);
    for (const field of [manifest.main, manifest.module, manifest.types]) if (field) targets.add(field);
    for (const target of targets) {
      const top = target.replace(/^\.\//, '').split('/')[0]!;
      if (top !== 'package.json')
        expect(files.has(top), `"${top}" (for ${target}) is not in "files" of packages/${folder}`).toBe(true);
      expect(
        existsSync(join(dir, target)),
        `${join('packages', folder, target)} is missing: ${BUILD_HINT(manifest.name)}`,
      ).toBe(true);
    }
  });

  describe.each(entries.filter(([, target]) => typeof target === 'object'))(
    'exports["%s"]',
    (key, target) => {
      const specifier = `${manifest.name}${key.slice(1)}`;
      const cjs = leaf(target, 'require');
      const esm = leaf(target, 'import');

      it('loads with require and with import, exposing the same names', () => {
        expect(cjs ?? esm, `exports["${key}"] has neither an import nor a require condition`).toBeDefined();
        const fromCjs = cjs === undefined ? undefined : loadCjs(dir, specifier);
        const fromEsm = esm === undefined ? undefined : loadEsm(dir, specifier);
        if (fromCjs && fromEsm) expect(fromCjs, `require and import of ${specifier} differ`).toEqual(fromEsm);
        expect((fromEsm ?? fromCjs)!.length, `${specifier} exports nothing`).toBeGreaterThan(0);
      });

      it('exposes what its sources export (the build is up to date)', async () => {
        const built = esm ?? cjs!;
        const source = join(dir, 'src', `${built.replace(/^\.\/dist\//, '').replace(/\.(c|m)?js$/, '')}.ts`);
        if (!existsSync(source)) return; // an entry not built from src/<name>.ts: nothing to compare with
        const fromSource = Object.keys(await import(source))
          .filter((k) => k !== 'default')
          .sort();
        const fromBuild = esm ? loadEsm(dir, specifier) : loadCjs(dir, specifier);
        expect(fromBuild, `the build of ${specifier} is stale: ${BUILD_HINT(manifest.name)}`).toEqual(
          fromSource,
        );
      });

      it('ships declarations for both module systems', () => {
        for (const condition of ['import', 'require'] as const) {
          const branch = typeof target === 'object' ? target[condition] : undefined;
          if (branch === undefined) continue;
          const types = typeof branch === 'object' ? branch.types : undefined;
          expect(types, `exports["${key}"].${condition} has no "types"`).toBeTypeOf('string');
          expect(types as string).toMatch(condition === 'import' ? /\.d\.ts$/ : /\.d\.cts$/);
          expect(
            existsSync(join(dir, types as string)),
            `${join('packages', folder, types as string)} is missing: ${BUILD_HINT(manifest.name)}`,
          ).toBe(true);
        }
      });

      const required = key === '.' ? REQUIRED[manifest.name] : undefined;
      if (required) {
        it.each(['require', 'import'] as const)('provides the public API through %s', (how) => {
          const kinds = typesOf(dir, specifier, required, how === 'import');
          expect(Object.fromEntries(required.map((n, i) => [n, kinds[i]]))).toEqual(
            Object.fromEntries(required.map((n) => [n, 'function'])),
          );
        });
      }
    },
  );

  describe.each(entries.filter(([key, target]) => typeof target === 'string' && key !== './package.json'))(
    'exports["%s"] (a file)',
    (key, target) => {
      const specifier = `${manifest.name}${key.slice(1)}`;
      it('resolves and loads with require and with import', () => {
        expect(
          existsSync(join(dir, target as string)),
          `${join('packages', folder, target as string)} is missing`,
        ).toBe(true);
        const json = (target as string).endsWith('.json');
        const viaRequire = node(dir, [
          '-e',
          `process.stdout.write(require.resolve(${JSON.stringify(specifier)}))`,
        ]);
        expect(viaRequire).toBe(join(dir, target as string));
        const importScript = json
          ? `const m = await import(${JSON.stringify(specifier)}, { with: { type: 'json' } }); process.stdout.write(typeof m.default)`
          : `await import(${JSON.stringify(specifier)}); process.stdout.write('object')`;
        expect(node(dir, ['--input-type=module', '--no-warnings', '-e', importScript])).toBe('object');
      });
    },
  );

  it('exports its package.json', () => {
    const version = node(dir, [
      '-e',
      `process.stdout.write(require(${JSON.stringify(`${manifest.name}/package.json`)}).version)`,
    ]);
    expect(version).toBe((manifest as unknown as { version: string }).version);
  });
});

describe('@cpts/core/schema/protocol.schema.json', () => {
  it('is the published JSON Schema, with its $id', () => {
    const core = packages.find((p) => p.manifest.name === '@cpts/core')!;
    const id = node(core.dir, [
      '-e',
      'process.stdout.write(require("@cpts/core/schema/protocol.schema.json").$id)',
    ]);
    expect(id).toBe('https://cpts.dev/schema/protocol.schema.json');
  });
});
