import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidationIssue } from '../errors.js';
import { formatPath } from '../errors.js';
import { BUILTIN_SEGMENTS, type JsonSchema } from './common.js';
import type { Condition } from './condition.js';
import type { ProtocolDefinition } from './protocol.js';
import type { Step } from './step.js';
import {
  allSteps,
  allTasks,
  anchorReferences,
  conditionReferences,
  criterionReferences,
  type Path,
  type Reference,
} from './walk.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });

/**
 * The semantic rules of a definition whose structure is valid: every reference resolves, ids are
 * unique, every step can be reached and left, every required task has someone to do it.
 * Returns every problem found (empty when the definition is sound).
 */
export function checkSemantics(p: ProtocolDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (path: Path, message: string) =>
    issues.push({ path, pointer: formatPath(path), message, kind: 'semantic' });

  const unique = <T extends { id: string }>(items: readonly { item: T; path: Path }[], what: string) => {
    const seen = new Map<string, Path>();
    const ids = new Set<string>();
    for (const { item, path } of items) {
      const first = seen.get(item.id);
      if (first) issue([...path, 'id'], `duplicate ${what} id "${item.id}" (first declared at ${formatPath(first)})`);
      else seen.set(item.id, path);
      ids.add(item.id);
    }
    return ids;
  };
  const indexed = <T>(items: readonly T[], key: string) => items.map((item, i) => ({ item, path: [key, i] as Path }));

  const steps = allSteps(p);
  const tasks = allTasks(p);
  const roleIds = unique(
    indexed(p.roles, 'roles').map((x) => ({ item: x.item, path: x.path })),
    'role',
  );
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
  const taskById = new Map(tasks.map((t) => [t.task.id, t]));

  const list = (ids: Set<string>) => (ids.size === 0 ? 'none is declared' : `declared: ${[...ids].join(', ')}`);
  const checkRole = (id: string, path: Path, what = 'role') => {
    if (!roleIds.has(id)) issue(path, `unknown ${what} "${id}" (${list(roleIds)})`);
  };
  const checkSource = (id: string | undefined, path: Path) => {
    if (id !== undefined && !sourceIds.has(id)) issue(path, `unknown source "${id}": add it to fiche.sources`);
  };
  const checkSegment = (id: string, path: Path) => {
    if (!segmentIds.has(id))
      issue(path, `unknown segment "${id}": use a built-in one (${BUILTIN_SEGMENTS.join(', ')}) or declare it in segments`);
  };
  const checkSchema = (schema: unknown, path: Path, what: string) => {
    try {
      ajv.compile(schema as object);
    } catch (e) {
      issue(path, `${what} is not a valid JSON Schema: ${(e as Error).message}`);
    }
  };
  const checkRefs = (refs: Reference[], where: 'exit' | 'task' | 'complexity' | 'other') => {
    for (const ref of refs) {
      switch (ref.kind) {
        case 'fact':
          if (!factIds.has(ref.id)) issue(ref.path, `unknown fact "${ref.id}" (${list(factIds)} in facts.properties)`);
          break;
        case 'task':
          if (!taskIds.has(ref.id)) issue(ref.path, `unknown task "${ref.id}"`);
          break;
        case 'event':
          if (!eventIds.has(ref.id)) issue(ref.path, `unknown event "${ref.id}" (${list(eventIds)} in events)`);
          break;
        case 'step':
          if (!stepIds.has(ref.id)) issue(ref.path, `unknown step "${ref.id}"`);
          break;
        case 'segment':
          checkSegment(ref.id, ref.path);
          break;
        case 'complexity':
          if (where === 'complexity')
            issue(ref.path, 'a complexity rule cannot depend on the complexity level it computes');
          break;
        case 'requiredTasksDone':
          if (where !== 'exit') issue(ref.path, '"requiredTasksDone" can only guard an exit of a step');
          break;
      }
    }
  };
  const checkFactValues = (condition: Condition, path: Path) => {
    const visit = (c: Condition, at: Path) => {
      if ('all' in c) c.all.forEach((x, i) => visit(x, [...at, 'all', i]));
      else if ('any' in c) c.any.forEach((x, i) => visit(x, [...at, 'any', i]));
      else if ('not' in c) visit(c.not, [...at, 'not']);
      else if ('fact' in c) {
        const type = factProps[c.fact]?.type;
        if (typeof type !== 'string') return;
        const values = 'in' in c ? c.in : [c.value];
        const expected = type === 'integer' ? 'number' : type;
        values.forEach((v, i) => {
          if (['string', 'number', 'boolean'].includes(expected) && typeof v !== expected)
            issue('in' in c ? [...at, 'in', i] : [...at, 'value'], `fact "${c.fact}" is a ${type}; ${JSON.stringify(v)} is not`);
        });
        if ('op' in c && ['lt', 'lte', 'gt', 'gte'].includes(c.op) && expected === 'boolean')
          issue([...at, 'op'], `"${c.op}" cannot compare the boolean fact "${c.fact}"`);
      }
    };
    visit(condition, path);
  };
  const checkCondition = (c: Condition, path: Path, where: 'exit' | 'task' | 'complexity' | 'other') => {
    checkRefs(conditionReferences(c, path), where);
    checkFactValues(c, path);
  };

  // Facts, events and sources.
  checkSchema(p.facts, ['facts'], 'facts');
  for (const name of p.facts.required ?? [])
    if (!factIds.has(name)) issue(['facts', 'required'], `required fact "${name}" is not in facts.properties`);
  p.events.forEach((e, i) => e.data && checkSchema(e.data, ['events', i, 'data'], `data of event "${e.id}"`));

  // Steps.
  if (p.initial !== undefined && !p.steps.some((s) => s.id === p.initial))
    issue(['initial'], `initial step "${p.initial}" is not a top-level step (${p.steps.map((s) => s.id).join(', ')})`);
  for (const { step, parent, path } of steps) {
    checkSegment(step.segment, [...path, 'segment']);
    const siblings = parent?.steps ?? p.steps;
    step.exits.forEach((exit, i) => {
      const at = [...path, 'exits', i];
      if (!siblings.some((s) => s.id === exit.to)) {
        issue(
          [...at, 'to'],
          stepIds.has(exit.to)
            ? `exit to "${exit.to}": an exit leads to a sibling step (${siblings.map((s) => s.id).join(', ')})`
            : `unknown step "${exit.to}"`,
        );
      }
      if (exit.on !== undefined && !eventIds.has(exit.on))
        issue([...at, 'on'], `unknown event "${exit.on}" (${list(eventIds)} in events)`);
      if (exit.when) checkCondition(exit.when, [...at, 'when'], 'exit');
    });
    if (step.kind === 'final') {
      if (step.exits.length > 0) issue([...path, 'exits'], `final step "${step.id}" cannot have exits`);
      if (step.steps?.length) issue([...path, 'steps'], `final step "${step.id}" cannot have nested steps`);
    }
    if (step.kind === 'parallel' && !step.steps?.length)
      issue([...path, 'steps'], `parallel step "${step.id}" needs nested steps (its parallel branches)`);
    if (step.initial !== undefined) {
      if (!step.steps?.some((s) => s.id === step.initial))
        issue([...path, 'initial'], `initial step "${step.initial}" is not a nested step of "${step.id}"`);
      else if (step.kind === 'parallel')
        issue([...path, 'initial'], `parallel step "${step.id}" runs all its nested steps: it has no initial step`);
    }
  }
  checkWayOut(p.steps, [], ['steps'], issue);
  checkReachable(p.steps, p.initial, ['steps'], issue);

  // Tasks.
  for (const { task, path } of tasks) {
    const known = task.responsible.filter((r) => roleIds.has(r));
    if (known.length === 0 && task.required)
      issue(
        [...path, 'responsible'],
        `nobody can perform the required task "${task.id}": none of its roles (${task.responsible.join(', ')}) is declared`,
      );
    else task.responsible.forEach((r, i) => checkRole(r, [...path, 'responsible', i]));
    if (typeof task.start === 'object' && !eventIds.has(task.start.event))
      issue([...path, 'start', 'event'], `unknown event "${task.start.event}" (${list(eventIds)} in events)`);
    if (task.when) checkCondition(task.when, [...path, 'when'], 'task');
    if (task.due) {
      checkRefs(anchorReferences(task.due.from, [...path, 'due', 'from']), 'task');
      checkSource(task.due.source, [...path, 'due', 'source']);
      if (task.due.from === 'opened' || task.due.from === 'step-entry' || typeof task.due.from !== 'object') {
        // nothing to check
      } else if ('task' in task.due.from && task.due.from.task === task.id)
        issue([...path, 'due', 'from', 'task'], `task "${task.id}" cannot be due from its own completion`);
    }
    if (task.repeat) checkSource(task.repeat.source, [...path, 'repeat', 'source']);
    if (task.data) checkSchema(task.data, [...path, 'data'], `data of task "${task.id}"`);
    if (task.segment) checkSegment(task.segment, [...path, 'segment']);
    if (task.onMiss) {
      if (task.onMiss.escalateTo) checkRole(task.onMiss.escalateTo, [...path, 'onMiss', 'escalateTo']);
      task.onMiss.open?.forEach((id, i) => checkOnDemand(id, [...path, 'onMiss', 'open', i], 'a miss policy'));
    }
  }

  function checkOnDemand(id: string, path: Path, by: string) {
    const t = taskById.get(id);
    if (!t) issue(path, `unknown task "${id}"`);
    else if (t.task.start !== 'on-demand')
      issue(path, `task "${id}" is opened by ${by}: declare it with start: "on-demand"`);
  }

  // Delegations.
  p.delegations.forEach((d, i) => {
    const at: Path = ['delegations', i];
    checkRole(d.delegating, [...at, 'delegating'], 'delegating role');
    if (!roleIds.has(d.delegate))
      issue([...at, 'delegate'], `delegation to role "${d.delegate}", which the protocol does not have (${list(roleIds)})`);
    if (d.delegate === d.delegating) issue([...at, 'delegate'], 'a role cannot delegate to itself');
    d.tasks.forEach((t, j) => {
      if (!taskIds.has(t)) issue([...at, 'tasks', j], `unknown task "${t}"`);
    });
    if (d.consent) {
      const f = factProps[d.consent.fact];
      if (!f) issue([...at, 'consent', 'fact'], `unknown fact "${d.consent.fact}" (${list(factIds)} in facts.properties)`);
      else if (f.type !== 'boolean') issue([...at, 'consent', 'fact'], `consent fact "${d.consent.fact}" must be of type boolean`);
    }
    if (d.inclusion) checkCondition(d.inclusion, [...at, 'inclusion'], 'other');
    d.exclusions.forEach((x, j) => {
      checkCondition(x.when, [...at, 'exclusions', j, 'when'], 'other');
      checkSource(x.source, [...at, 'exclusions', j, 'source']);
    });
    if (d.handBack) {
      checkOnDemand(d.handBack.task, [...at, 'handBack', 'task'], 'a hand-back');
      const t = taskById.get(d.handBack.task);
      if (t && !t.task.responsible.includes(d.delegating))
        issue([...at, 'handBack', 'task'], `hand-back task "${d.handBack.task}" must be performed by the delegating role "${d.delegating}"`);
    }
    d.obligations.forEach((o, j) => checkOnDemand(o.task, [...at, 'obligations', j, 'task'], 'a delegation obligation'));
    checkSource(d.source, [...at, 'source']);
    checkSource(d.qualification?.source, [...at, 'qualification', 'source']);
  });

  // Complexity.
  if (p.complexity) {
    p.complexity.rules.forEach((r, i) => checkCondition(r.when, ['complexity', 'rules', i, 'when'], 'complexity'));
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

/** A non-final step must have a way out: its own exits, or an exit of a step that contains it. */
function checkWayOut(steps: Step[], ancestorsExit: boolean[], path: Path, issue: (p: Path, m: string) => void) {
  steps.forEach((step, i) => {
    const at = [...path, i];
    const hasWayOut = step.exits.length > 0 || ancestorsExit.some(Boolean);
    if (step.kind !== 'final' && !hasWayOut && !step.steps?.length)
      issue(at, `step "${step.id}" has no way out and is not final: add an exit or make it kind "final"`);
    if (step.steps) checkWayOut(step.steps, [...ancestorsExit, step.exits.length > 0], [...at, 'steps'], issue);
  });
}

/** Every step must be reachable from the initial step of its level through exits. */
function checkReachable(steps: Step[], initial: string | undefined, path: Path, issue: (p: Path, m: string) => void) {
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
      issue([...path, i], `step "${step.id}" cannot be reached: no exit from "${start}" leads to it`);
    if (step.steps) {
      if (step.kind === 'parallel') step.steps.forEach((s, j) => s.steps && checkReachable(s.steps, s.initial, [...path, i, 'steps', j, 'steps'], issue));
      else checkReachable(step.steps, step.initial, [...path, i, 'steps'], issue);
    }
  });
}
