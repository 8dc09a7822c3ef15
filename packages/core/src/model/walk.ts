import type { Anchor } from './anchor.js';
import type { Condition } from './condition.js';
import type { Criterion } from './indicator.js';
import type { ProtocolDefinition } from './protocol.js';
import type { Step } from './step.js';
import type { Task } from './task.js';

/** Path of a value inside a definition. */
export type Path = (string | number)[];

/** A step with where it sits: its parent, its path in the definition, its depth. */
export interface StepEntry {
  readonly step: Step;
  readonly parent: Step | undefined;
  readonly path: Path;
  /** Ids from the top-level step down to this one. */
  readonly lineage: readonly string[];
}

/** Every step of a definition, depth first, with its parent and path. */
export function allSteps(protocol: Pick<ProtocolDefinition, 'steps'>): StepEntry[] {
  const out: StepEntry[] = [];
  const visit = (steps: Step[], parent: Step | undefined, path: Path, lineage: string[]) => {
    steps.forEach((step, i) => {
      const p = [...path, i];
      const l = [...lineage, step.id];
      out.push({ step, parent, path: p, lineage: l });
      if (step.steps) visit(step.steps, step, [...p, 'steps'], l);
    });
  };
  visit(protocol.steps, undefined, ['steps'], []);
  return out;
}

/** A task with the step that holds it and its path. */
export interface TaskEntry {
  readonly task: Task;
  readonly step: Step;
  readonly path: Path;
}

/** Every task of a definition, with its step. */
export function allTasks(protocol: Pick<ProtocolDefinition, 'steps'>): TaskEntry[] {
  return allSteps(protocol).flatMap(({ step, path }) =>
    step.tasks.map((task, i) => ({ task, step, path: [...path, 'tasks', i] })),
  );
}

/** A reference found inside a condition, criterion or anchor. */
export type Reference =
  | { kind: 'fact'; id: string; path: Path }
  | { kind: 'task'; id: string; path: Path }
  | { kind: 'event'; id: string; path: Path }
  | { kind: 'step'; id: string; path: Path }
  | { kind: 'segment'; id: string; path: Path }
  | { kind: 'complexity'; path: Path }
  | { kind: 'requiredTasksDone'; path: Path };

/** References made by an anchor. */
export function anchorReferences(anchor: Anchor, path: Path): Reference[] {
  if (typeof anchor === 'string') return [];
  if ('task' in anchor) return [{ kind: 'task', id: anchor.task, path: [...path, 'task'] }];
  if ('event' in anchor) return [{ kind: 'event', id: anchor.event, path: [...path, 'event'] }];
  return [{ kind: 'fact', id: anchor.fact, path: [...path, 'fact'] }];
}

/** References made by a condition, recursively. */
export function conditionReferences(condition: Condition, path: Path): Reference[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionReferences(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionReferences(c, [...path, 'any', i]));
  if ('not' in condition) return conditionReferences(condition.not, [...path, 'not']);
  if ('fact' in condition) return [{ kind: 'fact', id: condition.fact, path: [...path, 'fact'] }];
  if ('exists' in condition) return [{ kind: 'fact', id: condition.exists, path: [...path, 'exists'] }];
  if ('complexity' in condition) return [{ kind: 'complexity', path }];
  if ('task' in condition) return [{ kind: 'task', id: condition.task, path: [...path, 'task'] }];
  if ('elapsed' in condition) return anchorReferences(condition.since, [...path, 'since']);
  if ('event' in condition) return [{ kind: 'event', id: condition.event, path: [...path, 'event'] }];
  return [{ kind: 'requiredTasksDone', path }];
}

/** References made by an indicator criterion, recursively. */
export function criterionReferences(criterion: Criterion, path: Path): Reference[] {
  if ('all' in criterion) return criterion.all.flatMap((c, i) => criterionReferences(c, [...path, 'all', i]));
  if ('any' in criterion) return criterion.any.flatMap((c, i) => criterionReferences(c, [...path, 'any', i]));
  if ('not' in criterion) return criterionReferences(criterion.not, [...path, 'not']);
  if ('started' in criterion) return [];
  if ('stepReached' in criterion)
    return [{ kind: 'step', id: criterion.stepReached, path: [...path, 'stepReached'] }];
  if ('taskCompleted' in criterion)
    return [
      { kind: 'task', id: criterion.taskCompleted, path: [...path, 'taskCompleted'] },
      ...(criterion.from ? anchorReferences(criterion.from, [...path, 'from']) : []),
    ];
  if ('taskWaived' in criterion)
    return [{ kind: 'task', id: criterion.taskWaived, path: [...path, 'taskWaived'] }];
  if ('rupture' in criterion) {
    const refs: Reference[] = [];
    if (criterion.rupture.task)
      refs.push({ kind: 'task', id: criterion.rupture.task, path: [...path, 'rupture', 'task'] });
    if (criterion.rupture.segment)
      refs.push({ kind: 'segment', id: criterion.rupture.segment, path: [...path, 'rupture', 'segment'] });
    return refs;
  }
  if ('event' in criterion) return [{ kind: 'event', id: criterion.event, path: [...path, 'event'] }];
  return conditionReferences(criterion.condition, [...path, 'condition']);
}
