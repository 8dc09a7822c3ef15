// Some tests check the packages as users get them (built output, exports maps). Build them first
// when the build is missing or older than the sources, so that `pnpm test` works on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const stale = readdirSync('packages').filter((name) => {
    const declarations = join('packages', name, 'dist', 'index.d.ts');
    if (!existsSync(declarations)) return true;
    return newest(join('packages', name, 'src')) > statSync(declarations).mtimeMs;
  });
  if (stale.length === 0) return;
  process.stderr.write(`Building ${stale.join(', ')} (missing or older than its sources)…\n`);
  execSync('pnpm build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
