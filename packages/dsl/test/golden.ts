/**
 * Golden files: `expectGolden(name, actual)` compares with `test/__golden__/<name>`.
 * Update them with `UPDATE_GOLDEN=1 pnpm test` (then review the diff before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__');

export function expectGolden(name: string, actual: string): void {
  const file = join(DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 pnpm test to create it`);
  expect(
    actual,
    `${name} differs from its golden file (UPDATE_GOLDEN=1 pnpm test to accept the change)`,
  ).toBe(readFileSync(file, 'utf8'));
}
