/**
 * Scenarios: a typed script of one patient's journey on a virtual clock — facts, then at `J0`,
 * `J+5`, `+2 months`… an actor performs a task, records a fact or an event, or time passes — with
 * expectations at any point. A failing expectation prints the journey's history as a timeline.
 * @module
 */
import {
  type Actor,
  type ComplexityLevel,
  CptsError,
  type CptsErrorCode,
  createEngine,
  type DelegationIdOf,
  type Engine,
  type EventIdOf,
  type FactsOf,
  type HistoryEvent,
  type JourneyView,
  MemoryStore,
  type ProtocolDefinition,
  type ProtocolJourneys,
  parseProtocol,
  type RoleIdOf,
  type Rupture,
  type StepIdOf,
  type TaskDataOf,
  type TaskIdOf,
  VirtualClock,
} from '@cpts/core';
import type { ProtocolCoverage } from '../coverage/coverage.js';
import { formatJourneyDay, resolveInstant, type ScenarioInstant } from './instant.js';
import { formatTimeline } from './timeline.js';

/** A task of a protocol, or one of its occurrences (`visite-ide#2`). */
export type TaskRef<P> = TaskIdOf<P> | `${TaskIdOf<P>}#${number}`;

/** Options of {@link scenario}. */
export interface ScenarioOptions {
  /** J0, the instant the journey starts (default `2026-01-05T09:00:00+01:00`, a Monday morning in Paris). */
  readonly start?: Date | number | string;
  /** Run on this engine (its clock must be `clock`); default: a new engine on a `MemoryStore`. */
  readonly engine?: Engine;
  /** The engine's virtual clock; default: a new one at `start`. */
  readonly clock?: VirtualClock;
  /** Id of the journey (default `scenario-<n>`). */
  readonly journeyId?: string;
  /** Time zone of the journey (default: the engine's, Europe/Paris). */
  readonly timeZone?: string;
  /** Record the journey's history into this coverage when the scenario ends (passed or failed). */
  readonly coverage?: ProtocolCoverage;
}

/** What an expectation callback receives beside the journey. */
export interface ScenarioContext {
  /** The journey's history so far. */
  readonly history: readonly HistoryEvent[];
  /** The scenario's current instant. */
  readonly now: number;
  /** Resolves `J+7`, `+2 days`… against the journey. */
  instant(at: ScenarioInstant): number;
  /** The history as a readable timeline. */
  timeline(): string;
}

/** What {@link Scenario.run} returns. */
export interface ScenarioResult<P> {
  readonly journeyId: string;
  readonly journey: JourneyView<P>;
  readonly history: readonly HistoryEvent[];
  readonly engine: Engine;
  /** Commands refused (expected ones), with their code. */
  readonly refusals: readonly { readonly command: string; readonly code: string; readonly at: number }[];
  /** The history as a readable timeline. */
  timeline(): string;
}

/** A failed expectation or an unexpected refusal in a scenario; the message ends with the timeline. */
export class ScenarioError extends Error {
  /** Where in the script it failed: `J+8 09:00 · expectRupture(consultation-mg)`. */
  readonly step: string;
  readonly timeline: string;

  constructor(message: string, step: string, timeline: string, cause?: unknown) {
    super(
      `${message}\n\n  at ${step}\n\nHistory of the journey:\n${indent(timeline)}`,
      cause === undefined ? undefined : { cause },
    );
    this.name = 'ScenarioError';
    this.step = step;
    this.timeline = timeline;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

type Run = {
  engine: Engine;
  clock: VirtualClock;
  journeys: ProtocolJourneys<ProtocolDefinition>;
  journeyId: string;
  start: number;
  started: boolean;
  timeZone: string;
  definition: ProtocolDefinition;
  expectRefusal: CptsErrorCode | undefined;
  refusalSeen: boolean;
  refusals: { command: string; code: string; at: number }[];
};

type Action = { readonly label: string; readonly run: (r: Run) => Promise<void> };

let counter = 0;

/**
 * A scenario script for one patient, typed by the protocol: unknown task, role, step, event or
 * fact names do not compile when the protocol is written in TypeScript (`defineProtocol`, the DSL).
 * Build it with chained calls, then `run()` it; nothing happens before `run()`.
 *
 * @example
 * const mt = actor('dr-martin', ['medecin-traitant']);
 * await scenario(ic)
 *   .given({ age: 78, nyha: 3 })
 *   .at('J0', (s) => s.record('sortie'))
 *   .at('J+5', (s) => s.perform('consultation-mg', { actor: mt }))
 *   .expectNoRupture('consultation-mg')
 *   .at('+2 months')
 *   .expectRupture('consultation-cardio', { segment: 'suivi-ville' })
 *   .run();
 */
export function scenario<const P extends object>(protocol: P, options: ScenarioOptions = {}): Scenario<P> {
  return new Scenario<P>(protocol, options);
}

/** A scenario being written: see {@link scenario}. */
export class Scenario<P extends object> {
  readonly #protocol: P;
  readonly #options: ScenarioOptions;
  readonly #actions: Action[] = [];
  #facts: Record<string, unknown> = {};
  #by: Actor | undefined;

  constructor(protocol: P, options: ScenarioOptions) {
    this.#protocol = protocol;
    this.#options = options;
  }

  /** The facts known when the journey starts (at J0, before any other step). */
  given(facts: FactsOf<P>, options: { by?: Actor<RoleIdOf<P>> } = {}): this {
    this.#facts = { ...this.#facts, ...(facts as Record<string, unknown>) };
    if (options.by) this.#by = options.by;
    return this;
  }

  /**
   * Moves the clock to an instant (`J+5`, `J+7 09:30`, `+2 months`, an ISO date-time), firing
   * everything due meanwhile (ruptures dated exactly, timed exits, recurrences), then runs `then`.
   */
  at(when: ScenarioInstant, then?: (s: this) => unknown): this {
    this.#push(`at(${String(when)})`, async (r) => {
      const t = resolveInstant(when, { start: r.start, now: r.clock.now(), timeZone: r.timeZone });
      r.clock.set(t);
      await r.engine.runUntil(t);
    });
    if (then) then(this);
    return this;
  }

  /** Lets time pass (`P3D`, `+2 weeks`, `10 days`). */
  wait(duration: string): this {
    const text = duration.trim();
    return this.at(text.startsWith('+') ? text : `+${text}`);
  }

  /** An actor performs a task (or one occurrence `task#n`). */
  perform<T extends TaskIdOf<P>>(
    task: T | `${T}#${number}`,
    options: {
      actor: Actor<RoleIdOf<P>>;
      as?: RoleIdOf<P>;
      delegation?: DelegationIdOf<P>;
      data?: TaskDataOf<P, T>;
    },
  ): this {
    return this.#command(`perform(${task})`, (r) =>
      r.journeys.perform(r.journeyId, task as string, {
        ...(options as object),
        actor: options.actor,
        at: r.clock.now(),
      }),
    );
  }

  /** An integration's feed observed a task done (e.g. a GP visit in claims data). */
  observe<T extends TaskIdOf<P>>(
    task: T | `${T}#${number}`,
    options: { source: string; data?: TaskDataOf<P, T> },
  ): this {
    return this.#command(`observe(${task})`, (r) =>
      r.journeys.observe(r.journeyId, task as string, { ...options, at: r.clock.now() }),
    );
  }

  /** An actor takes a task. */
  accept(task: TaskRef<P>, options: { actor: Actor<RoleIdOf<P>>; as?: RoleIdOf<P> }): this {
    return this.#command(`accept(${task})`, (r) =>
      r.journeys.accept(r.journeyId, task as string, { ...options, at: r.clock.now() }),
    );
  }

  /** An actor gives a task back. */
  release(task: TaskRef<P>, options: { actor: Actor<RoleIdOf<P>>; reason?: string }): this {
    return this.#command(`release(${task})`, (r) =>
      r.journeys.release(r.journeyId, task as string, { ...options, at: r.clock.now() }),
    );
  }

  /** A responsible role waives a task, with a justification (a recorded deviation). */
  waive(
    task: TaskRef<P>,
    options: { actor: Actor<RoleIdOf<P>>; as?: RoleIdOf<P>; justification: string },
  ): this {
    return this.#command(`waive(${task})`, (r) =>
      r.journeys.waive(r.journeyId, task as string, { ...options, at: r.clock.now() }),
    );
  }

  /** A responsible role cancels a task. */
  cancelTask(
    task: TaskRef<P>,
    options: { actor: Actor<RoleIdOf<P>>; as?: RoleIdOf<P>; reason: string },
  ): this {
    return this.#command(`cancelTask(${task})`, (r) =>
      r.journeys.cancelTask(r.journeyId, task as string, { ...options, at: r.clock.now() }),
    );
  }

  /** Records an event (a discharge, an alert sign…). */
  record(
    event: EventIdOf<P>,
    options: { data?: Record<string, unknown>; by?: Actor<RoleIdOf<P>>; source?: string } = {},
  ): this {
    return this.#command(`record(${event})`, (r) =>
      r.journeys.recordEvent(r.journeyId, event as string, { ...options, at: r.clock.now() }),
    );
  }

  /** Records facts about the patient. */
  recordFacts(facts: FactsOf<P>, options: { by?: Actor<RoleIdOf<P>>; source?: string } = {}): this {
    return this.#command('recordFacts', (r) =>
      r.journeys.recordFacts(r.journeyId, facts as Record<string, unknown>, {
        ...options,
        at: r.clock.now(),
      }),
    );
  }

  /** A delegate hands the patient back to the delegating role. */
  handBack(
    delegation: DelegationIdOf<P>,
    options: { actor: Actor<RoleIdOf<P>>; task: TaskRef<P>; reason: string },
  ): this {
    return this.#command(`handBack(${delegation})`, (r) =>
      r.journeys.handBack(r.journeyId, delegation as string, {
        ...options,
        task: options.task as string,
        at: r.clock.now(),
      }),
    );
  }

  /** Moves the journey to another step, with a justification. */
  reroute(
    to: StepIdOf<P>,
    options: { actor: Actor<RoleIdOf<P>>; as?: RoleIdOf<P>; justification: string },
  ): this {
    return this.#command(`reroute(${to})`, (r) =>
      r.journeys.reroute(r.journeyId, to as string, { ...options, at: r.clock.now() }),
    );
  }

  /** Closes the journey. */
  close(reason: string, options: { by?: Actor<RoleIdOf<P>> } = {}): this {
    return this.#command('close', (r) =>
      r.journeys.close(r.journeyId, { reason, ...options, at: r.clock.now() }),
    );
  }

  /** Cancels the journey. */
  cancel(reason: string, options: { by?: Actor<RoleIdOf<P>> } = {}): this {
    return this.#command('cancel', (r) =>
      r.journeys.cancel(r.journeyId, { reason, ...options, at: r.clock.now() }),
    );
  }

  /**
   * Expects the commands written in `commands` to be refused with this error code (and the
   * journey to stay as it was). The scenario fails if one of them is accepted.
   *
   * @example
   * scenario(ic).given({ age: 70 }).expectRefused('NOT_ALLOWED_ROLE', (s) => s.perform('consultation-mg', { actor: ide }))
   */
  expectRefused(code: CptsErrorCode, commands: (s: this) => unknown): this {
    this.#push(`expectRefused(${code})`, async (r) => {
      r.expectRefusal = code;
      r.refusalSeen = false;
    });
    commands(this);
    this.#push(`expectRefused(${code})`, async (r) => {
      r.expectRefusal = undefined;
      if (!r.refusalSeen)
        throw new ScenarioError(
          `expected a command refused with ${code}, but no command was written inside expectRefused`,
          `${formatJourneyDay(r.clock.now(), r.start, r.timeZone)} · expectRefused(${code})`,
          formatTimeline(await r.engine.history(r.journeyId), { protocol: r.definition }),
        );
    });
    return this;
  }

  /** Runs an expectation on the journey (use vitest's `expect` inside, or throw). */
  expect(check: (journey: JourneyView<P>, context: ScenarioContext) => unknown): this {
    this.#push('expect(…)', async (r) => {
      const journey = (await r.journeys.get(r.journeyId)) as unknown as JourneyView<P>;
      const history = await r.engine.history(r.journeyId);
      await check(journey, {
        history,
        now: r.clock.now(),
        instant: (at) => resolveInstant(at, { start: r.start, now: r.clock.now(), timeZone: r.timeZone }),
        timeline: () => formatTimeline(history, { protocol: r.definition }),
      });
    });
    return this;
  }

  /** Expects the journey to be in a step (or one of its nested steps). */
  expectStep(step: StepIdOf<P>): this {
    return this.#check(`expectStep(${step})`, (j) =>
      j.active.includes(step as string)
        ? undefined
        : `expected the journey to be in step "${step}", it is in ${list(j.active)}`,
    );
  }

  /** Expects the journey not to be in a step. */
  expectNotInStep(step: StepIdOf<P>): this {
    return this.#check(`expectNotInStep(${step})`, (j) =>
      j.active.includes(step as string) ? `expected the journey not to be in step "${step}"` : undefined,
    );
  }

  /** Expects an open occurrence of a task, optionally due at an instant (`J+7 23:59`) or by one. */
  expectOpenTask(
    task: TaskRef<P>,
    options: { due?: ScenarioInstant; dueBy?: ScenarioInstant; responsible?: readonly RoleIdOf<P>[] } = {},
  ): this {
    return this.#check(`expectOpenTask(${task})`, (j, r) => {
      const open = j.openTasks.filter((t) => t.id === task || t.task === task);
      if (open.length === 0)
        return `expected task "${task}" to be open; open tasks: ${list(j.openTasks.map((t) => t.id))}`;
      const fmt = (t: number | undefined) =>
        t === undefined ? 'no due date' : formatJourneyDay(t, r.start, r.timeZone);
      if (options.due !== undefined) {
        const due = resolveInstant(options.due, { start: r.start, now: r.clock.now(), timeZone: r.timeZone });
        // `J+7` names a day: a task due any time that day matches; `J+7 23:59` names the minute.
        const sameDay = typeof options.due === 'string' && /^J[^ ]*$/.test(options.due.trim());
        const hit = open.some((t) =>
          t.dueAt === undefined
            ? false
            : sameDay
              ? fmt(t.dueAt).split(' ')[0] === fmt(due).split(' ')[0]
              : Math.abs(t.dueAt - due) < 60_000,
        );
        if (!hit)
          return `expected "${task}" due ${sameDay ? fmt(due).split(' ')[0] : fmt(due)}, it is due ${list(open.map((t) => fmt(t.dueAt)))}`;
      }
      if (options.dueBy !== undefined) {
        const by = resolveInstant(options.dueBy, {
          start: r.start,
          now: r.clock.now(),
          timeZone: r.timeZone,
        });
        if (!open.some((t) => t.dueAt !== undefined && t.dueAt <= by))
          return `expected "${task}" due by ${fmt(by)}, it is due ${list(open.map((t) => fmt(t.dueAt)))}`;
      }
      if (options.responsible) {
        const want = [...options.responsible].map(String).sort().join(', ');
        if (!open.some((t) => [...t.responsible].sort().join(', ') === want))
          return `expected "${task}" to be for ${want}, it is for ${list(open.map((t) => t.responsible.join('+')))}`;
      }
      return undefined;
    });
  }

  /** Expects no open occurrence of a task. */
  expectNoOpenTask(task: TaskRef<P>): this {
    return this.#check(`expectNoOpenTask(${task})`, (j) => {
      const open = j.openTasks.filter((t) => t.id === task || t.task === task);
      return open.length === 0
        ? undefined
        : `expected no open "${task}", found ${list(open.map((t) => t.id))}`;
    });
  }

  /** Expects a task (its latest occurrence) to be completed. */
  expectCompleted(task: TaskRef<P>): this {
    return this.#check(`expectCompleted(${task})`, (j) => {
      const t = j.tasks.filter((x) => x.id === task || x.task === task).at(-1);
      return t?.status === 'completed'
        ? undefined
        : `expected "${task}" to be completed, it is ${t?.status ?? 'never opened'}`;
    });
  }

  /**
   * Expects a rupture on a task, optionally in a segment, with a delay (once closed), open or closed,
   * missing a due instant.
   */
  expectRupture(
    task: TaskIdOf<P>,
    options: {
      segment?: string;
      delayDays?: number;
      open?: boolean;
      kind?: Rupture['kind'];
      roles?: readonly RoleIdOf<P>[];
      due?: ScenarioInstant;
    } = {},
  ): this {
    return this.#check(`expectRupture(${task})`, (j, r) => {
      const found = j.ruptures.filter((x) => x.task === task);
      if (found.length === 0)
        return `expected a rupture on "${task}"; ruptures: ${list(j.ruptures.map((x) => `${x.task} (${x.segment})`))}`;
      const problems: string[] = [];
      const ok = found.some((x) => {
        const p: string[] = [];
        if (options.segment !== undefined && x.segment !== options.segment)
          p.push(`segment ${x.segment}, not ${options.segment}`);
        if (options.kind !== undefined && x.kind !== options.kind)
          p.push(`kind ${x.kind}, not ${options.kind}`);
        if (options.delayDays !== undefined && x.delayDays !== options.delayDays)
          p.push(
            x.delayDays === undefined
              ? `still open, no delay yet (expected ${options.delayDays} days)`
              : `delay ${x.delayDays} days, not ${options.delayDays}`,
          );
        if (options.open === true && x.closedAt !== undefined) p.push('closed, expected open');
        if (options.open === false && x.closedAt === undefined) p.push('open, expected closed');
        if (
          options.roles !== undefined &&
          [...x.roles].sort().join() !== [...options.roles].map(String).sort().join()
        )
          p.push(`roles ${x.roles.join(', ')}, not ${options.roles.join(', ')}`);
        if (options.due !== undefined) {
          const due = resolveInstant(options.due, {
            start: r.start,
            now: r.clock.now(),
            timeZone: r.timeZone,
          });
          const day = (t: number) => formatJourneyDay(t, r.start, r.timeZone).split(' ')[0];
          if (day(x.dueAt) !== day(due)) p.push(`missed the due date of ${day(x.dueAt)}, not ${day(due)}`);
        }
        problems.push(`${x.id}: ${p.join('; ')}`);
        return p.length === 0;
      });
      return ok
        ? undefined
        : `expected a rupture on "${task}" matching ${JSON.stringify(options)}; found ${problems.join(' | ')}`;
    });
  }

  /** Expects no rupture (on a task, or at all). */
  expectNoRupture(task?: TaskIdOf<P>): this {
    return this.#check(`expectNoRupture(${task ?? ''})`, (j) => {
      const found = j.ruptures.filter((x) => task === undefined || x.task === task);
      return found.length === 0
        ? undefined
        : `expected no rupture${task ? ` on "${task}"` : ''}; found ${list(found.map((x) => `${x.task} (${x.segment})`))}`;
    });
  }

  /** Expects the level of the gradation of complexity. */
  expectComplexity(level: ComplexityLevel | undefined): this {
    return this.#check(`expectComplexity(${level})`, (j) =>
      j.complexity === level
        ? undefined
        : `expected complexity ${level ?? 'none'}, it is ${j.complexity ?? 'none'}`,
    );
  }

  /** Expects the journey's status (`active`, `completed`, `cancelled`). */
  expectStatus(status: JourneyView['status']): this {
    return this.#check(`expectStatus(${status})`, (j) =>
      j.status === status ? undefined : `expected the journey to be ${status}, it is ${j.status}`,
    );
  }

  /** Runs the script. Resolves with the journey and its history; rejects with a {@link ScenarioError}. */
  async run(): Promise<ScenarioResult<P>> {
    const o = this.#options;
    const definition = parseProtocol(this.#protocol);
    const start =
      o.start === undefined ? Date.parse('2026-01-05T09:00:00+01:00') : new VirtualClock(o.start).now();
    const clock = o.clock ?? new VirtualClock(start);
    if (o.engine && !o.clock)
      throw new CptsError(
        'INVALID_COMMAND',
        "A scenario on a given engine needs that engine's VirtualClock: pass { engine, clock }",
      );
    if (clock.now() < start) clock.set(start);
    const engine = o.engine ?? createEngine({ protocols: [this.#protocol], clock, store: new MemoryStore() });
    const r: Run = {
      engine,
      clock,
      journeys: engine.for(this.#protocol) as unknown as ProtocolJourneys<ProtocolDefinition>,
      journeyId: o.journeyId ?? `scenario-${++counter}`,
      start: clock.now(),
      started: false,
      timeZone: o.timeZone ?? 'Europe/Paris',
      definition,
      expectRefusal: undefined,
      refusalSeen: false,
      refusals: [],
    };
    const timeline = async () => {
      if (!r.started) return '(the journey has not started)';
      return formatTimeline(await engine.history(r.journeyId), { protocol: definition });
    };
    let current = 'start';
    try {
      const started = await engine.start(definition, {
        facts: this.#facts,
        journeyId: r.journeyId,
        at: r.start,
        ...(this.#by && { by: this.#by }),
        ...(o.timeZone && { timeZone: o.timeZone }),
      });
      r.started = true;
      r.timeZone = started.journey.timeZone;
      for (const action of this.#actions) {
        current = `${formatJourneyDay(r.clock.now(), r.start, r.timeZone)} · ${action.label}`;
        await action.run(r);
      }
      const journey = (await r.journeys.get(r.journeyId)) as unknown as JourneyView<P>;
      const history = await engine.history(r.journeyId);
      return {
        journeyId: r.journeyId,
        journey,
        history,
        engine,
        refusals: r.refusals,
        timeline: () => formatTimeline(history, { protocol: definition }),
      };
    } catch (e) {
      if (e instanceof ScenarioError) throw e;
      const text = await timeline().catch(() => '(history unavailable)');
      if (e instanceof Error && !CptsError.is(e)) {
        // An assertion error (vitest's expect): keep it, so the diff still shows, and add the timeline.
        e.message = `${e.message}\n\n  at ${current}\n\nHistory of the journey:\n${indent(text)}`;
        throw e;
      }
      const message = CptsError.is(e) ? `unexpected refusal ${e.code}: ${e.message}` : String(e);
      throw new ScenarioError(message, current, text, e);
    } finally {
      if (o.coverage && r.started)
        await engine.history(r.journeyId).then(
          (h) => o.coverage?.record(h),
          () => undefined,
        );
    }
  }

  #push(label: string, run: Action['run']): void {
    this.#actions.push({ label, run });
  }

  #command(label: string, send: (r: Run) => Promise<unknown>): this {
    this.#push(label, async (r) => {
      const expected = r.expectRefusal;
      try {
        await send(r);
      } catch (e) {
        if (!CptsError.is(e) || expected === undefined) throw e;
        if (e.code !== expected)
          throw new ScenarioError(
            `expected ${label} to be refused with ${expected}, it was refused with ${e.code}: ${e.message}`,
            `${formatJourneyDay(r.clock.now(), r.start, r.timeZone)} · ${label}`,
            formatTimeline(await r.engine.history(r.journeyId), { protocol: r.definition }),
          );
        r.refusalSeen = true;
        r.refusals.push({ command: label, code: e.code, at: r.clock.now() });
        return;
      }
      if (expected !== undefined)
        throw new ScenarioError(
          `expected ${label} to be refused with ${expected}, it was accepted`,
          `${formatJourneyDay(r.clock.now(), r.start, r.timeZone)} · ${label}`,
          formatTimeline(await r.engine.history(r.journeyId), { protocol: r.definition }),
        );
    });
    return this;
  }

  #check(label: string, check: (journey: JourneyView, r: Run) => string | undefined): this {
    this.#push(label, async (r) => {
      const journey = await r.journeys.get(r.journeyId);
      const problem = check(journey, r);
      if (problem !== undefined)
        throw new ScenarioError(
          problem,
          `${formatJourneyDay(r.clock.now(), r.start, r.timeZone)} · ${label}`,
          formatTimeline(await r.engine.history(r.journeyId), { protocol: r.definition }),
        );
    });
    return this;
  }
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '(none)' : items.join(', ');
}

/**
 * An actor with literal role types, for scenarios and tests.
 *
 * @example
 * const drMartin = actor('dr-martin', ['medecin-traitant'], { name: 'Dr Martin' });
 */
export function actor<const R extends string>(
  id: string,
  roles: readonly R[],
  extra: { name?: string; qualifications?: Actor['qualifications'] } = {},
): Actor<R> {
  return { id, roles, ...extra };
}
