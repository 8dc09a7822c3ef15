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
  // Checking against the meta-schema is cheap and catches almost everything…
  if (!ajv.validateSchema(schema)) return `schema is invalid: ${ajv.errorsText(ajv.errors)}`;
  // …only references need a compilation (slow: it generates code) to prove they resolve.
  if (!/"\$(dynamicRef|ref|recursiveRef)"/.test(JSON.stringify(schema))) return undefined;
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
