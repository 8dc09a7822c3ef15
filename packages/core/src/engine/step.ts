/**
 * Runs a compiled machine with xstate's own transition function, a journey being its snapshot
 * rather than an actor: the engine holds thousands of journeys, and an actor carries a system, a
 * mailbox and some twenty closures of its own that a journey's state does not need. The machine
 * has no invoked or spawned actors, no delayed events and no custom actions (its actions are
 * `assign` and `raise`), so the snapshots are those an actor would reach.
 * @module
 */
import { type AnyActorScope, createActor, type ExecutableActionObject, type SnapshotFrom } from 'xstate';
import type { CompiledMachine, MachineEvent, MachineInput } from './compile.js';

/** The state of a journey's machine: what an actor of the compiled machine would hold. */
export type MachineSnapshot = SnapshotFrom<CompiledMachine>;

const scopes = new WeakMap<CompiledMachine, AnyActorScope>();

/**
 * The scope xstate's transition functions run in, one per machine: an actor that never starts
 * stands for `self`, and what an actor would defer or execute is done at once.
 */
function scopeOf(machine: CompiledMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    // Never started: it only stands for `self` (the state it makes without input is never used).
    const self = createActor(machine, { input: undefined as never });
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: (fn: () => void) => fn(),
      emit: () => {},
      system: self.system,
      stopChild: () => {},
      actionExecutor: (action: ExecutableActionObject) => action.exec?.(action.info, action.params),
    };
    scopes.set(machine, scope);
  }
  return scope;
}

/** The snapshot of a journey that starts with `input`. */
export function startSnapshot(machine: CompiledMachine, input: MachineInput): MachineSnapshot {
  return machine.getInitialSnapshot(scopeOf(machine), input);
}

/** The snapshot after `event`. Throws what the machine's actions or guards throw. */
export function nextSnapshot(
  machine: CompiledMachine,
  snapshot: MachineSnapshot,
  event: MachineEvent,
): MachineSnapshot {
  return machine.transition(snapshot, event, scopeOf(machine));
}
