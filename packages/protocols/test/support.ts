/**
 * Helpers of the reference-protocol tests: parsed protocols, lookups by id, the citations of a
 * protocol (every place a number or criterion names its source), and condition contexts.
 */
import {
  type Anchor,
  allSteps,
  allTasks,
  type ConditionContext,
  factsContext,
  type ProtocolDefinition,
  parseProtocol,
  type Step,
  type Task,
} from '@cpts/core';
import { referenceProtocols } from '../src/index.js';

/** Each reference protocol, parsed (validated, defaults applied), keyed by id. */
export const parsed: ReadonlyMap<string, ProtocolDefinition> = new Map(
  referenceProtocols.map((p) => [p.id, parseProtocol(p)] as const),
);

/** The parsed protocol with this id (throws when there is none, so a typo fails the test). */
export function protocol(id: string): ProtocolDefinition {
  const p = parsed.get(id);
  if (!p) throw new Error(`no reference protocol "${id}"`);
  return p;
}

export function task(p: ProtocolDefinition, id: string): Task {
  const found = allTasks(p).find((t) => t.task.id === id);
  if (!found) throw new Error(`${p.id}: no task "${id}"`);
  return found.task;
}

export function step(p: ProtocolDefinition, id: string): Step {
  const found = allSteps(p).find((s) => s.step.id === id);
  if (!found) throw new Error(`${p.id}: no step "${id}"`);
  return found.step;
}

/** The exit of a step leading to a sibling step. */
export function exitTo(p: ProtocolDefinition, from: string, to: string) {
  const found = step(p, from).exits.find((x) => x.to === to);
  if (!found) throw new Error(`${p.id}: no exit from "${from}" to "${to}"`);
  return found;
}

export function delegation(p: ProtocolDefinition, id: string) {
  const found = p.delegations.find((d) => d.id === id);
  if (!found) throw new Error(`${p.id}: no delegation "${id}"`);
  return found;
}

/** A place where a definition names the source of a number or a criterion. */
export interface Citation {
  readonly where: string;
  readonly source: string | undefined;
  readonly note: string | undefined;
}

/**
 * Every citation of a protocol: task windows and recurrences, delegations (their qualification,
 * their exclusions and the delegation itself for its inclusion criteria), the complexity
 * gradation and the indicators.
 */
export function citations(p: ProtocolDefinition): Citation[] {
  const out: Citation[] = [];
  for (const { task: t } of allTasks(p)) {
    if (t.due)
      out.push({ where: `task ${t.id}: due ${t.due.within}`, source: t.due.source, note: t.due.note });
    if (t.repeat) {
      const what = 'every' in t.repeat ? `every ${t.repeat.every}` : `${t.repeat.perYear} per year`;
      out.push({ where: `task ${t.id}: repeat ${what}`, source: t.repeat.source, note: t.repeat.note });
    }
  }
  for (const d of p.delegations) {
    out.push({ where: `delegation ${d.id}`, source: d.source, note: d.note });
    if (d.qualification)
      out.push({
        where: `delegation ${d.id}: qualification`,
        source: d.qualification.source,
        note: d.qualification.note,
      });
    for (const x of d.exclusions)
      out.push({ where: `delegation ${d.id}: exclusion ${x.id}`, source: x.source, note: x.note });
  }
  if (p.complexity) out.push({ where: 'complexity', source: p.complexity.source, note: p.complexity.note });
  for (const i of p.indicators) out.push({ where: `indicator ${i.id}`, source: i.source, note: i.note });
  return out;
}

/** Every value of a `source` key anywhere in a definition outside `fiche.sources`, with its path. */
export function everySourceReference(p: ProtocolDefinition): { path: string; source: unknown }[] {
  const out: { path: string; source: unknown }[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${path}[${i}]`);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (path === 'fiche' && k === 'sources') continue;
        if (k === 'source') out.push({ path: `${path}.${k}`, source: v });
        else visit(v, path === '' ? k : `${path}.${k}`);
      }
    }
  };
  visit(p, '');
  return out;
}

/**
 * A condition context with facts, a complexity level, an instant, and the instants of recorded
 * events (for `{ elapsed, since: { event } }`).
 */
export function context(
  facts: Readonly<Record<string, unknown>>,
  options: {
    now?: string;
    events?: Readonly<Record<string, string>>;
    complexity?: 'faible' | 'moyenne' | 'forte';
  } = {},
): ConditionContext {
  const base = factsContext(facts, {
    ...(options.now !== undefined && { now: Date.parse(options.now) }),
    ...(options.complexity !== undefined && { complexity: options.complexity }),
  });
  const events = options.events ?? {};
  return {
    ...base,
    eventRecorded: (id) => id in events,
    anchorTime: (anchor: Anchor) =>
      typeof anchor === 'object' && 'event' in anchor
        ? events[anchor.event] === undefined
          ? undefined
          : Date.parse(events[anchor.event]!)
        : base.anchorTime(anchor),
  };
}
