/**
 * The protocol linter: what a valid protocol may still get wrong — deadlines nobody watches,
 * unreachable steps, delegations without red flags, incomplete fiches, numbers without sources.
 * @module
 */
import { formatPath, type ProtocolDefinition } from '@cpts/core';
import type { LintRuleId } from './ids.js';
import { LINT_RULES } from './rules/index.js';
import type { LintFinding } from './types.js';

/** Options of {@link lintProtocol}. */
export interface LintOptions {
  /** Rules to turn off, beside those of the protocol's own `lint.off`. */
  off?: readonly (LintRuleId | (string & {}))[];
}

/**
 * Lints a validated protocol definition. Rules listed in `options.off` or in the protocol's
 * `lint.off` do not run. Findings come in rule order, then in the order of the definition.
 *
 * @example
 * import { lintProtocol, loadProtocol } from '@cpts/dsl';
 * for (const f of lintProtocol(loadProtocol('ic.yaml')))
 *   console.log(`${f.severity} ${f.rule} ${f.pointer}: ${f.message} (${f.hint})`);
 */
export function lintProtocol(protocol: ProtocolDefinition, options: LintOptions = {}): LintFinding[] {
  const off = new Set<string>([...(options.off ?? []), ...(protocol.lint?.off ?? [])]);
  const findings: LintFinding[] = [];
  for (const rule of LINT_RULES) {
    if (off.has(rule.id)) continue;
    for (const r of rule.check(protocol))
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        path: [...r.path],
        pointer: formatPath(r.path),
        message: r.message,
        hint: r.hint,
      });
  }
  return findings;
}
