/**
 * Regenerates the generated parts of `packages/protocols/README.md`: for each reference protocol,
 * between `<!-- generated:<id>:start -->` and `<!-- generated:<id>:end -->`, its Mermaid diagram
 * (`toMermaid`), its swimlane table (`toSwimlaneMarkdown`) and the list of its sources from
 * `fiche.sources` with their caveats and what cites them. The hand-written text around the markers
 * is kept as it is.
 *
 * Run after any change to a definition: `pnpm --filter @cpts/protocols readme`.
 * `--check` writes nothing and fails when the README is stale (the test suite checks it too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ProtocolDefinition, parseProtocol, type Source } from '@cpts/core';
import { toMermaid, toSwimlaneMarkdown } from '@cpts/dsl';
import { referenceProtocols } from '../src/index.js';

export const README_FILE = fileURLToPath(new URL('../README.md', import.meta.url));
export const README_COMMAND = 'pnpm --filter @cpts/protocols readme';

const start = (id: string) => `<!-- generated:${id}:start -->`;
const end = (id: string) => `<!-- generated:${id}:end -->`;

const KIND_LABELS: Record<Source['kind'], string> = {
  recommandation: 'recommandation',
  reglementaire: 'texte réglementaire',
  programme: 'programme',
  litterature: 'littérature',
  secondaire: 'source secondaire',
  'consensus-equipe': "consensus d'équipe",
};

/**
 * Where each source is cited: the id of the nearest element holding the `source` key (a task for
 * its window or recurrence, a delegation, its qualification or an exclusion, an indicator), or
 * `complexity` for the gradation rules.
 */
export function citationsBySource(p: ProtocolDefinition): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (source: string, where: string) => {
    const list = out.get(source) ?? [];
    if (!list.includes(where)) list.push(where);
    out.set(source, list);
  };
  const visit = (value: unknown, owner: string, key: string) => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, owner, key);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    const here = typeof o.id === 'string' && key !== 'sources' ? o.id : owner;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'source' && typeof v === 'string') add(v, here);
      else if (k !== 'fiche') visit(v, k === 'complexity' ? 'complexity' : here, k);
    }
  };
  visit(p, p.id, '');
  return out;
}

function sourceLine(s: Source, citedBy: readonly string[] | undefined): string {
  const origin = [s.publisher, s.year].filter((x) => x !== undefined).join(', ');
  const parts = [`- **\`${s.id}\`** — ${s.title}${origin ? ` (${origin})` : ''}; _${KIND_LABELS[s.kind]}_.`];
  if (s.url) parts.push(`  <${s.url}>`);
  if (s.caveat) parts.push(`  ${s.caveat.startsWith('⚠') ? '' : '⚠ '}${s.caveat}`);
  parts.push(
    citedBy && citedBy.length > 0
      ? `  Cited by: ${citedBy.map((c) => `\`${c}\``).join(', ')}.`
      : '  Background reading (cited by no window, criterion or indicator).',
  );
  return parts.join('\n');
}

/** The generated block of one protocol (markers included). */
export function generatedBlock(p: ProtocolDefinition): string {
  const cited = citationsBySource(p);
  return [
    start(p.id),
    `<!-- Generated from the definition by \`${README_COMMAND}\`: do not edit by hand. -->`,
    '',
    '#### Diagram',
    '',
    '```mermaid',
    toMermaid(p).trimEnd(),
    '```',
    '',
    '#### Who does what, when, by segment of the road',
    '',
    toSwimlaneMarkdown(p).trimEnd(),
    '',
    `#### Sources (\`fiche.sources\`, ${p.fiche.sources.length})`,
    '',
    ...p.fiche.sources.map((s) => sourceLine(s, cited.get(s.id))),
    end(p.id),
  ].join('\n');
}

/**
 * The README with every generated block rewritten from the definitions, the rest left as it is.
 *
 * @throws {Error} when the markers of a protocol are missing, duplicated or out of order, naming
 *   them, so that the hand-written text is never overwritten by mistake.
 * @example
 * const next = renderReadme(readFileSync(README_FILE, 'utf8'));
 */
export function renderReadme(
  text: string,
  protocols: readonly ProtocolDefinition[] = referenceProtocols.map((d) => parseProtocol(d)),
): string {
  let out = text;
  const problems: string[] = [];
  for (const p of protocols) {
    const a = out.indexOf(start(p.id));
    const b = out.indexOf(end(p.id));
    const count = (m: string) => out.split(m).length - 1;
    if (a < 0 || b < 0 || b < a || count(start(p.id)) > 1 || count(end(p.id)) > 1) {
      problems.push(`${start(p.id)} … ${end(p.id)}`);
      continue;
    }
    out = out.slice(0, a) + generatedBlock(p) + out.slice(b + end(p.id).length);
  }
  if (problems.length > 0)
    throw new Error(
      `README markers missing, duplicated or out of order — write each pair once, in the protocol's section: ${problems.join('; ')}`,
    );
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = readFileSync(README_FILE, 'utf8');
  const next = renderReadme(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      process.stderr.write(`${README_FILE} is stale: run \`${README_COMMAND}\`\n`);
      process.exit(1);
    }
  } else if (next !== current) {
    writeFileSync(README_FILE, next);
    process.stdout.write(`wrote ${README_FILE}\n`);
  } else {
    process.stdout.write(`${README_FILE} is up to date\n`);
  }
}
