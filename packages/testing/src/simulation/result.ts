/**
 * What a cohort simulation returns: plain, JSON-serialisable data, identical for the same seed
 * (except `timing`), so that it can be compared, stored and rendered into reports.
 * @module
 */
import type { ComplexityLevel, HistoryEvent } from '@cpts/core';

/** An indicator computed over the simulated cohort. */
export interface IndicatorSummary {
  readonly id: string;
  readonly label: string;
  readonly kind: 'moyens' | 'resultats';
  readonly segment: string | undefined;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, `null` when the denominator is 0. */
  readonly value: number | null;
  readonly target: number | undefined;
  readonly reference: { readonly value: number; readonly label: string } | undefined;
}

/** Ruptures grouped by segment, task or role. */
export interface RuptureRow {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  /** Ruptures closed before the horizon (the act was done late). */
  readonly closed: number;
  /** Mean delay of the closed ones, in days; `null` when none closed. */
  readonly meanDelayDays: number | null;
  /** Share of the journeys that reached the segment / opened the task with at least one rupture here (`null` for roles). */
  readonly journeysShare: number | null;
}

/** Time spent in one step. */
export interface StepStat {
  readonly step: string;
  readonly label: string;
  readonly segment: string;
  readonly entries: number;
  /** Stays that ended before the horizon. */
  readonly exits: number;
  readonly meanDays: number | null;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
  /** Journeys still in the step at the horizon. */
  readonly activeAtEnd: number;
}

/** What became of the occurrences of one task. */
export interface TaskStat {
  readonly task: string;
  readonly label: string;
  readonly segment: string;
  readonly opened: number;
  readonly completed: number;
  /** Completed after their due date. */
  readonly completedLate: number;
  readonly waived: number;
  readonly cancelled: number;
  readonly openAtEnd: number;
  readonly ruptures: number;
}

/** The acts one role performed, week by week: the resources the territory needs. */
export interface RoleWorkload {
  readonly role: string;
  readonly label: string;
  /** Acts per week the simulation allowed the whole territory (`null`: unlimited). */
  readonly capacityPerWeek: number | null;
  /** Acts performed, per week of the horizon (index 0 = the week starting at `settings.start`). */
  readonly acts: readonly number[];
  /** Acts performed after their due date, per week. */
  readonly overdue: readonly number[];
  /** Acts postponed to a later week because the week's capacity was used up. */
  readonly postponed: readonly number[];
  readonly totalActs: number;
  readonly totalOverdue: number;
  readonly meanPerWeek: number;
  readonly peakActs: number;
  readonly peakWeek: number;
}

/** The settings a result was produced with (what is needed to reproduce it). */
export interface SimulationSettings {
  readonly patients: number;
  readonly horizon: string;
  readonly start: string;
  readonly end: string;
  readonly seed: number;
  readonly shards: number;
  readonly arrivals: string;
  readonly weeks: number;
}

/** Result of {@link simulateCohort}. */
export interface SimulationResult {
  readonly protocol: {
    readonly id: string;
    readonly version: string;
    readonly hash: string;
    readonly title: string;
  };
  readonly settings: SimulationSettings;
  readonly journeys: {
    readonly started: number;
    readonly completed: number;
    readonly cancelled: number;
    /** Still running at the horizon. */
    readonly active: number;
    readonly byComplexity: Readonly<Record<ComplexityLevel | 'aucune', number>>;
  };
  /** History entries the engine wrote. */
  readonly events: number;
  readonly acts: {
    readonly performed: number;
    readonly late: number;
    /** Task occurrences the simulated professionals never did (behaviour `probability`). */
    readonly notDone: number;
    /** Commands the engine refused, by error code (a protocol or behaviour problem to look at). */
    readonly refused: Readonly<Record<string, number>>;
  };
  readonly indicators: readonly IndicatorSummary[];
  readonly ruptures: {
    readonly total: number;
    readonly closed: number;
    readonly bySegment: readonly RuptureRow[];
    readonly byTask: readonly RuptureRow[];
    readonly byRole: readonly RuptureRow[];
  };
  readonly steps: readonly StepStat[];
  readonly tasks: readonly TaskStat[];
  readonly workload: readonly RoleWorkload[];
  /** Whole histories of the first journeys (`keepHistories` of them, in shard order), for inspection. */
  readonly histories: readonly (readonly HistoryEvent[])[];
  /** How long it took: the only part of a result that differs between two runs with the same seed. */
  readonly timing: { readonly wallMs: number; readonly threads: number; readonly eventsPerSecond: number };
}
