/**
 * Seeded pseudo-random numbers and the distributions a cohort is drawn from. Everything here is
 * deterministic: the same seed gives the same numbers on every machine and every Node version.
 * @module
 */
import { z } from 'zod';

/** A source of uniform numbers in [0, 1), seeded. */
export interface Random {
  /** A uniform number in [0, 1). */
  next(): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand,
 * and only uses 32-bit integer arithmetic, so it is exact and fast in JavaScript.
 */
class Sfc32 implements Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.#a = a >>> 0;
    this.#b = b >>> 0;
    this.#c = c >>> 0;
    this.#d = d >>> 0;
    for (let i = 0; i < 15; i++) this.next(); // mix the seed in
  }

  next(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.#c = (r + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

/** splitmix32: turns one 32-bit integer into a well-mixed stream of 32-bit integers (seeding only). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator. `streams` derive independent generators from one seed (e.g. one per shard
 * of a simulation), so that a shard draws the same numbers whatever the others do.
 *
 * @example
 * const rng = createRandom(42, 3); // the generator of shard 3 of a run seeded with 42
 * rng.next(); // always the same number in [0, 1)
 */
export function createRandom(seed: number, ...streams: number[]): Random {
  let mixed = splitmix32(seed)();
  for (const s of streams) mixed = splitmix32(mixed ^ Math.imul(s + 1, 0x27d4eb2d))();
  const next = splitmix32(mixed);
  return new Sfc32(next(), next(), next(), next());
}

/** A distribution of numbers, as data (so that it crosses to worker threads and into reports). */
export type Distribution =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly min?: number;
      readonly max?: number;
    }
  | {
      readonly kind: 'lognormal';
      /** Median of the distribution (exp(mu)). */
      readonly median: number;
      /** Standard deviation of the underlying normal (shape). */
      readonly sigma: number;
      readonly max?: number;
    }
  | { readonly kind: 'poisson'; readonly mean: number }
  | { readonly kind: 'bernoulli'; readonly p: number }
  | { readonly kind: 'exponential'; readonly mean: number };

/** A distribution of values (facts such as NYHA class or sex): weights need not sum to 1. */
export interface Categorical<T = unknown> {
  readonly kind: 'categorical';
  readonly values: readonly { readonly value: T; readonly weight: number }[];
}

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const nonNegative = finite.refine((n) => n >= 0, { message: 'must be ≥ 0' });
const positive = finite.refine((n) => n > 0, { message: 'must be > 0' });
const probability = finite.refine((n) => n >= 0 && n <= 1, {
  message: 'must be a probability between 0 and 1',
});

/** zod schema of a {@link Distribution}. */
export const DistributionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('constant'), value: finite }),
    z.strictObject({ kind: z.literal('uniform'), min: finite, max: finite }).refine((d) => d.min <= d.max, {
      message: 'min must not exceed max',
    }),
    z.strictObject({
      kind: z.literal('normal'),
      mean: finite,
      sd: nonNegative,
      min: finite.optional(),
      max: finite.optional(),
    }),
    z.strictObject({
      kind: z.literal('lognormal'),
      median: positive,
      sigma: nonNegative,
      max: positive.optional(),
    }),
    z.strictObject({ kind: z.literal('poisson'), mean: nonNegative }),
    z.strictObject({ kind: z.literal('bernoulli'), p: probability }),
    z.strictObject({ kind: z.literal('exponential'), mean: positive }),
  ])
  .meta({ id: 'Distribution' });

/** zod schema of a {@link Categorical} distribution. */
export const CategoricalSchema = z
  .strictObject({
    kind: z.literal('categorical'),
    values: z
      .array(z.strictObject({ value: z.json(), weight: nonNegative }))
      .min(1, { message: 'a categorical distribution needs at least one value' })
      .refine((vs) => vs.some((v) => v.weight > 0), { message: 'at least one weight must be > 0' }),
  })
  .meta({ id: 'Categorical' });

/** A standard normal number (Box–Muller; one of the pair is dropped to keep the stream simple). */
export function standardNormal(rng: Random): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function poisson(rng: Random, mean: number): number {
  if (mean === 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
  // Knuth: multiply uniforms until the product falls under e^-mean.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

const clamp = (x: number, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY) =>
  Math.min(max, Math.max(min, x));

/**
 * Draws one number from a distribution.
 *
 * @example
 * sample(createRandom(1), { kind: 'lognormal', median: 5, sigma: 0.6 }); // a delay in days, around 5
 */
export function sample(rng: Random, d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'normal':
      return clamp(d.mean + d.sd * standardNormal(rng), d.min, d.max);
    case 'lognormal':
      return clamp(d.median * Math.exp(d.sigma * standardNormal(rng)), 0, d.max);
    case 'poisson':
      return poisson(rng, d.mean);
    case 'bernoulli':
      return rng.next() < d.p ? 1 : 0;
    case 'exponential':
      return -d.mean * Math.log(1 - rng.next());
  }
}

/**
 * Draws one value from a categorical distribution.
 *
 * @example
 * pick(createRandom(1), { kind: 'categorical', values: [{ value: 'II', weight: 3 }, { value: 'III', weight: 1 }] });
 */
export function pick<T>(rng: Random, d: Categorical<T>): T {
  let total = 0;
  for (const v of d.values) total += v.weight;
  let u = rng.next() * total;
  for (const v of d.values) {
    u -= v.weight;
    if (u < 0 && v.weight > 0) return v.value;
  }
  // Rounding left u at 0: the last value with a weight.
  for (let i = d.values.length - 1; i >= 0; i--) if (d.values[i]!.weight > 0) return d.values[i]!.value;
  throw new RangeError('categorical distribution without weight');
}

/** Whether an event of probability `p` happens. */
export function chance(rng: Random, p: number): boolean {
  return p >= 1 || (p > 0 && rng.next() < p);
}
