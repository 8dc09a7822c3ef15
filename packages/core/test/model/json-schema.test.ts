import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from '../../scripts/generate-schema.js';
import { PROTOCOL_SCHEMA_ID, protocolJsonSchema } from '../../src/model/json-schema.js';
import { parseProtocol } from '../../src/model/parse.js';
import { ProtocolSchema } from '../../src/model/protocol.js';
import { heartFailureDischarge as hf, minimalProtocol as minimal } from '../fixtures/index.js';
import { edit, remove } from './helpers.js';
import { mutationOf } from './mutations.js';

const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(
  protocolJsonSchema(),
);

describe('the published JSON Schema', () => {
  it('is up to date with the zod schema', () => {
    const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    expect(
      checkedIn === schemaFileText(),
      'packages/core/schema/protocol.schema.json is stale: run `pnpm --filter @cpts/core schema` and commit the file',
    ).toBe(true);
  });

  it('is a draft 2020-12 document with an $id and a title, the protocol object at its root', () => {
    const schema = protocolJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(PROTOCOL_SCHEMA_ID);
    expect(schema.title).toBe('cpts protocol definition');
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('$ref');
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining(['Condition', 'Step', 'Task', 'Anchor']),
    );
    expect(JSON.stringify(schema)).not.toMatch(/__schema\d|#\/\$defs\/ProtocolDefinition/);
  });

  it('compiles with ajv in strict mode (union types aside)', () => {
    expect(typeof validate).toBe('function');
  });

  it.each([
    ['the heart-failure fixture', hf],
    ['the minimal fixture', minimal],
    ['a parsed definition (defaults applied)', parseProtocol(hf)],
  ])('accepts %s', (_name, input) => {
    expect(validate(JSON.parse(JSON.stringify(input))), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a protocol without roles', remove(minimal, ['roles']), ''],
    ['an unknown key', edit(minimal, ['steps', 0, 'tasks', 0, 'responsable'], ['x']), '/steps/0/tasks/0'],
    [
      'a duration that is not ISO 8601',
      edit(hf, ['steps', 1, 'tasks', 0, 'due', 'within'], '24h'),
      '/steps/1/tasks/0/due/within',
    ],
    ['an empty French label', edit(minimal, ['title', 'fr'], ''), '/title/fr'],
    ['an id with a space', edit(minimal, ['id'], 'mon protocole'), '/id'],
    [
      'a condition of no known form',
      edit(minimal, ['steps', 0, 'exits', 0, 'when'], { fact: 'age', op: 'greater', value: 1 }),
      '/steps/0/exits/0/when',
    ],
    ['a version that is not semver', edit(minimal, ['version'], 'v1'), '/version'],
    ['facts that are not an object schema', edit(minimal, ['facts'], { type: 'array' }), '/facts/type'],
  ])('rejects %s', (_name, input, pointer) => {
    expect(validate(input)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(pointer);
  });

  it('agrees with the zod schema on random changes of the fixture', () => {
    fc.assert(
      fc.property(mutationOf(hf), (input) => {
        const json = JSON.parse(JSON.stringify(input)) as unknown;
        expect(validate(json)).toBe(ProtocolSchema.safeParse(json).success);
      }),
      { numRuns: 300 },
    );
  });
});
