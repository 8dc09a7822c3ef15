import { allTasks } from '@cpts/core';
import type { LintRule, RuleReport } from '../types.js';

/** A clinical number (deadline, cadence, training hours, gradation, target) that cites no source. */
export const numberWithoutSource: LintRule = {
  id: 'number-without-source',
  severity: 'warning',
  description: 'A deadline, cadence, qualification, gradation or indicator target cites no source.',
  check: (p) => {
    const out: RuleReport[] = [];
    const hint =
      "cite a fiche.sources id in source (a source of kind 'consensus-equipe' with a note for a team choice)";
    for (const { task, path } of allTasks(p)) {
      if (task.due && task.due.source === undefined)
        out.push({
          path: [...path, 'due'],
          message: `the deadline of task "${task.id}" (${task.due.within}) cites no source`,
          hint,
        });
      if (task.repeat && task.repeat.source === undefined)
        out.push({
          path: [...path, 'repeat'],
          message: `the cadence of task "${task.id}" cites no source`,
          hint,
        });
    }
    p.delegations.forEach((d, i) => {
      const q = d.qualification;
      if (
        q &&
        (q.minHours !== undefined || q.validFor !== undefined) &&
        q.source === undefined &&
        d.source === undefined
      )
        out.push({
          path: ['delegations', i, 'qualification'],
          message: `the qualification of delegation "${d.id}" (${q.minHours ?? '?'} h) cites no source`,
          hint,
        });
    });
    if (p.complexity && p.complexity.rules.length > 0 && p.complexity.source === undefined)
      out.push({ path: ['complexity'], message: 'the gradation of complexity cites no source', hint });
    p.indicators.forEach((ind, i) => {
      if ((ind.target !== undefined || ind.reference !== undefined) && ind.source === undefined)
        out.push({
          path: ['indicators', i],
          message: `indicator "${ind.id}" has a target or reference value but cites no source`,
          hint,
        });
    });
    return out;
  },
};
