/**
 * The paths through a protocol, read from its compiled xstate machine with `xstate/graph`: every
 * simple path of steps from the initial step of each level (the protocol, a compound step, each
 * branch of a parallel step) to a final step or a dead end, through the guarded exits.
 * @module
 */
import { type CompiledMachine, compileRuntime, type ProtocolDefinition, parseProtocol } from '@cpts/core';
import { fromTransition } from 'xstate';
import { getSimplePaths, getStateNodes } from 'xstate/graph';

/** An exit of a step as the machine holds it: `from` → `to`, the `index` of the exit in `from.exits`. */
export interface ExitRef {
  readonly from: string;
  readonly to: string;
  readonly index: number;
}

/** A path through one level of the protocol. */
export interface ProtocolPath {
  /** The step whose children the path runs through; `undefined` for the top level. */
  readonly region: string | undefined;
  /** Steps in order, from the level's initial step. */
  readonly steps: readonly string[];
  /** The exits taken between them. */
  readonly exits: readonly ExitRef[];
  /**
   * Whether the path ends in a final step, or, inside a compound step or a branch of a parallel
   * step, anywhere (the enclosing step's own exits lead on). `false` for a path that stops where
   * every exit loops back to a step it already went through.
   */
  readonly complete: boolean;
}

type AnyNode = ReturnType<typeof getStateNodes>[number];
type StepEvent = { type: 'exit'; from: string; to: string; index: number };

/** Every exit of the machine, from the `always` transitions the compiler made of the steps' exits. */
export function machineExits(machine: CompiledMachine): ExitRef[] {
  const out: ExitRef[] = [];
  for (const node of getStateNodes(machine.root) as AnyNode[]) {
    for (const t of node.always ?? []) {
      const guard = t.guard as { type?: string; params?: { step?: string; index?: number } } | undefined;
      if (guard?.type !== 'exit' || guard.params?.step === undefined || guard.params.index === undefined)
        continue;
      for (const target of t.target ?? [])
        out.push({ from: node.key, to: target.key, index: guard.params.index });
    }
  }
  return out;
}

/** The levels of a machine: its root and every compound or parallel state, with their child states and initial one. */
function levels(
  machine: CompiledMachine,
): { region: string | undefined; children: string[]; initial: string[] }[] {
  const out: { region: string | undefined; children: string[]; initial: string[] }[] = [];
  const visit = (node: AnyNode, region: string | undefined) => {
    const children = Object.values(node.states ?? {}) as AnyNode[];
    if (children.length === 0) return;
    if (node.type === 'parallel') {
      // Each branch of a parallel step is a level of its own, with the branch as its only "path".
      for (const c of children)
        out.push({ region: `${node.key}/${c.key}`, children: [c.key], initial: [c.key] });
    } else {
      const initial = (node.initial?.target ?? []).map((t: AnyNode) => t.key);
      out.push({ region, children: children.map((c) => c.key), initial });
    }
    for (const c of children) visit(c, c.key);
  };
  visit(machine.root as AnyNode, undefined);
  return out;
}

/**
 * Lists the paths through a protocol, per level, from its compiled machine (`compile`).
 *
 * @param limit maximum number of paths per level (default 500): a protocol with loops has many.
 * @example
 * for (const p of protocolPaths(ic)) console.log(p.region ?? '(protocole)', p.steps.join(' → '));
 */
export function protocolPaths(protocol: object, options: { limit?: number } = {}): ProtocolPath[] {
  const definition: ProtocolDefinition = Object.isFrozen(protocol)
    ? (protocol as ProtocolDefinition)
    : parseProtocol(protocol);
  const { machine } = compileRuntime(definition);
  const finals = new Set<string>();
  const walk = (steps: ProtocolDefinition['steps']) => {
    for (const s of steps) {
      if (s.kind === 'final') finals.add(s.id);
      if (s.steps) walk(s.steps);
    }
  };
  walk(definition.steps);
  const exits = machineExits(machine);
  const limit = options.limit ?? 500;
  const out: ProtocolPath[] = [];
  for (const level of levels(machine)) {
    const inLevel = new Set(level.children);
    const from = new Map<string, ExitRef[]>();
    for (const x of exits)
      if (inLevel.has(x.from) && inLevel.has(x.to)) from.set(x.from, [...(from.get(x.from) ?? []), x]);
    for (const initial of level.initial) {
      // The step graph of the level as an xstate logic: its state is the current step, its events the exits.
      const logic = fromTransition(
        (step: string, event: StepEvent) => (event.from === step ? event.to : step),
        initial,
      );
      const paths = getSimplePaths(logic, {
        events: (snapshot) =>
          (from.get(snapshot.context) ?? []).map((x): StepEvent => ({ type: 'exit', ...x })),
        serializeState: (snapshot) => snapshot.context,
        serializeEvent: (e) => `${e.from}>${e.to}#${e.index}`,
        limit,
      });
      const found: ProtocolPath[] = [];
      for (const p of paths) {
        const steps = [initial];
        const taken: ExitRef[] = [];
        for (const s of p.steps) {
          if (s.event.type !== 'exit') continue;
          const e = s.event as StepEvent;
          taken.push({ from: e.from, to: e.to, index: e.index });
          steps.push(e.to);
        }
        const last = steps[steps.length - 1]!;
        const onward = (from.get(last) ?? []).some((x) => !steps.includes(x.to));
        // Keep maximal paths: those that end in a final step, a dead end, or where every exit loops back.
        if (!onward)
          found.push({
            region: level.region,
            steps,
            exits: taken,
            complete: finals.has(last) || level.region !== undefined,
          });
      }
      if (found.length === 0)
        found.push({ region: level.region, steps: [initial], exits: [], complete: finals.has(initial) });
      found.sort((a, b) => a.steps.join('>').localeCompare(b.steps.join('>')));
      out.push(...found);
    }
  }
  return out;
}
