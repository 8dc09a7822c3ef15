/**
 * Small JSON Schemas the reference protocols reuse in facts and task data.
 * Dates are strings with a pattern rather than `format`, which a validator may not know.
 * @internal
 */

/** A calendar date or an ISO 8601 instant: `2026-11-23` or `2026-11-23T10:00:00Z`. */
export const DATE = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ].*)?$',
  description: 'Date ISO 8601 (AAAA-MM-JJ, éventuellement suivie de l’heure).',
} as const;

/** Free text. */
export const TEXTE = { type: 'string', minLength: 1 } as const;

/** A yes/no answer. */
export const OUI_NON = { type: 'boolean' } as const;
