import type { ProtocolDefinition } from '@cpts/core';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { days, hours, protocol } from '../src/index.js';
import type { icSortie } from './fixtures/ic-sortie.js';

const head = protocol({
  id: 'x',
  version: '1.0.0',
  title: { fr: 'X' },
  fiche: { sources: [{ id: 'equipe', title: 'Consensus', kind: 'consensus-equipe' }] },
});
const base = head
  .roles({ mg: { fr: 'MG' }, ide: { label: { fr: 'IDE' }, kind: 'professionnel' } })
  .facts({ age: z.number().int(), nyha: z.enum(['I', 'II', 'III', 'IV']), seul: z.boolean().optional() })
  .events({ sortie: { fr: 'Sortie' } });
const withSteps = base.steps([
  {
    id: 'a',
    label: { fr: 'A' },
    segment: 'sortie',
    tasks: [
      {
        id: 't1',
        label: { fr: 'T1' },
        responsible: ['mg'],
        due: { within: days(7), from: { event: 'sortie' } },
      },
    ],
    exits: [
      {
        to: 'b',
        when: {
          all: [
            { fact: 'age', op: 'gte', value: 75 },
            { task: 't2', status: 'completed' },
          ],
        },
      },
    ],
  },
  {
    id: 'b',
    label: { fr: 'B' },
    segment: 'suivi-ville',
    kind: 'final',
    tasks: [
      { id: 't2', label: { fr: 'T2' }, responsible: ['ide'], when: { fact: 'nyha', in: ['III', 'IV'] } },
    ],
  },
]);

describe('the built protocol keeps literal ids', () => {
  test('roles, steps, tasks, events and facts', () => {
    type P = ReturnType<typeof withSteps.build>;
    expectTypeOf<P['roles'][number]['id']>().toEqualTypeOf<'mg' | 'ide'>();
    expectTypeOf<P['steps'][number]['id']>().toEqualTypeOf<'a' | 'b'>();
    expectTypeOf<P['steps'][number]['tasks'][number]['id']>().toEqualTypeOf<'t1' | 't2'>();
    expectTypeOf<P['events'][number]['id']>().toEqualTypeOf<'sortie'>();
    expectTypeOf<keyof P['facts']['properties']>().toEqualTypeOf<'age' | 'nyha' | 'seul'>();
    expectTypeOf<NonNullable<P['~types']>['facts']['nyha']>().toEqualTypeOf<'I' | 'II' | 'III' | 'IV'>();
    expectTypeOf<P>().toExtend<ProtocolDefinition>();
  });

  test('nested steps count', () => {
    type P = typeof icSortie;
    expectTypeOf<'consultation-mg'>().toExtend<P['steps'][number]['tasks'][number]['id']>();
    expectTypeOf<'transmission'>().toExtend<P['steps'][number]['id']>();
  });
});

describe('a typo is a compile error', () => {
  test('role', () => {
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        // @ts-expect-error unknown role "mgg"
        tasks: [{ id: 't', label: { fr: 'T' }, responsible: ['mgg'] }],
      },
    ]);
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        // @ts-expect-error unknown escalation role
        tasks: [{ id: 't', label: { fr: 'T' }, responsible: ['mg'], onMiss: { escalateTo: 'cardio' } }],
      },
    ]);
    withSteps.delegations([
      // @ts-expect-error unknown delegate role
      { id: 'd', label: { fr: 'D' }, delegating: 'mg', delegate: 'kine', tasks: ['t1'] },
    ]);
  });

  test('step', () => {
    base.steps([
      // @ts-expect-error exit to an unknown step
      { id: 'a', label: { fr: 'A' }, segment: 'sortie', exits: [{ to: 'zz' }] },
    ]);
    withSteps.indicators([
      {
        id: 'i',
        label: { fr: 'I' },
        kind: 'moyens',
        denominator: { started: true },
        // @ts-expect-error unknown step in a criterion
        numerator: { stepReached: 'c' },
      },
    ]);
  });

  test('task', () => {
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        tasks: [
          // @ts-expect-error unknown task in a condition
          { id: 't', label: { fr: 'T' }, responsible: ['mg'], when: { task: 'tt', status: 'completed' } },
        ],
      },
    ]);
    withSteps.delegations([
      // @ts-expect-error unknown task in a delegation
      { id: 'd', label: { fr: 'D' }, delegating: 'mg', delegate: 'ide', tasks: ['t3'] },
    ]);
    withSteps.indicators([
      {
        id: 'i',
        label: { fr: 'I' },
        kind: 'moyens',
        denominator: { started: true },
        // @ts-expect-error unknown task in a criterion
        numerator: { taskCompleted: 't9' },
      },
    ]);
  });

  test('fact, and a value of the wrong type', () => {
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        tasks: [
          // @ts-expect-error unknown fact "agee"
          { id: 't', label: { fr: 'T' }, responsible: ['mg'], when: { fact: 'agee', op: 'gte', value: 75 } },
        ],
      },
    ]);
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        tasks: [
          // @ts-expect-error "V" is not a NYHA class
          { id: 't', label: { fr: 'T' }, responsible: ['mg'], when: { fact: 'nyha', op: 'eq', value: 'V' } },
        ],
      },
    ]);
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        tasks: [
          // @ts-expect-error age is a number
          { id: 't', label: { fr: 'T' }, responsible: ['mg'], when: { fact: 'age', op: 'gte', value: '75' } },
        ],
      },
    ]);
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        tasks: [
          // @ts-expect-error a boolean fact cannot be ordered
          { id: 't', label: { fr: 'T' }, responsible: ['mg'], when: { fact: 'seul', op: 'gt', value: true } },
        ],
      },
    ]);
    withSteps.delegations([
      {
        id: 'd',
        label: { fr: 'D' },
        delegating: 'mg',
        delegate: 'ide',
        tasks: ['t1'],
        // @ts-expect-error consent must be a boolean fact
        consent: { fact: 'age' },
      },
    ]);
    base.complexity({
      default: 'faible',
      // @ts-expect-error complexity rules read facts only
      rules: [{ level: 'forte', when: { fact: 'poids', op: 'gt', value: 1 } }],
    });
  });

  test('event, source and segment', () => {
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        // @ts-expect-error unknown event
        tasks: [{ id: 't', label: { fr: 'T' }, responsible: ['mg'], start: { event: 'entree' } }],
      },
    ]);
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        tasks: [
          // @ts-expect-error unknown source
          { id: 't', label: { fr: 'T' }, responsible: ['mg'], due: { within: hours(2), source: 'has' } },
        ],
      },
    ]);
    base.steps([
      // @ts-expect-error unknown segment
      { id: 'a', label: { fr: 'A' }, segment: 'suivi', kind: 'final' },
    ]);
    base.steps([
      {
        id: 'a',
        label: { fr: 'A' },
        segment: 'sortie',
        kind: 'final',
        // @ts-expect-error a duration is ISO 8601
        tasks: [{ id: 't', label: { fr: 'T' }, responsible: ['mg'], due: { within: '7 jours' } }],
      },
    ]);
    // @ts-expect-error unknown lint rule
    base.lint({ off: ['role-sans-tache'] });
  });

  test('duration helpers keep the literal', () => {
    expectTypeOf(days(7)).toEqualTypeOf<'P7D'>();
    expectTypeOf(hours(48)).toEqualTypeOf<'PT48H'>();
  });
});
