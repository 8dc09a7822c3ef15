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
    { task: string; step: string; openedAt: number; status: TaskStatus; closedAt?: number }
  >;
  readonly stepsEntered: ReadonlyMap<string, number[]>;
  readonly events: ReadonlyMap<string, number[]>;
  readonly ruptures: readonly Rupture[];
}

/** Folds a history (up to `until`) into what indicators need. */
export function summarise(
  history: readonly HistoryEvent[],
  until = Number.POSITIVE_INFINITY,
): JourneySummary | undefined {
  const first = history[0];
  if (first?.type !== 'journey.started' || first.at > until) return undefined;
  let facts: Record<string, unknown> = { ...first.facts };
  let complexity: ComplexityLevel | undefined;
  const tasks = new Map<
    string,
    { task: string; step: string; openedAt: number; status: TaskStatus; closedAt?: number }
  >();
  const stepsEntered = new Map<string, number[]>();
  const events = new Map<string, number[]>();
  const ruptures: Rupture[] = [];
  const close = (instance: string, status: TaskStatus, at: number) => {
    const t = tasks.get(instance);
    if (t) tasks.set(instance, { ...t, status, closedAt: at });
  };
  for (const e of history) {
    if (e.at > until) break;
    switch (e.type) {
      case 'facts.recorded':
        facts = { ...facts, ...e.facts };
        break;
      case 'complexity.changed':
        complexity = e.to;
        break;
      case 'step.entered':
        stepsEntered.set(e.step, [...(stepsEntered.get(e.step) ?? []), e.at]);
        break;
      case 'event.recorded':
        events.set(e.event, [...(events.get(e.event) ?? []), e.at]);
        break;
      case 'task.opened':
        tasks.set(e.instance, { task: e.task, step: e.step, openedAt: e.at, status: 'open' });
        break;
      case 'task.accepted': {
        const t = tasks.get(e.instance);
        if (t) tasks.set(e.instance, { ...t, status: 'accepted' });
        break;
      }
      case 'task.released': {
        const t = tasks.get(e.instance);
        if (t) tasks.set(e.instance, { ...t, status: 'open' });
        break;
      }
      case 'task.completed':
        close(e.instance, 'completed', e.at);
        break;
      case 'task.waived':
        close(e.instance, 'waived', e.at);
        break;
      case 'task.cancelled':
        close(e.instance, 'cancelled', e.at);
        break;
      case 'task.closed':
        close(e.instance, e.status, e.at);
        break;
      case 'rupture.opened':
        ruptures.push(e.rupture);
        break;
      case 'rupture.closed': {
        const i = ruptures.findIndex((r) => r.id === e.rupture);
        if (i >= 0)
          ruptures[i] = { ...ruptures[i]!, closedAt: e.at, delayMs: e.delayMs, delayDays: e.delayDays };
        break;
      }
      default:
        break;
    }
  }
  return {
    journeyId: first.journeyId,
    startedAt: first.at,
    timeZone: first.timeZone,
    facts,
    complexity,
    tasks,
    stepsEntered,
    events,
    ruptures,
  };
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
