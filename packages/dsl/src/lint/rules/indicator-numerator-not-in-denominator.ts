import { type Criterion, canonicalJson } from '@cpts/core';
import type { LintRule } from '../types.js';

/** Whether criterion `a` structurally implies criterion `b` (every journey `a` counts, `b` counts). */
export function implies(a: Criterion, b: Criterion): boolean {
  if (canonicalJson(a) === canonicalJson(b)) return true;
  if ('all' in b && b.all.every((x) => implies(a, x))) return true;
  if ('any' in b && b.any.some((x) => implies(a, x))) return true;
  if ('all' in a && a.all.some((x) => implies(x, b))) return true;
  if ('any' in a && a.any.every((x) => implies(x, b))) return true;
  return false;
}

/** An indicator whose numerator can count journeys its denominator does not: a share above 100 %. */
export const indicatorNumeratorNotInDenominator: LintRule = {
  id: 'indicator-numerator-not-in-denominator',
  severity: 'error',
  description: 'An indicator numerator is not a subset of its denominator.',
  check: (p) =>
    p.indicators.flatMap((ind, i) =>
      implies(ind.numerator, ind.denominator)
        ? []
        : [
            {
              path: ['indicators', i, 'numerator'],
              message: `indicator "${ind.id}": the numerator is not a subset of the denominator, so the share can exceed 100 %`,
              hint: 'write the numerator as { all: [<the denominator>, <what is measured>] }',
            },
          ],
    ),
};
