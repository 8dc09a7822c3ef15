import type { ConditionContext } from '../conditions/context.js';
import { factTime } from '../conditions/context.js';
import type { Rupture } from '../engine/types.js';
import type { HistoryEvent } from '../history/events.js';
import type { Anchor } from '../model/anchor.js';
import type { ComplexityLevel } from '../model/common.js';
import type { TaskStatus } from '../model/condition.js';

/** What indicators read of one journey, folded from its history up to an instant. */
export interface JourneySummary {
  readonly journeyId: string;
  readonly startedAt: number;
  readonly timeZone: string;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly complexity: ComplexityLevel | undefined;
  /** Task occurrences: task id, step, opening, and what became of them. */
  readonly tasks: ReadonlyMap<
    string,
    { task: string; step: string; openedAt: number; status: TaskStatus; closedAt?: number | undefined }
  >;
  readonly stepsEntered: ReadonlyMap<string, number[]>;
  readonly events: ReadonlyMap<string, number[]>;
  readonly ruptures: readonly Rupture[];
}

/** A task occurrence in a summary: the fold's own object, updated in place as the history goes. */
type SummaryTask = {
  task: string;
  step: string;
  openedAt: number;
  status: TaskStatus;
  closedAt: number | undefined;
};

/**
 * A journey summary built event by event, for those who read histories as they are written (a
 * simulation) and need not keep them: `add` each history entry in order, read `summary` any time.
 *
 * @example
 * const fold = new JourneySummaryFold();
 * for (const e of history) fold.add(e);
 * fold.summary; // the same as summarise(history)
 */
export class JourneySummaryFold {
  #started: Extract<HistoryEvent, { type: 'journey.started' }> | undefined;
  #facts: Record<string, unknown> = {};
  #complexity: ComplexityLevel | undefined;
  readonly #tasks = new Map<string, SummaryTask>();
  readonly #stepsEntered = new Map<string, number[]>();
  readonly #events = new Map<string, number[]>();
  readonly #ruptures: Rupture[] = [];

  /** Adds the next history entry; entries before `journey.started` are ignored. */
  add(e: HistoryEvent): void {
    if (e.type === 'journey.started') {
      if (this.#started === undefined) {
        this.#started = e;
        this.#facts = { ...e.facts };
      }
      return;
    }
    if (this.#started === undefined) return;
    switch (e.type) {
      case 'facts.recorded':
        this.#facts = { ...this.#facts, ...e.facts };
        break;
      case 'complexity.changed':
        this.#complexity = e.to;
        break;
      case 'step.entered':
        push(this.#stepsEntered, e.step, e.at);
        break;
      case 'event.recorded':
        push(this.#events, e.event, e.at);
        break;
      case 'task.opened':
        this.#tasks.set(e.instance, {
          task: e.task,
          step: e.step,
          openedAt: e.at,
          status: 'open',
          closedAt: undefined,
        });
        break;
      case 'task.accepted':
        this.#status(e.instance, 'accepted');
        break;
      case 'task.released':
        this.#status(e.instance, 'open');
        break;
      case 'task.completed':
        this.#close(e.instance, 'completed', e.at);
        break;
      case 'task.waived':
        this.#close(e.instance, 'waived', e.at);
        break;
      case 'task.cancelled':
        this.#close(e.instance, 'cancelled', e.at);
        break;
      case 'task.closed':
        this.#close(e.instance, e.status, e.at);
        break;
      case 'rupture.opened':
        this.#ruptures.push(e.rupture);
        break;
      case 'rupture.closed': {
        const i = this.#ruptures.findIndex((r) => r.id === e.rupture);
        if (i >= 0)
          this.#ruptures[i] = {
            ...this.#ruptures[i]!,
            closedAt: e.at,
            delayMs: e.delayMs,
            delayDays: e.delayDays,
          };
        break;
      }
      default:
        break;
    }
  }

  /** The summary so far; `undefined` before `journey.started`. */
  get summary(): JourneySummary | undefined {
    const first = this.#started;
    if (first === undefined) return undefined;
    return {
      journeyId: first.journeyId,
      startedAt: first.at,
      timeZone: first.timeZone,
      facts: this.#facts,
      complexity: this.#complexity,
      tasks: this.#tasks,
      stepsEntered: this.#stepsEntered,
      events: this.#events,
      ruptures: this.#ruptures,
    };
  }

  #status(instance: string, status: TaskStatus): void {
    const t = this.#tasks.get(instance);
    if (t) t.status = status;
  }

  #close(instance: string, status: TaskStatus, at: number): void {
    const t = this.#tasks.get(instance);
    if (t) {
      t.status = status;
      t.closedAt = at;
    }
  }
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

/** Folds a history (up to `until`) into what indicators need. */
export function summarise(
  history: readonly HistoryEvent[],
  until = Number.POSITIVE_INFINITY,
): JourneySummary | undefined {
  const first = history[0];
  if (first?.type !== 'journey.started' || first.at > until) return undefined;
  const fold = new JourneySummaryFold();
  for (const e of history) {
    if (e.at > until) break;
    fold.add(e);
  }
  return fold.summary;
}

/** A condition context over a summary, at an instant. */
export function summaryContext(s: JourneySummary, now: number): ConditionContext {
  const latest = (task: string) => {
    let hit: { status: TaskStatus; openedAt: number } | undefined;
    for (const t of s.tasks.values()) if (t.task === task && (!hit || t.openedAt >= hit.openedAt)) hit = t;
    return hit;
  };
  return {
    facts: s.facts,
    complexity: s.complexity,
    now,
    timeZone: s.timeZone,
    taskStatus: (task) => latest(task)?.status ?? 'inactive',
    eventRecorded: (event) => (s.events.get(event)?.length ?? 0) > 0,
    anchorTime: (anchor) => summaryAnchor(s, anchor),
    requiredTasksDone: () => false,
  };
}

/**
 * The instant of an anchor in a summary: its latest occurrence, or its latest occurrence at or
 * before `atOrBefore` (a task completed after a second discharge is measured from that discharge,
 * one completed before it from the first).
 */
export function summaryAnchor(
  s: JourneySummary,
  anchor: Anchor,
  opened?: number,
  atOrBefore = Number.POSITIVE_INFINITY,
): number | undefined {
  if (anchor === 'journey-start') return s.startedAt;
  if (anchor === 'opened') return opened;
  if (anchor === 'step-entry') return undefined;
  if ('task' in anchor) {
    let last: number | undefined;
    for (const t of s.tasks.values())
      if (
        t.task === anchor.task &&
        t.status === 'completed' &&
        t.closedAt !== undefined &&
        t.closedAt <= atOrBefore
      )
        last = Math.max(last ?? 0, t.closedAt);
    return last;
  }
  if ('event' in anchor)
    return s.events
      .get(anchor.event)
      ?.filter((at) => at <= atOrBefore)
      .at(-1);
  return factTime(s.facts[anchor.fact]);
}
