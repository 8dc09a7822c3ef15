/**
 * Sortie d'hospitalisation de la personne âgée (75 ans et plus, des urgences ou d'un service):
 * the "Passerelle" pattern — risk screening at admission, the discharge cell's support, a
 * médecin traitant found when there is none, a volunteer nurse, information or advice from the
 * DAC by level of complexity, information shared between professionals, and a case review of
 * every readmission within 30 days.
 * @module
 */
import { defineProtocol } from '@cpts/core';
import { ficheCommune } from '../shared/fiche.js';
import { GRADATION_FACTS, gradationComplexite } from '../shared/gradation.js';
import { ROLES } from '../shared/roles.js';
import { DATE, OUI_NON, TEXTE } from '../shared/schemas.js';
import {
  CONSENSUS_EQUIPE,
  DAC_CSP,
  DECRET_LETTRE_LIAISON,
  GRADATION_ATELIER,
  HAS_PROTOCOLES_PLURIPRO,
  HAS_REHOSPITALISATIONS,
  PPS_HAS_2014,
} from '../shared/sources.js';

/**
 * The reference protocol *Sortie d'hospitalisation de la personne âgée — « Passerelle »*
 * (id `sortie-personne-agee`), as plain data with its literal ids.
 *
 * @example
 * import { parseProtocol } from '@cpts/core';
 * import { sortiePersonneAgee } from '@cpts/protocols';
 * const protocol = parseProtocol(sortiePersonneAgee);
 */
export const sortiePersonneAgee = defineProtocol({
  id: 'sortie-personne-agee',
  version: '1.0.0',
  title: {
    fr: "Sortie d'hospitalisation de la personne âgée — « Passerelle »",
    en: 'Hospital discharge of older people — the "Passerelle" pattern',
  },
  fiche: {
    ...ficheCommune(),
    professionsImpliquees: [
      'Équipe hospitalière (urgences, services)',
      "Cellule de sortie de l'établissement",
      'Médecin traitant',
      'Infirmier(ère) libéral(e) volontaire',
      "Dispositif d'appui à la coordination (DAC)",
      "Conseiller de l'Assurance Maladie (PRADO)",
      'Coordinateur de la CPTS',
      'Patient et aidant',
    ],
    objectifGeneral:
      'Éviter la rupture au retour à domicile des personnes de 75 ans et plus sortant des urgences ou d’un service, et leur réhospitalisation évitable.',
    objectifsSecondaires: [
      'Repérer dès l’admission les patients à risque de réhospitalisation',
      'Trouver un médecin traitant au patient qui n’en a pas, et un(e) infirmier(ère) parmi les volontaires',
      'Transmettre la lettre de liaison le jour de la sortie et partager l’information entre professionnels',
      'Demander information ou avis au DAC selon la complexité ; gestion de cas pour les situations complexes',
      'Analyser en revue de cas chaque réhospitalisation dans les 30 jours',
    ],
    populationCible:
      'Personnes de 75 ans et plus hospitalisées (passage aux urgences ou séjour en service) et retournant à domicile.',
    criteresInclusion: [
      '75 ans ou plus (PRADO personnes âgées ; « Passerelle » : plus de 75 ans admis aux urgences)',
      'Admission aux urgences ou dans un service, retour à domicile prévu',
    ],
    criteresExclusion: [
      'Moins de 75 ans (sortie immédiate du protocole)',
      'Pas de retour à domicile',
      'Refus du patient',
    ],
    evaluation: [
      'Lettres de liaison transmises le jour de la sortie',
      'Patients vus par leur médecin traitant dans la première semaine (référence ameli : un tiers)',
      'Patients disposant d’un médecin traitant déclaré',
      'Réhospitalisations dans les 30 jours (référence ameli : 16 % à 1 mois après 75 ans)',
    ],
    documentsAssocies: [
      'Lettre de liaison de sortie (art. R1112-1-2 CSP)',
      'Grille de repérage du risque de réhospitalisation (TRST)',
      'Liste des infirmiers volontaires de la CPTS',
      'Formulaire de demande d’information ou d’avis au DAC',
    ],
    groupeDeTravail: [
      'Urgences et cellule de sortie de l’établissement, médecins généralistes, infirmiers, DAC, coordinateur de la CPTS (composition à compléter)',
    ],
    sources: [
      {
        id: 'passerelle',
        title:
          'La Passerelle : patients de plus de 75 ans admis aux urgences — recherche d’un médecin traitant s’il n’y en a pas ; un(e) infirmier(ère) parmi des volontaires ; demande d’information et/ou d’avis au DAC ; partage d’information entre professionnels ; appui de la cellule de sortie de l’hôpital ; application des préconisations ; revues de cas',
        kind: 'programme',
        publisher: 'Expérience de terrain présentée en atelier (seed 003)',
        caveat: 'Retour d’expérience local, sans délais chiffrés.',
      },
      {
        id: 'prado-personnes-agees',
        title:
          'PRADO pour les 75 ans et plus quel que soit le motif (2019) : séjour nécessitant un accompagnement renforcé ; après 75 ans, réhospitalisation 16 % à 1 mois, 29 % à 3 mois, 38 % à 6 mois ; un tiers seulement voit son médecin traitant la première semaine',
        kind: 'programme',
        publisher: 'Assurance Maladie (ameli)',
        year: 2019,
      },
      {
        id: 'trst',
        title:
          'Triage Risk Screening Tool (TRST) : positif si ≥ 2/5, réalisé dans les 48 h de l’admission chez les 75 ans et plus',
        kind: 'secondaire',
        publisher: 'Expérimentation pilote d’une société de gériatrie',
        caveat: '⚠ Items de la grille non consultés ; usage relevé dans un pilote, à vérifier.',
      },
      HAS_REHOSPITALISATIONS,
      DECRET_LETTRE_LIAISON,
      DAC_CSP,
      GRADATION_ATELIER,
      PPS_HAS_2014,
      HAS_PROTOCOLES_PLURIPRO,
      CONSENSUS_EQUIPE,
    ],
  },
  roles: [
    ROLES.equipeHospitaliere,
    ROLES.celluleSortie,
    ROLES.medecinTraitant,
    ROLES.infirmier,
    ROLES.conseillerAm,
    ROLES.coordinateurCpts,
    ROLES.coordinateurDac,
  ],
  facts: {
    type: 'object',
    properties: {
      age: { type: 'integer', minimum: 0, description: 'Âge en années.' },
      provenance: {
        type: 'string',
        enum: ['urgences', 'service'],
        description: 'Admission par les urgences ou séjour dans un service.',
      },
      medecinTraitant: { type: 'string', description: 'Médecin traitant déclaré (absent : à rechercher).' },
      scoreTrst: { type: 'integer', minimum: 0, maximum: 5, description: 'Score TRST (sur 5).' },
      besoinSoinsInfirmiers: {
        type: 'boolean',
        description: 'Des soins infirmiers à domicile sont nécessaires.',
      },
      ...GRADATION_FACTS,
    },
    required: ['age'],
  },
  events: [
    {
      id: 'sortie',
      label: { fr: 'Sortie (retour à domicile)', en: 'Discharge home' },
      data: { type: 'object', properties: { date: DATE } },
    },
    {
      id: 'admission',
      label: { fr: 'Nouvelle admission (urgences ou service)', en: 'New admission' },
      alert: true,
      data: {
        type: 'object',
        properties: { programmee: OUI_NON, provenance: { type: 'string', enum: ['urgences', 'service'] } },
      },
    },
    { id: 'fin-accompagnement', label: { fr: 'Fin de l’accompagnement', en: 'End of support' } },
  ],
  complexity: gradationComplexite(),
  steps: [
    {
      id: 'reperage',
      label: { fr: 'Repérage (âge)', en: 'Age check' },
      description: '75 ans et plus (PRADO personnes âgées, source prado-personnes-agees).',
      segment: 'hospitalisation',
      exits: [
        {
          to: 'accompagnement',
          when: { fact: 'age', op: 'gte', value: 75 },
          label: { fr: '75 ans ou plus' },
        },
        { to: 'non-inclus', when: { fact: 'age', op: 'lt', value: 75 }, label: { fr: 'Moins de 75 ans' } },
      ],
    },
    {
      id: 'non-inclus',
      label: { fr: 'Non inclus (moins de 75 ans)', en: 'Not included (under 75)' },
      segment: 'hospitalisation',
      kind: 'final',
    },
    {
      id: 'accompagnement',
      label: { fr: 'Accompagnement Passerelle', en: 'Passerelle support' },
      segment: 'sortie',
      kind: 'parallel',
      steps: [
        {
          id: 'parcours-hospitalier',
          label: { fr: 'Séjour, sortie et 30 jours suivants', en: 'Stay, discharge and the next 30 days' },
          segment: 'hospitalisation',
          initial: 'hospitalisation',
          steps: [
            {
              id: 'hospitalisation',
              label: { fr: 'Hospitalisation', en: 'Hospital stay' },
              segment: 'hospitalisation',
              tasks: [
                {
                  id: 'depistage-risque-rehospitalisation',
                  label: {
                    fr: 'Repérer le risque de réhospitalisation (TRST)',
                    en: 'Screen readmission risk (TRST)',
                  },
                  description: 'Repérage dès l’admission (HAS 2013) ; enregistrer le fait scoreTrst.',
                  responsible: ['equipe-hospitaliere'],
                  onMiss: {
                    escalateTo: 'cellule-sortie',
                    note: 'Choix d’équipe : la cellule de sortie fait le repérage.',
                  },
                  due: {
                    within: 'PT48H',
                    from: 'step-entry',
                    source: 'trst',
                    note: '⚠ TRST dans les 48 h de l’admission (pilote d’une société de gériatrie, items non consultés).',
                  },
                  data: {
                    type: 'object',
                    properties: { scoreTrst: { type: 'integer', minimum: 0, maximum: 5 } },
                    required: ['scoreTrst'],
                  },
                },
                {
                  id: 'appui-cellule-sortie',
                  label: {
                    fr: 'Préparer la sortie avec la cellule de sortie',
                    en: 'Plan the discharge with the discharge unit',
                  },
                  responsible: ['cellule-sortie'],
                  data: {
                    type: 'object',
                    properties: {
                      dateSortiePrevue: DATE,
                      aidesMisesEnPlace: { type: 'array', items: { type: 'string' } },
                    },
                    required: ['dateSortiePrevue'],
                  },
                },
                {
                  id: 'proposer-prado',
                  label: {
                    fr: 'Proposer le PRADO personnes âgées (accompagnement renforcé)',
                    en: 'Offer PRADO for older people',
                  },
                  description: 'Ouverte quand le TRST est positif (≥ 2/5, ⚠ source secondaire).',
                  responsible: ['cellule-sortie', 'conseiller-am'],
                  when: { fact: 'scoreTrst', op: 'gte', value: 2 },
                  data: {
                    type: 'object',
                    properties: { propose: OUI_NON, accepte: OUI_NON },
                    required: ['propose'],
                  },
                },
                {
                  id: 'recherche-infirmier-volontaire',
                  label: {
                    fr: 'Trouver un(e) infirmier(ère) parmi les volontaires',
                    en: 'Find a volunteer nurse',
                  },
                  responsible: ['coordinateur-cpts'],
                  when: { fact: 'besoinSoinsInfirmiers', op: 'eq', value: true },
                  data: { type: 'object', properties: { infirmier: TEXTE }, required: ['infirmier'] },
                },
              ],
              exits: [{ to: 'retour-domicile', on: 'sortie', label: { fr: 'Sortie' } }],
            },
            {
              id: 'retour-domicile',
              label: { fr: 'Retour à domicile (30 premiers jours)', en: 'Back home (first 30 days)' },
              description:
                'Fenêtre de 30 jours des réhospitalisations évitables (HAS 2013) : une admission pendant cette fenêtre conduit à une revue de cas.',
              segment: 'sortie',
              kind: 'parallel',
              steps: [
                {
                  id: 'liaison',
                  label: { fr: 'Liaison hôpital–ville', en: 'Hospital–community handover' },
                  segment: 'sortie',
                  tasks: [
                    {
                      id: 'lettre-liaison',
                      label: {
                        fr: 'Remettre et transmettre la lettre de liaison',
                        en: 'Hand over and send the discharge letter',
                      },
                      responsible: ['equipe-hospitaliere'],
                      due: {
                        within: 'P0D',
                        from: { event: 'sortie' },
                        source: 'decret-lettre-liaison',
                        note: '« Le jour même » : au plus tard à la fin du jour calendaire de la sortie ; HAS 2013 : documents de sortie disponibles le jour même.',
                      },
                      onMiss: {
                        open: ['relance-documents-sortie'],
                        note: 'Choix d’équipe : la CPTS relance le service.',
                      },
                      data: {
                        type: 'object',
                        properties: {
                          remiseAuPatient: OUI_NON,
                          envoyeeAuMedecinTraitant: OUI_NON,
                          traitementsModifiesAvecMotif: OUI_NON,
                          suiviAPrevoir: TEXTE,
                        },
                        required: ['remiseAuPatient', 'envoyeeAuMedecinTraitant'],
                      },
                    },
                    {
                      id: 'relance-documents-sortie',
                      label: {
                        fr: 'Relancer le service : documents de sortie manquants',
                        en: 'Chase missing discharge documents',
                      },
                      responsible: ['coordinateur-cpts'],
                      start: 'on-demand',
                      data: {
                        type: 'object',
                        properties: { relanceLe: DATE, recus: OUI_NON },
                        required: ['relanceLe'],
                      },
                    },
                    {
                      id: 'partage-informations',
                      label: {
                        fr: 'Partager l’information entre professionnels',
                        en: 'Share information between professionals',
                      },
                      description:
                        'Médecin traitant, infirmier(ère), pharmacien : préconisations de sortie et coordonnées.',
                      responsible: ['coordinateur-cpts', 'cellule-sortie'],
                      data: {
                        type: 'object',
                        properties: {
                          destinataires: { type: 'array', items: { type: 'string' }, minItems: 1 },
                        },
                        required: ['destinataires'],
                      },
                    },
                  ],
                },
                {
                  id: 'premier-recours',
                  label: { fr: 'Relais par le premier recours', en: 'Primary-care follow-up' },
                  segment: 'suivi-ville',
                  tasks: [
                    {
                      id: 'consultation-mg-post-sortie',
                      label: { fr: 'Consultation du médecin traitant', en: 'GP visit' },
                      responsible: ['medecin-traitant'],
                      due: {
                        within: 'P7D',
                        from: { event: 'sortie' },
                        source: 'consensus-equipe',
                        note: 'Délai choisi par l’équipe : aucune source ne le fixe pour les 75 ans et plus ; ameli constate qu’un tiers seulement voit son médecin la première semaine.',
                      },
                      remindBefore: 'P2D',
                      onMiss: {
                        escalateTo: 'coordinateur-cpts',
                        note: 'Choix d’équipe : la CPTS aide à organiser la visite.',
                      },
                      data: {
                        type: 'object',
                        properties: { date: DATE, visiteADomicile: OUI_NON },
                        required: ['date'],
                      },
                    },
                    {
                      id: 'passage-infirmier',
                      label: { fr: 'Premier passage de l’infirmier(ère)', en: 'First nurse visit' },
                      responsible: ['infirmier'],
                      when: { fact: 'besoinSoinsInfirmiers', op: 'eq', value: true },
                      due: {
                        within: 'P2D',
                        from: { event: 'sortie' },
                        source: 'consensus-equipe',
                        note: 'Délai choisi par l’équipe (la Passerelle n’en fixe pas).',
                      },
                      onMiss: { escalateTo: 'coordinateur-cpts', note: 'Choix d’équipe.' },
                      data: { type: 'object', properties: { date: DATE }, required: ['date'] },
                    },
                    {
                      id: 'application-preconisations',
                      label: {
                        fr: 'Appliquer les préconisations de sortie',
                        en: 'Apply the discharge recommendations',
                      },
                      responsible: ['medecin-traitant', 'infirmier'],
                      data: { type: 'object', properties: { ecarts: TEXTE } },
                    },
                  ],
                },
              ],
              exits: [
                {
                  to: 'rehospitalisation-precoce',
                  on: 'admission',
                  label: { fr: 'Admission dans les 30 jours' },
                },
                {
                  to: 'suivi-a-domicile',
                  when: { elapsed: 'P30D', since: { event: 'sortie' } },
                  label: { fr: '30 jours après la sortie' },
                },
              ],
            },
            {
              id: 'rehospitalisation-precoce',
              label: { fr: 'Réhospitalisation dans les 30 jours', en: 'Readmission within 30 days' },
              segment: 'hospitalisation',
              tasks: [
                {
                  id: 'revue-de-cas',
                  label: { fr: 'Revue de cas de la réhospitalisation', en: 'Case review of the readmission' },
                  description: 'Non programmée ? liée au séjour précédent ? évitable ? (définition HAS 2013)',
                  responsible: ['coordinateur-cpts', 'equipe-hospitaliere', 'medecin-traitant'],
                  data: {
                    type: 'object',
                    properties: {
                      nonProgrammee: OUI_NON,
                      lieeAuSejourPrecedent: OUI_NON,
                      evitable: OUI_NON,
                      enseignements: TEXTE,
                    },
                    required: ['nonProgrammee', 'lieeAuSejourPrecedent', 'evitable'],
                  },
                },
                {
                  id: 'preparer-nouvelle-sortie',
                  label: {
                    fr: 'Préparer la nouvelle sortie avec la cellule de sortie',
                    en: 'Plan the new discharge',
                  },
                  description: 'En tenant compte des enseignements de la revue de cas.',
                  responsible: ['cellule-sortie'],
                  data: {
                    type: 'object',
                    properties: { dateSortiePrevue: DATE },
                    required: ['dateSortiePrevue'],
                  },
                },
              ],
              exits: [{ to: 'retour-domicile', on: 'sortie', label: { fr: 'Nouvelle sortie' } }],
            },
            {
              id: 'suivi-a-domicile',
              label: { fr: 'À domicile, au-delà de 30 jours', en: 'At home, after 30 days' },
              segment: 'suivi-ville',
              exits: [{ to: 'hospitalisation', on: 'admission', label: { fr: 'Nouvelle admission' } }],
            },
          ],
        },
        {
          id: 'lien-medecin-traitant',
          label: { fr: 'Médecin traitant', en: 'Declared GP' },
          segment: 'suivi-ville',
          initial: 'recherche-medecin-traitant',
          steps: [
            {
              id: 'recherche-medecin-traitant',
              label: { fr: 'Recherche d’un médecin traitant', en: 'Finding a GP' },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'trouver-medecin-traitant',
                  label: { fr: 'Trouver un médecin traitant au patient', en: 'Find a GP for the patient' },
                  description:
                    'Seulement si le patient n’en a pas ; enregistrer ensuite le fait medecinTraitant.',
                  responsible: ['coordinateur-cpts', 'cellule-sortie'],
                  when: { not: { exists: 'medecinTraitant' } },
                  data: {
                    type: 'object',
                    properties: { medecinTraitant: TEXTE },
                    required: ['medecinTraitant'],
                  },
                },
              ],
              exits: [{ to: 'medecin-traitant-identifie', when: { exists: 'medecinTraitant' } }],
            },
            {
              id: 'medecin-traitant-identifie',
              label: { fr: 'Médecin traitant identifié', en: 'GP identified' },
              segment: 'suivi-ville',
              kind: 'final',
            },
          ],
        },
        {
          id: 'appui-coordination',
          label: {
            fr: 'Appui à la coordination selon la complexité',
            en: 'Coordination support by complexity',
          },
          segment: 'suivi-ville',
          initial: 'information-conseil',
          steps: [
            {
              id: 'information-conseil',
              label: {
                fr: 'Complexité faible : information et conseil',
                en: 'Low complexity: information and advice',
              },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'informer-patient-aidant',
                  label: {
                    fr: 'Informer le patient et l’aidant des ressources du territoire',
                    en: 'Inform patient and carer',
                  },
                  responsible: ['cellule-sortie', 'coordinateur-cpts'],
                },
              ],
              exits: [
                { to: 'gestion-de-cas-dac', when: { complexity: 'forte' } },
                { to: 'avis-dac', when: { complexity: 'moyenne' } },
              ],
            },
            {
              id: 'avis-dac',
              label: {
                fr: 'Complexité moyenne : demande d’avis au DAC',
                en: 'Medium complexity: advice from the DAC',
              },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'demande-avis-dac',
                  label: { fr: 'Demander information ou avis au DAC', en: 'Ask the DAC for advice' },
                  responsible: ['medecin-traitant', 'cellule-sortie', 'coordinateur-cpts'],
                  data: { type: 'object', properties: { question: TEXTE }, required: ['question'] },
                },
                {
                  id: 'reponse-dac',
                  label: { fr: 'Répondre et orienter', en: 'Answer and refer' },
                  description: 'Le DAC répond en lien avec le médecin traitant (art. L6327-1 CSP).',
                  responsible: ['coordinateur-dac'],
                  data: { type: 'object', properties: { orientation: TEXTE }, required: ['orientation'] },
                },
              ],
              exits: [{ to: 'gestion-de-cas-dac', when: { complexity: 'forte' } }],
            },
            {
              id: 'gestion-de-cas-dac',
              label: {
                fr: 'Complexité forte : gestion de cas par le DAC',
                en: 'High complexity: DAC case management',
              },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'evaluation-multidimensionnelle',
                  label: { fr: 'Évaluation globale de la situation', en: 'Global assessment' },
                  responsible: ['coordinateur-dac'],
                },
                {
                  id: 'plan-personnalise-sante',
                  label: {
                    fr: 'Élaborer le plan personnalisé de santé',
                    en: 'Build the personalised care plan',
                  },
                  description: 'PPS en 10 points clés (HAS 2014), avec le médecin traitant.',
                  responsible: ['coordinateur-dac', 'medecin-traitant'],
                },
              ],
            },
          ],
        },
      ],
      exits: [{ to: 'fin', on: 'fin-accompagnement' }],
    },
    {
      id: 'fin',
      label: { fr: 'Fin de l’accompagnement', en: 'End of support' },
      segment: 'suivi-ville',
      kind: 'final',
    },
  ],
  indicators: [
    {
      id: 'lettre-liaison-jour-meme',
      label: {
        fr: 'Lettres de liaison transmises le jour de la sortie',
        en: 'Discharge letters sent the same day',
      },
      kind: 'moyens',
      segment: 'sortie',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'lettre-liaison', within: 'P0D', from: { event: 'sortie' } },
        ],
      },
      source: 'decret-lettre-liaison',
      note: '« Le jour même » : jusqu’à la fin du jour calendaire de la sortie.',
    },
    {
      id: 'medecin-premiere-semaine',
      label: {
        fr: 'Patients vus par leur médecin traitant la première semaine',
        en: 'GP seen in the first week',
      },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'consultation-mg-post-sortie', within: 'P7D', from: { event: 'sortie' } },
        ],
      },
      reference: {
        value: 0.33,
        label: 'ameli : un tiers seulement des plus de 75 ans voit son médecin la première semaine',
      },
      source: 'prado-personnes-agees',
    },
    {
      id: 'risque-repere',
      label: {
        fr: 'Patients dont le risque de réhospitalisation a été repéré',
        en: 'Readmission risk screened',
      },
      kind: 'moyens',
      segment: 'hospitalisation',
      denominator: { stepReached: 'hospitalisation' },
      numerator: {
        all: [{ stepReached: 'hospitalisation' }, { taskCompleted: 'depistage-risque-rehospitalisation' }],
      },
      source: 'has-rehospitalisations-2013',
      note: 'Repérage dès l’admission (HAS 2013) ; l’outil (TRST) est ⚠ une source secondaire.',
    },
    {
      id: 'medecin-traitant-declare',
      label: { fr: 'Patients disposant d’un médecin traitant déclaré', en: 'Patients with a declared GP' },
      kind: 'resultats',
      segment: 'suivi-ville',
      denominator: { stepReached: 'accompagnement' },
      numerator: { all: [{ stepReached: 'accompagnement' }, { condition: { exists: 'medecinTraitant' } }] },
      source: 'passerelle',
    },
    {
      id: 'rehospitalisation-30-jours',
      label: {
        fr: 'Réhospitalisations dans les 30 jours après la sortie',
        en: 'Readmissions within 30 days',
      },
      kind: 'resultats',
      segment: 'hospitalisation',
      denominator: { event: 'sortie' },
      numerator: { all: [{ event: 'sortie' }, { stepReached: 'rehospitalisation-precoce' }] },
      reference: { value: 0.16, label: 'ameli : réhospitalisation à 1 mois après 75 ans' },
      source: 'prado-personnes-agees',
      note: 'Toute admission dans les 30 jours (programmée ou non) ; la revue de cas dit si elle était évitable (HAS 2013). Plus bas est meilleur.',
    },
  ],
});
