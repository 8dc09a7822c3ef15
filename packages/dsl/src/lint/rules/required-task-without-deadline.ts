import { allTasks } from '@cpts/core';
import type { LintRule } from '../types.js';

/**
 * A required task with no `due` window and no recurrence: nobody can tell when it is late, so it
 * never becomes a rupture.
 */
export const requiredTaskWithoutDeadline: LintRule = {
  id: 'required-task-without-deadline',
  severity: 'warning',
  description: 'A required task has no deadline (due window), so missing it is never detected.',
  check: (p) =>
    allTasks(p)
      .filter(({ task }) => task.required && !task.due && !task.repeat)
      .map(({ task, path }) => ({
        path,
        message: `required task "${task.id}" has no deadline: a miss will never be reported as a rupture`,
        hint: `add due: { within: 'P7D', from: … } with its source, or mark the task required: false`,
      })),
};
