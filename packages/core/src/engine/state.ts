import { assessComplexity } from '../conditions/complexity.js';
import type { ConditionContext } from '../conditions/context.js';
import { factTime } from '../conditions/context.js';
import { compileCondition } from '../conditions/evaluate.js';
import type { DerivedEvent, InputEvent } from '../history/events.js';
import type { Anchor } from '../model/anchor.js';
import type { Condition, TaskStatus } from '../model/condition.js';
import { calendarDaysBetween, dueInstant, subtractDuration } from '../time/duration.js';
import type { ProtocolRuntime, RuntimeTask } from './runtime.js';
import type { JourneyState, Rupture, TaskCause, TaskInstance } from './types.js';

/** The machine's context: the journey, plus what the current input produced. */
export interface MachineContext extends JourneyState {
  /** Derived events produced while applying the current input event. */
  readonly emitted: readonly EmittedEvent[];
  /** The event recorded by the current input, for exits `on` that event. */
  readonly pendingEvent: string | undefined;
}

/**
 * A derived event as the machine emits it: a history entry but for its position, `seq` (0 until
 * the engine appends it). Both `seq` and `at` are there from the start, so that the engine
 * stamps the position into a field the object already has instead of reshaping it.
 */
export type EmittedEvent = DerivedEvent & { seq: number; at: number };

type Ctx = MachineContext;

/** The causes that carry no data, shared by every occurrence they open (they are read-only). */
const STEP_ENTRY: TaskCause = Object.freeze({ kind: 'step-entry' });
const CONDITION: TaskCause = Object.freeze({ kind: 'condition' });

/**
 * Numbered names made once and shared by every journey: `task#n` for a task's occurrences, `Rn`
 * for ruptures. A shard of a simulation holds thousands of journeys, each naming dozens of
 * occurrences in its state, its causes and its events: one string each, not one per journey.
 */
class SharedNames {
  /** Numbers above this get a fresh string (a journey rarely goes that far). */
  static readonly LIMIT = 1000;
  readonly #prefix: string;
  readonly #names: string[] = [];

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  name(n: number): string {
    if (n > SharedNames.LIMIT) return `${this.#prefix}${n}`;
    let name = this.#names[n];
    if (name === undefined) {
      name = `${this.#prefix}${n}`;
      this.#names[n] = name;
    }
    return name;
  }
}

const occurrenceNames = new WeakMap<RuntimeTask, SharedNames>();
const ruptureNames = new SharedNames('R');

/** The id of a task's n-th occurrence, `task#n`. */
function occurrenceId(task: RuntimeTask, n: number): string {
  let names = occurrenceNames.get(task);
  if (names === undefined) {
    names = new SharedNames(`${task.task.id}#`);
    occurrenceNames.set(task, names);
  }
  return names.name(n);
}

/** Whether a task occurrence is still to be done. */
export function isOpen(t: TaskInstance): boolean {
  return t.status === 'open' || t.status === 'accepted';
}

/**
 * Records a derived event. `emitted` is created fresh for each input (by {@link applyInput}) and at
 * journey start, and only read once the machine has settled: appending in place is safe, and
 * spares a copy of the context and of the array for every derived event.
 */
function emit(ctx: Ctx, event: EmittedEvent): Ctx {
  (ctx.emitted as EmittedEvent[]).push(event);
  return ctx;
}

type Changes = { -readonly [K in keyof TaskInstance]?: TaskInstance[K] };

/**
 * A task occurrence with some fields changed. Every occurrence is built field by field in one
 * order (here and in {@link openTask}), so that they all share one shape: the scans over a
 * journey's tasks on every event stay monomorphic.
 */
function taskWith(t: TaskInstance, c: Changes): TaskInstance {
  return {
    id: t.id,
    task: t.task,
    occurrence: t.occurrence,
    step: t.step,
    segment: t.segment,
    required: t.required,
    status: 'status' in c ? c.status! : t.status,
    responsible: 'responsible' in c ? c.responsible! : t.responsible,
    cause: t.cause,
    openedAt: t.openedAt,
    dueAt: 'dueAt' in c ? c.dueAt : t.dueAt,
    remindAt: 'remindAt' in c ? c.remindAt : t.remindAt,
    acceptedBy: 'acceptedBy' in c ? c.acceptedBy : t.acceptedBy,
    closedAt: 'closedAt' in c ? c.closedAt : t.closedAt,
    closedBy: 'closedBy' in c ? c.closedBy : t.closedBy,
    reason: 'reason' in c ? c.reason : t.reason,
    rupture: 'rupture' in c ? c.rupture : t.rupture,
    scheduleFrom: 'scheduleFrom' in c ? c.scheduleFrom : t.scheduleFrom,
  };
}

/**
 * The journey with an occurrence changed. The occurrence given is normally the journey's own
 * object (found by identity, without comparing ids); one from an earlier state is found by id.
 */
function updateTask(ctx: Ctx, t: TaskInstance, changes: Changes): Ctx {
  let i = ctx.tasks.indexOf(t);
  if (i < 0) i = ctx.tasks.findIndex((x) => x.id === t.id);
  if (i < 0) return ctx;
  const tasks = ctx.tasks.slice();
  tasks[i] = taskWith(ctx.tasks[i]!, changes);
  return { ...ctx, tasks };
}

/** Evaluates a task's precompiled `when` condition (from a step, for `requiredTasksDone`). */
function whenHolds(rt: ProtocolRuntime, ctx: JourneyState, task: RuntimeTask, step?: string): boolean {
  return task.when === undefined || task.when(conditionContext(rt, ctx, step));
}

/** The latest occurrence of a task. */
export function latestInstance(tasks: readonly TaskInstance[], task: string): TaskInstance | undefined {
  for (let i = tasks.length - 1; i >= 0; i--) if (tasks[i]!.task === task) return tasks[i];
  return undefined;
}

/** The instant an anchor designates in a journey, for a task occurrence or a step. */
export function anchorTime(
  ctx: JourneyState,
  anchor: Anchor,
  at: { openedAt?: number | undefined; step?: string | undefined } = {},
): number | undefined {
  if (anchor === 'opened') return at.openedAt;
  if (anchor === 'journey-start') return ctx.startedAt;
  if (anchor === 'step-entry') return at.step === undefined ? undefined : ctx.entered[at.step];
  if ('task' in anchor) {
    let last: number | undefined;
    for (const t of ctx.tasks)
      if (t.task === anchor.task && t.status === 'completed' && t.closedAt !== undefined)
        last = Math.max(last ?? 0, t.closedAt);
    return last;
  }
  if ('event' in anchor) return ctx.events[anchor.event]?.last;
  return factTime(ctx.facts[anchor.fact]);
}

/** Whether every required task opened in a step (or its nested steps) since it was entered is closed. */
export function requiredTasksDone(rt: ProtocolRuntime, ctx: JourneyState, step: string): boolean {
  const subtree = rt.steps.get(step)?.subtree;
  const since = ctx.entered[step] ?? Number.NEGATIVE_INFINITY;
  if (!subtree) return false;
  return ctx.tasks.every(
    (t) =>
      !(t.required && subtree.has(t.step) && t.openedAt >= since && t.cause.kind !== 'hand-back') ||
      !isOpen(t),
  );
}

/**
 * What conditions see of a journey (from a step, for `requiredTasksDone`): one object per
 * evaluation, its methods on the prototype (guards run on every event: no closures to allocate).
 */
class JourneyConditions implements ConditionContext {
  readonly facts: Readonly<Record<string, unknown>>;
  readonly complexity: JourneyState['complexity'];
  readonly now: number;
  readonly timeZone: string;
  readonly #rt: ProtocolRuntime;
  readonly #ctx: JourneyState;
  readonly #step: string | undefined;

  constructor(rt: ProtocolRuntime, ctx: JourneyState, step: string | undefined) {
    this.facts = ctx.facts;
    this.complexity = ctx.complexity;
    this.now = ctx.now;
    this.timeZone = ctx.timeZone;
    this.#rt = rt;
    this.#ctx = ctx;
    this.#step = step;
  }

  taskStatus(task: string): TaskStatus {
    return latestInstance(this.#ctx.tasks, task)?.status ?? 'inactive';
  }

  eventRecorded(event: string): boolean {
    return (this.#ctx.events[event]?.count ?? 0) > 0;
  }

  anchorTime(anchor: Anchor): number | undefined {
    return anchorTime(this.#ctx, anchor, { step: this.#step });
  }

  requiredTasksDone(): boolean {
    return this.#step === undefined ? false : requiredTasksDone(this.#rt, this.#ctx, this.#step);
  }
}

/** What conditions see of a journey (from a step, for `requiredTasksDone`). */
export function conditionContext(rt: ProtocolRuntime, ctx: JourneyState, step?: string): ConditionContext {
  return new JourneyConditions(rt, ctx, step);
}

/** Evaluates a condition on a journey. */
export function holds(rt: ProtocolRuntime, ctx: JourneyState, condition: Condition, step?: string): boolean {
  return compileCondition(condition)(conditionContext(rt, ctx, step));
}

function dueOf(
  ctx: Ctx,
  rt: RuntimeTask,
  inst: Pick<TaskInstance, 'openedAt' | 'occurrence' | 'scheduleFrom'>,
) {
  const task = rt.task;
  if (inst.scheduleFrom !== undefined && rt.interval !== undefined && inst.occurrence > 1) {
    return {
      dueAt: dueInstant(inst.scheduleFrom, rt.interval, ctx.timeZone, inst.occurrence - 1),
      scheduleFrom: inst.scheduleFrom,
    };
  }
  let first: number | undefined;
  if (task.due) {
    const from = anchorTime(ctx, task.due.from, { openedAt: inst.openedAt, step: rt.step });
    first = from === undefined ? undefined : dueInstant(from, task.due.within, ctx.timeZone);
  } else if (rt.interval !== undefined) {
    first = dueInstant(inst.openedAt, rt.interval, ctx.timeZone);
  }
  return { dueAt: first, scheduleFrom: rt.interval !== undefined ? first : undefined };
}

function remindOf(rt: RuntimeTask, dueAt: number | undefined): number | undefined {
  if (dueAt === undefined || !rt.task.remindBefore) return undefined;
  return subtractDuration(dueAt, rt.task.remindBefore).getTime();
}

/** Opens an occurrence of a task. */
export function openTask(
  _rt: ProtocolRuntime,
  ctx: Ctx,
  task: RuntimeTask,
  cause: TaskCause,
  scheduleFrom?: number,
): Ctx {
  const id = task.task.id;
  let occurrence = 1;
  for (const t of ctx.tasks) if (t.task === id) occurrence++;
  const base = { openedAt: ctx.now, occurrence, scheduleFrom };
  const { dueAt, scheduleFrom: from } = dueOf(ctx, task, base);
  const inst: TaskInstance = {
    id: occurrenceId(task, occurrence),
    task: id,
    occurrence,
    step: task.step,
    segment: task.segment,
    required: task.task.required,
    status: 'open',
    responsible: task.task.responsible,
    cause,
    openedAt: ctx.now,
    dueAt,
    remindAt: remindOf(task, dueAt),
    acceptedBy: undefined,
    closedAt: undefined,
    closedBy: undefined,
    reason: undefined,
    rupture: undefined,
    scheduleFrom: from,
  };
  return emit(
    { ...ctx, tasks: [...ctx.tasks, inst] },
    {
      type: 'task.opened',
      seq: 0,
      at: ctx.now,
      instance: inst.id,
      task: inst.task,
      step: inst.step,
      cause,
      responsible: inst.responsible,
      dueAt,
    },
  );
}

function closeRupture(ctx: Ctx, id: string | undefined): Ctx {
  if (id === undefined) return ctx;
  const r = ctx.ruptures.find((x) => x.id === id);
  if (!r || r.closedAt !== undefined) return ctx;
  const delayMs = Math.max(0, ctx.now - r.dueAt);
  const delayDays = Math.max(0, calendarDaysBetween(r.dueAt, ctx.now, ctx.timeZone));
  const closed: Rupture = { ...r, closedAt: ctx.now, delayMs, delayDays };
  return emit(
    { ...ctx, ruptures: ctx.ruptures.map((x) => (x.id === id ? closed : x)) },
    { type: 'rupture.closed', seq: 0, at: ctx.now, rupture: id, delayMs, delayDays },
  );
}

/** Closes an occurrence (completed, waived or cancelled), closing its rupture and any hand-back it answers. */
export function closeTask(
  ctx: Ctx,
  instance: TaskInstance,
  status: 'completed' | 'waived' | 'cancelled',
  by: string | undefined,
  reason?: string,
): Ctx {
  let next = updateTask(ctx, instance, { status, closedAt: ctx.now, closedBy: by, reason });
  next = closeRupture(next, instance.rupture);
  if (instance.cause.kind === 'hand-back') {
    const answered = next.ruptures.find(
      (r) => r.kind === 'hand-back' && r.instance === instance.id && r.closedAt === undefined,
    );
    next = closeRupture(next, answered?.id);
  }
  return next;
}

function openRupture(
  ctx: Ctx,
  rupture: Omit<Rupture, 'id' | 'closedAt' | 'delayMs' | 'delayDays'>,
): [Ctx, string] {
  const id = ruptureNames.name(ctx.ruptures.length + 1);
  const r: Rupture = { ...rupture, id, closedAt: undefined, delayMs: undefined, delayDays: undefined };
  return [
    emit(
      { ...ctx, ruptures: [...ctx.ruptures, r] },
      { type: 'rupture.opened', seq: 0, at: ctx.now, rupture: r },
    ),
    id,
  ];
}

/** Records a hand-back: a rupture of kind `hand-back` and the delegating role's task. */
export function handBack(
  rt: ProtocolRuntime,
  ctx: Ctx,
  delegationId: string,
  instance: TaskInstance,
  reasons: readonly string[],
): Ctx {
  const delegation = rt.delegations.get(delegationId)!;
  const backTask = delegation.handBack && rt.tasks.get(delegation.handBack.task);
  let next = ctx;
  let backInstance: string | undefined;
  if (backTask) {
    next = openTask(rt, next, backTask, {
      kind: 'hand-back',
      delegation: delegationId,
      instance: instance.id,
    });
    backInstance = next.tasks[next.tasks.length - 1]!.id;
  }
  [next] = openRupture(next, {
    kind: 'hand-back',
    task: backTask?.task.id ?? instance.task,
    instance: backInstance ?? instance.id,
    segment: instance.segment,
    step: instance.step,
    roles: [delegation.delegating],
    dueAt: ctx.now,
    detectedAt: ctx.now,
    reason: reasons.join('; '),
    delegation: delegationId,
  });
  return next;
}

/** Ruptures for required tasks past their due date, once each, and their miss policies. */
function detectMisses(rt: ProtocolRuntime, ctx: Ctx): Ctx {
  let next = ctx;
  const { tasks, now } = ctx;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    if (!t.required || !isOpen(t) || t.rupture !== undefined || t.dueAt === undefined || now <= t.dueAt)
      continue;
    // The rare case in a function of its own: the scan stays small and optimised.
    next = missed(rt, next, t, t.dueAt);
  }
  return next;
}

/** A required task past its due date: its rupture, then its miss policy (escalation, tasks to open). */
function missed(rt: ProtocolRuntime, ctx: Ctx, t: TaskInstance, dueAt: number): Ctx {
  const [withRupture, id] = openRupture(ctx, {
    kind: 'missed-deadline',
    task: t.task,
    instance: t.id,
    segment: t.segment,
    step: t.step,
    roles: t.responsible,
    dueAt,
    detectedAt: ctx.now,
    reason: undefined,
    delegation: undefined,
  });
  let next = updateTask(withRupture, t, { rupture: id });
  const policy = rt.tasks.get(t.task)?.task.onMiss;
  if (policy?.escalateTo && !t.responsible.includes(policy.escalateTo)) {
    const current = next.tasks.find((x) => x.id === t.id)!;
    next = emit(updateTask(next, current, { responsible: [...current.responsible, policy.escalateTo] }), {
      type: 'task.escalated',
      seq: 0,
      at: next.now,
      instance: t.id,
      to: policy.escalateTo,
    });
  }
  for (const open of policy?.open ?? []) {
    const target = rt.tasks.get(open);
    if (target) next = openTask(rt, next, target, { kind: 'miss', instance: t.id });
  }
  return next;
}

/** Due dates that were waiting for their anchor (a task completion, an event, a date fact). */
function scheduleWaiting(rt: ProtocolRuntime, ctx: Ctx): Ctx {
  let next = ctx;
  const { tasks } = ctx;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    if (t.dueAt !== undefined || !isOpen(t)) continue;
    const task = rt.tasks.get(t.task);
    if (task?.task.due) next = schedule(next, task, t);
  }
  return next;
}

/** Gives a waiting occurrence its due date once its anchor has happened. */
function schedule(ctx: Ctx, task: RuntimeTask, t: TaskInstance): Ctx {
  const { dueAt, scheduleFrom } = dueOf(ctx, task, t);
  if (dueAt === undefined) return ctx;
  return emit(
    updateTask(ctx, t, {
      dueAt,
      scheduleFrom: t.scheduleFrom ?? scheduleFrom,
      remindAt: remindOf(task, dueAt),
    }),
    {
      type: 'task.scheduled',
      seq: 0,
      at: ctx.now,
      instance: t.id,
      dueAt,
    },
  );
}

/** Conditional tasks of active steps whose condition now holds; next occurrences of recurrences. */
function openDueTasks(rt: ProtocolRuntime, ctx: Ctx): Ctx {
  let next = ctx;
  for (const step of ctx.active) {
    // Only tasks with a condition or a recurrence can open after the step's entry.
    const watched = rt.watchedByStep.get(step);
    if (watched === undefined) continue;
    const since = next.entered[step]!;
    for (const task of watched) {
      const latest = latestInstance(next.tasks, task.task.id);
      const openedThisVisit = latest !== undefined && latest.openedAt >= since && latest.step === step;
      if (!openedThisVisit) {
        if (task.when !== undefined && whenHolds(rt, next, task, step))
          next = openTask(rt, next, task, CONDITION);
        continue;
      }
      // A recurrence: the next occurrence opens once the latest is closed or missed.
      if (task.interval === undefined || latest.cause.kind === 'hand-back') continue;
      const count = task.task.repeat?.count;
      const settled = !isOpen(latest) || latest.rupture !== undefined;
      if (settled && (count === undefined || latest.occurrence < count) && latest.status !== 'cancelled') {
        next = openTask(
          rt,
          next,
          task,
          { kind: 'repeat', previous: latest.id },
          latest.scheduleFrom ?? latest.dueAt,
        );
      }
    }
  }
  return next;
}

/** Brings a journey up to date at its `now`: due dates, conditional tasks, misses, recurrences. */
export function reconcile(rt: ProtocolRuntime, ctx: Ctx): Ctx {
  let next = ctx;
  for (let round = 0; round < 50; round++) {
    const before = next.emitted.length;
    next = scheduleWaiting(rt, next);
    next = detectMisses(rt, next);
    next = openDueTasks(rt, next);
    if (next.emitted.length === before) return next;
  }
  return next;
}

/** Recomputes the gradation after facts changed; records a change of level. */
export function regrade(rt: ProtocolRuntime, ctx: Ctx): Ctx {
  const assessment = assessComplexity(rt.definition, conditionContext(rt, ctx));
  const level = assessment?.level;
  if (level === ctx.complexity) return ctx;
  return emit(
    { ...ctx, complexity: level },
    {
      type: 'complexity.changed',
      seq: 0,
      at: ctx.now,
      from: ctx.complexity,
      to: level,
      rule: assessment?.rule,
    },
  );
}

/** Entry into a step: its tasks open (those whose condition holds), a top-level final step completes the journey. */
export function enterStep(rt: ProtocolRuntime, ctx: Ctx, stepId: string): Ctx {
  let next: Ctx = emit(
    { ...ctx, active: [...ctx.active, stepId], entered: { ...ctx.entered, [stepId]: ctx.now } },
    { type: 'step.entered', seq: 0, at: ctx.now, step: stepId },
  );
  for (const task of rt.tasksByStep.get(stepId) ?? []) {
    if (!whenHolds(rt, next, task, stepId)) continue;
    next = openTask(rt, next, task, task.when ? CONDITION : STEP_ENTRY);
  }
  const info = rt.steps.get(stepId)!;
  if (info.step.kind === 'final' && info.parent === undefined && next.status === 'active') {
    next = emit(
      { ...next, status: 'completed' },
      { type: 'journey.completed', seq: 0, at: next.now, step: stepId },
    );
  }
  return reconcile(rt, next);
}

const exitReasons = new Map<string, string>();

/** Why a step's open tasks are cancelled when it is left (one string per step). */
function exitReason(stepId: string): string {
  let reason = exitReasons.get(stepId);
  if (reason === undefined) {
    reason = `sortie de l'étape ${stepId}`;
    exitReasons.set(stepId, reason);
  }
  return reason;
}

/** Exit from a step: its open step tasks are cancelled (recorded), the step leaves the active set. */
export function exitStep(_rt: ProtocolRuntime, ctx: Ctx, stepId: string): Ctx {
  let next = ctx;
  const since = ctx.entered[stepId] ?? 0;
  for (const t of ctx.tasks) {
    if (t.step !== stepId || !isOpen(t) || t.openedAt < since) continue;
    if (t.cause.kind !== 'step-entry' && t.cause.kind !== 'condition' && t.cause.kind !== 'repeat') continue;
    const reason = exitReason(stepId);
    next = emit(closeTask(next, next.tasks.find((x) => x.id === t.id)!, 'cancelled', undefined, reason), {
      type: 'task.closed',
      seq: 0,
      at: next.now,
      instance: t.id,
      status: 'cancelled',
      reason,
    });
  }
  return emit(
    { ...next, active: next.active.filter((s) => s !== stepId) },
    { type: 'step.exited', seq: 0, at: next.now, step: stepId },
  );
}

/** An occurrence by id; from the most recent, which acts name most. */
function findInstance(ctx: Ctx, id: string): TaskInstance {
  const { tasks } = ctx;
  for (let i = tasks.length - 1; i >= 0; i--) if (tasks[i]!.id === id) return tasks[i]!;
  throw new Error(`cpts internal: unknown task occurrence ${id}`);
}

/** Applies an input event (already validated by the engine) and brings the journey up to date. */
export function applyInput(rt: ProtocolRuntime, ctx: Ctx, event: InputEvent & { at: number }): Ctx {
  let next: Ctx = { ...ctx, now: event.at, emitted: [], pendingEvent: undefined };
  // Time passes first: what fell due before this event is a rupture even when the act comes late.
  next = reconcile(rt, next);
  switch (event.type) {
    case 'facts.recorded':
      next = regrade(rt, { ...next, facts: { ...next.facts, ...event.facts } });
      break;
    case 'event.recorded': {
      const prev = next.events[event.event];
      next = {
        ...next,
        pendingEvent: event.event,
        events: { ...next.events, [event.event]: { last: event.at, count: (prev?.count ?? 0) + 1 } },
      };
      for (const task of rt.tasksByEvent.get(event.event) ?? []) {
        if (whenHolds(rt, next, task)) next = openTask(rt, next, task, { kind: 'event', event: event.event });
      }
      break;
    }
    case 'task.accepted':
      next = updateTask(next, findInstance(next, event.instance), {
        status: 'accepted',
        acceptedBy: event.by.actor,
      });
      break;
    case 'task.released':
      next = updateTask(next, findInstance(next, event.instance), { status: 'open', acceptedBy: undefined });
      break;
    case 'task.completed': {
      const inst = findInstance(next, event.instance);
      next = closeTask(
        next,
        inst,
        'completed',
        event.by?.actor ?? (event.source ? `source:${event.source}` : undefined),
      );
      const delegation = event.by?.delegation ? rt.delegations.get(event.by.delegation) : undefined;
      for (const o of delegation ? delegation.obligations : []) {
        const task = rt.tasks.get(o.task);
        if (task)
          next = openTask(rt, next, task, {
            kind: 'obligation',
            delegation: delegation!.id,
            instance: inst.id,
          });
      }
      break;
    }
    case 'task.waived':
      next = closeTask(
        next,
        findInstance(next, event.instance),
        'waived',
        event.by.actor,
        event.justification,
      );
      break;
    case 'task.cancelled':
      next = closeTask(next, findInstance(next, event.instance), 'cancelled', event.by.actor, event.reason);
      break;
    case 'delegation.handed-back':
      next = handBack(rt, next, event.delegation, findInstance(next, event.instance), event.reasons);
      break;
    case 'journey.closed':
    case 'journey.cancelled': {
      const reason =
        event.type === 'journey.closed'
          ? `parcours clos : ${event.reason}`
          : `parcours annulé : ${event.reason}`;
      for (const t of next.tasks)
        if (isOpen(t))
          next = emit(closeTask(next, t, 'cancelled', event.by?.actor, reason), {
            type: 'task.closed',
            seq: 0,
            at: next.now,
            instance: t.id,
            status: 'cancelled',
            reason,
          });
      next = { ...next, status: event.type === 'journey.closed' ? 'closed' : 'cancelled' };
      break;
    }
    case 'journey.rerouted':
    case 'clock.advanced':
    case 'journey.started':
    case 'journey.migrated':
      break;
  }
  return reconcile(rt, next);
}
