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

/** An instant as milliseconds since the epoch; accepts a Date, a number or an ISO 8601 date-time. */
export function toMillis(at: Date | number | string): number {
  const t = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(t)) throw new CptsError('INVALID_COMMAND', `"${String(at)}" is not a valid date`);
  return t;
}
