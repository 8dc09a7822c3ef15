/**
 * The README of the reference protocols: its generated blocks (diagram, swimlane table, sources)
 * are up to date with the definitions, and the generator leaves the hand-written text alone.
 */
import { readFileSync } from 'node:fs';
import { parseProtocol } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import {
  citationsBySource,
  generatedBlock,
  README_COMMAND,
  README_FILE,
  renderReadme,
} from '../scripts/readme.js';
import { bpco, referenceProtocols } from '../src/index.js';

const readme = readFileSync(README_FILE, 'utf8');
const parsed = referenceProtocols.map((d) => parseProtocol(d));

describe('packages/protocols/README.md', () => {
  it('is up to date with the definitions', () => {
    const fresh = renderReadme(readme, parsed);
    if (fresh !== readme) expect.fail(`${README_FILE} is stale: run \`${README_COMMAND}\``);
  });

  it.each(parsed.map((p) => [p.id, p] as const))(
    'shows %s in its own section: diagram, swimlane table, every source with its caveat',
    (id, p) => {
      // The block ends the protocol's own section (the heading names the protocol, no other heading between).
      const blockStart = readme.indexOf(`<!-- generated:${id}:start -->`);
      const heading = readme.slice(readme.lastIndexOf('\n## ', blockStart) + 1).split('\n')[0];
      expect(heading).toMatch(/^## \d\. /);
      expect(heading).toContain(p.title.fr.split(' — ')[0]);
      const block = generatedBlock(p);
      expect(readme).toContain(block);
      expect(block).toContain('```mermaid\nstateDiagram-v2');
      expect(block).toMatch(/\| Rôle \| .* \|\n\| --- \|/);
      for (const s of p.fiche.sources) {
        expect(block).toContain(`**\`${s.id}\`** — ${s.title}`);
        if (s.caveat) expect(block).toContain(s.caveat);
      }
    },
  );

  it('keeps the section on adapting a protocol without forking it', () => {
    expect(readme).toContain('## Adapting a reference protocol for your territory without forking it');
  });
});

describe('renderReadme', () => {
  const p = parseProtocol(bpco);

  it('rewrites only what lies between the markers', () => {
    const text = [
      '# Title',
      'hand-written before',
      '<!-- generated:bpco:start -->',
      'stale content',
      '<!-- generated:bpco:end -->',
      'hand-written after',
      '',
    ].join('\n');
    const out = renderReadme(text, [p]);
    expect(out).toBe(`# Title\nhand-written before\n${generatedBlock(p)}\nhand-written after\n`);
    // Idempotent.
    expect(renderReadme(out, [p])).toBe(out);
  });

  it('refuses missing, duplicated or reversed markers, naming them, and writes nothing', () => {
    const message =
      /README markers missing, duplicated or out of order .*<!-- generated:bpco:start --> … <!-- generated:bpco:end -->/;
    expect(() => renderReadme('no markers', [p])).toThrow(message);
    expect(() => renderReadme('<!-- generated:bpco:end --> <!-- generated:bpco:start -->', [p])).toThrow(
      message,
    );
    expect(() =>
      renderReadme('<!-- generated:bpco:start --><!-- generated:bpco:end --><!-- generated:bpco:start -->', [
        p,
      ]),
    ).toThrow(message);
  });

  it('lists where each source is cited: tasks, delegations and their criteria, gradation, indicators', () => {
    const cited = citationsBySource(p);
    expect(cited.get('prado-bpco')).toEqual([
      'consultation-mg-post-exacerbation',
      'consultation-pneumologue',
    ]);
    expect(cited.get('has-indicateurs-bpco')).toEqual(
      expect.arrayContaining([
        'spirometrie-annuelle',
        'dispensation-bronchodilatateur',
        'has-1-depistage-spirometrie',
      ]),
    );
    expect(cited.has('has-protocoles-pluripro-2015')).toBe(false);
  });
});
