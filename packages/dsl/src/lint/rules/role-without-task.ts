import { allTasks } from '@cpts/core';
import type { LintRule } from '../types.js';

/** A declared role that performs no task, receives no escalation and is the delegate of nothing. */
export const roleWithoutTask: LintRule = {
  id: 'role-without-task',
  severity: 'warning',
  description: 'A role has no task: it appears in no worklist.',
  check: (p) => {
    const used = new Set<string>();
    for (const { task } of allTasks(p)) {
      for (const r of task.responsible) used.add(r);
      if (task.onMiss?.escalateTo) used.add(task.onMiss.escalateTo);
    }
    for (const d of p.delegations) used.add(d.delegate);
    return p.roles.flatMap((role, i) =>
      used.has(role.id)
        ? []
        : [
            {
              path: ['roles', i],
              message: `role "${role.id}" (${role.label.fr}) has no task: it will appear in no worklist`,
              hint: `give "${role.id}" a task (responsible: ['${role.id}']) or remove the role`,
            },
          ],
    );
  },
};
