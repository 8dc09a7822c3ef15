import type { LintRule } from '../types.js';
import { deadlineWithoutMissPolicy } from './deadline-without-miss-policy.js';
import { delegationWithoutExclusions } from './delegation-without-exclusions.js';
import { delegationWithoutInformation } from './delegation-without-information.js';
import { ficheIncomplete } from './fiche-incomplete.js';
import { indicatorNumeratorNotInDenominator } from './indicator-numerator-not-in-denominator.js';
import { numberWithoutSource } from './number-without-source.js';
import { requiredTaskWithoutDeadline } from './required-task-without-deadline.js';
import { roleWithoutTask } from './role-without-task.js';
import { sourcesMissing } from './sources-missing.js';
import { stepBehindImpossibleCondition } from './step-behind-impossible-condition.js';
import { unknownLintRule } from './unknown-lint-rule.js';

/** Every rule of the linter, in the order of `LINT_RULE_IDS`. */
export const LINT_RULES: readonly LintRule[] = [
  requiredTaskWithoutDeadline,
  deadlineWithoutMissPolicy,
  stepBehindImpossibleCondition,
  delegationWithoutExclusions,
  delegationWithoutInformation,
  roleWithoutTask,
  indicatorNumeratorNotInDenominator,
  ficheIncomplete,
  sourcesMissing,
  numberWithoutSource,
  unknownLintRule,
];
