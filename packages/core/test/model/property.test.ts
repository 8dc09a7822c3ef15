import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, ProtocolValidationError, type ValidationIssue } from '../../src/errors.js';
import { parseProtocol, safeParseProtocol } from '../../src/model/parse.js';
import { heartFailureDischarge as hf, minimalProtocol as minimal } from '../fixtures/index.js';
import { applyMutations, mutationOf, pathsOf } from './mutations.js';

/** Runs parseProtocol and returns what it threw (undefined when it returned). */
function thrownBy(input: unknown): unknown {
  try {
    parseProtocol(input);
    return undefined;
  } catch (e) {
    return e;
  }
}

/** zod's own English messages must never reach a coordinator: every issue has a message of ours. */
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Too (small|big)|Unrecognized key|Invalid string)/;

function expectReadable(issues: readonly ValidationIssue[], input: unknown) {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.pointer).toBe(formatPath(i.path));
    expect(['structure', 'semantic']).toContain(i.kind);
    expect(i.message, JSON.stringify(input)).not.toMatch(ZOD_DEFAULT);
    expect(i.message.length).toBeGreaterThan(5);
    // JSON data can always be read, and no check may crash on data whose structure is valid.
    expect(i.message).not.toMatch(/cannot be read as JSON data|internal error/);
  }
}

/** Asserts that parsing throws nothing but a ProtocolValidationError with readable issues. */
function expectOnlyValidationErrors(input: unknown) {
  const thrown = thrownBy(input);
  if (thrown === undefined) return;
  expect(thrown).toBeInstanceOf(ProtocolValidationError);
  expectReadable((thrown as ProtocolValidationError).issues, input);
}

describe('parseProtocol never throws anything but ProtocolValidationError', () => {
  it('on random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), expectOnlyValidationErrors), { numRuns: 500 });
  });

  it('on random JavaScript values (undefined, NaN, dates, maps, sparse arrays, null prototypes, bigints…)', () => {
    const anything = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (input) => {
        const thrown = thrownBy(input);
        if (thrown !== undefined) expect(thrown).toBeInstanceOf(ProtocolValidationError);
      }),
      { numRuns: 500 },
    );
  });

  it('on random objects that have the top-level keys of a protocol', () => {
    const protocolish = fc.record(
      {
        id: fc.oneof(fc.string(), fc.constant('ic')),
        version: fc.oneof(fc.string(), fc.constant('1.0.0')),
        title: fc.oneof(fc.jsonValue(), fc.constant({ fr: 'IC' })),
        fiche: fc.oneof(fc.jsonValue(), fc.constant({})),
        roles: fc.oneof(fc.jsonValue(), fc.constant(minimal.roles)),
        steps: fc.oneof(fc.jsonValue(), fc.constant(minimal.steps)),
        facts: fc.jsonValue(),
        events: fc.jsonValue(),
        complexity: fc.jsonValue(),
        delegations: fc.jsonValue(),
        indicators: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(protocolish, expectOnlyValidationErrors), { numRuns: 500 });
  });

  it.each([
    ['the heart-failure fixture', hf],
    ['the minimal fixture', minimal],
  ])('on random changes of %s (deleted, replaced, swapped and duplicated values)', (_name, base) => {
    fc.assert(fc.property(mutationOf(base), expectOnlyValidationErrors), { numRuns: 250 });
  });

  it('on changes that only swap strings, which break references rather than shapes', () => {
    const strings = fc.constantFrom(
      'x',
      'P7D',
      'sortie',
      'cardiologue',
      'suivi',
      'age',
      'consultation-mg',
      'prado-ic',
    );
    const swaps = fc.array(
      fc.record({ kind: fc.constant('string' as const), at: fc.nat(), value: strings }),
      {
        minLength: 1,
        maxLength: 3,
      },
    );
    fc.assert(
      fc.property(swaps, (mutations) =>
        expectOnlyValidationErrors(applyMutations(structuredClone(hf), mutations)),
      ),
      { numRuns: 200 },
    );
  });
});

describe('safeParseProtocol never throws', () => {
  it('on random values, including changes of the fixture', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutationOf(hf)), (input) => {
        const result = safeParseProtocol(input);
        expect(typeof result.success).toBe('boolean');
        if (!result.success) expect(result.error).toBeInstanceOf(ProtocolValidationError);
      }),
      { numRuns: 300 },
    );
  });

  it('on cyclic objects, wherever the cycle is', () => {
    type Key = string | number;
    const valueAt = (root: unknown, path: readonly Key[]) =>
      path.reduce<unknown>((acc, k) => (acc as Record<Key, unknown>)[k], root);
    const containers = pathsOf(hf).filter((p) => {
      const v = valueAt(hf, p);
      return typeof v === 'object' && v !== null;
    });
    fc.assert(
      fc.property(fc.constantFrom(...containers), fc.nat(), (where, k) => {
        const input = structuredClone(hf) as unknown;
        // Make the value at `where` hold a reference to itself or to one of its ancestors.
        const ancestor = valueAt(input, where.slice(0, k % (where.length + 1)));
        const holder = valueAt(input, where) as Record<Key, unknown>;
        if (Array.isArray(holder)) holder.push(ancestor);
        else holder.loop = ancestor;
        const result = safeParseProtocol(input);
        expect(result.success).toBe(false);
        if (!result.success) expect(result.error).toBeInstanceOf(ProtocolValidationError);
      }),
      { numRuns: 200 },
    );
  });

  it('on getters that throw, wherever they are', () => {
    const paths = pathsOf(hf);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.string(), (path, reason) => {
        const input = structuredClone(hf) as unknown;
        const parent = path
          .slice(0, -1)
          .reduce<unknown>((acc, k) => (acc as Record<string | number, unknown>)[k], input);
        Object.defineProperty(parent, path[path.length - 1]!, {
          enumerable: true,
          configurable: true,
          get() {
            throw new Error(reason);
          },
        });
        const result = safeParseProtocol(input);
        expect(result.success).toBe(false);
        if (!result.success) {
          expect(result.error).toBeInstanceOf(ProtocolValidationError);
          expect(result.error.issues.map((i) => i.message)).toContain(
            `the input cannot be read as JSON data (reading it failed: ${reason})`,
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on getters that throw something that is not an Error', () => {
    const input = { ...structuredClone(minimal) } as Record<string, unknown>;
    Object.defineProperty(input, 'roles', {
      enumerable: true,
      get() {
        throw 'a string, not an Error';
      },
    });
    const result = safeParseProtocol(input);
    expect(!result.success && result.error.issues[0]!.message).toBe(
      'the input cannot be read as JSON data (reading it failed: string)',
    );
  });
});

describe('a definition that parses', () => {
  it('parses again to the same definition (parsing is idempotent)', () => {
    fc.assert(
      fc.property(mutationOf(hf), (input) => {
        const first = safeParseProtocol(input);
        if (!first.success) return;
        expect(parseProtocol(JSON.parse(JSON.stringify(first.data)))).toEqual(first.data);
      }),
      { numRuns: 150 },
    );
  });
});
