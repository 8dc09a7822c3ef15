import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources; the exports test checks the built output.
    alias: [
      { find: /^@cpts\/core\/(sqlite|postgres)$/, replacement: src('core/src/store/$1/index.ts') },
      { find: /^@cpts\/core$/, replacement: src('core/src/index.ts') },
      { find: /^@cpts\/dsl$/, replacement: src('dsl/src/index.ts') },
      { find: /^@cpts\/protocols$/, replacement: src('protocols/src/index.ts') },
      { find: /^@cpts\/testing\/vitest$/, replacement: src('testing/src/vitest.ts') },
      { find: /^@cpts\/testing$/, replacement: src('testing/src/index.ts') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    typecheck: {
      enabled: true,
      include: ['packages/*/src/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.typetest.json',
    },
    globalSetup: ['./vitest.global-setup.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 30_000,
  },
});
