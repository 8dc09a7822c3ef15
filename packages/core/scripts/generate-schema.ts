/**
 * Writes the published JSON Schema of a protocol definition, `schema/protocol.schema.json`, from
 * the zod schema. Run after any change to the model: `pnpm --filter @cpts/core schema`.
 * `--check` writes nothing and fails when the checked-in file is stale (for CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { protocolJsonSchema } from '../src/model/json-schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/protocol.schema.json', import.meta.url));

/** The text of the schema file: stable key order from the generator, two-space indent, final newline. */
export function schemaFileText(): string {
  return `${JSON.stringify(protocolJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = schemaFileText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      process.stderr.write(`${SCHEMA_FILE} is stale: run \`pnpm --filter @cpts/core schema\`\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, text);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  }
}
