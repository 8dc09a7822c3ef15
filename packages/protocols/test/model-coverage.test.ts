/**
 * The reference protocols are also the examples of the model: together they use every feature of
 * it, so that tools (engine, linter, exporters, simulation) are exercised on real definitions.
 * Each expectation names the protocol that carries the feature.
 */
import { allSteps, allTasks, BUILTIN_SEGMENTS, type Condition, type ProtocolDefinition } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { parsed, protocol, step, task } from './support.js';

const all = [...parsed.values()];

function conditionKinds(c: Condition, out = new Set<string>()): Set<string> {
  if ('all' in c) {
    out.add('all');
    for (const x of c.all) conditionKinds(x, out);
  } else if ('any' in c) {
    out.add('any');
    for (const x of c.any) conditionKinds(x, out);
  } else if ('not' in c) {
    out.add('not');
    conditionKinds(c.not, out);
  } else if ('fact' in c) out.add('in' in c ? 'fact-in' : `fact-${c.op}`);
  else out.add(Object.keys(c)[0]!);
  return out;
}

function exitConditions(p: ProtocolDefinition): Condition[] {
  return allSteps(p).flatMap(({ step: s }) => s.exits.flatMap((x) => (x.when ? [x.when] : [])));
}

function depth(p: ProtocolDefinition): number {
  return Math.max(...allSteps(p).map((s) => s.lineage.length));
}

describe('the reference protocols use every feature of the model', () => {
  it('parallel steps (GP and nurse follow-up side by side) and steps nested three levels deep', () => {
    expect(step(protocol('insuffisance-cardiaque'), 'suivi-post-sortie').kind).toBe('parallel');
    expect(step(protocol('bpco'), 'post-exacerbation').kind).toBe('parallel');
    expect(depth(protocol('diabete-type-2'))).toBeGreaterThanOrEqual(4);
    expect(depth(protocol('sortie-personne-agee'))).toBeGreaterThanOrEqual(3);
    for (const p of all)
      expect(
        p.steps.some((s) => s.kind === 'final'),
        p.id,
      ).toBe(true);
  });

  it('exits guarded on complexity, on facts, on elapsed time, on tasks, on recorded events and on required tasks done', () => {
    const kinds = new Set(all.flatMap((p) => exitConditions(p).flatMap((c) => [...conditionKinds(c)])));
    for (const k of [
      'complexity',
      'fact-gte',
      'fact-lt',
      'fact-eq',
      'elapsed',
      'task',
      'requiredTasksDone',
      'exists',
      'not',
      'all',
    ])
      expect(kinds.has(k), k).toBe(true);
    expect(all.some((p) => allSteps(p).some(({ step: s }) => s.exits.some((x) => x.on !== undefined)))).toBe(
      true,
    );
  });

  it('due windows anchored on every kind of anchor', () => {
    const anchors = new Set(
      all.flatMap((p) =>
        allTasks(p).flatMap(({ task: t }) => {
          if (!t.due) return [];
          return [typeof t.due.from === 'string' ? t.due.from : Object.keys(t.due.from)[0]!];
        }),
      ),
    );
    expect([...anchors].sort()).toEqual(['event', 'fact', 'journey-start', 'opened', 'step-entry', 'task']);
    expect(task(protocol('insuffisance-cardiaque'), 'consultation-mg').due?.from).toEqual({
      event: 'sortie',
    });
    expect(task(protocol('acces-direct-kine'), 'bilan-entorse').due?.from).toEqual({
      fact: 'dateDebutSymptomes',
    });
  });

  it('recurrences by interval and per year, reminders, and both miss policies', () => {
    const tasks = all.flatMap((p) => allTasks(p).map((t) => t.task));
    expect(tasks.some((t) => t.repeat && 'every' in t.repeat)).toBe(true);
    expect(tasks.some((t) => t.repeat && 'perYear' in t.repeat)).toBe(true);
    expect(tasks.some((t) => t.remindBefore)).toBe(true);
    expect(tasks.some((t) => t.onMiss?.escalateTo)).toBe(true);
    expect(tasks.some((t) => t.onMiss?.open?.length)).toBe(true);
  });

  it('tasks opened by an event, on demand, or when a condition holds; optional tasks; data schemas', () => {
    const tasks = all.flatMap((p) => allTasks(p).map((t) => t.task));
    expect(tasks.some((t) => typeof t.start === 'object')).toBe(true);
    expect(tasks.some((t) => t.start === 'on-demand')).toBe(true);
    expect(tasks.some((t) => t.when !== undefined)).toBe(true);
    expect(tasks.some((t) => !t.required)).toBe(true);
    const withData = tasks.filter((t) => t.data);
    expect(withData.length / tasks.length).toBeGreaterThan(0.75);
    expect(all.some((p) => p.events.some((e) => e.alert))).toBe(true);
  });

  it('delegations with every clause: qualification, consent, inclusion, exclusions, hand-back, obligations', () => {
    const delegations = all.flatMap((p) => p.delegations);
    expect(delegations.map((d) => d.id).sort()).toEqual([
      'entorse-cheville',
      'lombalgie-aigue',
      'pc133-titration',
    ]);
    for (const d of delegations) {
      expect(d.qualification?.minHours, d.id).toBeGreaterThan(0);
      expect(d.consent, d.id).toBeDefined();
      expect(d.inclusion, d.id).toBeDefined();
      expect(d.exclusions.length, d.id).toBeGreaterThan(0);
      expect(d.handBack, d.id).toBeDefined();
      expect(d.obligations.length, d.id).toBeGreaterThan(0);
    }
  });

  it('a complexity gradation in the protocols that route to the DAC', () => {
    expect(all.filter((p) => p.complexity).map((p) => p.id)).toEqual([
      'insuffisance-cardiaque',
      'sortie-personne-agee',
      'situation-complexe',
    ]);
  });

  it('every built-in segment of the road, and a custom one', () => {
    const used = new Set(
      all.flatMap((p) => [
        ...allSteps(p).map((s) => s.step.segment),
        ...allTasks(p).flatMap((t) => t.task.segment ?? []),
      ]),
    );
    for (const s of BUILTIN_SEGMENTS) expect(used.has(s), s).toBe(true);
    expect(protocol('situation-complexe').segments.map((s) => s.id)).toEqual(['coordination']);
    expect(used.has('coordination')).toBe(true);
  });

  it('indicators over every kind of criterion', () => {
    const kinds = new Set<string>();
    const visit = (c: object) => {
      const key = Object.keys(c)[0]!;
      kinds.add(key);
      const inner = (c as Record<string, unknown>)[key];
      if (Array.isArray(inner)) for (const x of inner) visit(x as object);
      else if (key === 'not') visit(inner as object);
    };
    for (const p of all) for (const i of p.indicators) visit(i.numerator);
    for (const k of [
      'all',
      'any',
      'not',
      'started',
      'stepReached',
      'taskCompleted',
      'rupture',
      'event',
      'condition',
    ])
      expect(kinds.has(k), k).toBe(true);
    expect(all.some((p) => p.indicators.some((i) => i.reference))).toBe(true);
    expect(all.some((p) => p.indicators.some((i) => i.target !== undefined))).toBe(true);
  });
});
