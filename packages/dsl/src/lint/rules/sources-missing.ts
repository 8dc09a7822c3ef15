import type { LintRule } from '../types.js';

/** A protocol that cites no source: not even the team's consensus. */
export const sourcesMissing: LintRule = {
  id: 'sources-missing',
  severity: 'error',
  description: 'The fiche lists no documentary source.',
  check: (p) =>
    p.fiche.sources.length > 0
      ? []
      : [
          {
            path: ['fiche', 'sources'],
            message:
              'the fiche lists no source: deadlines, criteria and indicators rest on nothing the reader can check',
            hint: "add fiche.sources (HAS guideline, decree, programme…) or a source of kind 'consensus-equipe' for team choices",
          },
        ],
};
