/**
 * Situation complexe — gradation et coordination DAC: a professional's request for support, the
 * DAC's assessment in liaison with the médecin traitant, orientation by level of complexity
 * (information and advice / orientation / case management), the personalised care plan (PPS) with
 * its reviews, *synthèses interprofessionnelles concertées* twice a year, and the hand-over back to
 * the médecin traitant.
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
  GRADATION_ATELIER,
  HAS_PROTOCOLES_PLURIPRO,
  LAB_PARCOURS,
  PPS_HAS_2014,
} from '../shared/sources.js';

/**
 * The reference protocol *Situation complexe — gradation et coordination avec le DAC*
 * (id `situation-complexe`), as plain data with its literal ids.
 *
 * @example
 * import { complexityOf, parseProtocol } from '@cpts/core';
 * import { situationComplexe } from '@cpts/protocols';
 * const protocol = parseProtocol(situationComplexe);
 * complexityOf(protocol, { interventionSociale: true, isolementSocial: true }); // 'forte'
 */
export const situationComplexe = defineProtocol({
  id: 'situation-complexe',
  version: '1.0.0',
  title: {
    fr: 'Situation complexe — gradation et coordination avec le DAC',
    en: 'Complex situations — gradation and coordination with the DAC',
  },
  fiche: {
    ...ficheCommune(),
    professionsImpliquees: [
      'Médecin traitant',
      'Infirmier(ère)',
      "Pharmacien d'officine",
      'Masseur-kinésithérapeute',
      "Dispositif d'appui à la coordination (coordinateur, gestionnaire de cas)",
      'Psychologue, enseignant en activité physique adaptée, diététicien(ne)',
      'Spécialistes (cardiologue, diabétologue…) invités aux synthèses',
      'Patient et aidant',
    ],
    objectifGeneral:
      'Apporter à chaque situation complexe le niveau d’appui dont elle a besoin — information, orientation ou gestion de cas — avec un plan personnalisé de santé partagé et des synthèses interprofessionnelles régulières.',
    objectifsSecondaires: [
      'Répondre à toute demande d’appui d’un professionnel, en lien avec le médecin traitant',
      'Grader la complexité et orienter selon le niveau (subsidiarité)',
      'Élaborer un PPS pour chaque situation de complexité forte et le réévaluer au moins chaque année',
      'Réunir une synthèse interprofessionnelle concertée deux fois par an et par patient',
      'Rendre la coordination au médecin traitant quand la situation est stabilisée',
    ],
    populationCible:
      'Patients dont la situation de santé, de handicap ou sociale demande l’intervention de plusieurs catégories de professionnels sanitaires, sociaux ou médico-sociaux ; notamment insuffisance cardiaque ou diabète de type 2 complexes (Lab’parcours).',
    criteresInclusion: [
      'Demande d’appui d’un professionnel ou du patient',
      'Médecin traitant informé de la demande',
    ],
    criteresExclusion: ['Refus du patient', 'Situation relevant de l’urgence (orientation vers le 15)'],
    evaluation: [
      'Délai de réponse du DAC aux demandes',
      'Part des situations de complexité forte ayant un PPS rédigé',
      'Part des situations ayant eu au moins une synthèse interprofessionnelle sur la période',
      'Part des situations rendues au médecin traitant ; suivis sans rupture',
    ],
    documentsAssocies: [
      'Formulaire de demande d’appui au DAC',
      'Modèle de plan personnalisé de santé (HAS, 10 points clés) et fiche de revue à 6 mois',
      'Compte rendu type de synthèse interprofessionnelle concertée',
    ],
    groupeDeTravail: [
      'DAC, médecins généralistes, infirmiers, pharmaciens, travailleurs sociaux du territoire (à compléter)',
    ],
    sources: [
      DAC_CSP,
      GRADATION_ATELIER,
      PPS_HAS_2014,
      LAB_PARCOURS,
      HAS_PROTOCOLES_PLURIPRO,
      CONSENSUS_EQUIPE,
    ],
  },
  segments: [
    { id: 'coordination', label: { fr: 'Coordination d’appui (DAC)', en: 'Coordination support (DAC)' } },
  ],
  roles: [
    ROLES.medecinTraitant,
    ROLES.coordinateurDac,
    ROLES.psychologue,
    ROLES.enseignantApa,
    ROLES.dieteticien,
  ],
  facts: {
    type: 'object',
    properties: {
      medecinTraitant: { type: 'string', description: 'Médecin traitant déclaré.' },
      pathologie: {
        type: 'string',
        enum: ['insuffisance-cardiaque', 'diabete-type-2', 'autre'],
        description: 'Pathologie principale (Lab’parcours : IC ou diabète de type 2).',
      },
      patientAccepteSynthese: {
        type: 'boolean',
        description: 'Le patient accepte de participer aux synthèses.',
      },
      besoinPsychologique: { type: 'boolean', description: 'Un soutien psychologique est indiqué.' },
      besoinActivitePhysiqueAdaptee: {
        type: 'boolean',
        description: 'Une activité physique adaptée est indiquée.',
      },
      besoinDietetique: { type: 'boolean', description: 'Un suivi diététique est indiqué.' },
      ...GRADATION_FACTS,
    },
  },
  events: [
    {
      id: 'evenement-significatif',
      label: {
        fr: 'Événement significatif (hospitalisation, chute, perte de l’aidant…)',
        en: 'Significant event',
      },
      alert: true,
      data: { type: 'object', properties: { nature: TEXTE }, required: ['nature'] },
    },
    {
      id: 'situation-stabilisee',
      label: { fr: 'Situation stabilisée : fin de la gestion de cas', en: 'Situation stabilised' },
    },
  ],
  complexity: gradationComplexite(),
  steps: [
    {
      id: 'evaluation',
      label: { fr: 'Demande d’appui et évaluation', en: 'Request and assessment' },
      segment: 'diagnostic',
      tasks: [
        {
          id: 'analyse-demande',
          label: {
            fr: 'Analyser la demande d’appui et répondre au demandeur',
            en: 'Analyse the request and answer',
          },
          responsible: ['coordinateur-dac'],
          onMiss: {
            escalateTo: 'medecin-traitant',
            note: 'Choix d’équipe : le médecin traitant est prévenu d’une demande sans réponse.',
          },
          due: {
            within: 'P7D',
            from: 'journey-start',
            source: 'consensus-equipe',
            note: 'Délai de réponse choisi par l’équipe : aucune source ne le fixe.',
          },
          remindBefore: 'P2D',
          data: {
            type: 'object',
            properties: {
              demandeur: TEXTE,
              motif: TEXTE,
              medecinTraitantInforme: { const: true },
            },
            required: ['demandeur', 'motif', 'medecinTraitantInforme'],
          },
        },
        {
          id: 'evaluation-globale',
          label: {
            fr: 'Évaluer globalement la situation (santé, social, médico-social)',
            en: 'Global assessment',
          },
          description: 'Renseigne les faits de la gradation ; la complexité en découle (règles d’équipe).',
          responsible: ['coordinateur-dac', 'medecin-traitant'],
          data: {
            type: 'object',
            properties: { problemes: { type: 'array', items: { type: 'string' }, minItems: 1 } },
            required: ['problemes'],
          },
        },
      ],
      exits: [
        {
          to: 'gestion-de-cas',
          when: { all: [{ requiredTasksDone: true }, { complexity: 'forte' }] },
          label: { fr: 'Forte' },
        },
        {
          to: 'orientation',
          when: { all: [{ requiredTasksDone: true }, { complexity: 'moyenne' }] },
          label: { fr: 'Moyenne' },
        },
        {
          to: 'information-conseil',
          when: { all: [{ requiredTasksDone: true }, { complexity: 'faible' }] },
          label: { fr: 'Faible' },
        },
      ],
    },
    {
      id: 'information-conseil',
      label: {
        fr: 'Complexité faible : information et conseil',
        en: 'Low complexity: information and advice',
      },
      description: 'La coordination reste portée par les professionnels eux-mêmes.',
      segment: 'coordination',
      tasks: [
        {
          id: 'conseil-professionnels',
          label: {
            fr: 'Informer et conseiller les professionnels',
            en: 'Inform and advise the professionals',
          },
          responsible: ['coordinateur-dac'],
          data: { type: 'object', properties: { conseils: TEXTE }, required: ['conseils'] },
        },
      ],
      exits: [
        { to: 'gestion-de-cas', when: { complexity: 'forte' } },
        { to: 'orientation', when: { complexity: 'moyenne' } },
        { to: 'cloture', when: { requiredTasksDone: true } },
      ],
    },
    {
      id: 'orientation',
      label: {
        fr: 'Complexité moyenne : orientation et appui',
        en: 'Medium complexity: orientation and support',
      },
      segment: 'coordination',
      tasks: [
        {
          id: 'orientation-services',
          label: { fr: 'Orienter vers les services compétents', en: 'Refer to the competent services' },
          responsible: ['coordinateur-dac'],
          data: {
            type: 'object',
            properties: { services: { type: 'array', items: { type: 'string' }, minItems: 1 } },
            required: ['services'],
          },
        },
        {
          id: 'verification-mise-en-place',
          label: { fr: 'Vérifier la mise en place des services', en: 'Check the services are in place' },
          responsible: ['coordinateur-dac', 'medecin-traitant'],
          data: { type: 'object', properties: { enPlace: OUI_NON }, required: ['enPlace'] },
        },
      ],
      exits: [
        { to: 'gestion-de-cas', when: { complexity: 'forte' } },
        { to: 'cloture', when: { requiredTasksDone: true } },
      ],
    },
    {
      id: 'gestion-de-cas',
      label: { fr: 'Complexité forte : gestion de cas', en: 'High complexity: case management' },
      segment: 'coordination',
      kind: 'parallel',
      steps: [
        {
          id: 'plan-personnalise',
          label: { fr: 'Plan personnalisé de santé', en: 'Personalised care plan' },
          segment: 'coordination',
          initial: 'elaboration-pps',
          tasks: [
            {
              id: 'reevaluation-apres-evenement',
              label: { fr: 'Réévaluer le PPS après l’événement', en: 'Review the plan after the event' },
              responsible: ['coordinateur-dac', 'medecin-traitant'],
              start: { event: 'evenement-significatif' },
              when: { task: 'rediger-pps', status: 'completed' },
              due: {
                within: 'P7D',
                from: { event: 'evenement-significatif' },
                source: 'consensus-equipe',
                note: 'Réévaluation après tout événement significatif (PPS, HAS 2014) ; le délai de 7 jours est un choix d’équipe.',
              },
              data: { type: 'object', properties: { modifications: TEXTE }, required: ['modifications'] },
            },
          ],
          steps: [
            {
              id: 'elaboration-pps',
              label: { fr: 'Élaboration du PPS', en: 'Building the plan' },
              segment: 'coordination',
              tasks: [
                {
                  id: 'designer-coordinateur',
                  label: { fr: 'Désigner le coordinateur du PPS', en: 'Name the plan coordinator' },
                  responsible: ['coordinateur-dac', 'medecin-traitant'],
                  data: { type: 'object', properties: { coordinateur: TEXTE }, required: ['coordinateur'] },
                },
                {
                  id: 'recueil-preferences',
                  label: {
                    fr: 'Recueillir les préférences du patient',
                    en: 'Collect the patient’s preferences',
                  },
                  responsible: ['coordinateur-dac'],
                  data: { type: 'object', properties: { preferences: TEXTE }, required: ['preferences'] },
                },
                {
                  id: 'rediger-pps',
                  label: { fr: 'Rédiger le PPS (10 points clés)', en: 'Write the plan (10 key points)' },
                  description:
                    'Problèmes issus de l’évaluation globale, priorités, préférences, objectifs négociés, interventions, qui fait quoi, critères d’évaluation, dates de revue, procédure d’alerte (HAS 2014).',
                  responsible: ['coordinateur-dac', 'medecin-traitant'],
                  data: {
                    type: 'object',
                    properties: {
                      problemes: { type: 'array', items: { type: 'string' }, minItems: 1 },
                      priorites: { type: 'array', items: { type: 'string' } },
                      objectifs: { type: 'array', items: { type: 'string' }, minItems: 1 },
                      interventions: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'object',
                          properties: { action: TEXTE, responsable: TEXTE, echeance: DATE },
                          required: ['action', 'responsable'],
                        },
                      },
                      criteresEvaluation: { type: 'array', items: { type: 'string' } },
                      datesRevision: { type: 'array', items: DATE },
                      procedureAlerte: TEXTE,
                    },
                    required: ['problemes', 'objectifs', 'interventions', 'procedureAlerte'],
                  },
                },
              ],
              exits: [{ to: 'suivi-pps', when: { requiredTasksDone: true } }],
            },
            {
              id: 'suivi-pps',
              label: { fr: 'Suivi du PPS', en: 'Plan follow-up' },
              segment: 'coordination',
              tasks: [
                {
                  id: 'revue-pps-6-mois',
                  label: { fr: 'Revue du PPS à 6 mois', en: 'Six-month plan review' },
                  responsible: ['coordinateur-dac', 'medecin-traitant'],
                  due: { within: 'P6M', from: { task: 'rediger-pps' }, source: 'pps-has-2014' },
                  remindBefore: 'P15D',
                  data: {
                    type: 'object',
                    properties: { objectifsAtteints: TEXTE },
                    required: ['objectifsAtteints'],
                  },
                },
                {
                  id: 'reevaluation-annuelle-pps',
                  label: { fr: 'Réévaluation annuelle du PPS', en: 'Yearly plan reassessment' },
                  responsible: ['coordinateur-dac', 'medecin-traitant'],
                  due: { within: 'P1Y', from: { task: 'rediger-pps' }, source: 'pps-has-2014' },
                  repeat: { perYear: 1, source: 'pps-has-2014', note: 'Au moins une fois par an.' },
                  remindBefore: 'P1M',
                  data: { type: 'object', properties: { synthese: TEXTE }, required: ['synthese'] },
                },
              ],
            },
          ],
        },
        {
          id: 'concertation',
          label: {
            fr: 'Synthèses interprofessionnelles concertées',
            en: 'Interprofessional case conferences',
          },
          segment: 'coordination',
          tasks: [
            {
              id: 'synthese-interprofessionnelle',
              label: {
                fr: 'Réunir la synthèse interprofessionnelle concertée',
                en: 'Hold the case conference',
              },
              description:
                'Professionnels de proximité et spécialistes, en visioconférence ; le patient y participe s’il l’accepte (Lab’parcours).',
              responsible: ['coordinateur-dac', 'medecin-traitant'],
              repeat: { perYear: 2, source: 'lab-parcours' },
              remindBefore: 'P1M',
              onMiss: {
                escalateTo: 'medecin-traitant',
                note: 'Choix d’équipe : le médecin traitant est alerté d’une synthèse non tenue.',
              },
              data: {
                type: 'object',
                properties: {
                  date: DATE,
                  visioconference: OUI_NON,
                  patientPresent: OUI_NON,
                  participants: { type: 'array', items: { type: 'string' }, minItems: 2 },
                  decisions: TEXTE,
                },
                required: ['date', 'participants', 'decisions'],
              },
            },
          ],
        },
        {
          id: 'services-complementaires',
          label: { fr: 'Services complémentaires', en: 'Additional services' },
          segment: 'non-medicamenteux',
          tasks: [
            {
              id: 'soutien-psychologique',
              label: { fr: 'Soutien psychologique', en: 'Psychological support' },
              responsible: ['psychologue'],
              required: false,
              when: { fact: 'besoinPsychologique', op: 'eq', value: true },
            },
            {
              id: 'activite-physique-adaptee',
              label: { fr: 'Activité physique adaptée', en: 'Adapted physical activity' },
              responsible: ['enseignant-apa'],
              required: false,
              when: { fact: 'besoinActivitePhysiqueAdaptee', op: 'eq', value: true },
            },
            {
              id: 'suivi-dietetique',
              label: { fr: 'Suivi diététique', en: 'Dietetic follow-up' },
              responsible: ['dieteticien'],
              required: false,
              when: { fact: 'besoinDietetique', op: 'eq', value: true },
            },
          ],
        },
      ],
      exits: [
        { to: 'relais-medecin-traitant', on: 'situation-stabilisee', label: { fr: 'Situation stabilisée' } },
      ],
    },
    {
      id: 'relais-medecin-traitant',
      label: { fr: 'Relais au médecin traitant', en: 'Hand-over to the GP' },
      description: 'Rôle subsidiaire du DAC : la coordination revient au médecin traitant.',
      segment: 'suivi-ville',
      tasks: [
        {
          id: 'synthese-de-cloture',
          label: { fr: 'Adresser la synthèse de fin de gestion de cas', en: 'Send the closing summary' },
          responsible: ['coordinateur-dac'],
          data: {
            type: 'object',
            properties: { destinataires: { type: 'array', items: { type: 'string' } } },
          },
        },
      ],
      exits: [{ to: 'cloture', when: { requiredTasksDone: true } }],
    },
    {
      id: 'cloture',
      label: { fr: 'Appui terminé', en: 'Support completed' },
      segment: 'coordination',
      kind: 'final',
    },
  ],
  indicators: [
    {
      id: 'reponse-dac-7-jours',
      label: { fr: 'Demandes d’appui analysées dans les 7 jours', en: 'Requests answered within 7 days' },
      kind: 'moyens',
      segment: 'diagnostic',
      denominator: { started: true },
      numerator: {
        all: [{ started: true }, { taskCompleted: 'analyse-demande', within: 'P7D', from: 'journey-start' }],
      },
      source: 'consensus-equipe',
      note: 'Délai de 7 jours choisi par l’équipe.',
    },
    {
      id: 'pps-redige',
      label: {
        fr: 'Situations de complexité forte ayant un PPS rédigé',
        en: 'High-complexity situations with a plan',
      },
      kind: 'moyens',
      segment: 'coordination',
      denominator: { stepReached: 'gestion-de-cas' },
      numerator: { all: [{ stepReached: 'gestion-de-cas' }, { taskCompleted: 'rediger-pps' }] },
      source: 'pps-has-2014',
    },
    {
      id: 'synthese-tenue',
      label: {
        fr: 'Situations ayant eu au moins une synthèse interprofessionnelle sur la période',
        en: 'At least one case conference in the period',
      },
      kind: 'moyens',
      segment: 'coordination',
      denominator: { stepReached: 'gestion-de-cas' },
      numerator: {
        all: [{ stepReached: 'gestion-de-cas' }, { taskCompleted: 'synthese-interprofessionnelle' }],
      },
      source: 'lab-parcours',
      note: 'Deux synthèses par an attendues : à calculer sur un semestre.',
    },
    {
      id: 'relais-au-medecin-traitant',
      label: {
        fr: 'Situations de gestion de cas rendues au médecin traitant',
        en: 'Case management handed back to the GP',
      },
      kind: 'resultats',
      segment: 'coordination',
      denominator: { stepReached: 'gestion-de-cas' },
      numerator: { all: [{ stepReached: 'gestion-de-cas' }, { stepReached: 'relais-medecin-traitant' }] },
      source: 'dac-csp',
      note: 'Rôle subsidiaire du DAC ; indicateur choisi par l’équipe.',
    },
    {
      id: 'coordination-sans-rupture',
      label: { fr: 'Gestions de cas sans rupture', en: 'Case management without a break' },
      kind: 'resultats',
      segment: 'coordination',
      denominator: { stepReached: 'gestion-de-cas' },
      numerator: {
        all: [{ stepReached: 'gestion-de-cas' }, { not: { rupture: { segment: 'coordination' } } }],
      },
      source: 'consensus-equipe',
      note: 'Indicateur choisi par l’équipe.',
    },
  ],
});
