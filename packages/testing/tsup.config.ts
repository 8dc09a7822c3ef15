import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the library; vitest: the matchers' setup; contract: the store contract suite;
  // worker: the entry of simulation worker threads (spawned from dist/index.js as ./worker.js).
  entry: {
    index: 'src/index.ts',
    vitest: 'src/vitest.ts',
    contract: 'src/contract.ts',
    worker: 'src/simulation/worker.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', contract: 'src/contract.ts' },
    compilerOptions: { paths: {} },
  },
  // import.meta.url in the CommonJS build (to find the worker next to it).
  shims: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
