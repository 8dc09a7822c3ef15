/**
 * The documentary sources the reference protocols rest on, each as a `fiche.sources` entry.
 *
 * Every entry transcribes `/work/shared/domain/protocols.md` (the project's domain reference):
 * nothing here adds a clinical fact. A source that is secondary or not verified in its primary text
 * carries a `caveat`; every number a protocol takes from it also carries a `note`.
 * URLs are left out on purpose: the domain reference does not give them, and none is guessed.
 * @internal
 */
import type { Source } from '@cpts/core';

/** Local team choices: every number no source gives cites this entry, with a `note` saying why. */
export const CONSENSUS_EQUIPE = {
  id: 'consensus-equipe',
  title:
    "Consensus d'équipe : choix du groupe de travail, sans source documentaire (délais d'organisation, règles de gradation, lecture des indicateurs)",
  kind: 'consensus-equipe',
  publisher: 'Groupe de travail du protocole (CPTS, à adapter)',
  caveat:
    'Choix local : chaque nombre concerné porte une note ; à revoir et valider par la CPTS qui adopte le protocole.',
} as const satisfies Source;

/** HAS method fiche for writing a protocole pluriprofessionnel (May 2015). */
export const HAS_PROTOCOLES_PLURIPRO = {
  id: 'has-protocoles-pluripro-2015',
  title:
    'Fiche « Protocoles pluriprofessionnels » (préparer, élaborer : qui fait quoi, quand, comment, pourquoi)',
  kind: 'recommandation',
  publisher: 'Haute Autorité de santé',
  year: 2015,
} as const satisfies Source;

/** Décret 2016-995, art. R1112-1-2 CSP: the lettre de liaison at discharge. */
export const DECRET_LETTRE_LIAISON = {
  id: 'decret-lettre-liaison',
  title:
    'Décret n° 2016-995 — lettre de liaison (art. R1112-1-2 CSP, en vigueur le 1er janvier 2017) : remise au patient à la sortie, envoi le jour même au médecin traitant et au médecin adresseur, traitements arrêtés ou modifiés avec leur motif',
  kind: 'reglementaire',
  publisher: 'Journal officiel',
  year: 2016,
} as const satisfies Source;

/** DAC: articles L6327-1 and L6327-2 CSP, law of 24 July 2019, décret 2021-295. */
export const DAC_CSP = {
  id: 'dac-csp',
  title:
    "Dispositifs d'appui à la coordination (art. L6327-1 et L6327-2 CSP ; loi du 24 juillet 2019 ; décret n° 2021-295) : appui aux professionnels en lien avec le médecin traitant, rôle subsidiaire ; définition du parcours complexe (ancienne rédaction du CSP)",
  kind: 'reglementaire',
  publisher: 'Journal officiel',
  year: 2021,
} as const satisfies Source;

/** The faible / moyenne / forte gradation of the workshop deck (seed 003). */
export const GRADATION_ATELIER = {
  id: 'gradation-atelier',
  title:
    'Gradation de la complexité faible / moyenne / forte (information et conseil ; orientation ; gestion de cas par le DAC) — atelier parcours (seed 003)',
  kind: 'secondaire',
  publisher: 'Support d’atelier (seed 003)',
  caveat: 'Aucune grille officielle de cotation trouvée : les règles de gradation sont un choix d’équipe.',
} as const satisfies Source;

/** HAS, PPS (PAERPA), March 2014. */
export const PPS_HAS_2014 = {
  id: 'pps-has-2014',
  title:
    'Plan personnalisé de santé (PPS) — PAERPA, 10 points clés ; réévaluation au moins annuelle et après tout événement significatif ; fiche de revue à 6 mois',
  kind: 'recommandation',
  publisher: 'Haute Autorité de santé',
  year: 2014,
} as const satisfies Source;

/** Lab'parcours (seed 002): SIC twice a year per complex patient. */
export const LAB_PARCOURS = {
  id: 'lab-parcours',
  title:
    "Lab'parcours : synthèses interprofessionnelles concertées deux fois par an et par patient complexe (IC ou diabète de type 2), en visioconférence ; plan personnalisé ; psychologue, activité physique adaptée, diététicien",
  kind: 'programme',
  publisher: 'Expérimentation présentée en atelier (seed 002)',
  caveat: 'Retour d’expérience d’une expérimentation, non publié comme recommandation.',
} as const satisfies Source;

/** The hospital-readmission fiche of the HAS (2013). */
export const HAS_REHOSPITALISATIONS = {
  id: 'has-rehospitalisations-2013',
  title:
    'Réhospitalisations évitables (fiche points clés) : réhospitalisation non programmée liée au séjour précédent dans les 30 jours ; repérage des patients à risque dès l’admission ; documents de sortie disponibles le jour même',
  kind: 'recommandation',
  publisher: 'Haute Autorité de santé',
  year: 2013,
} as const satisfies Source;

/** The opening of the cooperation protocols for unscheduled care (ARS Normandie; CPTS pages). */
export const SOINS_NON_PROGRAMMES = {
  id: 'cooperation-soins-non-programmes',
  title:
    'Six protocoles nationaux de coopération pour les soins non programmés (dont entorse de cheville, MK, 18–55 ans ; lombalgie aiguë de moins de 4 semaines, MK, 20–55 ans) : délégant médecin (médecin traitant), délégué formé 10 h, équipe déclarée à l’ARS ; ouverts aux CPTS par l’arrêté du 11 juillet 2022, versions mises à jour par les arrêtés de 2023',
  kind: 'reglementaire',
  publisher: 'ARS Normandie ; pages de CPTS',
  year: 2023,
  caveat: 'Relevé sur des pages ARS et CPTS, pas dans les arrêtés eux-mêmes.',
} as const satisfies Source;

/** Seed 002: assessment to the médecin traitant and satisfaction survey after delegated acts. */
export const ATELIER_COOPERATION = {
  id: 'atelier-cooperation',
  title:
    'Après chaque acte délégué : compte rendu adressé au médecin traitant ; enquête de satisfaction menée par la CPTS (seed 002)',
  kind: 'secondaire',
  publisher: 'Support d’atelier (seed 002)',
  caveat: 'Pratique rapportée en atelier ; aucun délai de transmission n’y est fixé.',
} as const satisfies Source;
