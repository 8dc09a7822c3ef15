/** Ids of the linter's rules, in the order they run. */
export const LINT_RULE_IDS = [
  'required-task-without-deadline',
  'deadline-without-miss-policy',
  'step-behind-impossible-condition',
  'delegation-without-exclusions',
  'delegation-without-information',
  'role-without-task',
  'indicator-numerator-not-in-denominator',
  'fiche-incomplete',
  'sources-missing',
  'number-without-source',
  'unknown-lint-rule',
] as const;

/** Id of a linter rule, as used in `lint.off`. */
export type LintRuleId = (typeof LINT_RULE_IDS)[number];
