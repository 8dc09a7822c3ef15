import type { Fiche } from '@cpts/core';
import type { LintRule } from '../types.js';

/** Fields of the HAS template (*fiche protocole pluriprofessionnel*) and their French names. */
export const FICHE_FIELDS: readonly (readonly [keyof Fiche, string])[] = [
  ['dateCreation', 'date de création'],
  ['structurePorteuse', 'structure porteuse'],
  ['referent', 'référent (personne-ressource)'],
  ['professionsImpliquees', 'professions, services et structures impliqués'],
  ['objectifGeneral', 'objectif général'],
  ['objectifsSecondaires', 'objectifs secondaires'],
  ['populationCible', 'population cible'],
  ['criteresInclusion', "critères d'inclusion"],
  ['criteresExclusion', "critères d'exclusion"],
  ['evaluation', "critères d'évaluation"],
  ['documentsAssocies', 'documents associés'],
  ['lieuConsultation', 'lieu de consultation du protocole'],
  ['professionnelsAdherents', 'professionnels adhérant au protocole'],
  ['groupeDeTravail', 'groupe de travail'],
  ['professionnelsInformes', 'professionnels ou structures informés'],
  ['modeValidation', 'mode de validation'],
  ['dateActualisation', "date prévue d'actualisation"],
];

function empty(v: unknown): boolean {
  return (
    v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
  );
}

/** Fields the HAS template expects that the fiche leaves out (one finding per field). */
export const ficheIncomplete: LintRule = {
  id: 'fiche-incomplete',
  severity: 'warning',
  description: 'The fiche leaves out fields the HAS template expects.',
  check: (p) =>
    FICHE_FIELDS.filter(([key]) => empty(p.fiche[key])).map(([key, name]) => ({
      path: ['fiche', key],
      message: `the fiche has no « ${name} » (${key}), a field of the HAS template`,
      hint: `fill fiche.${key}`,
    })),
};
