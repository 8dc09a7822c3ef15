// Tests fail on unexpected console output (as zod does): a library must stay quiet.
import { afterEach, vi } from 'vitest';

const calls: string[] = [];
for (const level of ['log', 'warn', 'error', 'info'] as const) {
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    calls.push(`console.${level}: ${args.map(String).join(' ')}`);
  });
}
afterEach(() => {
  if (calls.length > 0) {
    const out = calls.splice(0).join('\n');
    throw new Error(`Unexpected console output:\n${out}`);
  }
});
