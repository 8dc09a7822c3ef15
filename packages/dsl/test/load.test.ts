import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CptsError, parseProtocol, protocolHash } from '@cpts/core';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadProtocol, ProtocolLoadError, safeLoadProtocol } from '../src/index.js';
import { icSortie } from './fixtures/ic-sortie.js';
import { minimal } from './fixtures/minimal.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/load/${name}`, import.meta.url));

function failure(source: string, options = {}) {
  const result = safeLoadProtocol(source, options);
  if (result.success) throw new Error('expected the load to fail');
  return result.error;
}

describe('round trips: builder → JSON/YAML → loadProtocol', () => {
  test('JSON gives the same definition and the same content hash', () => {
    const loaded = loadProtocol(JSON.stringify(icSortie, null, 2), { filename: 'ic.json' });
    expect(loaded).toEqual(icSortie);
    expect(protocolHash(loaded)).toBe(protocolHash(icSortie));
  });

  test('YAML gives the same definition and the same content hash', () => {
    const loaded = loadProtocol(stringify(icSortie), { format: 'yaml' });
    expect(loaded).toEqual(icSortie);
    expect(protocolHash(loaded)).toBe(protocolHash(icSortie));
  });

  test('files are read from a path (.json, .yaml, .yml)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpts-dsl-'));
    for (const [name, text] of [
      ['ic.json', JSON.stringify(icSortie)],
      ['ic.yaml', stringify(icSortie)],
      ['ic.yml', stringify(icSortie)],
    ] as const) {
      writeFileSync(join(dir, name), text);
      expect(protocolHash(loadProtocol(join(dir, name)))).toBe(protocolHash(icSortie));
    }
    expect(loadProtocol(fixture('minimal.yaml'))).toEqual(parseProtocol(minimal()));
    expect(loadProtocol(fixture('minimal.json'))).toEqual(parseProtocol(minimal()));
  });

  test('JSON with a byte-order mark and a $schema key loads', () => {
    const text = `\ufeff${JSON.stringify({ $schema: 'https://cpts.dev/schema/protocol.schema.json', ...minimal() })}`;
    expect(loadProtocol(text).id).toBe('minimal');
  });
});

describe('load errors: each with its place in the file, never a stack trace', () => {
  test.each([
    ['syntax.json', 'syntax', 3, 22, '(root)', 'JSON syntax: a key between double quotes is expected'],
    ['duplicate-key.json', 'syntax', 4, 3, 'id', 'duplicate key "id"'],
    [
      'syntax.yaml',
      'syntax',
      5,
      1,
      '(root)',
      'YAML syntax: Flow sequence in block collection must be sufficiently indented',
    ],
    ['duplicate-key.yaml', 'syntax', 3, 1, '(root)', 'YAML syntax: Map keys must be unique'],
    ['empty.yaml', 'syntax', 1, 1, '(root)', 'the file is empty'],
    [
      'version-not-text.yaml',
      'schema',
      2,
      1,
      'version',
      'expected a text, got the number 1 (write it between quotes, e.g. "1.0.0")',
    ],
    ['missing-required.yaml', 'schema', 69, 5, 'steps[0]', '"label" is required here'],
    [
      'misspelt-key.yaml',
      'schema',
      92,
      11,
      'steps[0].tasks[1].due.withn',
      'unknown key "withn": did you mean "within"?',
    ],
    [
      'condition-misspelt.yaml',
      'schema',
      131,
      11,
      'delegations[0].exclusions[0].when.fakt',
      'unknown key "fakt": did you mean "fact"?',
    ],
    [
      'anchor-not-allowed.yaml',
      'schema',
      81,
      11,
      'steps[0].tasks[0].due.from',
      'must be one of "opened", "journey-start", "step-entry", or an object { task }, { event }, { fact } (got the text "sortie")',
    ],
    [
      'duration-not-iso.yaml',
      'schema',
      80,
      11,
      'steps[0].tasks[0].due.within',
      'the text "7 jours" is not an ISO 8601 duration such as "P7D" (7 days)',
    ],
    [
      'unknown-role.yaml',
      'semantic',
      77,
      9,
      'steps[0].tasks[0].responsible',
      'nobody can perform the required task "consultation": none of its roles (medecin) is declared',
    ],
  ])('%s → %s error at %i:%i', (file, source, line, column, pointer, message) => {
    const error = failure(fixture(file), { filename: file });
    expect(error).toBeInstanceOf(ProtocolLoadError);
    expect(CptsError.is(error)).toBe(true);
    expect(error.code).toBe('INVALID_PROTOCOL');
    const first = error.issues[0]!;
    expect({ source: first.source, line: first.line, column: first.column, pointer: first.pointer }).toEqual({
      source,
      line,
      column,
      pointer,
    });
    expect(first.message).toContain(message);
    expect(error.message).toContain(`${file}:${line}:${column} `);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  test('the noise of a union is collapsed into the branch the author meant: one issue per mistake', () => {
    const error = failure(fixture('condition-misspelt.yaml'));
    expect(error.issues).toHaveLength(1);
  });

  test('every problem is reported, sorted by line', () => {
    const text = readFileSync(fixture('minimal.yaml'), 'utf8')
      .replace('version: 1.0.0', 'version: 1.0')
      .replace('within: P7D', 'within: 7 jours')
      .replace('kind: final', 'kind: finale');
    const error = failure(text, { filename: 'several.yaml' });
    expect(error.issues.map((i) => [i.line, i.pointer])).toEqual([
      [2, 'version'],
      [80, 'steps[0].tasks[0].due.within'],
      [115, 'steps[1].kind'],
    ]);
    expect(error.message.split('\n')[0]).toBe('Cannot load protocol several.yaml: 3 problems');
  });

  test('positions in JSON point at the key of the offending member', () => {
    const json = JSON.stringify({ ...minimal(), version: 2 }, null, 2);
    const error = failure(json, { filename: 'p.json' });
    expect(error.issues[0]).toMatchObject({ source: 'schema', line: 3, column: 3, pointer: 'version' });
  });

  test('a path that does not exist is a file error, not a parse of the path as text', () => {
    const error = failure('protocoles/absent.yaml');
    expect(error.issues).toEqual([
      {
        path: [],
        pointer: '(root)',
        message: 'file not found: protocoles/absent.yaml',
        line: 1,
        column: 1,
        source: 'file',
      },
    ]);
    expect(() => loadProtocol('protocoles/absent.yaml')).toThrow(ProtocolLoadError);
  });

  test('YAML that is valid but not an object', () => {
    const error = failure('- a\n- b\n', { format: 'yaml' });
    expect(error.issues[0]).toMatchObject({
      source: 'schema',
      line: 1,
      column: 1,
      message: 'expected an object, got a list',
    });
  });
});
