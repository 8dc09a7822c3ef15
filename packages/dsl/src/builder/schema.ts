import type { JsonSchema, JsonValue, ObjectSchema } from '@cpts/core';
import { CptsError } from '@cpts/core';
import { z } from 'zod';

/** Whether a value is a zod schema (from any copy of zod 4). */
export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

function stripSchemaKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(stripSchemaKeys);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) if (k !== '$schema') out[k] = stripSchemaKeys(v);
    return out;
  }
  return value;
}

/**
 * The JSON Schema (draft 2020-12, `$schema` keys dropped) of a zod schema, as the data it accepts:
 * optional fields and fields with a default are not `required`.
 * @throws {CptsError} `INVALID_PROTOCOL` when zod cannot express the schema as JSON Schema
 * (transforms, functions, dates…), or when it is not an object schema.
 * @example
 * zodToObjectSchema(z.object({ age: z.number().int(), vitSeul: z.boolean().optional() }), 'facts');
 * // { type: 'object', properties: { age: { type: 'integer', … }, vitSeul: { type: 'boolean' } }, required: ['age'] }
 */
export function zodToObjectSchema(schema: z.ZodType, what: string): ObjectSchema {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  } catch (cause) {
    throw new CptsError(
      'INVALID_PROTOCOL',
      `${what}: this zod schema has no JSON Schema form (${cause instanceof Error ? cause.message : String(cause)}); ` +
        'use plain types (z.number(), z.string(), z.enum(), z.boolean(), z.iso.date()…), no transforms',
      { cause },
    );
  }
  const out = stripSchemaKeys(json) as JsonSchema;
  if (out.type !== 'object')
    throw new CptsError(
      'INVALID_PROTOCOL',
      `${what}: expected an object schema (z.object({...})), got type ${JSON.stringify(out.type)}`,
    );
  return out as ObjectSchema;
}
