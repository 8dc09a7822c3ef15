import { computeIndicators, parseProtocol } from '@cpts/core';
import { insuffisanceCardiaque } from '@cpts/protocols';
import { parseSimulationOptions, simulateCohort } from '@cpts/testing';
import { describe, expect, it } from 'vitest';
import { cohortOptions } from './cohort.mjs';

const definition = parseProtocol(insuffisanceCardiaque);

describe('the demo cohort', () => {
  it('fits the heart-failure reference protocol', () => {
    const options = cohortOptions(definition, { patients: 10_000, horizon: 'P12M', seed: 1 });
    expect(() => parseSimulationOptions(definition, options)).not.toThrow();
  });

  it('runs without a refused command: every event and act it simulates is one the engine accepts', async () => {
    const options = cohortOptions(definition, { patients: 400, horizon: 'P12M', seed: 3, threads: 0 });
    const result = await simulateCohort(definition, options);
    expect(result.acts.refused).toEqual({});
    // The alert signs it simulates do reach the protocol: their task is opened and done.
    const alerts = result.tasks.find((t) => t.task === 'prise-en-charge-signe-alerte');
    expect(alerts?.opened).toBeGreaterThan(0);
    expect(alerts?.completed).toBeGreaterThan(0);
  });

  it('gives the indicators core computes from the same journeys’ histories', async () => {
    const options = cohortOptions(definition, { patients: 300, horizon: 'P12M', seed: 5, threads: 0 });
    const result = await simulateCohort(definition, { ...options, keepHistories: 300 });
    expect(result.histories).toHaveLength(300);
    const period = { from: result.settings.start, to: result.settings.end };
    const expected = computeIndicators(definition, result.histories, period);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.indicators.map((i) => [i.id, i.numerator, i.denominator])).toEqual(
      expected.map((i) => [i.id, i.numerator, i.denominator]),
    );
    // Not a vacuous agreement: some journeys meet each side of some indicator, and not all do.
    expect(expected.some((i) => i.numerator > 0 && i.numerator < i.denominator)).toBe(true);
  });
});
