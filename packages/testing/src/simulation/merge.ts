/**
 * Adds up the shards of a simulation, in shard order, into its result.
 * @module
 */
import {
  addDuration,
  allSteps,
  allTasks,
  type HistoryEvent,
  type ProtocolDefinition,
  protocolHash,
  toMillis,
} from '@cpts/core';
import type { SimulationOptions } from './options.js';
import type { RoleWorkload, RuptureRow, SimulationResult, StepStat, TaskStat } from './result.js';
import { DAY_MS, entry, type RuptureCounter, type ShardAccumulator, WEEK_MS } from './shard.js';

function addRecord(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function addCounters(into: Record<string, RuptureCounter>, from: Record<string, RuptureCounter>): void {
  for (const [k, v] of Object.entries(from)) {
    const c = entry(into, k, () => ({ count: 0, closed: 0, delayDays: 0 }));
    c.count += v.count;
    c.closed += v.closed;
    c.delayDays += v.delayDays;
  }
}

function addArrays(into: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] ?? 0) + from[i]!;
}

/** The value below which a share `q` of a histogram (in tenths of a day) falls, in days. */
function quantile(tenths: Record<string, number>, total: number, q: number): number | null {
  if (total === 0) return null;
  const keys = Object.keys(tenths)
    .map(Number)
    .sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const k of keys) {
    seen += tenths[String(k)]!;
    if (seen >= rank) return (k + 0.5) / 10;
  }
  return (keys[keys.length - 1]! + 0.5) / 10;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Merges shard accumulators (in shard order) into a simulation result. */
export function mergeShards(
  definition: ProtocolDefinition,
  options: SimulationOptions,
  shards: readonly ShardAccumulator[],
  timing: SimulationResult['timing'],
): SimulationResult {
  const ordered = [...shards].sort((a, b) => a.shard - b.shard);
  const start = toMillis(options.start);
  const end = addDuration(start, options.horizon).getTime();
  const weeks = Math.max(1, Math.ceil((end - start) / WEEK_MS));

  const journeys = {
    started: 0,
    completed: 0,
    cancelled: 0,
    active: 0,
    byComplexity: {} as Record<string, number>,
  };
  const acts = { performed: 0, late: 0, notDone: 0, refused: {} as Record<string, number> };
  const indicators: Record<string, { numerator: number; denominator: number }> = {};
  const ruptures = {
    total: 0,
    closed: 0,
    bySegment: {} as Record<string, RuptureCounter>,
    byTask: {} as Record<string, RuptureCounter>,
    byRole: {} as Record<string, RuptureCounter>,
  };
  const reach = { segment: {} as Record<string, number>, task: {} as Record<string, number> };
  const touched = { segment: {} as Record<string, number>, task: {} as Record<string, number> };
  const steps: ShardAccumulator['steps'] = {};
  const tasks: ShardAccumulator['tasks'] = {};
  const workload: Record<string, { acts: number[]; overdue: number[]; postponed: number[] }> = {};
  const histories: HistoryEvent[][] = [];
  let events = 0;

  for (const s of ordered) {
    journeys.started += s.journeys.started;
    journeys.completed += s.journeys.completed;
    journeys.cancelled += s.journeys.cancelled;
    journeys.active += s.journeys.active;
    addRecord(journeys.byComplexity, s.journeys.byComplexity);
    events += s.events;
    acts.performed += s.acts.performed;
    acts.late += s.acts.late;
    acts.notDone += s.acts.notDone;
    addRecord(acts.refused, s.acts.refused);
    for (const [id, v] of Object.entries(s.indicators)) {
      const row = entry(indicators, id, () => ({ numerator: 0, denominator: 0 }));
      row.numerator += v.numerator;
      row.denominator += v.denominator;
    }
    ruptures.total += s.ruptures.total;
    ruptures.closed += s.ruptures.closed;
    addCounters(ruptures.bySegment, s.ruptures.bySegment);
    addCounters(ruptures.byTask, s.ruptures.byTask);
    addCounters(ruptures.byRole, s.ruptures.byRole);
    addRecord(reach.segment, s.reach.segment);
    addRecord(reach.task, s.reach.task);
    addRecord(touched.segment, s.touched.segment);
    addRecord(touched.task, s.touched.task);
    for (const [id, v] of Object.entries(s.steps)) {
      const st = entry(steps, id, () => ({ entries: 0, exits: 0, totalMs: 0, tenths: {}, activeAtEnd: 0 }));
      st.entries += v.entries;
      st.exits += v.exits;
      st.totalMs += v.totalMs;
      st.activeAtEnd += v.activeAtEnd;
      addRecord(st.tenths, v.tenths);
    }
    for (const [id, v] of Object.entries(s.tasks)) {
      const t = entry(tasks, id, () => ({
        opened: 0,
        completed: 0,
        completedLate: 0,
        waived: 0,
        cancelled: 0,
        openAtEnd: 0,
        ruptures: 0,
      }));
      t.opened += v.opened;
      t.completed += v.completed;
      t.completedLate += v.completedLate;
      t.waived += v.waived;
      t.cancelled += v.cancelled;
      t.openAtEnd += v.openAtEnd;
      t.ruptures += v.ruptures;
    }
    for (const [role, v] of Object.entries(s.workload)) {
      const w = entry(workload, role, () => ({
        acts: new Array<number>(weeks).fill(0),
        overdue: new Array<number>(weeks).fill(0),
        postponed: new Array<number>(weeks).fill(0),
      }));
      addArrays(w.acts, v.acts);
      addArrays(w.overdue, v.overdue);
      addArrays(w.postponed, v.postponed);
    }
    for (const h of s.histories) if (histories.length < options.keepHistories) histories.push(h);
  }

  const roleLabel = new Map(definition.roles.map((r) => [r.id, r.label.fr]));
  const segmentLabel = new Map(definition.segments.map((s) => [s.id, s.label.fr]));
  const stepEntries = allSteps(definition);
  const taskEntries = allTasks(definition);
  const taskLabel = new Map(taskEntries.map((t) => [t.task.id, t.task.label.fr]));
  const rows = (
    counters: Record<string, RuptureCounter>,
    label: (k: string) => string,
    share: ((k: string) => number | null) | undefined,
  ): RuptureRow[] =>
    Object.entries(counters)
      .map(([key, c]) => ({
        key,
        label: label(key),
        count: c.count,
        closed: c.closed,
        meanDelayDays: c.closed === 0 ? null : round(c.delayDays / c.closed),
        journeysShare: share ? share(key) : null,
      }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const shareOf = (t: Record<string, number>, r: Record<string, number>) => (k: string) =>
    (r[k] ?? 0) === 0 ? null : round((t[k] ?? 0) / r[k]!, 4);

  const stepStats: StepStat[] = stepEntries.map(({ step }) => {
    const v = steps[step.id] ?? { entries: 0, exits: 0, totalMs: 0, tenths: {}, activeAtEnd: 0 };
    return {
      step: step.id,
      label: step.label.fr,
      segment: step.segment,
      entries: v.entries,
      exits: v.exits,
      meanDays: v.exits === 0 ? null : round(v.totalMs / v.exits / DAY_MS),
      medianDays: quantile(v.tenths, v.exits, 0.5),
      p90Days: quantile(v.tenths, v.exits, 0.9),
      activeAtEnd: v.activeAtEnd,
    };
  });
  const taskStats: TaskStat[] = taskEntries.map(({ task, step }) => {
    const v = tasks[task.id] ?? {
      opened: 0,
      completed: 0,
      completedLate: 0,
      waived: 0,
      cancelled: 0,
      openAtEnd: 0,
      ruptures: 0,
    };
    return { task: task.id, label: task.label.fr, segment: task.segment ?? step.segment, ...v };
  });
  const roleOrder = [
    ...definition.roles.map((r) => r.id),
    ...Object.keys(workload)
      .filter((r) => !roleLabel.has(r))
      .sort(),
  ];
  const workloads: RoleWorkload[] = roleOrder
    .filter((role) => workload[role] !== undefined)
    .map((role) => {
      const w = workload[role]!;
      const totalActs = w.acts.reduce((a, b) => a + b, 0);
      const peakActs = Math.max(0, ...w.acts);
      return {
        role,
        label: roleLabel.get(role) ?? role,
        capacityPerWeek: options.capacity[role] ?? null,
        acts: w.acts,
        overdue: w.overdue,
        postponed: w.postponed,
        totalActs,
        totalOverdue: w.overdue.reduce((a, b) => a + b, 0),
        meanPerWeek: round(totalActs / weeks),
        peakActs,
        peakWeek: Math.max(0, w.acts.indexOf(peakActs)),
      };
    });

  const arrivals = typeof options.arrivals === 'string' ? options.arrivals : `sur ${options.arrivals.over}`;
  return {
    protocol: {
      id: definition.id,
      version: definition.version,
      hash: protocolHash(definition),
      title: definition.title.fr,
    },
    settings: {
      patients: options.patients,
      horizon: options.horizon,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      seed: options.seed,
      shards: options.shards,
      arrivals,
      weeks,
    },
    journeys: {
      started: journeys.started,
      completed: journeys.completed,
      cancelled: journeys.cancelled,
      active: journeys.active,
      byComplexity: {
        faible: journeys.byComplexity.faible ?? 0,
        moyenne: journeys.byComplexity.moyenne ?? 0,
        forte: journeys.byComplexity.forte ?? 0,
        aucune: journeys.byComplexity.aucune ?? 0,
      },
    },
    events,
    acts: {
      performed: acts.performed,
      late: acts.late,
      notDone: acts.notDone,
      refused: Object.fromEntries(Object.entries(acts.refused).sort()),
    },
    indicators: definition.indicators.map((ind) => {
      const v = indicators[ind.id] ?? { numerator: 0, denominator: 0 };
      return {
        id: ind.id,
        label: ind.label.fr,
        kind: ind.kind,
        segment: ind.segment,
        numerator: v.numerator,
        denominator: v.denominator,
        value: v.denominator === 0 ? null : round(v.numerator / v.denominator, 4),
        target: ind.target,
        reference: ind.reference,
      };
    }),
    ruptures: {
      total: ruptures.total,
      closed: ruptures.closed,
      bySegment: rows(
        ruptures.bySegment,
        (k) => segmentLabel.get(k) ?? k,
        shareOf(touched.segment, reach.segment),
      ),
      byTask: rows(ruptures.byTask, (k) => taskLabel.get(k) ?? k, shareOf(touched.task, reach.task)),
      byRole: rows(ruptures.byRole, (k) => roleLabel.get(k) ?? k, undefined),
    },
    steps: stepStats,
    tasks: taskStats,
    workload: workloads,
    timing,
    histories,
  };
}
