import type { ProtocolDefinition } from '@cpts/core';
import type { LintRuleId } from './ids.js';

/** How serious a finding is: `error` (the protocol will not work as written), `warning`, `info`. */
export type LintSeverity = 'error' | 'warning' | 'info';

/** One thing the linter found, with where it is and how to fix it. */
export interface LintFinding {
  readonly rule: LintRuleId;
  readonly severity: LintSeverity;
  /** JSON path of the value concerned. */
  readonly path: readonly (string | number)[];
  /** The same path as text: `steps[0].tasks[1].due`. */
  readonly pointer: string;
  readonly message: string;
  /** What to change. */
  readonly hint: string;
}

/** What a rule reports: a finding without its rule id and severity. */
export interface RuleReport {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint: string;
}

/** A linter rule. */
export interface LintRule {
  readonly id: LintRuleId;
  readonly severity: LintSeverity;
  /** What the rule checks, in one sentence. */
  readonly description: string;
  check(protocol: ProtocolDefinition): RuleReport[];
}
