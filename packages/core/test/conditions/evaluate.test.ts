import { describe, expect, it } from 'vitest';
import { type ConditionContext, factsContext, factTime, factValue } from '../../src/conditions/context.js';
import { compileCondition, evaluateCondition } from '../../src/conditions/evaluate.js';
import { ProtocolValidationError } from '../../src/errors.js';
import type { Anchor } from '../../src/model/anchor.js';
import type { ComplexityLevel } from '../../src/model/common.js';
import type { ComparisonOperator, Condition, Scalar, TaskStatus } from '../../src/model/condition.js';

const at = (iso: string) => Date.parse(iso);

/** A hand-built context: facts, complexity, the time, task statuses, recorded events and anchors. */
function context(
  options: {
    facts?: Record<string, unknown>;
    complexity?: ComplexityLevel;
    now?: string;
    timeZone?: string;
    tasks?: Record<string, TaskStatus>;
    events?: Record<string, string>;
    anchors?: Partial<Record<'opened' | 'journey-start' | 'step-entry', string>> & {
      tasks?: Record<string, string>;
    };
    requiredTasksDone?: boolean;
  } = {},
): ConditionContext {
  const facts = options.facts ?? {};
  return {
    facts,
    complexity: options.complexity,
    now: options.now === undefined ? 0 : at(options.now),
    timeZone: options.timeZone,
    taskStatus: (task) => options.tasks?.[task] ?? 'inactive',
    eventRecorded: (event) => options.events?.[event] !== undefined,
    anchorTime: (anchor: Anchor) => {
      if (typeof anchor === 'string')
        return options.anchors?.[anchor] === undefined ? undefined : at(options.anchors[anchor]!);
      if ('event' in anchor)
        return options.events?.[anchor.event] === undefined ? undefined : at(options.events[anchor.event]!);
      if ('task' in anchor) {
        const t = options.anchors?.tasks?.[anchor.task];
        return t === undefined ? undefined : at(t);
      }
      return factTime(factValue(facts, anchor.fact));
    },
    requiredTasksDone: () => options.requiredTasksDone ?? false,
  };
}

const holds = (condition: Condition, ctx: ConditionContext) => evaluateCondition(condition, ctx);

describe('comparisons { fact, op, value }', () => {
  it.each<[ComparisonOperator, unknown, Scalar, boolean]>([
    // eq / ne: strict, no coercion between strings and numbers
    ['eq', 75, 75, true],
    ['eq', 75, 76, false],
    ['eq', '75', 75, false],
    ['eq', 75, '75', false],
    ['eq', true, true, true],
    ['eq', false, true, false],
    ['eq', 'IV', 'IV', true],
    ['eq', 'iv', 'IV', false],
    ['ne', 1, 2, true],
    ['ne', 1, 1, false],
    ['ne', '1', 1, true],
    // ordering of numbers, boundaries included
    ['lt', 74, 75, true],
    ['lt', 75, 75, false],
    ['lte', 75, 75, true],
    ['lte', 76, 75, false],
    ['gt', 76, 75, true],
    ['gt', 75, 75, false],
    ['gte', 75, 75, true],
    ['gte', 74.9, 75, false],
    ['gte', -1, 0, false],
    // ordering of strings (ISO dates sort as text)
    ['lt', '2026-01-05', '2026-02-01', true],
    ['gte', '2026-03-01', '2026-02-28', true],
    ['gt', 'b', 'a', true],
    // ordering never mixes types, and booleans have no order
    ['gte', '80', 75, false],
    ['lt', 70, '75', false],
    ['gt', true, false, false],
    ['lte', false, true, false],
    // NaN equals nothing and is ordered with nothing
    ['eq', Number.NaN, 0, false],
    ['gte', Number.NaN, 0, false],
  ])('%s: fact %j against %j is %s', (op, actual, value, expected) => {
    expect(holds({ fact: 'x', op, value }, context({ facts: { x: actual } }))).toBe(expected);
  });

  it.each<[ComparisonOperator, boolean]>([
    ['eq', false],
    ['lt', false],
    ['lte', false],
    ['gt', false],
    ['gte', false],
    ['ne', true],
  ])('a missing (or null) fact: %s is %s', (op, expected) => {
    expect(holds({ fact: 'x', op, value: 0 }, context({ facts: {} }))).toBe(expected);
    expect(holds({ fact: 'x', op, value: 0 }, context({ facts: { x: null } }))).toBe(expected);
    expect(holds({ fact: 'x', op, value: 0 }, context({ facts: { x: undefined } }))).toBe(expected);
  });
});

describe('{ fact, in }', () => {
  it.each<[unknown, Scalar[], boolean]>([
    [3, [3, 4], true],
    [2, [3, 4], false],
    ['3', [3, 4], false],
    [3, ['3', '4'], false],
    ['III', ['III', 'IV'], true],
    [true, [true], true],
    [false, [true], false],
    [undefined, [3, 4], false],
    [null, [3, 4], false],
  ])('%j in %j is %s', (actual, list, expected) => {
    expect(holds({ fact: 'nyha', in: list }, context({ facts: { nyha: actual } }))).toBe(expected);
  });
  it('a missing fact is in no list', () => {
    expect(holds({ fact: 'nyha', in: [1, 2, 3, 4] }, context())).toBe(false);
  });
});

describe('{ exists }', () => {
  it.each<[unknown, boolean]>([
    [0, true],
    [false, true],
    ['', true],
    [[], true],
    ['Dr Martin', true],
    [null, false],
    [undefined, false],
  ])('a fact holding %j exists: %s', (value, expected) => {
    expect(holds({ exists: 'medecinTraitant' }, context({ facts: { medecinTraitant: value } }))).toBe(
      expected,
    );
  });
  it('a fact that is absent does not exist', () => {
    expect(holds({ exists: 'medecinTraitant' }, context())).toBe(false);
  });
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a fact named like an Object.prototype member ("%s") is not known by accident',
    (name) => {
      expect(holds({ exists: name }, context())).toBe(false);
      expect(holds({ fact: name, op: 'ne', value: 'x' }, context())).toBe(true);
      expect(holds({ fact: name, op: 'eq', value: 'x' }, context({ facts: { [name]: 'x' } }))).toBe(true);
    },
  );
});

describe('all, any, not', () => {
  const T: Condition = { exists: 'yes' };
  const F: Condition = { exists: 'no' };
  const ctx = context({ facts: { yes: 1 } });
  it.each<[string, Condition, boolean]>([
    ['all of one true', { all: [T] }, true],
    ['all true', { all: [T, T, T] }, true],
    ['all with one false', { all: [T, F, T] }, false],
    ['any of one false', { any: [F] }, false],
    ['any with one true', { any: [F, F, T] }, true],
    ['any all false', { any: [F, F] }, false],
    ['not true', { not: T }, false],
    ['not false', { not: F }, true],
    ['not not true', { not: { not: T } }, true],
    ['nested', { all: [{ any: [F, T] }, { not: { all: [T, F] } }] }, true],
    ['nested, one branch false', { all: [{ any: [F, F] }, { not: F }] }, false],
  ])('%s', (_name, condition, expected) => {
    expect(holds(condition, ctx)).toBe(expected);
  });
});

describe('{ complexity }', () => {
  it.each<[Condition, ComplexityLevel | undefined, boolean]>([
    [{ complexity: 'forte' }, 'forte', true],
    [{ complexity: 'forte' }, 'moyenne', false],
    [{ complexity: ['moyenne', 'forte'] }, 'moyenne', true],
    [{ complexity: ['moyenne', 'forte'] }, 'faible', false],
    [{ complexity: 'faible' }, undefined, false],
  ])('%j when the level is %s: %s', (condition, level, expected) => {
    expect(holds(condition, context(level === undefined ? {} : { complexity: level }))).toBe(expected);
  });
});

describe('{ task, status }', () => {
  it.each<[Condition, TaskStatus | undefined, boolean]>([
    [{ task: 'consultation-mg', status: 'completed' }, 'completed', true],
    [{ task: 'consultation-mg', status: 'completed' }, 'open', false],
    [{ task: 'consultation-mg', status: ['completed', 'waived'] }, 'waived', true],
    [{ task: 'consultation-mg', status: ['completed', 'waived'] }, 'cancelled', false],
    [{ task: 'consultation-mg', status: 'inactive' }, undefined, true],
    [{ task: 'consultation-mg', status: ['open', 'accepted'] }, 'accepted', true],
  ])('%j when the task is %s: %s', (condition, status, expected) => {
    expect(
      holds(condition, context(status === undefined ? {} : { tasks: { 'consultation-mg': status } })),
    ).toBe(expected);
  });
});

describe('{ event } and { requiredTasksDone }', () => {
  it('holds once the event is recorded', () => {
    expect(holds({ event: 'sortie' }, context({ events: { sortie: '2026-01-05T09:00:00Z' } }))).toBe(true);
    expect(holds({ event: 'sortie' }, context({ events: { autre: '2026-01-05T09:00:00Z' } }))).toBe(false);
  });
  it('asks the context whether the required tasks are done', () => {
    expect(holds({ requiredTasksDone: true }, context({ requiredTasksDone: true }))).toBe(true);
    expect(holds({ requiredTasksDone: true }, context({ requiredTasksDone: false }))).toBe(false);
  });
});

describe('{ elapsed, since }', () => {
  const sortie = '2026-01-05T09:00:00Z';
  it.each<[string, string, boolean]>([
    ['P7D', '2026-01-12T08:59:59.999Z', false],
    ['P7D', '2026-01-12T09:00:00Z', true],
    ['P1W', '2026-01-12T09:00:00Z', true],
    ['PT48H', '2026-01-07T08:59:59Z', false],
    ['PT48H', '2026-01-07T09:00:00Z', true],
    ['P2M', '2026-03-05T08:59:59Z', false],
    ['P2M', '2026-03-05T09:00:00Z', true],
    ['P6M', '2026-07-05T07:59:59Z', false], // summer time in Paris: the same local hour is one UTC hour earlier
    ['P6M', '2026-07-05T08:00:00Z', true],
    ['P1Y', '2027-01-05T09:00:00Z', true],
  ])('%s after the discharge (5 January, 10:00 in Paris), at %s: %s', (duration, now, expected) => {
    expect(
      holds({ elapsed: duration, since: { event: 'sortie' } }, context({ events: { sortie }, now })),
    ).toBe(expected);
  });

  it('is false while the anchor has not happened', () => {
    expect(
      holds({ elapsed: 'P7D', since: { event: 'sortie' } }, context({ now: '2030-01-01T00:00:00Z' })),
    ).toBe(false);
    expect(
      holds({ elapsed: 'P7D', since: { task: 'lettre' } }, context({ now: '2030-01-01T00:00:00Z' })),
    ).toBe(false);
    expect(
      holds({ elapsed: 'P7D', since: { fact: 'dateSortie' } }, context({ now: '2030-01-01T00:00:00Z' })),
    ).toBe(false);
  });

  // Month arithmetic is calendar-aware, in the time zone of the journey (Europe/Paris by default).
  it.each<[string, string, string, string | undefined]>([
    [
      'end of January + 1 month is the end of February',
      '2026-01-31T10:00:00Z',
      'P1M',
      '2026-02-28T10:00:00Z',
    ],
    ['… the 29th in a leap year', '2028-01-31T10:00:00Z', 'P1M', '2028-02-29T10:00:00Z'],
    ['29 February + 1 year is 28 February', '2028-02-29T10:00:00Z', 'P1Y', '2029-02-28T10:00:00Z'],
    // noon in Paris stays noon in Paris, from summer (UTC+2) to winter (UTC+1) time
    ['31 August + 6 months is 28 February', '2026-08-31T10:00:00Z', 'P6M', '2027-02-28T11:00:00Z'],
    ['31 October + 1 month is 30 November', '2026-10-31T10:00:00Z', 'P1M', '2026-11-30T10:00:00Z'],
    ['1 month and 1 day', '2026-01-31T10:00:00Z', 'P1M1D', '2026-03-01T10:00:00Z'],
    ['months then days, as ISO 8601 reads', '2026-01-30T10:00:00Z', 'P1M2D', '2026-03-02T10:00:00Z'],
  ])('%s (%s + %s = %s)', (_name, from, duration, due) => {
    const since: Anchor = { fact: 'dateSortie' };
    const facts = { dateSortie: from };
    const dueAt = at(due!);
    expect(
      holds({ elapsed: duration, since }, context({ facts, now: new Date(dueAt - 1).toISOString() })),
    ).toBe(false);
    expect(holds({ elapsed: duration, since }, context({ facts, now: due }))).toBe(true);
  });

  it('counts calendar days in the journey time zone across a change to summer time', () => {
    // Saturday 28 March 2026, noon in Paris (UTC+1); clocks go forward on the night of the 29th.
    const from = '2026-03-28T11:00:00Z';
    const paris = context({ facts: { d: from }, now: '2026-03-29T10:00:00Z', timeZone: 'Europe/Paris' });
    const utc = context({ facts: { d: from }, now: '2026-03-29T10:00:00Z', timeZone: 'UTC' });
    // One calendar day later in Paris is noon on the 29th (UTC+2): 23 hours.
    expect(holds({ elapsed: 'P1D', since: { fact: 'd' } }, paris)).toBe(true);
    expect(holds({ elapsed: 'P1D', since: { fact: 'd' } }, utc)).toBe(false);
    // Hours are hours everywhere.
    expect(holds({ elapsed: 'PT23H', since: { fact: 'd' } }, paris)).toBe(true);
    expect(holds({ elapsed: 'PT24H', since: { fact: 'd' } }, paris)).toBe(false);
  });

  it.each<[string, Anchor, Record<string, string>]>([
    ['the opening of the task', 'opened', { opened: '2026-01-01T00:00:00Z' }],
    ['the start of the journey', 'journey-start', { 'journey-start': '2026-01-01T00:00:00Z' }],
    ['the entry into the step', 'step-entry', { 'step-entry': '2026-01-01T00:00:00Z' }],
  ])('counts from %s', (_name, since, anchors) => {
    const ctx = (now: string) => context({ anchors, now });
    expect(holds({ elapsed: 'P3D', since }, ctx('2026-01-03T23:59:59Z'))).toBe(false);
    expect(holds({ elapsed: 'P3D', since }, ctx('2026-01-04T00:00:00Z'))).toBe(true);
  });

  it('counts from the completion of a task', () => {
    const anchors = { tasks: { 'lettre-de-liaison': '2026-01-05T18:00:00Z' } };
    expect(
      holds(
        { elapsed: 'PT24H', since: { task: 'lettre-de-liaison' } },
        context({ anchors, now: '2026-01-06T18:00:00Z' }),
      ),
    ).toBe(true);
  });

  it('reads a date fact given as text or as epoch milliseconds', () => {
    const since: Anchor = { fact: 'd' };
    expect(
      holds(
        { elapsed: 'P1D', since },
        context({ facts: { d: at('2026-01-01T00:00:00Z') }, now: '2026-01-02T00:00:00Z' }),
      ),
    ).toBe(true);
    expect(
      holds({ elapsed: 'P1D', since }, context({ facts: { d: 'not a date' }, now: '2030-01-01T00:00:00Z' })),
    ).toBe(false);
    expect(
      holds({ elapsed: 'P1D', since }, context({ facts: { d: true }, now: '2030-01-01T00:00:00Z' })),
    ).toBe(false);
  });
});

describe('factsContext', () => {
  it('knows facts only: no task opened, no event, no required task done', () => {
    const ctx = factsContext({ age: 81, dateSortie: '2026-01-05' }, { now: at('2026-02-01T00:00:00Z') });
    expect(holds({ fact: 'age', op: 'gte', value: 75 }, ctx)).toBe(true);
    expect(holds({ task: 'x', status: 'inactive' }, ctx)).toBe(true);
    expect(holds({ event: 'sortie' }, ctx)).toBe(false);
    expect(holds({ requiredTasksDone: true }, ctx)).toBe(false);
    expect(holds({ complexity: 'faible' }, ctx)).toBe(false);
    expect(holds({ elapsed: 'P7D', since: { fact: 'dateSortie' } }, ctx)).toBe(true);
    expect(holds({ elapsed: 'P7D', since: { event: 'sortie' } }, ctx)).toBe(false);
  });
  it('takes a complexity level and a time zone', () => {
    const ctx = factsContext({}, { complexity: 'forte', timeZone: 'UTC' });
    expect(holds({ complexity: ['forte'] }, ctx)).toBe(true);
    expect(ctx.timeZone).toBe('UTC');
  });
  it('now defaults to the epoch', () => {
    expect(factsContext({}).now).toBe(0);
  });
});

describe('compileCondition', () => {
  it('compiles a condition once and reuses the predicate', () => {
    const condition: Condition = { fact: 'age', op: 'gte', value: 75 };
    expect(compileCondition(condition)).toBe(compileCondition(condition));
    expect(compileCondition(condition)(factsContext({ age: 80 }))).toBe(true);
  });
  it('gives the same answers as evaluateCondition', () => {
    const condition: Condition = {
      any: [
        { fact: 'age', op: 'gte', value: 75 },
        { fact: 'nyha', in: [3, 4] },
      ],
    };
    for (const facts of [{ age: 80 }, { age: 60, nyha: 3 }, { age: 60, nyha: 2 }, {}])
      expect(compileCondition(condition)(factsContext(facts))).toBe(
        evaluateCondition(condition, factsContext(facts)),
      );
  });
  it.each<[string, unknown]>([
    ['an unknown form', { foo: 1 }],
    ['an unknown operator', { fact: 'age', op: 'between', value: 1 }],
    ['a value that is not a scalar', { fact: 'age', op: 'eq', value: { $gt: 1 } }],
    ['a nested invalid condition', { all: [{ exists: 'age' }, { nope: true }] }],
    ['null', null],
  ])('refuses %s that skipped validation with a ProtocolValidationError', (_name, condition) => {
    const run = () => evaluateCondition(condition as Condition, factsContext({ age: 1 }));
    expect(run).toThrow(ProtocolValidationError);
    expect(run).toThrow(/must be a condition: \{ all: \[\.\.\.\] \}/);
  });
  it('treats strings in a condition as data, never as code', () => {
    const condition: Condition = { fact: 'age', op: 'eq', value: '(() => { throw new Error("ran") })()' };
    expect(holds(condition, factsContext({ age: 80 }))).toBe(false);
    expect(holds({ exists: '__proto__' } as Condition, factsContext({}))).toBe(false);
  });
});
