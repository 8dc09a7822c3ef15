/**
 * The roles (professions, structures, coordination functions, the patient) the reference protocols
 * share, so that a role has the same id and label in every protocol of a territory.
 * @internal
 */
import type { Role } from '@cpts/core';

export const ROLES = {
  patient: { id: 'patient', label: { fr: 'Patient', en: 'Patient' }, kind: 'patient' },
  aidant: { id: 'aidant', label: { fr: 'Aidant', en: 'Carer' }, kind: 'aidant' },
  medecinTraitant: {
    id: 'medecin-traitant',
    label: { fr: 'Médecin traitant', en: 'General practitioner (declared GP)' },
    kind: 'professionnel',
  },
  infirmier: {
    id: 'infirmier',
    label: { fr: 'Infirmier(ère) (IDE / IDEL)', en: 'Nurse' },
    kind: 'professionnel',
  },
  pharmacien: {
    id: 'pharmacien',
    label: { fr: "Pharmacien d'officine", en: 'Pharmacist' },
    kind: 'professionnel',
  },
  kinesitherapeute: {
    id: 'masseur-kinesitherapeute',
    label: { fr: 'Masseur-kinésithérapeute', en: 'Physiotherapist' },
    kind: 'professionnel',
  },
  cardiologue: { id: 'cardiologue', label: { fr: 'Cardiologue', en: 'Cardiologist' }, kind: 'professionnel' },
  pneumologue: {
    id: 'pneumologue',
    label: { fr: 'Pneumologue', en: 'Pulmonologist' },
    kind: 'professionnel',
  },
  podologue: {
    id: 'podologue',
    label: { fr: 'Pédicure-podologue', en: 'Podiatrist' },
    kind: 'professionnel',
  },
  ophtalmologiste: {
    id: 'ophtalmologiste',
    label: { fr: 'Ophtalmologiste', en: 'Ophthalmologist' },
    kind: 'professionnel',
  },
  psychologue: { id: 'psychologue', label: { fr: 'Psychologue', en: 'Psychologist' }, kind: 'professionnel' },
  dieteticien: {
    id: 'dieteticien',
    label: { fr: 'Diététicien(ne)', en: 'Dietitian' },
    kind: 'professionnel',
  },
  enseignantApa: {
    id: 'enseignant-apa',
    label: { fr: 'Enseignant en activité physique adaptée', en: 'Adapted physical activity instructor' },
    kind: 'professionnel',
  },
  equipeHospitaliere: {
    id: 'equipe-hospitaliere',
    label: { fr: 'Équipe hospitalière (médecin et équipe de soins du service)', en: 'Hospital ward team' },
    kind: 'structure',
  },
  celluleSortie: {
    id: 'cellule-sortie',
    label: { fr: "Cellule de sortie de l'établissement", en: 'Hospital discharge unit' },
    kind: 'structure',
  },
  structureRehabilitation: {
    id: 'structure-rehabilitation',
    label: { fr: 'Structure de réhabilitation respiratoire', en: 'Pulmonary rehabilitation service' },
    kind: 'structure',
  },
  conseillerAm: {
    id: 'conseiller-am',
    label: {
      fr: "Conseiller de l'Assurance Maladie (CAM, PRADO)",
      en: 'Health insurance discharge adviser (PRADO)',
    },
    kind: 'coordination',
  },
  coordinateurCpts: {
    id: 'coordinateur-cpts',
    label: { fr: 'Coordinateur de la CPTS', en: 'CPTS coordinator' },
    kind: 'coordination',
  },
  coordinateurDac: {
    id: 'coordinateur-dac',
    label: { fr: 'Coordinateur / gestionnaire de cas du DAC', en: 'DAC case manager' },
    kind: 'coordination',
  },
} as const satisfies Record<string, Role>;
