import type { ComplexityLevel } from '../model/common.js';
import type { ProtocolDefinition } from '../model/protocol.js';
import { type ConditionContext, factsContext } from './context.js';
import { compileCondition } from './evaluate.js';

/** The level of the gradation and the rule that decided it (`undefined`: the default applied). */
export interface ComplexityAssessment {
  readonly level: ComplexityLevel;
  readonly rule: number | undefined;
}

/**
 * Computes the gradation of complexity from facts: the first rule of `protocol.complexity.rules`
 * that holds gives the level, otherwise the default. `undefined` when the protocol has no gradation.
 */
export function assessComplexity(
  protocol: Pick<ProtocolDefinition, 'complexity'>,
  context: ConditionContext,
): ComplexityAssessment | undefined {
  const gradation = protocol.complexity;
  if (!gradation) return undefined;
  const rule = gradation.rules.findIndex((r) => compileCondition(r.when)(context));
  return rule === -1
    ? { level: gradation.default, rule: undefined }
    : { level: gradation.rules[rule]!.level, rule };
}

/**
 * The level of the gradation of complexity (`faible | moyenne | forte`) for these facts.
 *
 * @example
 * complexityOf(protocol, { age: 82, vitSeul: true, nbIntervenants: 4 }); // 'forte'
 */
export function complexityOf(
  protocol: Pick<ProtocolDefinition, 'complexity'>,
  facts: Readonly<Record<string, unknown>>,
): ComplexityLevel | undefined {
  return assessComplexity(protocol, factsContext(facts))?.level;
}
