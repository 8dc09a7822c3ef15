import type { ValidationIssue } from '../errors.js';
import { formatPath } from '../errors.js';
import type { Anchor } from './anchor.js';
import { BUILTIN_SEGMENTS, type JsonSchema } from './common.js';
import type { Condition } from './condition.js';
import { invalidJsonSchemaReason } from './json-schema-check.js';
import type { ProtocolDefinition } from './protocol.js';
import type { Step } from './step.js';
import { didYouMean } from './suggest.js';
import {
  allSteps,
  allTasks,
  anchorReferences,
  conditionReferences,
  criterionReferences,
  type Path,
  type Reference,
} from './walk.js';

type Report = (path: Path, message: string) => void;
/** Where a condition sits: it decides which forms it may use. */
type Place = 'exit' | 'task' | 'complexity' | 'other';

/**
 * The semantic rules of a definition whose structure is valid: every reference resolves, ids are
 * unique, every step can be reached and left, every required task has someone to do it, every
 * delegation goes between roles of the protocol, every cited source exists.
 * Returns every problem found (empty when the definition is sound).
 *
 * @example
 * const issues = checkSemantics(ProtocolSchema.parse(input));
 */
export function checkSemantics(p: ProtocolDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue: Report = (path, message) => {
    issues.push({ path, pointer: formatPath(path), message, kind: 'semantic' });
  };

  const unique = <T extends { id: string }>(items: readonly { item: T; path: Path }[], what: string) => {
    const seen = new Map<string, Path>();
    for (const { item, path } of items) {
      const first = seen.get(item.id);
      if (first)
        issue([...path, 'id'], `duplicate ${what} id "${item.id}" (first declared at ${formatPath(first)})`);
      else seen.set(item.id, path);
    }
    return new Set(seen.keys());
  };
  const indexed = <T>(items: readonly T[], key: string) =>
    items.map((item, i) => ({ item, path: [key, i] as Path }));

  const steps = allSteps(p);
  const tasks = allTasks(p);
  const roleIds = unique(indexed(p.roles, 'roles'), 'role');
  const stepIds = unique(
    steps.map((s) => ({ item: s.step, path: s.path })),
    'step',
  );
  const taskIds = unique(
    tasks.map((t) => ({ item: t.task, path: t.path })),
    'task',
  );
  const eventIds = unique(indexed(p.events, 'events'), 'event');
  unique(indexed(p.delegations, 'delegations'), 'delegation');
  unique(indexed(p.indicators, 'indicators'), 'indicator');
  const sourceIds = unique(
    p.fiche.sources.map((item, i) => ({ item, path: ['fiche', 'sources', i] as Path })),
    'source',
  );
  const customSegments = unique(indexed(p.segments, 'segments'), 'segment');
  const segmentIds = new Set<string>([...BUILTIN_SEGMENTS, ...customSegments]);
  const factProps = (p.facts.properties ?? {}) as Record<string, JsonSchema>;
  const factIds = new Set(Object.keys(factProps));
  /** The schema of a declared fact (own properties only: `constructor` is not a fact). */
  const factSchema = (id: string): JsonSchema | undefined =>
    Object.hasOwn(factProps, id) ? factProps[id] : undefined;
  const taskById = new Map(tasks.map((t) => [t.task.id, t]));

  const known = (what: string, ids: Set<string>, where: string) => (id: string) =>
    `unknown ${what} "${id}"${didYouMean(id, ids)} (${ids.size === 0 ? `no ${what} is declared` : `declared: ${[...ids].join(', ')}`} ${where})`;
  const unknownRole = known('role', roleIds, 'in roles');
  const unknownFact = known('fact', factIds, 'in facts.properties');
  const unknownEvent = known('event', eventIds, 'in events');
  const unknownSource = known('source', sourceIds, 'in fiche.sources');
  const unknownTask = (id: string) => `unknown task "${id}"${didYouMean(id, taskIds)}`;
  const unknownStep = (id: string) => `unknown step "${id}"${didYouMean(id, stepIds)}`;

  const checkRole = (id: string, path: Path) => {
    if (!roleIds.has(id)) issue(path, unknownRole(id));
  };
  const checkSource = (id: string | undefined, path: Path) => {
    if (id !== undefined && !sourceIds.has(id)) issue(path, unknownSource(id));
  };
  const checkSegment = (id: string, path: Path) => {
    if (!segmentIds.has(id))
      issue(
        path,
        `unknown segment "${id}"${didYouMean(id, segmentIds)}: use a built-in one (${BUILTIN_SEGMENTS.join(', ')}) or declare it in segments`,
      );
  };
  const checkSchema = (schema: object, path: Path, what: string) => {
    const reason = invalidJsonSchemaReason(schema);
    if (reason !== undefined) issue(path, `${what} is not a valid JSON Schema: ${reason}`);
  };
  const checkRefs = (refs: Reference[], place: Place) => {
    for (const ref of refs) {
      switch (ref.kind) {
        case 'fact':
          if (!factIds.has(ref.id)) issue(ref.path, unknownFact(ref.id));
          break;
        case 'task':
          if (!taskIds.has(ref.id)) issue(ref.path, unknownTask(ref.id));
          break;
        case 'event':
          if (!eventIds.has(ref.id)) issue(ref.path, unknownEvent(ref.id));
          break;
        case 'step':
          if (!stepIds.has(ref.id)) issue(ref.path, unknownStep(ref.id));
          break;
        case 'segment':
          checkSegment(ref.id, ref.path);
          break;
        case 'complexity':
          if (place === 'complexity')
            issue(
              [...ref.path, 'complexity'],
              'a complexity rule cannot depend on the complexity level it computes',
            );
          else if (!p.complexity)
            issue(
              [...ref.path, 'complexity'],
              'the protocol has no gradation of complexity: declare "complexity" (default level and rules) or remove this condition',
            );
          break;
        case 'requiredTasksDone':
          if (place !== 'exit') issue(ref.path, '"requiredTasksDone" can only guard an exit of a step');
          break;
      }
    }
  };
  /** Values compared with a fact must have the fact's type, and be among its `enum` when it has one. */
  const checkFactValues = (condition: Condition, path: Path) => {
    const visit = (c: Condition, at: Path): void => {
      if ('all' in c)
        c.all.forEach((x, i) => {
          visit(x, [...at, 'all', i]);
        });
      else if ('any' in c)
        c.any.forEach((x, i) => {
          visit(x, [...at, 'any', i]);
        });
      else if ('not' in c) visit(c.not, [...at, 'not']);
      else if ('fact' in c) {
        const schema = factSchema(c.fact);
        if (!schema) return;
        const type = schema.type;
        const expected = type === 'integer' ? 'number' : type;
        const allowed = Array.isArray(schema.enum) ? schema.enum : undefined;
        const values =
          'in' in c
            ? c.in.map((v, i) => ({ v, at: [...at, 'in', i] }))
            : [{ v: c.value, at: [...at, 'value'] }];
        for (const { v, at: vPath } of values) {
          if (
            typeof expected === 'string' &&
            ['string', 'number', 'boolean'].includes(expected) &&
            typeof v !== expected
          )
            issue(
              vPath,
              `fact "${c.fact}" is a${type === 'integer' ? 'n' : ''} ${type}; ${JSON.stringify(v)} is not`,
            );
          else if (allowed && !allowed.includes(v) && !('op' in c && c.op !== 'eq' && c.op !== 'ne'))
            issue(
              vPath,
              `fact "${c.fact}" takes one of ${allowed.map((x) => JSON.stringify(x)).join(', ')}; ${JSON.stringify(v)} is not one of them`,
            );
        }
        if ('op' in c && ['lt', 'lte', 'gt', 'gte'].includes(c.op) && expected === 'boolean')
          issue([...at, 'op'], `"${c.op}" cannot compare the boolean fact "${c.fact}": use "eq" or "ne"`);
      }
    };
    visit(condition, path);
  };
  const checkCondition = (c: Condition, path: Path, place: Place) => {
    checkRefs(conditionReferences(c, path), place);
    checkFactValues(c, path);
  };
  const checkOnDemand = (id: string, path: Path, by: string) => {
    const t = taskById.get(id);
    if (!t) issue(path, unknownTask(id));
    else if (t.task.start !== 'on-demand')
      issue(path, `task "${id}" is opened by ${by}: declare it with start: "on-demand"`);
  };
  const checkAnchor = (anchor: Anchor, path: Path, place: Place) =>
    checkRefs(anchorReferences(anchor, path), place);

  // Facts and events.
  checkSchema(p.facts, ['facts'], 'facts');
  for (const name of p.facts.required ?? [])
    if (!factIds.has(name))
      issue(['facts', 'required'], `required fact "${name}" is not in facts.properties`);
  p.events.forEach((e, i) => {
    if (e.data) checkSchema(e.data, ['events', i, 'data'], `data of event "${e.id}"`);
  });

  // Steps.
  const topIds = p.steps.map((s) => s.id);
  const topInitialOk = p.initial === undefined || topIds.includes(p.initial);
  if (!topInitialOk)
    issue(
      ['initial'],
      `initial step "${p.initial}"${didYouMean(p.initial!, topIds)} is not a top-level step (top-level steps: ${topIds.join(', ')})`,
    );
  for (const { step, parent, path } of steps) {
    checkSegment(step.segment, [...path, 'segment']);
    const siblings = parent?.steps ?? p.steps;
    step.exits.forEach((exit, i) => {
      const at = [...path, 'exits', i];
      if (!siblings.some((s) => s.id === exit.to)) {
        issue(
          [...at, 'to'],
          stepIds.has(exit.to)
            ? `exit to "${exit.to}": an exit leads to a sibling step (${siblings.map((s) => s.id).join(', ')}); to leave "${parent?.id}", put the exit on "${parent?.id}" itself`
            : unknownStep(exit.to),
        );
      } else if (parent?.kind === 'parallel') {
        issue(
          [...at, 'to'],
          `"${step.id}" and "${exit.to}" are branches of the parallel step "${parent.id}" and run together: a branch cannot exit to another`,
        );
      }
      if (exit.on !== undefined && !eventIds.has(exit.on)) issue([...at, 'on'], unknownEvent(exit.on));
      if (exit.when) checkCondition(exit.when, [...at, 'when'], 'exit');
    });
    if (step.kind === 'final') {
      if (step.exits.length > 0) issue([...path, 'exits'], `final step "${step.id}" cannot have exits`);
      if (step.steps?.length) issue([...path, 'steps'], `final step "${step.id}" cannot have nested steps`);
    }
    if (step.kind === 'parallel' && !step.steps?.length)
      issue([...path, 'steps'], `parallel step "${step.id}" needs nested steps (its parallel branches)`);
    if (step.initial !== undefined) {
      if (step.kind === 'parallel')
        issue(
          [...path, 'initial'],
          `parallel step "${step.id}" runs all its nested steps: it has no initial step`,
        );
      else if (!step.steps?.some((s) => s.id === step.initial))
        issue(
          [...path, 'initial'],
          `initial step "${step.initial}" is not a nested step of "${step.id}"${step.steps?.length ? ` (nested steps: ${step.steps.map((s) => s.id).join(', ')})` : ''}`,
        );
    }
  }
  checkWayOut(p.steps, false, ['steps'], issue);
  if (topInitialOk) checkReachable(p.steps, p.initial, ['steps'], issue);

  // Tasks.
  for (const { task, path } of tasks) {
    const performers = task.responsible.filter((r) => roleIds.has(r));
    if (performers.length === 0 && task.required)
      issue(
        [...path, 'responsible'],
        `nobody can perform the required task "${task.id}": none of its roles (${task.responsible.join(', ')}) is declared in roles`,
      );
    else
      task.responsible.forEach((r, i) => {
        checkRole(r, [...path, 'responsible', i]);
      });
    if (typeof task.start === 'object' && !eventIds.has(task.start.event))
      issue([...path, 'start', 'event'], unknownEvent(task.start.event));
    if (task.when) checkCondition(task.when, [...path, 'when'], 'task');
    if (task.due) {
      checkAnchor(task.due.from, [...path, 'due', 'from'], 'task');
      checkSource(task.due.source, [...path, 'due', 'source']);
      if (typeof task.due.from === 'object' && 'task' in task.due.from && task.due.from.task === task.id)
        issue([...path, 'due', 'from', 'task'], `task "${task.id}" cannot be due from its own completion`);
    }
    if (task.repeat) checkSource(task.repeat.source, [...path, 'repeat', 'source']);
    const hasDeadline = task.due !== undefined || task.repeat !== undefined;
    if (task.remindBefore !== undefined && !hasDeadline)
      issue(
        [...path, 'remindBefore'],
        `task "${task.id}" has no due date to remind of: add "due" (or "repeat")`,
      );
    if (task.data) checkSchema(task.data, [...path, 'data'], `data of task "${task.id}"`);
    if (task.segment) checkSegment(task.segment, [...path, 'segment']);
    if (task.onMiss) {
      if (!hasDeadline)
        issue(
          [...path, 'onMiss'],
          `task "${task.id}" has no due date, so it can never be missed: add "due" (or "repeat") or remove "onMiss"`,
        );
      if (task.onMiss.escalateTo) checkRole(task.onMiss.escalateTo, [...path, 'onMiss', 'escalateTo']);
      task.onMiss.open?.forEach((id, i) => {
        checkOnDemand(id, [...path, 'onMiss', 'open', i], 'a miss policy');
      });
    }
  }

  // Delegations.
  p.delegations.forEach((d, i) => {
    const at: Path = ['delegations', i];
    if (!roleIds.has(d.delegating))
      issue([...at, 'delegating'], `the delegating role of "${d.id}" is an ${unknownRole(d.delegating)}`);
    if (!roleIds.has(d.delegate))
      issue(
        [...at, 'delegate'],
        `delegation "${d.id}" is to role "${d.delegate}", which the protocol does not have${didYouMean(d.delegate, roleIds)} (declared: ${[...roleIds].join(', ')} in roles)`,
      );
    else if (d.delegate === d.delegating)
      issue([...at, 'delegate'], `a role cannot delegate to itself ("${d.delegate}")`);
    d.tasks.forEach((id, j) => {
      const t = taskById.get(id);
      if (!t) issue([...at, 'tasks', j], unknownTask(id));
      else if (roleIds.has(d.delegating) && !t.task.responsible.includes(d.delegating))
        issue(
          [...at, 'tasks', j],
          `"${d.delegating}" can only delegate what it is responsible for; task "${id}" is performed by ${t.task.responsible.join(', ')}`,
        );
    });
    if (d.consent) {
      const f = factSchema(d.consent.fact);
      if (!f) issue([...at, 'consent', 'fact'], unknownFact(d.consent.fact));
      else if (f.type !== 'boolean')
        issue(
          [...at, 'consent', 'fact'],
          `consent fact "${d.consent.fact}" must be declared with type "boolean"`,
        );
    }
    if (d.inclusion) checkCondition(d.inclusion, [...at, 'inclusion'], 'other');
    unique(
      indexed(d.exclusions, 'exclusions').map((x) => ({ item: x.item, path: [...at, ...x.path] })),
      'exclusion',
    );
    d.exclusions.forEach((x, j) => {
      checkCondition(x.when, [...at, 'exclusions', j, 'when'], 'other');
      checkSource(x.source, [...at, 'exclusions', j, 'source']);
    });
    if (d.handBack) {
      checkOnDemand(d.handBack.task, [...at, 'handBack', 'task'], 'a hand-back');
      const t = taskById.get(d.handBack.task);
      if (t && !t.task.responsible.includes(d.delegating))
        issue(
          [...at, 'handBack', 'task'],
          `hand-back task "${d.handBack.task}" must be performed by the delegating role "${d.delegating}"`,
        );
    }
    d.obligations.forEach((o, j) => {
      checkOnDemand(o.task, [...at, 'obligations', j, 'task'], 'a delegation obligation');
    });
    checkSource(d.source, [...at, 'source']);
    checkSource(d.qualification?.source, [...at, 'qualification', 'source']);
  });

  // Complexity.
  if (p.complexity) {
    p.complexity.rules.forEach((r, i) => {
      checkCondition(r.when, ['complexity', 'rules', i, 'when'], 'complexity');
    });
    checkSource(p.complexity.source, ['complexity', 'source']);
  }

  // Indicators.
  p.indicators.forEach((ind, i) => {
    const at: Path = ['indicators', i];
    checkRefs(criterionReferences(ind.denominator, [...at, 'denominator']), 'other');
    checkRefs(criterionReferences(ind.numerator, [...at, 'numerator']), 'other');
    if (ind.segment) checkSegment(ind.segment, [...at, 'segment']);
    checkSource(ind.source, [...at, 'source']);
  });

  return issues;
}

/**
 * A non-final step needs a way out: its own exits, or an exit of a step that contains it. A
 * compound step with no way out must be able to end: one of its nested steps is final.
 */
function checkWayOut(steps: readonly Step[], ancestorExits: boolean, path: Path, issue: Report) {
  steps.forEach((step, i) => {
    const at = [...path, i];
    const wayOut = step.exits.length > 0 || ancestorExits;
    const nested = step.steps ?? [];
    if (step.kind !== 'final' && !wayOut) {
      if (nested.length === 0)
        issue(at, `step "${step.id}" has no way out and is not final: add an exit or make it kind "final"`);
      else if (step.kind !== 'parallel' && !nested.some((s) => s.kind === 'final'))
        issue(
          at,
          `step "${step.id}" has no way out: add an exit to it, or a final step among its nested steps`,
        );
    }
    if (nested.length > 0) checkWayOut(nested, wayOut, [...at, 'steps'], issue);
  });
}

/**
 * Every step must be reachable through exits from the initial step of its level. The branches of
 * a parallel step all start together; nested levels are checked the same way.
 */
function checkReachable(steps: readonly Step[], initial: string | undefined, path: Path, issue: Report) {
  const start = initial ?? steps[0]?.id;
  const reached = new Set<string>(start === undefined ? [] : [start]);
  const queue = [...reached];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const exit of steps.find((s) => s.id === id)?.exits ?? []) {
      if (!reached.has(exit.to)) {
        reached.add(exit.to);
        queue.push(exit.to);
      }
    }
  }
  steps.forEach((step, i) => {
    if (!reached.has(step.id))
      issue(
        [...path, i],
        `step "${step.id}" cannot be reached: no chain of exits from the initial step "${start}" leads to it`,
      );
  });
  steps.forEach((step, i) => {
    checkNested(step, [...path, i], issue);
  });
}

function checkNested(step: Step, path: Path, issue: Report) {
  const nested = step.steps;
  if (!nested?.length) return;
  if (step.kind === 'parallel')
    nested.forEach((branch, j) => {
      checkNested(branch, [...path, 'steps', j], issue);
    });
  else if (step.initial === undefined || nested.some((s) => s.id === step.initial))
    checkReachable(nested, step.initial, [...path, 'steps'], issue);
}
