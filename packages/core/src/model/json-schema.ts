import { z } from 'zod';
import { ProtocolSchema } from './protocol.js';

/** Where the published JSON Schema of a protocol definition lives; use it as the `$schema` of a protocol file. */
export const PROTOCOL_SCHEMA_ID = 'https://cpts.dev/schema/protocol.schema.json';

/** A JSON Schema document, as `protocolJsonSchema` returns it. */
export type JsonSchemaDocument = { [key: string]: unknown };

/**
 * The JSON Schema (draft 2020-12) of a protocol definition *as authored* (defaults optional),
 * generated from the zod schema. It checks the structure only: references, reachability and the
 * other semantic rules are checked by `parseProtocol`. The same document is published as
 * `@cpts/core/schema/protocol.schema.json`, so that editors autocomplete JSON and YAML protocols.
 *
 * @example
 * import { Ajv2020 } from 'ajv/dist/2020.js';
 * const validate = new Ajv2020().compile(protocolJsonSchema());
 * validate(JSON.parse(text)); // structure only; then parseProtocol for the semantic checks
 */
export function protocolJsonSchema(): JsonSchemaDocument {
  const generated = z.toJSONSchema(ProtocolSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as JsonSchemaDocument;
  // zod puts the root (it has an id) under $defs and points to it; inline it, so that the document
  // itself is the protocol's schema, as editors expect.
  const {
    $schema,
    $ref,
    $defs = {},
    ...rest
  } = generated as { $schema?: string; $ref?: string; $defs?: JsonSchemaDocument };
  const rootName = typeof $ref === 'string' ? $ref.replace(/^#\/\$defs\//, '') : undefined;
  const { [rootName ?? '']: root, ...defs } = $defs;
  const body = rootName !== undefined && typeof root === 'object' && root !== null ? root : rest;
  const document: JsonSchemaDocument = {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: PROTOCOL_SCHEMA_ID,
    ...body,
    $defs: defs,
  };
  // Nothing refers to the root by name today; if something does, it now refers to the document.
  return JSON.parse(
    JSON.stringify(document).replaceAll(`"#/$defs/${rootName}"`, '"#"'),
  ) as JsonSchemaDocument;
}
