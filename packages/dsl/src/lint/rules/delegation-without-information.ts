import { allTasks } from '@cpts/core';
import type { LintRule } from '../types.js';

/**
 * A delegation that creates no obligation of the delegate after the act: every delegated act must be
 * reported to the médecin traitant (the délégant).
 */
export const delegationWithoutInformation: LintRule = {
  id: 'delegation-without-information',
  severity: 'warning',
  description: 'A delegation does not oblige the delegate to inform the médecin traitant after each act.',
  check: (p) => {
    const responsible = new Map(allTasks(p).map(({ task }) => [task.id, task.responsible] as const));
    return p.delegations.flatMap((d, i) => {
      if (d.obligations.some((o) => responsible.get(o.task)?.includes(d.delegate))) return [];
      return [
        {
          path: ['delegations', i, 'obligations'],
          message:
            d.obligations.length === 0
              ? `delegation "${d.id}" has no obligation to inform the médecin traitant after each act`
              : `delegation "${d.id}": no obligation is a task of the delegate "${d.delegate}", so nothing informs the médecin traitant`,
          hint: `add obligations: [{ task: <on-demand task of "${d.delegate}" sending the assessment to the médecin traitant, with a due window> }]`,
        },
      ];
    });
  },
};
