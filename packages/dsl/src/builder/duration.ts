/**
 * Durations as the domain says them — `days(7)`, `hours(48)`, `months(2)` — stored as ISO 8601
 * (`P7D`, `PT48H`, `P2M`), and recurrences — `every(months(3))`, `perYear(2)`.
 * @module
 */
import { CptsError } from '@cpts/core';

/** An ISO 8601 duration as text (`P7D`, `PT48H`). */
export type IsoDuration = `P${string}`;

function whole(n: number, unit: string): number {
  if (!Number.isInteger(n) || n < 0)
    throw new CptsError(
      'INVALID_PROTOCOL',
      `${unit}(${n}): a duration is a whole number of ${unit}, 0 or more`,
    );
  return n;
}

/**
 * `n` days as an ISO 8601 duration.
 * @throws {CptsError} `INVALID_PROTOCOL` when `n` is not a whole number ≥ 0.
 * @example
 * days(7); // 'P7D'
 */
export function days<const N extends number>(n: N): `P${N}D` {
  return `P${whole(n, 'days')}D` as `P${N}D`;
}

/**
 * `n` hours as an ISO 8601 duration.
 * @example
 * hours(48); // 'PT48H'
 */
export function hours<const N extends number>(n: N): `PT${N}H` {
  return `PT${whole(n, 'hours')}H` as `PT${N}H`;
}

/**
 * `n` weeks as an ISO 8601 duration.
 * @example
 * weeks(2); // 'P2W'
 */
export function weeks<const N extends number>(n: N): `P${N}W` {
  return `P${whole(n, 'weeks')}W` as `P${N}W`;
}

/**
 * `n` calendar months as an ISO 8601 duration.
 * @example
 * months(2); // 'P2M'
 */
export function months<const N extends number>(n: N): `P${N}M` {
  return `P${whole(n, 'months')}M` as `P${N}M`;
}

/**
 * `n` calendar years as an ISO 8601 duration.
 * @example
 * years(1); // 'P1Y'
 */
export function years<const N extends number>(n: N): `P${N}Y` {
  return `P${whole(n, 'years')}Y` as `P${N}Y`;
}

/** Provenance and bounds shared by the recurrence helpers. */
export interface RepeatOptions<Src extends string = string> {
  /** Number of occurrences (e.g. 8 weekly visits). */
  count?: number;
  /** Id of the `fiche.sources` entry the cadence comes from. */
  source?: Src;
  note?: string;
}

function checkedOptions<O extends RepeatOptions>(options: O | undefined): O | Record<string, never> {
  if (options?.count !== undefined && (!Number.isInteger(options.count) || options.count < 1))
    throw new CptsError(
      'INVALID_PROTOCOL',
      `count: ${options.count} is not a whole number of occurrences ≥ 1`,
    );
  return options ?? {};
}

/**
 * A recurrence every `duration`.
 * @example
 * every(months(3)); // { every: 'P3M' }
 * every(weeks(1), { count: 8, source: 'prado-ic' }); // { every: 'P1W', count: 8, source: 'prado-ic' }
 */
export function every<const D extends IsoDuration, const O extends RepeatOptions = {}>(
  duration: D,
  options?: O,
): { every: D } & O {
  if (!/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(duration))
    throw new CptsError(
      'INVALID_PROTOCOL',
      `every("${duration}"): not an ISO 8601 duration; use days(7), months(3)…`,
    );
  return { every: duration, ...checkedOptions(options) } as { every: D } & O;
}

/**
 * A recurrence of `n` times a year.
 * @throws {CptsError} `INVALID_PROTOCOL` when `n` is not a whole number between 1 and 365.
 * @example
 * perYear(2); // { perYear: 2 }
 */
export function perYear<const N extends number, const O extends RepeatOptions = {}>(
  n: N,
  options?: O,
): { perYear: N } & O {
  if (!Number.isInteger(n) || n < 1 || n > 365)
    throw new CptsError(
      'INVALID_PROTOCOL',
      `perYear(${n}): a yearly frequency is a whole number between 1 and 365`,
    );
  return { perYear: n, ...checkedOptions(options) } as { perYear: N } & O;
}
