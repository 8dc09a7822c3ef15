import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so that equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * Content hash of a protocol definition (sha-256 of its canonical JSON, `$schema` left out):
 * two definitions with the same content have the same hash, whatever their key order or source format.
 */
export function protocolHash(definition: object): string {
  const { $schema: _ignored, ...content } = definition as Record<string, unknown>;
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}
