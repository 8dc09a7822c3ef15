import type { ProtocolDefinition } from '../model/protocol.js';
import type { JourneyView } from './api.js';
import type { ProtocolRuntime } from './runtime.js';
import { isOpen, latestInstance, type MachineContext } from './state.js';
import type { JourneyState } from './types.js';

/** The public state of a journey, without the machine's transient fields. */
export function journeyState(ctx: MachineContext): JourneyState {
  return {
    journeyId: ctx.journeyId,
    protocol: ctx.protocol,
    status: ctx.status,
    startedAt: ctx.startedAt,
    now: ctx.now,
    facts: ctx.facts,
    complexity: ctx.complexity,
    active: ctx.active,
    entered: ctx.entered,
    tasks: ctx.tasks,
    events: ctx.events,
    ruptures: ctx.ruptures,
    timeZone: ctx.timeZone,
  };
}

/** A read-only view of a journey at a version. */
export function journeyView<P = ProtocolDefinition>(
  rt: ProtocolRuntime,
  ctx: MachineContext,
  version: number,
): JourneyView<P> {
  // Built in one go (no intermediate state object): a view is made for every command.
  const { tasks, ruptures, active } = ctx;
  return Object.freeze({
    journeyId: ctx.journeyId,
    protocol: ctx.protocol,
    status: ctx.status,
    startedAt: ctx.startedAt,
    now: ctx.now,
    facts: ctx.facts,
    complexity: ctx.complexity,
    active,
    entered: ctx.entered,
    tasks,
    events: ctx.events,
    ruptures,
    timeZone: ctx.timeZone,
    version,
    openTasks: tasks.filter(isOpen),
    openRuptures: ruptures.filter((r) => r.closedAt === undefined),
    inStep: (step: string) => active.includes(step) && rt.steps.has(step),
    task: (task: string) => latestInstance(tasks, task),
  }) as JourneyView<P>;
}
