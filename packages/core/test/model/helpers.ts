import { expect } from 'vitest';
import type { ValidationIssue } from '../../src/errors.js';
import { ProtocolValidationError } from '../../src/errors.js';
import { parseProtocol, safeParseProtocol } from '../../src/model/parse.js';

/** Every issue `parseProtocol` reports for an input (fails the test when the input is valid). */
export function issuesOf(input: unknown): readonly ValidationIssue[] {
  const result = safeParseProtocol(input);
  if (result.success) throw new Error('expected the protocol to be invalid, but it parsed');
  return result.error.issues;
}

/**
 * Asserts that parsing `input` throws a `ProtocolValidationError` with exactly one issue, at
 * `pointer`, whose message matches `message`; returns the issue.
 */
export function expectOnlyIssue(input: unknown, pointer: string, message: RegExp | string): ValidationIssue {
  let error: unknown;
  try {
    parseProtocol(input);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ProtocolValidationError);
  const issues = (error as ProtocolValidationError).issues;
  expect(issues.map((i) => `${i.pointer}: ${i.message}`)).toHaveLength(1);
  const [only] = issues;
  expect(only!.pointer).toBe(pointer);
  if (typeof message === 'string') expect(only!.message).toBe(message);
  else expect(only!.message).toMatch(message);
  return only!;
}

type Key = string | number;
type Container = Record<Key, unknown>;

function parentOf(root: unknown, path: readonly Key[]): Container {
  let at = root;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null)
      throw new Error(`no container at ${String(key)} in ${JSON.stringify(path)}`);
    at = (at as Container)[key];
  }
  if (typeof at !== 'object' || at === null) throw new Error(`no container for ${JSON.stringify(path)}`);
  return at as Container;
}

/** A deep copy of `base` with the value at `path` replaced (or added). */
export function edit(base: unknown, path: readonly Key[], value: unknown): unknown {
  const copy: unknown = structuredClone(base);
  parentOf(copy, path)[path[path.length - 1]!] = value;
  return copy;
}

/** A deep copy of `base` with the value at `path` removed (spliced out of an array). */
export function remove(base: unknown, path: readonly Key[]): unknown {
  const copy: unknown = structuredClone(base);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete parent[key];
  return copy;
}

/** A deep copy of `base` with `value` appended to the array at `path`. */
export function append(base: unknown, path: readonly Key[], value: unknown): unknown {
  const copy: unknown = structuredClone(base);
  const parent = parentOf(copy, [...path, 0]);
  if (!Array.isArray(parent)) throw new Error(`no array at ${JSON.stringify(path)}`);
  parent.push(value);
  return copy;
}

/** Applies edits in order: `edits(base, [path, value], …)`. */
export function edits(base: unknown, ...changes: (readonly [readonly Key[], unknown])[]): unknown {
  return changes.reduce((acc, [path, value]) => edit(acc, path, value), base);
}
