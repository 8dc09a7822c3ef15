import { defineProtocol } from '@cpts/core';
import { actor } from '../src/index.js';

const equipe = {
  id: 'equipe',
  title: 'Choix de l’équipe de test (aucune source clinique : délais de démonstration)',
  kind: 'consensus-equipe',
} as const;

/**
 * Guarded exits at the top level (a score routes to a standard or a reinforced follow-up), a
 * compound step whose nested steps loop (education ⇄ reevaluation), a parallel step with two
 * branches, and a final step. Deadlines are team choices for the tests, cited as such.
 */
export const parcours = defineProtocol({
  id: 'parcours-test',
  version: '1.0.0',
  title: { fr: 'Parcours de test (couverture)' },
  fiche: { sources: [equipe] },
  roles: [
    { id: 'mg', label: { fr: 'Médecin traitant' } },
    { id: 'ide', label: { fr: 'Infirmier' } },
  ],
  facts: { type: 'object', properties: { score: { type: 'integer', minimum: 0, maximum: 5 } } },
  steps: [
    {
      id: 'orientation',
      label: { fr: 'Orientation' },
      segment: 'diagnostic',
      tasks: [
        {
          id: 'evaluation',
          label: { fr: 'Évaluation' },
          responsible: ['mg'],
          due: { within: 'P7D', source: 'equipe', note: 'délai de test, choix de l’équipe' },
        },
      ],
      exits: [
        {
          to: 'renforce',
          when: {
            all: [
              { task: 'evaluation', status: 'completed' },
              { fact: 'score', op: 'gte', value: 3 },
            ],
          },
        },
        { to: 'standard', when: { task: 'evaluation', status: 'completed' } },
      ],
    },
    {
      id: 'standard',
      label: { fr: 'Prise en charge standard' },
      segment: 'suivi-ville',
      steps: [
        {
          id: 'education',
          label: { fr: 'Éducation' },
          segment: 'suivi-ville',
          tasks: [{ id: 'seance', label: { fr: 'Séance' }, responsible: ['ide'] }],
          exits: [{ to: 'reevaluation', when: { task: 'seance', status: 'completed' } }],
        },
        {
          id: 'reevaluation',
          label: { fr: 'Réévaluation' },
          segment: 'suivi-ville',
          tasks: [{ id: 'bilan', label: { fr: 'Bilan' }, responsible: ['mg'] }],
          exits: [{ to: 'education', when: { fact: 'score', op: 'eq', value: 2 } }],
        },
      ],
      exits: [{ to: 'fin', when: { task: 'bilan', status: 'completed' } }],
    },
    {
      id: 'renforce',
      label: { fr: 'Prise en charge renforcée' },
      segment: 'suivi-ville',
      kind: 'parallel',
      steps: [
        {
          id: 'suivi-mg',
          label: { fr: 'Suivi MG' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'consultation',
              label: { fr: 'Consultation' },
              responsible: ['mg'],
              due: { within: 'P14D', source: 'equipe', note: 'délai de test, choix de l’équipe' },
            },
          ],
        },
        {
          id: 'suivi-ide',
          label: { fr: 'Suivi IDE' },
          segment: 'suivi-ville',
          tasks: [{ id: 'visite', label: { fr: 'Visite' }, responsible: ['ide'] }],
        },
      ],
      exits: [{ to: 'fin', when: { requiredTasksDone: true } }],
    },
    { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
  ],
});

/** Two guarded ways from `a` to `c`: directly, or through `b` (all in one transition chain at start). */
export const chaine = defineProtocol({
  id: 'chaine-test',
  version: '1.0.0',
  title: { fr: 'Chaîne de sorties (test)' },
  fiche: {},
  roles: [{ id: 'mg', label: { fr: 'Médecin traitant' } }],
  facts: { type: 'object', properties: { direct: { type: 'boolean' } } },
  steps: [
    {
      id: 'a',
      label: { fr: 'A' },
      segment: 'diagnostic',
      exits: [
        { to: 'c', when: { fact: 'direct', op: 'eq', value: true } },
        { to: 'b', when: { fact: 'direct', op: 'eq', value: false } },
      ],
    },
    {
      id: 'b',
      label: { fr: 'B' },
      segment: 'diagnostic',
      exits: [{ to: 'c', when: { fact: 'direct', op: 'eq', value: false } }],
    },
    { id: 'c', label: { fr: 'C' }, segment: 'diagnostic', kind: 'final' },
  ],
});

export const mg = actor('dr-martin', ['mg']);
export const ide = actor('ide-durand', ['ide']);

/** A reminder loop: `relance` only leads back to `attente`, so the path through it never ends. */
export const relance = defineProtocol({
  id: 'relance-test',
  version: '1.0.0',
  title: { fr: 'Relances (test)' },
  fiche: {},
  roles: [{ id: 'mg', label: { fr: 'Médecin traitant' } }],
  facts: { type: 'object', properties: { repondu: { type: 'boolean' } } },
  events: [{ id: 'appel', label: { fr: 'Appel sans réponse' } }],
  steps: [
    {
      id: 'attente',
      label: { fr: 'Attente' },
      segment: 'suivi-ville',
      exits: [
        { to: 'relance', on: 'appel' },
        { to: 'fin', when: { fact: 'repondu', op: 'eq', value: true } },
      ],
    },
    {
      id: 'relance',
      label: { fr: 'Relance' },
      segment: 'suivi-ville',
      exits: [{ to: 'attente', on: 'appel' }],
    },
    { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
  ],
});

/** A compound step left for a pause and entered again: each stay is a new run through its nested steps. */
export const reprise = defineProtocol({
  id: 'reprise-test',
  version: '1.0.0',
  title: { fr: 'Suivi interrompu puis repris (test)' },
  fiche: {},
  roles: [{ id: 'mg', label: { fr: 'Médecin traitant' } }],
  facts: { type: 'object', properties: { stable: { type: 'boolean' } } },
  events: [
    { id: 'hospitalisation', label: { fr: 'Hospitalisation' } },
    { id: 'retour', label: { fr: 'Retour à domicile' } },
    { id: 'bilan', label: { fr: 'Bilan fait' } },
  ],
  steps: [
    {
      id: 'suivi',
      label: { fr: 'Suivi' },
      segment: 'suivi-ville',
      steps: [
        {
          id: 'visite',
          label: { fr: 'Visite' },
          segment: 'suivi-ville',
          exits: [{ to: 'controle', on: 'bilan' }],
        },
        { id: 'controle', label: { fr: 'Contrôle' }, segment: 'suivi-ville' },
      ],
      exits: [
        { to: 'pause', on: 'hospitalisation' },
        { to: 'fin', when: { fact: 'stable', op: 'eq', value: true } },
      ],
    },
    {
      id: 'pause',
      label: { fr: 'Pause' },
      segment: 'hospitalisation',
      exits: [{ to: 'suivi', on: 'retour' }],
    },
    { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
  ],
});
