import type { LintRule } from '../types.js';

/** A delegation with no exclusion criteria: no red flag ever hands the patient back to the délégant. */
export const delegationWithoutExclusions: LintRule = {
  id: 'delegation-without-exclusions',
  severity: 'warning',
  description: 'A delegation has no exclusion criteria (red flags that hand the patient back).',
  check: (p) =>
    p.delegations.flatMap((d, i) =>
      d.exclusions.length > 0
        ? []
        : [
            {
              path: ['delegations', i, 'exclusions'],
              message: `delegation "${d.id}" has no exclusion criteria: no red flag will ever hand the patient back to "${d.delegating}"`,
              hint: 'add exclusions: [{ id, label, when, source }] from the cooperation protocol (and a handBack task)',
            },
          ],
    ),
};
