import { defineProtocol } from '@cpts/core';
import { actor } from '../src/index.js';

/**
 * A discharge protocol for the tests of @cpts/testing (numbers from PRADO IC, cited; the DAC
 * deadline is a team choice, marked as such).
 */
export const sortieIc = defineProtocol({
  id: 'sortie-ic-test',
  version: '1.0.0',
  title: { fr: 'Sortie d’hospitalisation pour insuffisance cardiaque (test)' },
  fiche: {
    sources: [
      {
        id: 'prado-ic',
        title: 'PRADO – Insuffisance cardiaque (fiche Assurance Maladie)',
        kind: 'programme',
      },
      { id: 'equipe', title: 'Consensus de l’équipe de test', kind: 'consensus-equipe' },
    ],
  },
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
  events: [{ id: 'sortie', label: { fr: 'Sortie' } }],
  complexity: {
    default: 'faible',
    source: 'equipe',
    note: 'Grille de l’équipe : aucune grille officielle',
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
      label: { fr: 'Suivi en ville' },
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
              label: { fr: 'Consultation du médecin traitant' },
              responsible: ['mg'],
              due: { within: 'P7D', from: { event: 'sortie' }, source: 'prado-ic' },
              onMiss: { escalateTo: 'dac' },
            },
          ],
        },
        {
          id: 'suivi-cardio',
          label: { fr: 'Suivi cardiologique' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'consultation-cardio',
              label: { fr: 'Consultation du cardiologue' },
              responsible: ['cardio'],
              due: { within: 'P2M', from: { event: 'sortie' }, source: 'prado-ic' },
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
      tasks: [
        {
          id: 'pps',
          label: { fr: 'Plan personnalisé de santé' },
          responsible: ['dac'],
          due: { within: 'P1M', source: 'equipe', note: 'choix de l’équipe' },
        },
      ],
      exits: [{ to: 'fin', when: { task: 'pps', status: 'completed' } }],
    },
    { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
  ],
  indicators: [
    {
      id: 'mg-7j',
      label: { fr: 'Vus par le médecin traitant sous 7 jours' },
      kind: 'moyens',
      source: 'prado-ic',
      denominator: { event: 'sortie' },
      numerator: { taskCompleted: 'consultation-mg', within: 'P7D', from: { event: 'sortie' } },
    },
  ],
});

export const drMartin = actor('dr-martin', ['mg'], { name: 'Dr Martin' });
export const ideDurand = actor('ide-durand', ['ide']);
export const drCoeur = actor('dr-coeur', ['cardio']);
export const chu = actor('chu', ['hopital']);
export const dac = actor('dac-1', ['dac']);
