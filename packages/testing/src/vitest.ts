/**
 * `@cpts/testing/vitest`: registers the cpts matchers on vitest's `expect` and declares their types.
 * Import it once — in a test file, or in `setupFiles` of your vitest config.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['@cpts/testing/vitest'] } });
 * // a test
 * expect(journey).toHaveOpenTask('consultation-mg', { dueBy: '2026-01-12T23:00:00Z' });
 * await expect(ic.perform(id, 'consultation-mg', { actor: ide })).toBeRefusedWith('NOT_ALLOWED_ROLE');
 * @module
 */
import { expect } from 'vitest';
import { type CptsMatchers, cptsMatchers } from './matchers/matchers.js';

expect.extend(cptsMatchers);

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration to merge with it.
  interface Matchers<T = any> extends CptsMatchers {}
}

export { type CptsMatchers, cptsMatchers } from './matchers/matchers.js';
