/**
 * Writes a benchmark's section of `docs/performance.md`, leaving the other sections as they are.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const INTRO = `# Performance

How fast cpts runs and how much memory it takes, measured by the benchmarks in \`bench/\`
(\`pnpm bench\` runs them all; each section says its command). Each benchmark compares cpts with a
baseline measured in the same process and the same run, and reports medians of several rounds:
compare figures within a section, not across machines.
`;

/**
 * Replaces the section that starts with `## <title>` (up to the next `## ` heading) with `body`,
 * or appends it; creates the file with a short introduction when it is missing.
 */
export function writeSection(file: string | URL, title: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : INTRO;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start === -1) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = lines.slice(end).join('\n').trim();
  writeFileSync(file, `${before}\n\n${section}${after ? `\n${after}\n` : ''}`);
}

/** A Markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** `12 345` (thin grouping, as the French write it, but with a plain space for Markdown). */
export function int(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
