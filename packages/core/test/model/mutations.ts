/**
 * Random changes of a valid definition, for property tests: delete a value, replace it with random
 * JSON, put a string from elsewhere in the definition in its place (an id, a duration… which
 * breaks references rather than shapes), or duplicate an array item (which duplicates ids).
 */
import fc from 'fast-check';

type Key = string | number;
type Container = Record<Key, unknown>;

/** Every path to a value inside `value` (the root excluded), depth first. */
export function pathsOf(value: unknown, prefix: Key[] = []): Key[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [Key, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsOf);
}

function parentOf(root: unknown, path: readonly Key[]): Container {
  let at = root;
  for (const key of path.slice(0, -1)) at = (at as Container)[key];
  return at as Container;
}

/** One change, with `at` choosing a path among those of the value it is applied to. */
export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'string'; at: number; value: string }
  | { kind: 'duplicate'; at: number };

/** Applies changes in place, in order; each picks among the paths present at that moment. */
export function applyMutations(root: unknown, mutations: readonly Mutation[]): unknown {
  for (const m of mutations) {
    const paths = pathsOf(root);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length]!;
    const parent = parentOf(root, path);
    const key = path[path.length - 1]!;
    switch (m.kind) {
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete parent[key];
        break;
      case 'replace':
      case 'string':
        parent[key] = m.value;
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        break;
    }
  }
  return root;
}

/** A copy of `base` with one to four random changes. */
export function mutationOf(base: unknown): fc.Arbitrary<unknown> {
  const strings = [...new Set(stringsOf(base))];
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
    fc.record({ kind: fc.constant('string' as const), at: fc.nat(), value: fc.constantFrom(...strings) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 4 })
    .map((mutations) => applyMutations(structuredClone(base), mutations));
}
