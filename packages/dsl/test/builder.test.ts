import { CptsError, ProtocolValidationError, parseProtocol, protocolHash } from '@cpts/core';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  days,
  every,
  hours,
  months,
  perYear,
  protocol,
  weeks,
  years,
  zodToObjectSchema,
} from '../src/index.js';
import { icSortie, icSortieBuilder } from './fixtures/ic-sortie.js';

const head = {
  id: 'x',
  version: '1.0.0',
  title: { fr: 'X' },
  fiche: { sources: [{ id: 'equipe', title: "Consensus d'équipe", kind: 'consensus-equipe' }] },
} as const;

describe('duration helpers', () => {
  test('say durations as the domain does and store ISO 8601', () => {
    expect([days(7), hours(48), weeks(2), months(2), years(1), days(0)]).toEqual([
      'P7D',
      'PT48H',
      'P2W',
      'P2M',
      'P1Y',
      'P0D',
    ]);
    expect(every(months(3))).toEqual({ every: 'P3M' });
    expect(every(weeks(1), { count: 8, source: 'x', note: 'n' })).toEqual({
      every: 'P1W',
      count: 8,
      source: 'x',
      note: 'n',
    });
    expect(perYear(2)).toEqual({ perYear: 2 });
  });

  test.each([
    ['days(-1)', () => days(-1), 'whole number of days'],
    ['hours(1.5)', () => hours(1.5), 'whole number of hours'],
    ['perYear(0)', () => perYear(0), 'between 1 and 365'],
    ['perYear(400)', () => perYear(400), 'between 1 and 365'],
    ['every("7 jours")', () => every('P7 jours' as 'P7D'), 'not an ISO 8601 duration'],
    ['every count 0', () => every(days(1), { count: 0 }), 'occurrences'],
  ])('%s is refused with INVALID_PROTOCOL', (_, f, message) => {
    expect(f).toThrow(CptsError);
    expect(f).toThrow(message);
    try {
      f();
    } catch (e) {
      expect((e as CptsError).code).toBe('INVALID_PROTOCOL');
    }
  });
});

describe('protocol builder', () => {
  test('the built example passes parseProtocol unchanged and is frozen', () => {
    expect(parseProtocol(JSON.parse(JSON.stringify(icSortie)))).toEqual(icSortie);
    expect(protocolHash(parseProtocol(icSortieBuilder.input()))).toBe(protocolHash(icSortie));
    expect(Object.isFrozen(icSortie)).toBe(true);
    expect(Object.isFrozen(icSortie.steps[0]!.tasks[0])).toBe(true);
  });

  test('facts become the JSON Schema of the definition, with required from non-optional fields', () => {
    expect(icSortie.facts).toEqual({
      type: 'object',
      properties: {
        age: { type: 'integer', minimum: 0, maximum: 130 },
        nyha: { type: 'string', enum: ['I', 'II', 'III', 'IV'] },
        eligiblePrado: { type: 'boolean' },
        vitSeul: { type: 'boolean' },
        enceinte: { type: 'boolean' },
        consentementTitration: { type: 'boolean' },
      },
      required: ['age', 'nyha', 'eligiblePrado'],
    });
    expect(JSON.stringify(icSortie)).not.toContain('$schema');
  });

  test('zod data schemas of events and tasks are converted too', () => {
    expect(icSortie.events[1]!.data).toEqual({
      type: 'object',
      properties: {
        signe: { type: 'string', enum: ['essoufflement', 'prise-de-poids', 'oedemes', 'fatigue'] },
      },
      required: ['signe'],
    });
    const p = protocol(head)
      .roles({ mg: { fr: 'MG' } })
      .steps([
        {
          id: 's',
          label: { fr: 'S' },
          segment: 'suivi-ville',
          kind: 'final',
          tasks: [
            {
              id: 't',
              label: { fr: 'T' },
              responsible: ['mg'],
              required: false,
              data: z.object({ poids: z.number().positive() }),
            },
          ],
        },
      ])
      .build();
    expect(p.steps[0]!.tasks[0]!.data).toEqual({
      type: 'object',
      properties: { poids: { type: 'number', exclusiveMinimum: 0 } },
      required: ['poids'],
    });
  });

  test('a zod schema without a JSON Schema form is refused with a message saying what to use', () => {
    const f = () => protocol(head).facts({ dateSortie: z.date() });
    expect(f).toThrow(CptsError);
    expect(f).toThrow(/facts: this zod schema has no JSON Schema form.*z.iso.date()/);
  });

  test('roles and events accept a label or a full declaration', () => {
    expect(icSortie.roles.slice(0, 3)).toEqual([
      { id: 'equipe-hospitaliere', label: { fr: 'Équipe hospitalière' }, kind: 'structure' },
      { id: 'cam', label: { fr: "Conseiller de l'Assurance Maladie" }, kind: 'coordination' },
      { id: 'mg', label: { fr: 'Médecin traitant', en: 'General practitioner' }, kind: 'professionnel' },
    ]);
  });

  test('build() reports semantic problems with parseProtocol (exit to a step that is not a sibling)', () => {
    const b = protocol(head)
      .roles({ mg: { fr: 'MG' } })
      .steps([
        {
          id: 'a',
          label: { fr: 'A' },
          segment: 'suivi-ville',
          steps: [{ id: 'a1', label: { fr: 'A1' }, segment: 'suivi-ville', exits: [{ to: 'b' }] }],
        },
        { id: 'b', label: { fr: 'B' }, segment: 'suivi-ville', kind: 'final' },
      ]);
    expect(() => b.build()).toThrow(ProtocolValidationError);
    expect(() => b.build()).toThrow(
      'steps[0].steps[0].exits[0].to: exit to "b": an exit leads to a sibling step',
    );
  });

  test('the chain is immutable: a stage can be reused', () => {
    const roles = protocol(head).roles({ mg: { fr: 'MG' } });
    const one = roles.steps([{ id: 'a', label: { fr: 'A' }, segment: 'suivi-ville', kind: 'final' }]).build();
    const two = roles
      .segments({ education: { fr: 'Éducation' } })
      .steps([{ id: 'b', label: { fr: 'B' }, segment: 'education', kind: 'final' }], { initial: 'b' })
      .lint({ off: ['role-without-task'] })
      .build();
    expect(one.steps.map((s) => s.id)).toEqual(['a']);
    expect(two.steps.map((s) => s.id)).toEqual(['b']);
    expect(two.segments).toEqual([{ id: 'education', label: { fr: 'Éducation' } }]);
    expect(two.initial).toBe('b');
    expect(two.lint).toEqual({ off: ['role-without-task'] });
  });

  test('zodToObjectSchema refuses a schema that is not an object', () => {
    expect(() => zodToObjectSchema(z.string(), 'data of task "t"')).toThrow(
      'data of task "t": expected an object schema',
    );
  });
});
