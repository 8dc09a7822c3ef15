import { describe, expect, it } from 'vitest';
import { chance, createRandom, type Distribution, pick, sample } from '../src/index.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const draw = (d: Distribution, n = 20_000, seed = 3) => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => sample(rng, d));
};

describe('seeded random numbers', () => {
  it('gives the same stream for the same seed and stream, another for another', () => {
    const a = createRandom(42, 3);
    const b = createRandom(42, 3);
    const c = createRandom(42, 4);
    const d = createRandom(43, 3);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(Array.from({ length: 5 }, () => d.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is uniform enough: deciles of 50 000 draws within 5 % of their share', () => {
    const rng = createRandom(1);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 50_000; i++) bins[Math.floor(rng.next() * 10)]++;
    for (const b of bins) expect(Math.abs(b - 5000)).toBeLessThan(250);
  });

  it('draws from each distribution with the right mean', () => {
    expect(mean(draw({ kind: 'uniform', min: 2, max: 10 }))).toBeCloseTo(6, 0);
    expect(mean(draw({ kind: 'normal', mean: 78, sd: 9 }))).toBeCloseTo(78, 0);
    expect(Math.min(...draw({ kind: 'normal', mean: 78, sd: 9, min: 60, max: 100 }))).toBeGreaterThanOrEqual(
      60,
    );
    const logn = draw({ kind: 'lognormal', median: 5, sigma: 0.6 }).sort((a, b) => a - b);
    expect(logn[logn.length / 2]).toBeGreaterThan(4.7);
    expect(logn[logn.length / 2]).toBeLessThan(5.3);
    expect(mean(draw({ kind: 'poisson', mean: 3.5 }))).toBeCloseTo(3.5, 1);
    expect(mean(draw({ kind: 'poisson', mean: 120 }))).toBeCloseTo(120, -1);
    expect(mean(draw({ kind: 'bernoulli', p: 0.3 }))).toBeCloseTo(0.3, 1);
    expect(mean(draw({ kind: 'exponential', mean: 7 }))).toBeCloseTo(7, 0);
    expect(draw({ kind: 'constant', value: 4 }, 3)).toEqual([4, 4, 4]);
  });

  it('picks categorical values by weight, never one of weight 0', () => {
    const rng = createRandom(9);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const v = pick(rng, {
        kind: 'categorical',
        values: [
          { value: 'II', weight: 6 },
          { value: 'III', weight: 3 },
          { value: 'IV', weight: 1 },
          { value: 'I', weight: 0 },
        ],
      });
      counts[v] = (counts[v] ?? 0) + 1;
    }
    expect(counts.I).toBeUndefined();
    expect(counts.II! / 20_000).toBeCloseTo(0.6, 1);
    expect(counts.IV! / 20_000).toBeCloseTo(0.1, 1);
  });

  it('chance(1) always, chance(0) never', () => {
    const rng = createRandom(5);
    expect(Array.from({ length: 100 }, () => chance(rng, 1)).every(Boolean)).toBe(true);
    expect(Array.from({ length: 100 }, () => chance(rng, 0)).some(Boolean)).toBe(false);
  });
});
