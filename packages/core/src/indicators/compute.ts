import { match, P } from 'ts-pattern';
import { compileCondition } from '../conditions/evaluate.js';
import type { HistoryEvent } from '../history/events.js';
import type { Criterion, Indicator } from '../model/indicator.js';
import type { ProtocolDefinition } from '../model/protocol.js';
import { toMillis } from '../time/clock.js';
import { dueInstant } from '../time/duration.js';
import { type JourneySummary, summarise, summaryAnchor, summaryContext } from './journey-summary.js';

/** A period: journeys started in `[from, to)`, their histories read up to `to`. */
export interface IndicatorPeriod {
  readonly from: Date | number | string;
  readonly to: Date | number | string;
}

/** The value of an indicator over a period, with the journeys behind it for audit. */
export interface IndicatorResult {
  readonly id: string;
  readonly label: string;
  readonly kind: Indicator['kind'];
  readonly segment: string | undefined;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator; `undefined` when the denominator is 0. */
  readonly value: number | undefined;
  readonly target: number | undefined;
  readonly reference: Indicator['reference'];
  readonly numeratorJourneys: readonly string[];
  readonly denominatorJourneys: readonly string[];
  /** Denominator journeys where a task the numerator expects was waived (a recorded deviation). */
  readonly deviationJourneys: readonly string[];
}

/** A criterion turned into a predicate on a journey summary (at `until`). */
export type CompiledCriterion = (summary: JourneySummary, until: number) => boolean;

const compiledCriteria = new WeakMap<Criterion, CompiledCriterion>();

/**
 * Compiles a criterion once into a predicate (cached per criterion object): a cohort evaluates
 * every indicator on every journey.
 */
export function compileCriterion(c: Criterion): CompiledCriterion {
  const hit = compiledCriteria.get(c);
  if (hit) return hit;
  const compiled = match<Criterion, CompiledCriterion>(c)
    .with({ all: P.array() }, (x) => {
      const parts = x.all.map(compileCriterion);
      return (s, until) => parts.every((f) => f(s, until));
    })
    .with({ any: P.array() }, (x) => {
      const parts = x.any.map(compileCriterion);
      return (s, until) => parts.some((f) => f(s, until));
    })
    .with({ not: P.nonNullable }, (x) => {
      const inner = compileCriterion(x.not);
      return (s, until) => !inner(s, until);
    })
    .with({ started: true }, () => () => true)
    .with({ stepReached: P.string }, (x) => (s) => s.stepsEntered.has(x.stepReached))
    .with({ taskCompleted: P.string }, (x) => (s) => taskCompletedInTime(x, s))
    .with({ taskWaived: P.string }, (x) => (s) => {
      for (const t of s.tasks.values()) if (t.task === x.taskWaived && t.status === 'waived') return true;
      return false;
    })
    .with(
      { rupture: P.nonNullable },
      (x) => (s) =>
        s.ruptures.some(
          (r) =>
            (x.rupture.task === undefined || r.task === x.rupture.task) &&
            (x.rupture.segment === undefined || r.segment === x.rupture.segment),
        ),
    )
    .with({ event: P.string }, (x) => (s) => s.events.has(x.event))
    .with({ condition: P.nonNullable }, (x) => {
      const condition = compileCondition(x.condition);
      return (s, until) => condition(summaryContext(s, until));
    })
    .exhaustive();
  compiledCriteria.set(c, compiled);
  return compiled;
}

function taskCompletedInTime(x: Extract<Criterion, { taskCompleted: string }>, s: JourneySummary): boolean {
  for (const t of s.tasks.values()) {
    if (t.task !== x.taskCompleted || t.status !== 'completed' || t.closedAt === undefined) continue;
    if (x.within === undefined) return true;
    // Measured from the anchor that preceded the completion, not from a later one.
    const anchor = x.from ?? 'journey-start';
    const from = summaryAnchor(s, anchor, t.openedAt, t.closedAt);
    const recurring = typeof anchor === 'object' && ('event' in anchor || 'task' in anchor);
    if (from !== undefined && (!recurring || from >= t.openedAt)) {
      if (t.closedAt <= dueInstant(from, x.within, s.timeZone)) return true;
      continue;
    }
    // No anchor since the task opened: the act came before it (a discharge letter handed before
    // the discharge is recorded), so it is on time for the anchor that follows, if any.
    const latest = recurring ? summaryAnchor(s, anchor, t.openedAt) : undefined;
    if (latest !== undefined && latest > t.closedAt) return true;
  }
  return false;
}

/** Whether a journey meets a criterion at `until`. */
export function meetsCriterion(c: Criterion, s: JourneySummary, until: number): boolean {
  return compileCriterion(c)(s, until);
}

function expectedTasks(c: Criterion): string[] {
  if ('all' in c) return c.all.flatMap(expectedTasks);
  if ('any' in c) return c.any.flatMap(expectedTasks);
  if ('taskCompleted' in c) return [c.taskCompleted];
  return [];
}

/**
 * Computes every indicator of a protocol from journey histories alone, so any store can do it.
 * The denominator counts journeys started in the period that meet its criterion; the numerator,
 * those of them that also meet the numerator's.
 *
 * @example
 * const [seenBy7Days] = computeIndicators(ic, histories, { from: '2026-01-01', to: '2027-01-01' });
 * console.log(seenBy7Days.value, seenBy7Days.numeratorJourneys);
 */
export function computeIndicators(
  protocol: ProtocolDefinition,
  histories: readonly (readonly HistoryEvent[])[],
  period: IndicatorPeriod,
): IndicatorResult[] {
  const from = toMillis(period.from);
  const to = toMillis(period.to);
  const summaries = histories
    .filter(
      (h) =>
        h[0]?.type === 'journey.started' &&
        h[0].protocol.id === protocol.id &&
        h[0].at >= from &&
        h[0].at < to,
    )
    .map((h) => summarise(h, to))
    .filter((s): s is JourneySummary => s !== undefined);
  return protocol.indicators.map((ind) => {
    const denominator = summaries.filter((s) => meetsCriterion(ind.denominator, s, to));
    const numerator = denominator.filter((s) => meetsCriterion(ind.numerator, s, to));
    const expected = new Set(expectedTasks(ind.numerator));
    const deviations = denominator.filter((s) =>
      [...s.tasks.values()].some((t) => t.status === 'waived' && expected.has(t.task)),
    );
    return {
      id: ind.id,
      label: ind.label.fr,
      kind: ind.kind,
      segment: ind.segment,
      numerator: numerator.length,
      denominator: denominator.length,
      value: denominator.length === 0 ? undefined : numerator.length / denominator.length,
      target: ind.target,
      reference: ind.reference,
      numeratorJourneys: numerator.map((s) => s.journeyId),
      denominatorJourneys: denominator.map((s) => s.journeyId),
      deviationJourneys: deviations.map((s) => s.journeyId),
    };
  });
}

/** Ruptures of one segment of the road over a period. */
export interface SegmentRuptures {
  readonly segment: string;
  readonly count: number;
  readonly open: number;
  readonly handBacks: number;
  /** Mean delay, in days, of the ruptures closed. */
  readonly meanDelayDays: number | undefined;
  readonly journeys: readonly string[];
}

/** Ruptures per segment of the road, over journeys started in the period. */
export function rupturesBySegment(
  histories: readonly (readonly HistoryEvent[])[],
  period: IndicatorPeriod,
): SegmentRuptures[] {
  const from = toMillis(period.from);
  const to = toMillis(period.to);
  const bySegment = new Map<
    string,
    { count: number; open: number; handBacks: number; delays: number[]; journeys: Set<string> }
  >();
  for (const h of histories) {
    const s = h[0]?.at !== undefined && h[0].at >= from && h[0].at < to ? summarise(h, to) : undefined;
    if (!s) continue;
    for (const r of s.ruptures) {
      const row = bySegment.get(r.segment) ?? {
        count: 0,
        open: 0,
        handBacks: 0,
        delays: [],
        journeys: new Set<string>(),
      };
      row.count++;
      if (r.closedAt === undefined) row.open++;
      else if (r.delayDays !== undefined) row.delays.push(r.delayDays);
      if (r.kind === 'hand-back') row.handBacks++;
      row.journeys.add(s.journeyId);
      bySegment.set(r.segment, row);
    }
  }
  return [...bySegment.entries()]
    .map(([segment, r]) => ({
      segment,
      count: r.count,
      open: r.open,
      handBacks: r.handBacks,
      meanDelayDays:
        r.delays.length === 0 ? undefined : r.delays.reduce((a, b) => a + b, 0) / r.delays.length,
      journeys: [...r.journeys],
    }))
    .sort((a, b) => (a.segment < b.segment ? -1 : 1));
}
