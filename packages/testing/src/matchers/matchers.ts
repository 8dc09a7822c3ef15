/**
 * Matchers for journeys (vitest or jest `expect.extend`): `toBeInStep`, `toHaveOpenTask`,
 * `toHaveRupture`, `toHaveComplexity`, `toHaveCompletedTask`, `toHaveStatus`, `toBeRefusedWith`.
 * They accept a journey view, a command result (`{ journey }`) or a scenario result (`{ journey, history }`);
 * a failure describes the journey, and prints its timeline when the history is at hand.
 * @module
 */
import {
  type ComplexityLevel,
  CptsError,
  type CptsErrorCode,
  type HistoryEvent,
  type JourneyState,
  type Rupture,
  type TaskInstance,
} from '@cpts/core';
import { formatJourneyDay } from '../scenario/instant.js';
import { formatTimeline } from '../scenario/timeline.js';

/** What a matcher returns (the shape vitest and jest expect). */
export interface MatcherOutcome {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}

/** The part of the matcher context the cpts matchers use. */
export interface MatcherContext {
  readonly isNot: boolean;
}

/** Options of `toHaveOpenTask`. */
export interface OpenTaskExpectation {
  /** Due at this instant (epoch ms, Date or ISO 8601 date-time with its offset), to the minute. */
  readonly dueAt?: number | Date | string;
  /** Due on or before this instant. */
  readonly dueBy?: number | Date | string;
  /** Exactly these responsible roles (any order). */
  readonly responsible?: readonly string[];
}

/** Options of `toHaveRupture`. */
export interface RuptureExpectation {
  readonly segment?: string;
  readonly kind?: Rupture['kind'];
  /** Delay in days once closed. */
  readonly delayDays?: number;
  /** `true`: still open; `false`: closed. */
  readonly open?: boolean;
  readonly roles?: readonly string[];
}

/** Types of the cpts matchers, for `declare module 'vitest' { interface Matchers<T> extends CptsMatchers {} }`. */
export interface CptsMatchers {
  /** The journey is in this step (or one nested in it). */
  toBeInStep(step: string): void;
  /** An occurrence of this task (`task` or `task#n`) is open. */
  toHaveOpenTask(task: string, expectation?: OpenTaskExpectation): void;
  /** A rupture was recorded (on this task, when given), matching the expectation. */
  toHaveRupture(task?: string, expectation?: RuptureExpectation): void;
  /** The journey's gradation of complexity. */
  toHaveComplexity(level: ComplexityLevel | undefined): void;
  /** The latest occurrence of this task is completed. */
  toHaveCompletedTask(task: string): void;
  /** The journey's status. */
  toHaveStatus(status: JourneyState['status']): void;
  /** A command (a promise, a function, or the error it threw) was refused with this code. */
  toBeRefusedWith(code: CptsErrorCode, message?: string | RegExp): Promise<void>;
}

type Subject = {
  journey: JourneyState;
  history: readonly HistoryEvent[] | undefined;
  events: readonly HistoryEvent[] | undefined;
};

function subjectOf(received: unknown): Subject | undefined {
  if (typeof received !== 'object' || received === null) return undefined;
  const r = received as Record<string, unknown>;
  const isJourney = (x: unknown): x is JourneyState =>
    typeof x === 'object' &&
    x !== null &&
    'journeyId' in x &&
    'active' in x &&
    'tasks' in x &&
    'ruptures' in x;
  if (isJourney(r.journey))
    return {
      journey: r.journey,
      history: Array.isArray(r.history) ? (r.history as HistoryEvent[]) : undefined,
      events: Array.isArray(r.events) ? (r.events as HistoryEvent[]) : undefined,
    };
  if (isJourney(received)) return { journey: received, history: undefined, events: undefined };
  return undefined;
}

/**
 * Something that is no journey fails the matcher in both forms: `pass` is what makes the assertion
 * fail (`false`, or `true` under `.not`), so `expect(undefined).not.toBeInStep('x')` does not pass.
 */
const notAJourney = (ctx: MatcherContext, name: string, received: unknown): MatcherOutcome => ({
  pass: ctx.isNot,
  message: () =>
    `${name} expects a journey view, a command result { journey } or a scenario result { journey, history }; received ${describeValue(received)}`,
});

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (typeof v === 'function') return 'a function';
  if (typeof v !== 'object') return `the ${typeof v} ${String(v)}`;
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? '' : 's'}`;
  return `an object with keys ${Object.keys(v).join(', ') || '(none)'}`;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function day(j: JourneyState, t: number | undefined): string {
  return t === undefined ? 'no due date' : formatJourneyDay(t, j.startedAt, j.timeZone);
}

function isDue(j: JourneyState, t: number | undefined): string {
  return t === undefined ? 'has no due date' : `is due ${day(j, t)}`;
}

function taskLine(j: JourneyState, t: TaskInstance): string {
  return `${t.id} (${t.status}, ${t.responsible.join('+')}, ${t.dueAt === undefined ? 'no due date' : `due ${day(j, t.dueAt)}`})`;
}

/** A few lines describing a journey, for failure messages. */
export function describeJourney(s: Subject): string {
  const j = s.journey;
  const open = j.tasks.filter((t) => t.status === 'open' || t.status === 'accepted');
  const lines = [
    `journey ${j.journeyId} (${j.protocol.id} ${j.protocol.version}), ${j.status}, at ${formatJourneyDay(j.now, j.startedAt, j.timeZone)}`,
    `  steps: ${j.active.join(', ') || '(none)'}`,
    `  complexity: ${j.complexity ?? '(none)'}`,
    `  open tasks: ${open.map((t) => taskLine(j, t)).join('; ') || '(none)'}`,
    `  ruptures: ${j.ruptures.map((r) => `${r.task} (${r.segment}, ${r.closedAt === undefined ? 'open' : `closed after ${r.delayDays} days`})`).join('; ') || '(none)'}`,
  ];
  const history = s.history ?? s.events;
  if (history && history.length > 0)
    lines.push(
      `  ${s.history ? 'history' : 'events of the command'}:`,
      // Days count from the journey's start, also for the events of one command.
      ...formatTimeline(history, { start: j.startedAt, timeZone: j.timeZone })
        .split('\n')
        .map((l) => `    ${l}`),
    );
  return lines.join('\n');
}

/** What a matcher expects, said both ways: `[the journey to be in step "x", the journey not to be in step "x"]`. */
type Expectation = readonly [positive: string, negative: string];

function outcome(
  ctx: MatcherContext,
  pass: boolean,
  [positive, negative]: Expectation,
  s: Subject,
  detail?: string,
): MatcherOutcome {
  return {
    pass,
    message: () =>
      `expected ${ctx.isNot ? negative : positive}${!ctx.isNot && detail ? `, but ${detail}` : ''}\n\n${describeJourney(s)}`,
  };
}

/** An ISO 8601 date-time with its offset: without one, the machine's time zone would decide. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant given to a matcher, in epoch ms. Anything else is an error: `Date.parse` reads
 * `"J+7"` as a day of 2001 and returns `NaN` for much else, and every comparison with `NaN` is
 * false, which would let any due date pass.
 */
function toMs(v: number | Date | string, option: string): number {
  const ms =
    typeof v === 'number'
      ? v
      : typeof v === 'string'
        ? ISO_DATE_TIME.test(v)
          ? Date.parse(v)
          : Number.NaN
        : v.getTime();
  if (!Number.isFinite(ms))
    throw new CptsError(
      'INVALID_COMMAND',
      `${option}: ${v instanceof Date ? 'an invalid Date' : JSON.stringify(v)} is not an instant; give an ISO 8601 date-time with its offset ("2026-01-12T23:59:00+01:00"), epoch milliseconds or a Date`,
    );
  return ms;
}

/** The matcher implementations: pass them to `expect.extend` (done by `@cpts/testing/vitest`). */
export const cptsMatchers = {
  toBeInStep(this: MatcherContext, received: unknown, step: string): MatcherOutcome {
    const s = subjectOf(received);
    if (!s) return notAJourney(this, 'toBeInStep', received);
    return outcome(
      this,
      s.journey.active.includes(step),
      [`the journey to be in step "${step}"`, `the journey not to be in step "${step}"`],
      s,
      `it is in ${s.journey.active.join(', ') || 'no step'}`,
    );
  },

  toHaveOpenTask(
    this: MatcherContext,
    received: unknown,
    task: string,
    expectation: OpenTaskExpectation = {},
  ): MatcherOutcome {
    const s = subjectOf(received);
    if (!s) return notAJourney(this, 'toHaveOpenTask', received);
    const j = s.journey;
    const dueAt =
      expectation.dueAt === undefined ? undefined : toMs(expectation.dueAt, 'toHaveOpenTask dueAt');
    const dueBy =
      expectation.dueBy === undefined ? undefined : toMs(expectation.dueBy, 'toHaveOpenTask dueBy');
    const open = j.tasks.filter(
      (t) => (t.status === 'open' || t.status === 'accepted') && (t.id === task || t.task === task),
    );
    const problems: string[] = [];
    const match = open.filter((t) => {
      const p: string[] = [];
      if (dueAt !== undefined && (t.dueAt === undefined || Math.abs(t.dueAt - dueAt) >= 60_000))
        p.push(`${t.id} ${isDue(j, t.dueAt)}, not ${day(j, dueAt)}`);
      if (dueBy !== undefined && (t.dueAt === undefined || t.dueAt > dueBy))
        p.push(
          `${t.id} ${isDue(j, t.dueAt)}, ${t.dueAt === undefined ? 'not by' : 'after'} ${day(j, dueBy)}`,
        );
      if (
        expectation.responsible !== undefined &&
        [...t.responsible].sort().join() !== [...expectation.responsible].sort().join()
      )
        p.push(`${t.id} is for ${t.responsible.join(', ')}, not ${expectation.responsible.join(', ')}`);
      problems.push(...p);
      return p.length === 0;
    });
    const extra = Object.keys(expectation).length > 0 ? ` ${JSON.stringify(expectation)}` : '';
    const detail =
      open.length === 0
        ? `it is not open (${j.tasks.filter((t) => t.task === task || t.id === task).at(-1)?.status ?? 'never opened'})`
        : problems.join('; ');
    return outcome(
      this,
      match.length > 0,
      [`task "${task}" to be open${extra}`, `task "${task}" not to be open${extra}`],
      s,
      detail,
    );
  },

  toHaveRupture(
    this: MatcherContext,
    received: unknown,
    task?: string,
    expectation: RuptureExpectation = {},
  ): MatcherOutcome {
    const s = subjectOf(received);
    if (!s) return notAJourney(this, 'toHaveRupture', received);
    const j = s.journey;
    const candidates = j.ruptures.filter((r) => task === undefined || r.task === task);
    const problems: string[] = [];
    const hit = candidates.some((r) => {
      const p: string[] = [];
      if (expectation.segment !== undefined && r.segment !== expectation.segment)
        p.push(`segment ${r.segment}`);
      if (expectation.kind !== undefined && r.kind !== expectation.kind) p.push(`kind ${r.kind}`);
      if (expectation.delayDays !== undefined && r.delayDays !== expectation.delayDays)
        p.push(r.delayDays === undefined ? 'still open (no delay yet)' : `delay ${r.delayDays} days`);
      if (expectation.open === true && r.closedAt !== undefined) p.push('closed');
      if (expectation.open === false && r.closedAt === undefined) p.push('still open');
      if (
        expectation.roles !== undefined &&
        [...r.roles].sort().join() !== [...expectation.roles].sort().join()
      )
        p.push(`roles ${r.roles.join(', ')}`);
      if (p.length > 0) problems.push(`${r.task}: ${p.join(', ')}`);
      return p.length === 0;
    });
    const what = `rupture${task ? ` on "${task}"` : ''}${Object.keys(expectation).length > 0 ? ` ${JSON.stringify(expectation)}` : ''}`;
    return outcome(
      this,
      hit,
      [`a ${what}`, `no ${what}`],
      s,
      candidates.length === 0 ? 'there is none' : `found ${problems.join('; ')}`,
    );
  },

  toHaveComplexity(
    this: MatcherContext,
    received: unknown,
    level: ComplexityLevel | undefined,
  ): MatcherOutcome {
    const s = subjectOf(received);
    if (!s) return notAJourney(this, 'toHaveComplexity', received);
    return outcome(
      this,
      s.journey.complexity === level,
      [`the complexity to be ${level ?? '(none)'}`, `the complexity not to be ${level ?? '(none)'}`],
      s,
      `it is ${s.journey.complexity ?? '(none)'}`,
    );
  },

  toHaveCompletedTask(this: MatcherContext, received: unknown, task: string): MatcherOutcome {
    const s = subjectOf(received);
    if (!s) return notAJourney(this, 'toHaveCompletedTask', received);
    const last = s.journey.tasks.filter((t) => t.id === task || t.task === task).at(-1);
    return outcome(
      this,
      last?.status === 'completed',
      [`task "${task}" to be completed`, `task "${task}" not to be completed`],
      s,
      `it is ${last?.status ?? 'never opened'}`,
    );
  },

  toHaveStatus(this: MatcherContext, received: unknown, status: JourneyState['status']): MatcherOutcome {
    const s = subjectOf(received);
    if (!s) return notAJourney(this, 'toHaveStatus', received);
    return outcome(
      this,
      s.journey.status === status,
      [`the journey to be ${status}`, `the journey not to be ${status}`],
      s,
      `it is ${s.journey.status}`,
    );
  },

  async toBeRefusedWith(
    this: MatcherContext,
    received: unknown,
    code: CptsErrorCode,
    message?: string | RegExp,
  ): Promise<MatcherOutcome> {
    const isNot = this.isNot;
    let error: unknown;
    let threw = false;
    try {
      if (typeof received === 'function') await (received as () => unknown)();
      else if (isThenable(received)) await received;
      else if (received instanceof Error) throw received;
      else
        return {
          // Fails in both forms: `.not` on something that is no command must not pass.
          pass: isNot,
          message: () =>
            `toBeRefusedWith expects a promise, a function or an error; received ${describeValue(received)}`,
        };
    } catch (e) {
      error = e;
      threw = true;
    }
    if (!threw)
      return {
        pass: false,
        message: () => `expected the command to be refused with ${code}, but it was accepted`,
      };
    if (!CptsError.is(error))
      return {
        // A crash is no refusal: it fails in both forms, so `.not` does not hide it.
        pass: isNot,
        message: () =>
          `expected the command ${isNot ? 'not ' : ''}to be refused with ${code}, but it failed with ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (not a CptsError)`,
      };
    const codeOk = error.code === code;
    const messageOk =
      message === undefined ||
      (typeof message === 'string' ? error.message.includes(message) : message.test(error.message));
    return {
      pass: codeOk && messageOk,
      actual: { code: error.code, message: error.message },
      expected: { code, ...(message !== undefined && { message: String(message) }) },
      message: () =>
        isNot
          ? `expected the command not to be refused with ${code}${message ? ` (${String(message)})` : ''}, but it was: ${error.message}`
          : `expected the command to be refused with ${code}${message ? ` and a message matching ${String(message)}` : ''}, but it was refused with ${error.code}: ${error.message}`,
    };
  },
};
