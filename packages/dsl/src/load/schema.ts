/**
 * Validation of raw protocol data against the published JSON Schema (draft 2020-12) with ajv, with
 * ajv's errors turned into one readable message per problem (the noise of `anyOf` collapsed into the
 * branch the author meant).
 * @module
 */
import { PROTOCOL_SCHEMA_ID, protocolJsonSchema } from '@cpts/core';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/** One problem found by the JSON Schema. */
export interface SchemaProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

type Json = { [key: string]: unknown };
const ROOT = PROTOCOL_SCHEMA_ID;

let cached: { ajv: Ajv2020; validate: ValidateFunction; pointers: Map<object, string> } | undefined;

function validator() {
  if (cached) return cached;
  const schema = { ...protocolJsonSchema(), $id: ROOT };
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, logger: false });
  ajv.addSchema(schema);
  const validate = ajv.getSchema(ROOT)!;
  const pointers = new Map<object, string>();
  const walk = (value: unknown, pointer: string) => {
    if (value === null || typeof value !== 'object') return;
    if (!pointers.has(value)) pointers.set(value, pointer);
    for (const [k, v] of Object.entries(value))
      walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(schema, '');
  cached = { ajv, validate, pointers };
  return cached;
}

/**
 * Validates data against the published protocol JSON Schema (`protocolJsonSchema()` of `@cpts/core`).
 * @returns every problem, with its JSON path; empty when the data has the shape of a protocol.
 * @example
 * validateProtocolSchema(yamlData).forEach((p) => report(p.path, p.message));
 */
export function validateProtocolSchema(data: unknown): SchemaProblem[] {
  const { validate } = validator();
  if (validate(data)) return [];
  const errors = reduce(validate.errors ?? [], data);
  // A misspelt key gives "unknown key" and "required": keep the one that says "did you mean".
  const misspelt = new Set(
    errors.flatMap((e) => {
      if (e.keyword !== 'additionalProperties') return [];
      const allowed = Object.keys(
        ((e.parentSchema as Json | undefined)?.properties as Json | undefined) ?? {},
      );
      const near = suggest(String((e.params as Json).additionalProperty), allowed);
      return near ? [`${e.instancePath}\u0000${near}`] : [];
    }),
  );
  return errors
    .filter(
      (e) =>
        !(
          e.keyword === 'required' &&
          misspelt.has(`${e.instancePath}\u0000${String((e.params as Json).missingProperty)}`)
        ),
    )
    .map((e) => {
      const path = pathOf(e.instancePath, data);
      // An unknown key is reported at the key itself.
      if (e.keyword === 'additionalProperties') path.push(String((e.params as Json).additionalProperty));
      return { path, message: messageOf(e) };
    });
}

/** Splits a JSON pointer. */
function segments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** Replaces the errors of each outermost `anyOf` by those of its closest branch. */
function reduce(errors: readonly ErrorObject[], data: unknown): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const outer = unions.filter(
    (u, i) =>
      !unions.some(
        (o, j) =>
          j !== i && within(u.instancePath, o.instancePath) && (o.instancePath !== u.instancePath || j > i),
      ),
  );
  const out: ErrorObject[] = errors.filter((e) => !outer.some((u) => within(e.instancePath, u.instancePath)));
  for (const u of outer) out.push(...resolveUnion(u, data));
  return out;
}

function resolveUnion(union: ErrorObject, root: unknown): ErrorObject[] {
  const { ajv, pointers } = validator();
  const parent = union.parentSchema as Json | undefined;
  const branches = parent?.[union.keyword] as unknown[] | undefined;
  const pointer = parent ? pointers.get(parent) : undefined;
  const value = valueAt(root, union.instancePath);
  if (!branches || pointer === undefined) return [union];
  let best: { score: number; errors: ErrorObject[] } | undefined;
  branches.forEach((_, i) => {
    const check = ajv.getSchema(`${ROOT}#${pointer}/${union.keyword}/${i}`);
    if (!check || check(value)) return;
    const errors = reduce(check.errors ?? [], value).map((e) => ({
      ...e,
      instancePath: union.instancePath + e.instancePath,
    }));
    const score = errors.reduce((n, e) => n + weight(e, union.instancePath), 0);
    if (!best || score < best.score) best = { score, errors };
  });
  if (!best || best.score >= 1000) return [union];
  const chosen = best.errors;
  const only = chosen[0];
  if (chosen.length === 1 && only && only.keyword === 'enum' && only.instancePath === union.instancePath) {
    // `from: sortie`: say the object forms too, not only the allowed texts.
    const objects = branches.flatMap((b) => {
      const required = (b as Json).required;
      return Array.isArray(required) ? [`{ ${required.join(', ')} }`] : [];
    });
    if (objects.length) return [{ ...only, params: { ...only.params, objects } }];
  }
  return chosen;
}

/** How far an error puts a branch from what the author wrote. */
function weight(e: ErrorObject, base: string): number {
  if (e.instancePath !== base) return 1;
  switch (e.keyword) {
    case 'type':
    case 'anyOf':
    case 'oneOf':
      return 1000;
    case 'required':
      return 100;
    case 'enum':
    case 'const':
      return 40;
    case 'additionalProperties':
      return 20;
    default:
      return 5;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const s of segments(pointer)) v = Array.isArray(v) ? v[Number(s)] : (v as Json | undefined)?.[s];
  return v;
}

function pathOf(pointer: string, root: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let v: unknown = root;
  for (const s of segments(pointer)) {
    if (Array.isArray(v)) {
      out.push(Number(s));
      v = v[Number(s)];
    } else {
      out.push(s);
      v = (v as Json | undefined)?.[s];
    }
  }
  return out;
}

/** Describes a value for a message: `the number 1`, `an array`… */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** The closest name to a misspelt one, if close enough. */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  let best: [string, number] | undefined;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (!best || d < best[1]) best = [c, d];
  }
  return best && best[1] <= Math.max(1, Math.floor(name.length / 3)) ? best[0] : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function messageOf(e: ErrorObject): string {
  const parent = (e.parentSchema ?? {}) as Json;
  const p = e.params as Json;
  switch (e.keyword) {
    case 'required':
      return `"${String(p.missingProperty)}" is required here`;
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((parent.properties as Json | undefined) ?? {});
      const near = suggest(key, allowed);
      return near
        ? `unknown key "${key}": did you mean "${near}"?`
        : `unknown key "${key}" (allowed here: ${allowed.join(', ')})`;
    }
    case 'type': {
      const types = ([] as unknown[]).concat(p.type).map((t) => TYPE_NAMES[String(t)] ?? String(t));
      const hint =
        typeof e.data === 'number' && types.includes('a text')
          ? ' (write it between quotes, e.g. "1.0.0")'
          : '';
      return `expected ${types.join(' or ')}, got ${describeValue(e.data)}${hint}`;
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const objects = Array.isArray(p.objects) ? (p.objects as string[]) : [];
      const forms = objects.length
        ? `${values.join(', ')}, or an object ${objects.join(', ')}`
        : values.join(', ');
      return `must be one of ${forms} (got ${describeValue(e.data)})`;
    }
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'pattern':
      return patternMessage(String(p.pattern), parent, e.data);
    case 'minItems':
      return `needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `has more than ${String(p.limit)} items`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must have at most ${String(p.limit)} characters`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `${describeValue(e.data)} ${e.message ?? 'is out of range'}`;
    case 'anyOf':
    case 'oneOf': {
      const what = typeof parent.description === 'string' ? parent.description : 'one of the allowed forms';
      return `${describeValue(e.data)} does not match any allowed form: ${what}`;
    }
    default:
      return e.message ?? `invalid (${e.keyword})`;
  }
}

function patternMessage(pattern: string, parent: Json, data: unknown): string {
  const got = describeValue(data);
  if (pattern.startsWith('^P(?!$)'))
    return `${got} is not an ISO 8601 duration such as "P7D" (7 days), "PT48H" (48 hours) or "P2M" (2 months)`;
  if (pattern.startsWith('^[A-Za-z][A-Za-z0-9_-]*$'))
    return `${got} is not an identifier: it must start with a letter and contain only letters, digits, "-" and "_"`;
  if (pattern.startsWith('^(0|[1-9]\\d*)\\.')) return `${got} is not a semantic version such as "1.0.0"`;
  if (pattern.startsWith('^\\d{4}-')) return `${got} is not a date "YYYY-MM" or "YYYY-MM-DD"`;
  const what = typeof parent.description === 'string' ? `: ${parent.description}` : ` (pattern ${pattern})`;
  return `${got} has not the expected form${what}`;
}
