import { defineProtocol } from '@cpts/core';

/** A direct-access cooperation protocol: the physiotherapist sees an ankle sprain without a prior GP visit. */
export const kine = defineProtocol({
  id: 'kine-test',
  version: '1.0.0',
  title: { fr: 'Accès direct kiné (test)' },
  fiche: { sources: [{ id: 'arrete-2020', title: 'Arrêté du 6 mars 2020', kind: 'reglementaire' }] },
  roles: [
    { id: 'mg', label: { fr: 'Médecin traitant' } },
    { id: 'mk', label: { fr: 'Masseur-kinésithérapeute' } },
    { id: 'cpts', label: { fr: 'Coordination CPTS' }, kind: 'coordination' },
  ],
  facts: {
    type: 'object',
    properties: {
      age: { type: 'integer' },
      consentement: { type: 'boolean' },
      appuiImpossible24h: { type: 'boolean' },
      plaie: { type: 'boolean' },
    },
    required: ['age'],
  },
  steps: [
    {
      id: 'prise-en-charge',
      label: { fr: 'Prise en charge' },
      segment: 'diagnostic',
      tasks: [
        {
          id: 'bilan-entorse',
          label: { fr: "Bilan de l'entorse" },
          responsible: ['mg'],
          due: { within: 'P1D', source: 'arrete-2020' },
        },
        {
          id: 'reprise-mg',
          label: { fr: 'Reprise par le médecin' },
          responsible: ['mg'],
          start: 'on-demand',
          due: { within: 'P2D' },
        },
        {
          id: 'compte-rendu',
          label: { fr: 'Compte rendu au MT' },
          responsible: ['mk'],
          start: 'on-demand',
          due: { within: 'PT48H' },
        },
      ],
      exits: [{ to: 'suivi', when: { task: 'bilan-entorse', status: 'completed' } }],
    },
    {
      id: 'suivi',
      label: { fr: 'Suivi' },
      segment: 'suivi-ville',
      tasks: [
        { id: 'enquete', label: { fr: 'Enquête de satisfaction' }, responsible: ['cpts'], required: false },
      ],
      exits: [{ to: 'fin', when: { requiredTasksDone: true } }],
    },
    { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
  ],
  delegations: [
    {
      id: 'entorse',
      label: { fr: 'Entorse de cheville en accès direct' },
      delegating: 'mg',
      delegate: 'mk',
      tasks: ['bilan-entorse'],
      qualification: { id: 'formation-entorse', minHours: 10, validFor: 'P3Y', source: 'arrete-2020' },
      consent: { fact: 'consentement' },
      inclusion: {
        all: [
          { fact: 'age', op: 'gte', value: 18 },
          { fact: 'age', op: 'lte', value: 55 },
        ],
      },
      exclusions: [
        {
          id: 'appui',
          label: { fr: 'Appui impossible 24 h après le traumatisme' },
          when: { fact: 'appuiImpossible24h', op: 'eq', value: true },
        },
        { id: 'plaie', label: { fr: 'Plaie' }, when: { fact: 'plaie', op: 'eq', value: true } },
      ],
      handBack: { task: 'reprise-mg' },
      obligations: [{ task: 'compte-rendu' }],
    },
  ],
});

export const trained = {
  id: 'mk-bernard',
  name: 'M. Bernard',
  roles: ['mk'] as const,
  qualifications: [{ id: 'formation-entorse', hours: 10, obtainedOn: '2025-06-01' }],
};
export const untrained = { id: 'mk-petit', roles: ['mk'] as const };
export const fewHours = {
  id: 'mk-court',
  roles: ['mk'] as const,
  qualifications: [{ id: 'formation-entorse', hours: 6, obtainedOn: '2025-06-01' }],
};
export const expired = {
  id: 'mk-ancien',
  roles: ['mk'] as const,
  qualifications: [{ id: 'formation-entorse', hours: 10, obtainedOn: '2020-01-01' }],
};
export const drMartin = { id: 'dr-martin', roles: ['mg'] as const };
