import { allTasks } from '@cpts/core';
import type { LintRule } from '../types.js';

/** A task with a deadline but no `onMiss`: the rupture is recorded, but nobody is told to act. */
export const deadlineWithoutMissPolicy: LintRule = {
  id: 'deadline-without-miss-policy',
  severity: 'warning',
  description: 'A task with a deadline says nothing about what a missed deadline does.',
  check: (p) =>
    allTasks(p)
      .filter(
        ({ task }) =>
          task.required &&
          (task.due || task.repeat) &&
          !task.onMiss?.escalateTo &&
          !task.onMiss?.open?.length,
      )
      .map(({ task, path }) => ({
        path: [...path, task.due ? 'due' : 'repeat'],
        message: `task "${task.id}" has a deadline but no miss policy: when it is late, nobody is asked to act`,
        hint: 'add onMiss: { escalateTo: <role> } or onMiss: { open: [<on-demand task>] }',
      })),
};
