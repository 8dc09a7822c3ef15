/**
 * The gradation of complexity (faible / moyenne / forte) shared by the protocols that route to the
 * DAC: the facts it reads and its ordered rules.
 *
 * No official scoring grid exists (domain reference, §4): the three levels are the workshop's
 * (seed 003), "complex" follows the former CSP definition (several categories of health, social
 * or medico-social professionals), and the rules below are a team choice — they cite the
 * `consensus-equipe` source and say so in their note. They use no number.
 * @internal
 */
import type { Complexity } from '@cpts/core';

/** Boolean facts the gradation reads, as JSON Schema properties of the protocol's facts. */
export const GRADATION_FACTS = {
  interventionSociale: {
    type: 'boolean',
    description: 'La situation demande un professionnel du social (assistant de service social…).',
  },
  interventionMedicoSociale: {
    type: 'boolean',
    description:
      'La situation demande un service médico-social (aide et soins à domicile, handicap, hébergement…).',
  },
  isolementSocial: { type: 'boolean', description: 'Vit seul, sans entourage mobilisable.' },
  epuisementAidant: { type: 'boolean', description: "L'aidant principal est en difficulté ou épuisé." },
  troublesCognitifs: { type: 'boolean', description: 'Troubles cognitifs connus ou suspectés.' },
  perteAutonomieRecente: { type: 'boolean', description: "Perte d'autonomie récente ou brutale." },
} as const;

/**
 * The ordered gradation rules: the first that holds gives the level, `faible` otherwise.
 * A fresh object on each call, so that a protocol adapting it never shares it by reference.
 */
export function gradationComplexite(): Complexity {
  return {
    default: 'faible',
    rules: [
      {
        level: 'forte',
        label: {
          fr: 'Plusieurs catégories de professionnels (social ou médico-social) et entourage fragile : gestion de cas par le DAC',
        },
        when: {
          all: [
            {
              any: [
                { fact: 'interventionSociale', op: 'eq', value: true },
                { fact: 'interventionMedicoSociale', op: 'eq', value: true },
              ],
            },
            {
              any: [
                { fact: 'isolementSocial', op: 'eq', value: true },
                { fact: 'epuisementAidant', op: 'eq', value: true },
                { fact: 'troublesCognitifs', op: 'eq', value: true },
              ],
            },
          ],
        },
      },
      {
        level: 'moyenne',
        label: {
          fr: 'Un besoin social, médico-social ou une fragilité : orientation et appui complémentaire',
        },
        when: {
          any: [
            { fact: 'interventionSociale', op: 'eq', value: true },
            { fact: 'interventionMedicoSociale', op: 'eq', value: true },
            { fact: 'isolementSocial', op: 'eq', value: true },
            { fact: 'epuisementAidant', op: 'eq', value: true },
            { fact: 'troublesCognitifs', op: 'eq', value: true },
            { fact: 'perteAutonomieRecente', op: 'eq', value: true },
          ],
        },
      },
    ],
    source: 'consensus-equipe',
    note: "Niveaux faible / moyenne / forte de l'atelier (seed 003, source gradation-atelier) ; « complexe » au sens de l'ancien CSP (source dac-csp). Aucune grille officielle : les règles sont un choix d'équipe, sans seuil chiffré.",
  };
}
