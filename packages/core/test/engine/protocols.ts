import { defineProtocol } from '@cpts/core';

/** A discharge protocol small enough to reason about by hand. */
export const sortie = defineProtocol({
  id: 'sortie-test',
  version: '1.0.0',
  title: { fr: 'Sortie test' },
  fiche: { sources: [{ id: 'prado-ic', title: 'PRADO IC', kind: 'programme' }] },
  roles: [
    { id: 'mg', label: { fr: 'Médecin traitant' } },
    { id: 'ide', label: { fr: 'Infirmier' } },
    { id: 'cardio', label: { fr: 'Cardiologue' } },
    { id: 'hopital', label: { fr: 'Équipe hospitalière' }, kind: 'structure' },
    { id: 'dac', label: { fr: 'DAC' }, kind: 'coordination' },
  ],
  facts: {
    type: 'object',
    properties: {
      age: { type: 'integer', minimum: 0, maximum: 130 },
      vitSeul: { type: 'boolean' },
      nyha: { type: 'integer', minimum: 1, maximum: 4 },
    },
    required: ['age'],
  },
  events: [
    { id: 'sortie', label: { fr: 'Sortie' } },
    {
      id: 'prise-de-poids',
      label: { fr: 'Prise de poids' },
      alert: true,
      data: { type: 'object', properties: { kg: { type: 'number' } }, required: ['kg'] },
    },
  ],
  complexity: {
    default: 'faible',
    rules: [
      {
        level: 'forte',
        when: {
          all: [
            { fact: 'vitSeul', op: 'eq', value: true },
            { fact: 'age', op: 'gte', value: 75 },
          ],
        },
      },
      { level: 'moyenne', when: { fact: 'nyha', op: 'gte', value: 3 } },
    ],
  },
  steps: [
    {
      id: 'hospitalisation',
      label: { fr: 'Hospitalisation' },
      segment: 'hospitalisation',
      tasks: [{ id: 'lettre-liaison', label: { fr: 'Lettre de liaison' }, responsible: ['hopital'] }],
      exits: [
        { to: 'suivi', on: 'sortie', when: { task: 'lettre-liaison', status: ['completed', 'waived'] } },
      ],
    },
    {
      id: 'suivi',
      label: { fr: 'Suivi' },
      segment: 'suivi-ville',
      kind: 'parallel',
      steps: [
        {
          id: 'suivi-mg',
          label: { fr: 'Suivi MG' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'consultation-mg',
              label: { fr: 'Consultation MG' },
              responsible: ['mg'],
              due: { within: 'P7D', from: { event: 'sortie' }, source: 'prado-ic' },
              onMiss: { escalateTo: 'dac' },
              data: { type: 'object', properties: { poids: { type: 'number', minimum: 20 } } },
            },
          ],
        },
        {
          id: 'suivi-ide',
          label: { fr: 'Suivi IDE' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'visite-ide',
              label: { fr: 'Visite IDE' },
              responsible: ['ide'],
              due: { within: 'P7D' },
              repeat: { every: 'P7D', count: 3 },
              remindBefore: 'P2D',
            },
          ],
        },
      ],
      exits: [
        { to: 'coordination', when: { complexity: 'forte' } },
        { to: 'fin', when: { requiredTasksDone: true } },
      ],
    },
    {
      id: 'coordination',
      label: { fr: 'Coordination DAC' },
      segment: 'suivi-ville',
      tasks: [{ id: 'pps', label: { fr: 'PPS' }, responsible: ['dac'], due: { within: 'P1M' } }],
      exits: [{ to: 'fin', when: { task: 'pps', status: 'completed' } }],
    },
    { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
  ],
  indicators: [
    {
      id: 'mg-7j',
      label: { fr: 'Vus par le MG sous 7 jours' },
      kind: 'moyens',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'consultation-mg', within: 'P7D', from: { event: 'sortie' } },
        ],
      },
    },
    {
      id: 'lettre-jour-meme',
      label: { fr: 'Lettre de liaison remise au plus tard le jour de la sortie' },
      kind: 'moyens',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'lettre-liaison', within: 'P0D', from: { event: 'sortie' } },
        ],
      },
    },
  ],
});

export const drMartin = { id: 'dr-martin', name: 'Dr Martin', roles: ['mg'] as const };
export const ideDupont = { id: 'ide-dupont', roles: ['ide'] as const };
export const ideLeroy = { id: 'ide-leroy', roles: ['ide'] as const };
export const hopital = { id: 'chu', roles: ['hopital'] as const };
export const dac = { id: 'dac-1', roles: ['dac'] as const };
