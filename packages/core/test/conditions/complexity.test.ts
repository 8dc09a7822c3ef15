import { describe, expect, it } from 'vitest';
import { assessComplexity, complexityOf } from '../../src/conditions/complexity.js';
import { factsContext } from '../../src/conditions/context.js';
import type { ComplexityLevel } from '../../src/model/common.js';
import { parseProtocol } from '../../src/model/parse.js';
import type { Complexity } from '../../src/model/protocol.js';
import { heartFailureDischarge, minimalProtocol } from '../fixtures/index.js';

const hf = parseProtocol(heartFailureDischarge);

describe('complexityOf on the heart-failure gradation', () => {
  // forte: (age >= 75 and living alone) or >= 4 professionals at home; moyenne: age >= 75 or NYHA III–IV.
  it.each<[string, Record<string, unknown>, ComplexityLevel]>([
    ['82, living alone', { age: 82, vitSeul: true }, 'forte'],
    ['75 exactly, living alone', { age: 75, vitSeul: true }, 'forte'],
    ['60, four professionals at home', { age: 60, nbIntervenants: 4 }, 'forte'],
    ['60, three professionals at home', { age: 60, nbIntervenants: 3 }, 'faible'],
    ['80, not living alone', { age: 80, vitSeul: false }, 'moyenne'],
    ['75, living situation unknown', { age: 75 }, 'moyenne'],
    ['74, living alone', { age: 74, vitSeul: true }, 'faible'],
    ['60, NYHA III', { age: 60, nyha: 3 }, 'moyenne'],
    ['60, NYHA IV', { age: 60, nyha: 4 }, 'moyenne'],
    ['60, NYHA II', { age: 60, nyha: 2 }, 'faible'],
    ['nothing known', {}, 'faible'],
    ['age given as text is not compared with numbers', { age: '82', vitSeul: true }, 'faible'],
  ])('%s → %s', (_name, facts, level) => {
    expect(complexityOf(hf, facts)).toBe(level);
  });
});

describe('assessComplexity', () => {
  it('names the rule that decided, or none when the default applied', () => {
    expect(assessComplexity(hf, factsContext({ age: 90, vitSeul: true }))).toEqual({
      level: 'forte',
      rule: 0,
    });
    expect(assessComplexity(hf, factsContext({ age: 90 }))).toEqual({ level: 'moyenne', rule: 1 });
    expect(assessComplexity(hf, factsContext({ age: 40 }))).toEqual({ level: 'faible', rule: undefined });
  });

  it('takes the first rule that holds, in order', () => {
    const gradation: Complexity = {
      default: 'faible',
      rules: [
        { level: 'moyenne', when: { fact: 'age', op: 'gte', value: 75 } },
        { level: 'forte', when: { fact: 'age', op: 'gte', value: 75 } },
      ],
    };
    expect(assessComplexity({ complexity: gradation }, factsContext({ age: 80 }))).toEqual({
      level: 'moyenne',
      rule: 0,
    });
    expect(
      complexityOf({ complexity: { ...gradation, rules: [...gradation.rules].reverse() } }, { age: 80 }),
    ).toBe('forte');
  });

  it('applies the default when there are no rules', () => {
    expect(complexityOf({ complexity: { default: 'moyenne', rules: [] } }, { age: 80 })).toBe('moyenne');
  });

  it('is undefined for a protocol without a gradation', () => {
    expect(complexityOf(parseProtocol(minimalProtocol), { age: 80 })).toBeUndefined();
    expect(assessComplexity(parseProtocol(minimalProtocol), factsContext({}))).toBeUndefined();
  });

  it('can use more than facts when the engine gives a journey context', () => {
    const gradation: Complexity = {
      default: 'faible',
      rules: [{ level: 'forte', when: { event: 'rehospitalisation' } }],
    };
    const ctx = { ...factsContext({}), eventRecorded: (e: string) => e === 'rehospitalisation' };
    expect(assessComplexity({ complexity: gradation }, ctx)?.level).toBe('forte');
    expect(complexityOf({ complexity: gradation }, {})).toBe('faible');
  });
});
