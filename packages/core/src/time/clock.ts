import { CptsError } from '../errors.js';
import { addDuration } from './duration.js';

/** Where cpts reads the time. Inject a {@link VirtualClock} in tests and simulations. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The machine's clock. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

/**
 * A clock that moves only when told to, forward only (like xstate's `SimulatedClock`).
 *
 * @example
 * const clock = new VirtualClock('2026-01-05T09:00:00Z');
 * clock.advance('P7D');
 */
export class VirtualClock implements Clock {
  #now: number;

  constructor(start: Date | number | string = 0) {
    this.#now = toMillis(start);
  }

  now(): number {
    return this.#now;
  }

  /** Moves to an instant; going back in time is refused with `CLOCK_BACKWARDS`. */
  set(at: Date | number | string): void {
    const t = toMillis(at);
    if (t < this.#now)
      throw new CptsError(
        'CLOCK_BACKWARDS',
        `The clock cannot go back from ${new Date(this.#now).toISOString()} to ${new Date(t).toISOString()}`,
      );
    this.#now = t;
  }

  /** Moves forward by milliseconds or an ISO 8601 duration (`P7D`). */
  advance(by: number | string): void {
    if (typeof by === 'number') this.set(this.#now + by);
    else this.set(addDuration(this.#now, by).getTime());
  }
}

// ISO 8601: a date (read as midnight UTC), or a date-time with its offset (`Z`, `+01:00`). A
// date-time without an offset would depend on the server's zone; "12/01/2026" means 1 December to
// JavaScript and 12 January to a French coordinator: both are refused.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An instant as milliseconds since the epoch, from a Date, a number, or ISO 8601 text: a date
 * (`2026-01-05`, midnight UTC) or a date-time with its offset (`2026-01-05T09:00:00+01:00`).
 *
 * @throws {CptsError} `INVALID_COMMAND` for anything else (ambiguous text, invalid dates).
 */
export function toMillis(at: Date | number | string): number {
  if (typeof at === 'string' && !ISO_INSTANT.test(at))
    throw new CptsError(
      'INVALID_COMMAND',
      `"${at}" is not an ISO 8601 date or date-time with its offset, such as "2026-01-05" or "2026-01-05T09:00:00+01:00"`,
    );
  if (typeof at === 'string') {
    // V8 reads 30 February as 2 March: check that the calendar date exists.
    const [y, m, d] = at.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (m < 1 || m > 12 || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d)
      throw new CptsError('INVALID_COMMAND', `"${at}" is not a date of the calendar`);
  }
  const t =
    typeof at === 'number'
      ? at
      : typeof at === 'string'
        ? Date.parse(at)
        : at instanceof Date
          ? at.getTime()
          : Number.NaN;
  if (!Number.isFinite(t)) throw new CptsError('INVALID_COMMAND', `"${String(at)}" is not a valid date`);
  return t;
}
