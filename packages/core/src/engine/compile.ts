import { assign, raise, type StateNodeConfig, setup } from 'xstate';
import { type InputEvent, MACHINE_EVENT_TYPES } from '../history/events.js';
import { protocolHash } from '../model/hash.js';
import { parseProtocol } from '../model/parse.js';
import type { ProtocolDefinition } from '../model/protocol.js';
import type { Step } from '../model/step.js';
import { buildRuntime, type ProtocolRuntime } from './runtime.js';
import { applyInput, conditionContext, enterStep, exitStep, type MachineContext, regrade } from './state.js';

/** Events the compiled machine takes: input events stamped with their instant. */
export type MachineEvent = Exclude<InputEvent, { type: 'journey.started' | 'journey.migrated' }> & {
  at: number;
};

/** Input of the compiled machine: the journey's initial context (facts, start instant…). */
export type MachineInput = MachineContext;

const EVENT_TYPES = MACHINE_EVENT_TYPES;

/**
 * The value each exit's guard gave for the context last seen. xstate looks for eventless
 * transitions from every active atomic state up through its ancestors, so a parallel step's exits
 * are evaluated once per region at each microstep: a guard depends on the context alone (an
 * immutable object), so its value is kept until the context changes.
 */
class GuardMemo {
  #context: MachineContext | undefined = undefined;
  /** Per exit slot: 0 not evaluated for this context, 1 false, 2 true. */
  readonly #values: Uint8Array;

  constructor(exits: number) {
    this.#values = new Uint8Array(exits);
  }

  /** The value kept for this exit and context, if any. */
  get(context: MachineContext, slot: number): boolean | undefined {
    if (context !== this.#context) {
      this.#context = context;
      this.#values.fill(0);
      return undefined;
    }
    const known = this.#values[slot]!;
    return known === 0 ? undefined : known === 2;
  }

  /** Keeps a value for this exit and the context last given to {@link get}. */
  set(slot: number, value: boolean): boolean {
    this.#values[slot] = value ? 2 : 1;
    return value;
  }
}

function machineFor(rt: ProtocolRuntime) {
  const def = rt.definition;
  const slotOf = new Map<string, number>();
  for (const [id, step] of rt.steps) {
    step.exits.forEach((_, index) => {
      slotOf.set(`${id}#${index}`, slotOf.size);
    });
  }
  const memo = new GuardMemo(slotOf.size);
  const exitHolds = (context: MachineContext, step: string, index: number): boolean => {
    if (context.status === 'cancelled') return false;
    const exit = rt.steps.get(step)!.exits[index]!;
    if (exit.on !== undefined && context.pendingEvent !== exit.on) return false;
    return exit.when === undefined || exit.when(conditionContext(rt, context, step));
  };
  const m = setup({
    types: {} as { context: MachineContext; events: MachineEvent; input: MachineInput },
    actions: {
      apply: assign(({ context, event }) => applyInput(rt, context, event)),
      enter: assign(({ context }, params: { step: string }) => enterStep(rt, context, params.step)),
      exit: assign(({ context }, params: { step: string }) => exitStep(rt, context, params.step)),
      consumeEvent: assign({ pendingEvent: undefined }),
      // A deviation moves the machine through an internal event, taken once the input is applied.
      reroute: raise(({ event }) => ({ type: `reroute.${(event as { to: string }).to}` }) as never),
    },
    guards: {
      exit: ({ context }, params: { step: string; index: number; slot: number }) =>
        memo.get(context, params.slot) ??
        memo.set(params.slot, exitHolds(context, params.step, params.index)),
    },
  });

  const stateFor = (
    step: Step,
  ): StateNodeConfig<
    MachineContext,
    MachineEvent,
    never,
    never,
    never,
    never,
    never,
    never,
    never,
    never
  > => {
    const children = step.steps ?? [];
    const node: Record<string, unknown> = {
      id: step.id,
      entry: [{ type: 'enter', params: { step: step.id } }],
      exit: [{ type: 'exit', params: { step: step.id } }],
      always: step.exits.map((x, index) => ({
        target: `#${x.to}`,
        guard: { type: 'exit', params: { step: step.id, index, slot: slotOf.get(`${step.id}#${index}`)! } },
        actions: x.on === undefined ? [] : [{ type: 'consumeEvent' }],
      })),
      meta: { segment: step.segment, kind: step.kind, label: step.label },
    };
    if (children.length > 0) {
      node.type = step.kind === 'parallel' ? 'parallel' : 'compound';
      if (step.kind !== 'parallel') node.initial = step.initial ?? children[0]!.id;
      node.states = Object.fromEntries(children.map((c) => [c.id, stateFor(c)]));
    }
    return node as never;
  };

  return m.createMachine({
    id: def.id,
    context: ({ input }: { input: MachineInput }) => input,
    initial: def.initial ?? def.steps[0]!.id,
    states: Object.fromEntries(def.steps.map((s) => [s.id, stateFor(s)])),
    on: {
      ...Object.fromEntries(EVENT_TYPES.map((t) => [t, { actions: 'apply' }])),
      'journey.rerouted': { actions: ['apply', 'reroute'] },
      ...Object.fromEntries([...rt.steps.keys()].map((id) => [`reroute.${id}`, { target: `#${id}` }])),
    },
  } as never);
}

/** The machine type {@link compile} returns. */
export type CompiledMachine = ReturnType<typeof machineFor>;

type Compiled = { machine: CompiledMachine; runtime: ProtocolRuntime };
const compiled = new WeakMap<object, Compiled>();
/** By content hash, so that copies of one definition (a worker's, a reload's) compile once. */
const compiledByHash = new Map<string, WeakRef<Compiled>>();

/**
 * The compiled machine and the run-time lookups of a definition, cached per definition object and
 * per content: compiling (JSON Schema validators, the machine) is done once per protocol version.
 */
export function compileRuntime(definition: ProtocolDefinition): Compiled {
  let hit = compiled.get(definition);
  if (!hit) {
    const hash = protocolHash(definition);
    hit = compiledByHash.get(hash)?.deref();
    if (!hit) {
      const runtime = buildRuntime(definition, hash);
      hit = { machine: machineFor(runtime), runtime };
      compiledByHash.set(hash, new WeakRef(hit));
    }
    compiled.set(definition, hit);
  }
  return hit;
}

/**
 * Compiles a protocol into an xstate v5 machine (`setup(...).createMachine(...)`): steps become
 * states (nested, parallel), exits become guarded eventless transitions evaluated with the
 * condition language, and every input event updates the journey held in the machine's context.
 * The machine is the single source of behaviour: the engine validates commands, runs it, and
 * records what it did.
 *
 * @param definition a definition (validated with `parseProtocol` when not already).
 * @example
 * const def = parseProtocol(ic);
 * const machine = compile(def);
 * const { runtime } = compileRuntime(def);
 * const input = initialContext(runtime, { journeyId: 'j1', facts: { age: 78 }, at: Date.now(), timeZone: 'Europe/Paris' });
 * const actor = createActor(machine, { input }).start();
 */
export function compile(definition: ProtocolDefinition | object): CompiledMachine {
  const def = Object.isFrozen(definition) ? (definition as ProtocolDefinition) : parseProtocol(definition);
  return compileRuntime(def).machine;
}

/**
 * The initial context of a journey, to give as the machine's `input`: the facts, the start
 * instant, and the gradation of complexity they give (as the engine starts a journey).
 */
export function initialContext(
  runtime: ProtocolRuntime,
  options: { journeyId: string; facts: Record<string, unknown>; at: number; timeZone: string },
): MachineContext {
  return regrade(runtime, {
    journeyId: options.journeyId,
    protocol: runtime.ref,
    status: 'active',
    startedAt: options.at,
    now: options.at,
    facts: options.facts,
    complexity: undefined,
    active: [],
    entered: {},
    tasks: [],
    events: {},
    ruptures: [],
    timeZone: options.timeZone,
    emitted: [],
    pendingEvent: undefined,
  });
}
