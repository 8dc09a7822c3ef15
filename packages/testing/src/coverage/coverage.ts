/**
 * Path coverage: which steps, exits, tasks and paths of a protocol a test suite exercised, read
 * from the histories of the journeys it ran.
 * @module
 */
import {
  allSteps,
  allTasks,
  CptsError,
  type HistoryEvent,
  isInputEvent,
  type ProtocolDefinition,
  parseProtocol,
} from '@cpts/core';
import { type ExitRef, type ProtocolPath, protocolPaths } from './paths.js';

/** One line of a coverage report. */
export interface CoverageCount<T> {
  readonly total: number;
  readonly covered: number;
  /** covered / total (1 when there is nothing to cover). */
  readonly ratio: number;
  readonly missed: readonly T[];
}

/** What a test suite exercised of a protocol. */
export interface CoverageReport {
  readonly protocol: { readonly id: string; readonly version: string };
  /** Journeys recorded. */
  readonly journeys: number;
  readonly steps: CoverageCount<string>;
  readonly exits: CoverageCount<ExitRef>;
  /** Tasks opened at least once. */
  readonly tasksOpened: CoverageCount<string>;
  /** Tasks completed at least once. */
  readonly tasksCompleted: CoverageCount<string>;
  /** Tasks with a deadline that no test let pass (no rupture ever recorded on them). */
  readonly tasksMissed: CoverageCount<string>;
  readonly paths: CoverageCount<ProtocolPath>;
}

/** A coverage collector for one protocol: record histories, then ask for the report. */
export interface ProtocolCoverage {
  readonly protocol: ProtocolDefinition;
  /** Records what a journey's history exercised (journeys of other protocols are ignored). */
  record(history: readonly HistoryEvent[]): void;
  /** The report so far. */
  report(): CoverageReport;
  /** What was recorded, as JSON, to merge runs of several test files. */
  toJSON(): CoverageData;
  /**
   * Adds what another collector of the same protocol and version recorded.
   * @throws {CptsError} `INVALID_COMMAND` for the data of another protocol or version.
   */
  merge(data: CoverageData): void;
}

/** The raw coverage data (JSON). */
export interface CoverageData {
  readonly protocol: string;
  readonly journeys: number;
  readonly steps: readonly string[];
  readonly exits: readonly string[];
  readonly opened: readonly string[];
  readonly completed: readonly string[];
  readonly missed: readonly string[];
  /** Per level (`<parent step>:`, `:` for the top), each run of steps entered, joined by `>`. */
  readonly sequences: readonly string[];
}

const exitKey = (x: { from: string; to: string }) => `${x.from}>${x.to}`;

function count<T>(all: readonly T[], covered: (t: T) => boolean): CoverageCount<T> {
  const missed = all.filter((t) => !covered(t));
  const total = all.length;
  return {
    total,
    covered: total - missed.length,
    ratio: total === 0 ? 1 : (total - missed.length) / total,
    missed,
  };
}

/**
 * Creates a coverage collector for a protocol. Feed it the histories of the journeys your tests
 * ran (`scenario(…, { coverage })` does it for you), then read `report()` or print it with
 * {@link formatCoverage}.
 *
 * @example
 * const coverage = createCoverage(ic);
 * afterAll(() => console.info(formatCoverage(coverage.report())));
 * it('GP visit within 7 days', () => scenario(ic, { coverage }).given({ age: 80 }).run());
 */
export function createCoverage(protocol: object, options: { pathLimit?: number } = {}): ProtocolCoverage {
  const definition: ProtocolDefinition = Object.isFrozen(protocol)
    ? (protocol as ProtocolDefinition)
    : parseProtocol(protocol);
  const steps = allSteps(definition);
  const parentOf = new Map(steps.map((s) => [s.step.id, s.parent?.id]));
  const definedExits = new Set(
    steps.flatMap((s) => s.step.exits.map((x) => exitKey({ from: s.step.id, to: x.to }))),
  );
  const paths = protocolPaths(definition, { limit: options.pathLimit ?? 500 });
  const tasks = allTasks(definition);
  const timed = tasks.filter((t) => t.task.due !== undefined && t.task.required).map((t) => t.task.id);

  const seen = {
    journeys: 0,
    steps: new Set<string>(),
    exits: new Set<string>(),
    opened: new Set<string>(),
    completed: new Set<string>(),
    missed: new Set<string>(),
    sequences: new Set<string>(),
  };
  const instances = new Map<string, string>();

  function record(history: readonly HistoryEvent[]): void {
    const first = history[0];
    if (first?.type !== 'journey.started' || first.protocol.id !== definition.id) return;
    seen.journeys++;
    instances.clear();
    // Steps entered, per level (the parent step), in order.
    const perLevel = new Map<string, string[]>();
    // The steps left by the transition being replayed: the engine records each transition as its
    // exits then its entries, so an exit after an entry starts the next transition (A → B → C
    // in one command is two transitions, and does not take an exit A → C).
    let batch: { exited: string[]; entered: boolean; rerouted: boolean } = {
      exited: [],
      entered: false,
      rerouted: false,
    };
    for (const e of history) {
      if (isInputEvent(e)) batch = { exited: [], entered: false, rerouted: e.type === 'journey.rerouted' };
      switch (e.type) {
        case 'step.entered': {
          seen.steps.add(e.step);
          // Entering a compound step again starts a new run through its nested steps.
          const previous = perLevel.get(e.step);
          if (previous) {
            seen.sequences.add(`${e.step}:${previous.join('>')}`);
            perLevel.delete(e.step);
          }
          const level = parentOf.get(e.step) ?? '';
          perLevel.set(level, [...(perLevel.get(level) ?? []), e.step]);
          batch.entered = true;
          if (!batch.rerouted)
            for (const from of batch.exited)
              if (definedExits.has(exitKey({ from, to: e.step })))
                seen.exits.add(exitKey({ from, to: e.step }));
          break;
        }
        case 'step.exited':
          if (batch.entered) batch = { ...batch, exited: [], entered: false };
          batch.exited.push(e.step);
          break;
        case 'task.opened':
          seen.opened.add(e.task);
          instances.set(e.instance, e.task);
          break;
        case 'task.completed': {
          const task = instances.get(e.instance) ?? e.instance.split('#')[0]!;
          seen.completed.add(task);
          break;
        }
        case 'rupture.opened':
          if (e.rupture.kind === 'missed-deadline') seen.missed.add(e.rupture.task);
          break;
        default:
          break;
      }
    }
    for (const [level, seq] of perLevel) seen.sequences.add(`${level}:${seq.join('>')}`);
  }

  function pathCovered(p: ProtocolPath): boolean {
    const level = p.region === undefined ? '' : p.region.includes('/') ? p.region.split('/')[0]! : p.region;
    const want = p.steps.join('>');
    if (p.region?.includes('/')) return seen.steps.has(p.steps[0]!);
    for (const s of seen.sequences) {
      const [l, seq] = [s.slice(0, s.indexOf(':')), s.slice(s.indexOf(':') + 1)];
      if (l !== (level === '' ? '' : level)) continue;
      if (seq === want || seq.startsWith(`${want}>`)) return true;
    }
    return false;
  }

  return {
    protocol: definition,
    record,
    report(): CoverageReport {
      const exits: ExitRef[] = steps.flatMap((s) =>
        s.step.exits.map((x, index) => ({ from: s.step.id, to: x.to, index })),
      );
      return {
        protocol: { id: definition.id, version: definition.version },
        journeys: seen.journeys,
        steps: count(
          steps.map((s) => s.step.id),
          (id) => seen.steps.has(id),
        ),
        exits: count(exits, (x) => seen.exits.has(exitKey(x))),
        tasksOpened: count(
          tasks.map((t) => t.task.id),
          (id) => seen.opened.has(id),
        ),
        tasksCompleted: count(
          tasks.map((t) => t.task.id),
          (id) => seen.completed.has(id),
        ),
        tasksMissed: count(timed, (id) => seen.missed.has(id)),
        paths: count(paths, pathCovered),
      };
    },
    toJSON(): CoverageData {
      return {
        protocol: `${definition.id}@${definition.version}`,
        journeys: seen.journeys,
        steps: [...seen.steps].sort(),
        exits: [...seen.exits].sort(),
        opened: [...seen.opened].sort(),
        completed: [...seen.completed].sort(),
        missed: [...seen.missed].sort(),
        sequences: [...seen.sequences].sort(),
      };
    },
    merge(data: CoverageData): void {
      const key = `${definition.id}@${definition.version}`;
      if (data.protocol !== key)
        throw new CptsError(
          'INVALID_COMMAND',
          `cannot merge the coverage of ${data.protocol} into the coverage of ${key}: merge collectors of the same protocol and version`,
          { details: { expected: key, received: data.protocol } },
        );
      seen.journeys += data.journeys;
      for (const [set, values] of [
        [seen.steps, data.steps],
        [seen.exits, data.exits],
        [seen.opened, data.opened],
        [seen.completed, data.completed],
        [seen.missed, data.missed],
        [seen.sequences, data.sequences],
      ] as const)
        for (const v of values) set.add(v);
    },
  };
}

function line<T>(name: string, c: CoverageCount<T>, show: (t: T) => string): string {
  const pct = `${Math.round(c.ratio * 100)}%`.padStart(4);
  const head = `${name.padEnd(16)} ${pct}  ${c.covered}/${c.total}`;
  return c.missed.length === 0 ? head : `${head}  — never: ${c.missed.map(show).join(', ')}`;
}

/**
 * A coverage report as text, one line per kind, listing what was never exercised.
 *
 * @example
 * formatCoverage(coverage.report());
 * // steps             86%  6/7  — never: coordination
 */
export function formatCoverage(report: CoverageReport): string {
  return [
    `Coverage of ${report.protocol.id} ${report.protocol.version} by ${report.journeys} journey${report.journeys === 1 ? '' : 's'}`,
    line('steps', report.steps, (s) => s),
    line('exits', report.exits, (x) => `${x.from} → ${x.to}`),
    line('tasks opened', report.tasksOpened, (t) => t),
    line('tasks completed', report.tasksCompleted, (t) => t),
    line('deadlines missed', report.tasksMissed, (t) => t),
    line('paths', report.paths, (p) => `${p.region ? `[${p.region}] ` : ''}${p.steps.join(' → ')}`),
  ].join('\n');
}
