import { allSteps, formatPath, type Step } from '@cpts/core';
import { conditionDomain, whyNever } from '../satisfiable.js';
import type { LintRule, RuleReport } from '../types.js';

/**
 * A step that can only be reached through exits whose condition can never hold (contradictory
 * comparisons, values outside a fact's enum or bounds, a complexity level no rule produces…).
 */
export const stepBehindImpossibleCondition: LintRule = {
  id: 'step-behind-impossible-condition',
  severity: 'error',
  description: 'A step can only be reached through a condition that can never hold.',
  check: (p) => {
    const domain = conditionDomain(p);
    const reports: RuleReport[] = [];
    const level = (steps: Step[], initial: string | undefined, path: (string | number)[]) => {
      const start = initial ?? steps[0]?.id;
      const impossible = new Map<string, { path: (string | number)[]; why: string }[]>();
      const reached = new Set<string>(start === undefined ? [] : [start]);
      const queue = [...reached];
      while (queue.length > 0) {
        const i = steps.findIndex((s) => s.id === queue.shift());
        steps[i]?.exits.forEach((exit, j) => {
          const why = exit.when ? whyNever(exit.when, domain) : undefined;
          if (why !== undefined) {
            const list = impossible.get(exit.to) ?? [];
            list.push({ path: [...path, i, 'exits', j, 'when'], why });
            impossible.set(exit.to, list);
          } else if (!reached.has(exit.to)) {
            reached.add(exit.to);
            queue.push(exit.to);
          }
        });
      }
      steps.forEach((step) => {
        const blocked = impossible.get(step.id);
        if (!reached.has(step.id) && blocked) {
          const first = blocked[0]!;
          reports.push({
            path: first.path,
            message: `step "${step.id}" can only be reached through ${blocked.length > 1 ? 'conditions' : 'a condition'} that can never hold: ${blocked
              .map((b) => `${formatPath(b.path)}: ${b.why}`)
              .join('; ')}`,
            hint: `fix the condition (compare with values the facts can take) or remove step "${step.id}"`,
          });
        }
      });
    };
    level(p.steps, p.initial, ['steps']);
    for (const { step, path } of allSteps(p)) {
      if (!step.steps) continue;
      if (step.kind === 'parallel') {
        step.steps.forEach((b, j) => {
          if (b.steps) level(b.steps, b.initial, [...path, 'steps', j, 'steps']);
        });
      } else level(step.steps, step.initial, [...path, 'steps']);
    }
    return reports;
  },
};
