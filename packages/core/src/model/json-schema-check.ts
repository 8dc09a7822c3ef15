import { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * One validator for the JSON Schemas a protocol carries (facts, task data, event data). Each schema
 * is compiled to prove it valid and then forgotten: the validator keeps no user schema, so two
 * protocols (or two parses of one) never clash on an `$id`, memory stays flat, and nothing is logged.
 */
const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  validateFormats: false,
  addUsedSchema: false,
  logger: false,
});
const builtinRefs = new Set(Object.keys(ajv.refs));

/**
 * Why a JSON Schema is not valid (meta-schema violation, unresolvable `$ref`…), or `undefined` when it is.
 *
 * @example
 * invalidJsonSchemaReason({ type: 'objet' }); // 'schema is invalid: data/type must be equal to one of the allowed values, …'
 */
export function invalidJsonSchemaReason(schema: object): string | undefined {
  try {
    ajv.compile(schema);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    ajv.removeSchema(schema);
    for (const key of Object.keys(ajv.refs)) if (!builtinRefs.has(key)) delete ajv.refs[key];
  }
}
