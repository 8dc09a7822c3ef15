/**
 * The README's quick start is a runnable example: run it (against the sources) and check it prints
 * what its comments say, so that the documentation cannot drift from the code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const SOURCES = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

function quickStart(): string {
  const match = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'));
  if (!match) throw new Error('README.md has no "## Quick start" TypeScript block');
  return match[1]!;
}

describe('README quick start', () => {
  it('runs and prints what its comments and text announce', () => {
    const text = readFileSync(README, 'utf8');
    // The text says what the broken input reports once its version is fixed: check that too.
    const announced = /`(steps\[0\]\.tasks\[0\]\.onMiss\.escalateTo: [^`]+)`/.exec(text)?.[1];
    expect(announced).toBeDefined();
    const epilogue = `
try {
  parseProtocol({ ...suiviIc, roles: [{ id: 'medecin-traitant', label: { fr: 'Médecin traitant' } }] });
} catch (error) {
  if (!(error instanceof ProtocolValidationError)) throw error;
  for (const issue of error.issues) console.log(\`\${issue.pointer}: \${issue.message}\`);
}
`;
    const dir = mkdtempSync(join(tmpdir(), 'cpts-readme-'));
    try {
      const file = join(dir, 'quick-start.ts');
      const code = quickStart().replaceAll(
        "from '@cpts/core'",
        `from ${JSON.stringify(pathToFileURL(SOURCES).href)}`,
      );
      writeFileSync(file, code + epilogue);
      const out = execFileSync(process.execPath, ['--import', pathToFileURL(TSX).href, file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 20_000,
      });
      expect(out.trim().split('\n')).toEqual([
        "{ within: 'P7D', from: { event: 'sortie' }, source: 'prado-ic' }",
        'version: must be a semantic version such as "1.0.0"',
        'forte',
        'moyenne',
        announced,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
