import { parseProtocol } from '@cpts/core';
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
});
