import { LINT_RULE_IDS } from '../ids.js';
import type { LintRule } from '../types.js';

/** An id in `lint.off` that names no rule: a typo silently leaves the rule on. */
export const unknownLintRule: LintRule = {
  id: 'unknown-lint-rule',
  severity: 'warning',
  description: 'lint.off names a rule that does not exist.',
  check: (p) =>
    (p.lint?.off ?? []).flatMap((id, i) =>
      (LINT_RULE_IDS as readonly string[]).includes(id)
        ? []
        : [
            {
              path: ['lint', 'off', i],
              message: `lint.off names an unknown rule "${id}"`,
              hint: `use one of: ${LINT_RULE_IDS.join(', ')}`,
            },
          ],
    ),
};
