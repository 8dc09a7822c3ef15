/**
 * Insuffisance cardiaque — sortie d'hospitalisation et suivi en ville.
 *
 * From the hospital stay to six months of follow-up in town (PRADO IC): lettre de liaison, GP
 * visit within 7 days and cardiologist within 2 months of discharge, nurse visits, daily weighing
 * and EPOF alert signs opening an urgent task, titration (PC133 delegation to the nurse, with the
 * pharmacist), therapeutic education, tertiary prevention, and the gradation of complexity
 * routing *forte* situations to the DAC.
 * @module
 */
import { defineProtocol } from '@cpts/core';
import { ficheCommune } from '../shared/fiche.js';
import { GRADATION_FACTS, gradationComplexite } from '../shared/gradation.js';
import { ROLES } from '../shared/roles.js';
import { DATE, OUI_NON, TEXTE } from '../shared/schemas.js';
import {
  ATELIER_COOPERATION,
  CONSENSUS_EQUIPE,
  DAC_CSP,
  DECRET_LETTRE_LIAISON,
  GRADATION_ATELIER,
  HAS_PROTOCOLES_PLURIPRO,
  PPS_HAS_2014,
} from '../shared/sources.js';

/**
 * The reference protocol *Insuffisance cardiaque — sortie d'hospitalisation et suivi en ville*
 * (id `insuffisance-cardiaque`), as plain data with its literal ids.
 *
 * @example
 * import { parseProtocol } from '@cpts/core';
 * import { insuffisanceCardiaque } from '@cpts/protocols';
 * const protocol = parseProtocol(insuffisanceCardiaque); // validated, defaults applied, frozen
 */
export const insuffisanceCardiaque = defineProtocol({
  id: 'insuffisance-cardiaque',
  version: '1.0.0',
  title: {
    fr: "Insuffisance cardiaque — sortie d'hospitalisation et suivi en ville",
    en: 'Heart failure — hospital discharge and community follow-up',
  },
  fiche: {
    ...ficheCommune(),
    professionsImpliquees: [
      'Équipe hospitalière (cardiologie, médecine)',
      "Conseiller de l'Assurance Maladie (PRADO)",
      'Médecin traitant',
      'Cardiologue',
      'Infirmier(ère) libéral(e)',
      "Pharmacien d'officine",
      "Dispositif d'appui à la coordination (DAC)",
      'Coordinateur de la CPTS',
      'Patient et aidant',
    ],
    objectifGeneral:
      "Sécuriser la sortie d'hospitalisation des patients insuffisants cardiaques et organiser leur suivi en ville pour éviter la décompensation et la réhospitalisation.",
    objectifsSecondaires: [
      'Baliser la sortie : lettre de liaison remise et transmise le jour même, traitements modifiés avec leur motif',
      'Consultation du médecin traitant dans les 7 jours et du cardiologue dans les 2 mois après le retour à domicile (PRADO IC)',
      'Apprendre au patient les signes d’alerte (EPOF) et l’auto-surveillance du poids ; traiter toute alerte en urgence',
      'Optimiser le traitement (titration) avec le cardiologue, l’infirmier(ère) et le pharmacien',
      'Renforcer la coordination ambulatoire et orienter les situations complexes vers le DAC',
    ],
    populationCible:
      "Patients hospitalisés pour insuffisance cardiaque et retournant à domicile, éligibles au PRADO IC (décision de l'équipe hospitalière).",
    criteresInclusion: [
      'Hospitalisation pour insuffisance cardiaque',
      "Éligibilité au PRADO IC décidée par l'équipe hospitalière et adhésion du patient",
      'Retour à domicile',
    ],
    criteresExclusion: [
      "Pas de retour à domicile (transfert en établissement d'hébergement ou de soins)",
      'Refus du patient',
      'Titration déléguée (PC133) : patient mineur ou femme enceinte — le cardiologue reprend la main',
    ],
    evaluation: [
      'Part des patients vus par le médecin traitant dans les 7 jours (et dans les 15 jours, comparée à l’évaluation PRADO 2019)',
      'Part des patients vus par le cardiologue dans les 2 mois',
      'Part des patients vus par l’infirmier(ère) dans les 15 jours',
      'Lettres de liaison transmises le jour de la sortie',
      'Réhospitalisations pendant le suivi ; suivis sans rupture en ville',
    ],
    documentsAssocies: [
      'Lettre de liaison de sortie (art. R1112-1-2 CSP)',
      'Carnet de suivi PRADO remis au patient',
      'Fiche patient « signes d’alerte EPOF » et courbe de poids',
      'Fiche de liaison du protocole de coopération PC133 (titration)',
    ],
    groupeDeTravail: [
      'Médecins généralistes, cardiologue, infirmiers libéraux, pharmaciens de la CPTS, équipe de cardiologie de l’établissement partenaire, DAC (composition à compléter)',
    ],
    sources: [
      {
        id: 'has-guide-parcours-ic',
        title:
          'Guide du parcours de soins « Insuffisance cardiaque » (février 2012, mis à jour juin 2014) : évoquer le diagnostic, consultation de cardiologie et échocardiographie-Doppler, bilan, sévérité, FE réduite ou préservée',
        kind: 'recommandation',
        publisher: 'Haute Autorité de santé',
        year: 2014,
        caveat: 'Consulté via une copie du guide HAS (mirror) : vérifier sur le site de la HAS.',
      },
      {
        id: 'prado-ic',
        title:
          'Fiche PRADO – Insuffisance cardiaque : éligibilité décidée par l’équipe hospitalière, conseiller de l’Assurance Maladie avant la sortie, médecin traitant dans les 7 jours, cardiologue dans les 2 mois, infirmier choisi par le patient ; durée 6 mois',
        kind: 'programme',
        publisher: 'Assurance Maladie',
        year: 2013,
        caveat: 'Fiche consultée via une copie (mirror) ; la durée de 6 mois vient d’une page de CPAM.',
      },
      {
        id: 'prado-ic-rythme-ide',
        title:
          'Rythme des visites infirmières du PRADO IC : 1 visite de surveillance et d’éducation par semaine pendant 2 mois, puis toutes les 2 semaines pendant 4 mois si NYHA III–IV (15 visites en tout)',
        kind: 'secondaire',
        publisher: 'Page d’une association de patients',
        caveat: 'Source secondaire (association de patients), à confirmer dans la fiche PRADO IC.',
      },
      {
        id: 'evaluation-prado-ic-2019',
        title:
          'Évaluation 2019 du PRADO IC contre témoins : médecin vu à J15 85,9 % vs 57,2 % ; infirmier à J15 71,5 % vs 44 % ; cardiologue à 2 mois 55,9 % vs 33,7 % ; réhospitalisation pour IC à 30 jours 8,7 % vs 7,2 %',
        kind: 'secondaire',
        publisher: 'Le Cardiologue',
        year: 2019,
        caveat: 'Résultats rapportés par la presse professionnelle, étude non consultée.',
      },
      {
        id: 'ameli-epof',
        title:
          'Insuffisance cardiaque : un diagnostic précoce indispensable — signes d’alerte EPOF (Essoufflement, Prise de poids rapide, Œdèmes des membres inférieurs, Fatigue)',
        kind: 'programme',
        publisher: 'Assurance Maladie (ameli, espace médecin)',
        year: 2024,
      },
      {
        id: 'cpts-regle-poids',
        title: 'Règle patient : une prise de 2 à 3 kg en quelques jours est un signe d’alerte',
        kind: 'secondaire',
        publisher: 'Page d’action d’une CPTS',
        caveat: 'Page de CPTS, non vérifiée dans une recommandation.',
      },
      {
        id: 'hopital-pesee-quotidienne',
        title: '« +2 kg en 3 jours = début de décompensation » : se peser chaque jour',
        kind: 'secondaire',
        publisher: 'Page patient d’un service hospitalier',
        caveat: '⚠ Source secondaire non vérifiée : encodée à titre indicatif (tâche facultative).',
      },
      {
        id: 'pc133',
        title:
          'Protocole de coopération PC133 — titration des traitements de l’insuffisance cardiaque par l’infirmier(ère) : délégant cardiologue, délégué IDE formé 100 h, consultations de titration visées tous les 15 jours, télésurveillance, consultations non programmées, orientation ; délégant joignable en permanence ; pas pour les mineurs ni les femmes enceintes',
        kind: 'reglementaire',
        publisher: 'Avis HAS du 20 novembre ; arrêté du 31 décembre',
        year: 2020,
        caveat:
          '⚠ Année (probablement 2020) à confirmer dans l’arrêté ; contenu relevé dans une source secondaire.',
      },
      DECRET_LETTRE_LIAISON,
      DAC_CSP,
      GRADATION_ATELIER,
      PPS_HAS_2014,
      ATELIER_COOPERATION,
      HAS_PROTOCOLES_PLURIPRO,
      CONSENSUS_EQUIPE,
    ],
  },
  roles: [
    ROLES.patient,
    ROLES.aidant,
    ROLES.equipeHospitaliere,
    ROLES.conseillerAm,
    ROLES.medecinTraitant,
    ROLES.cardiologue,
    ROLES.infirmier,
    ROLES.pharmacien,
    ROLES.coordinateurCpts,
    ROLES.coordinateurDac,
  ],
  facts: {
    type: 'object',
    properties: {
      age: { type: 'integer', minimum: 0, description: 'Âge en années.' },
      nyha: { type: 'integer', minimum: 1, maximum: 4, description: 'Classe fonctionnelle NYHA (I à IV).' },
      fractionEjection: {
        type: 'string',
        enum: ['reduite', 'preservee'],
        description: 'Insuffisance cardiaque à fraction d’éjection réduite ou préservée (guide HAS).',
      },
      medecinTraitant: { type: 'string', description: 'Médecin traitant déclaré (nom ou identifiant).' },
      eligiblePrado: {
        type: 'boolean',
        description: "Éligible au PRADO IC (décision de l'équipe hospitalière).",
      },
      titrationNecessaire: { type: 'boolean', description: 'Le traitement doit être titré après la sortie.' },
      consentementPc133: {
        type: 'boolean',
        description: 'Consentement du patient à la titration par l’infirmier(ère) (protocole PC133).',
      },
      grossesse: { type: 'boolean', description: 'Grossesse en cours.' },
      ...GRADATION_FACTS,
    },
    required: ['age'],
  },
  events: [
    {
      id: 'sortie',
      label: { fr: "Sortie d'hospitalisation (retour à domicile)", en: 'Discharge home' },
      data: { type: 'object', properties: { date: DATE, service: TEXTE } },
    },
    {
      id: 'signe-alerte',
      label: { fr: 'Signe d’alerte EPOF signalé', en: 'Heart-failure alert sign (EPOF)' },
      alert: true,
      data: {
        type: 'object',
        properties: {
          signe: {
            type: 'string',
            enum: ['essoufflement', 'prise-de-poids', 'oedemes', 'fatigue'],
            description:
              'EPOF : Essoufflement, Prise de poids rapide, Œdèmes des membres inférieurs, Fatigue (ameli).',
          },
          prisePoidsKg: {
            type: 'number',
            minimum: 0,
            description:
              'Prise de poids constatée : 2 à 3 kg en quelques jours est un signe d’alerte (page de CPTS) ; ⚠ +2 kg en 3 jours (page hospitalière).',
          },
          surJours: {
            type: 'integer',
            minimum: 1,
            description: 'Nombre de jours sur lesquels la prise de poids est constatée.',
          },
        },
        required: ['signe'],
      },
    },
    {
      id: 'modification-traitement',
      label: { fr: 'Modification du traitement (titration)', en: 'Treatment change' },
    },
    { id: 'titration-terminee', label: { fr: 'Titration terminée : doses cibles ou maximales tolérées' } },
    { id: 'rehospitalisation', label: { fr: 'Nouvelle hospitalisation', en: 'Readmission' } },
  ],
  complexity: gradationComplexite(),
  steps: [
    {
      id: 'hospitalisation',
      label: {
        fr: 'Hospitalisation et préparation de la sortie',
        en: 'Hospital stay and discharge planning',
      },
      segment: 'hospitalisation',
      tasks: [
        {
          id: 'eligibilite-prado',
          label: { fr: 'Décider de l’éligibilité au PRADO IC', en: 'Decide PRADO eligibility' },
          description:
            "L'équipe hospitalière décide de l'éligibilité (fiche PRADO IC, étape 1) et l'enregistre (fait eligiblePrado).",
          responsible: ['equipe-hospitaliere'],
          data: {
            type: 'object',
            properties: { eligible: OUI_NON, motifNonEligibilite: TEXTE },
            required: ['eligible'],
          },
        },
        {
          id: 'adhesion-prado',
          label: {
            fr: 'Rencontrer le patient et réserver les rendez-vous de sortie',
            en: 'Meet the patient, book follow-up',
          },
          description:
            "Avant la sortie, le conseiller de l'Assurance Maladie rencontre le patient, réserve la consultation du médecin traitant (7 jours), du cardiologue (2 mois) et l'infirmier(ère) choisi(e), remet le carnet de suivi (fiche PRADO IC, étape 2).",
          responsible: ['conseiller-am'],
          when: { fact: 'eligiblePrado', op: 'eq', value: true },
          data: {
            type: 'object',
            properties: {
              rdvMedecinTraitant: DATE,
              rdvCardiologue: DATE,
              infirmierChoisi: TEXTE,
              carnetSuiviRemis: OUI_NON,
            },
            required: ['rdvMedecinTraitant', 'rdvCardiologue', 'infirmierChoisi', 'carnetSuiviRemis'],
          },
        },
        {
          id: 'besoins-retour-domicile',
          label: {
            fr: 'Organiser l’aide à domicile et le portage des repas si besoin',
            en: 'Arrange home help if needed',
          },
          description: 'Aide à domicile, portage des repas si besoin (fiche PRADO IC, étape 4).',
          responsible: ['conseiller-am', 'equipe-hospitaliere'],
          required: false,
          data: { type: 'object', properties: { aideADomicile: OUI_NON, portageRepas: OUI_NON } },
        },
      ],
      exits: [{ to: 'suivi-post-sortie', on: 'sortie', label: { fr: 'Sortie : retour à domicile' } }],
    },
    {
      id: 'suivi-post-sortie',
      label: {
        fr: 'Suivi en ville après la sortie (6 mois)',
        en: 'Community follow-up after discharge (6 months)',
      },
      description:
        'Les branches avancent ensemble. Le suivi dure 6 mois après la sortie (PRADO IC, source prado-ic) ; une nouvelle hospitalisation le reprend à l’hôpital.',
      segment: 'suivi-ville',
      kind: 'parallel',
      steps: [
        {
          id: 'liaison-ville-hopital',
          label: { fr: 'Liaison hôpital–ville', en: 'Hospital–community handover' },
          segment: 'sortie',
          tasks: [
            {
              id: 'lettre-liaison',
              label: {
                fr: 'Remettre et transmettre la lettre de liaison',
                en: 'Hand over and send the discharge letter',
              },
              description:
                'Remise au patient à la sortie et envoi le jour même au médecin traitant et au médecin adresseur par messagerie sécurisée, versement au DMP ; traitements arrêtés ou modifiés avec leur motif.',
              responsible: ['equipe-hospitaliere'],
              due: {
                within: 'P0D',
                from: { event: 'sortie' },
                source: 'decret-lettre-liaison',
                note: '« Le jour même » : au plus tard à la fin du jour calendaire de la sortie.',
              },
              onMiss: {
                open: ['relance-lettre-liaison'],
                note: 'Choix d’équipe : la CPTS relance le service.',
              },
              data: {
                type: 'object',
                properties: {
                  remiseAuPatient: OUI_NON,
                  envoyeeAuMedecinTraitant: OUI_NON,
                  traitementsArretesOuModifies: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        medicament: TEXTE,
                        modification: { type: 'string', enum: ['arrete', 'modifie', 'introduit'] },
                        motif: TEXTE,
                      },
                      required: ['medicament', 'modification', 'motif'],
                    },
                  },
                  resultatsEnAttente: TEXTE,
                },
                required: ['remiseAuPatient', 'envoyeeAuMedecinTraitant', 'traitementsArretesOuModifies'],
              },
            },
            {
              id: 'relance-lettre-liaison',
              label: {
                fr: 'Relancer le service : lettre de liaison non reçue',
                en: 'Chase the missing discharge letter',
              },
              responsible: ['coordinateur-cpts'],
              start: 'on-demand',
              data: {
                type: 'object',
                properties: { relanceLe: DATE, recue: OUI_NON },
                required: ['relanceLe'],
              },
            },
            {
              id: 'information-medecin-traitant-prado',
              label: {
                fr: 'Informer le médecin traitant de l’entrée dans PRADO',
                en: 'Inform the GP of the PRADO follow-up',
              },
              description: 'Le conseiller informe le médecin traitant (fiche PRADO IC, étape 3).',
              responsible: ['conseiller-am'],
              when: { fact: 'eligiblePrado', op: 'eq', value: true },
            },
          ],
        },
        {
          id: 'suivi-medical',
          label: { fr: 'Suivi médical', en: 'Medical follow-up' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'consultation-mg',
              label: { fr: 'Consultation du médecin traitant', en: 'GP visit' },
              description: 'Rappel 2 jours avant l’échéance (choix d’équipe).',
              responsible: ['medecin-traitant'],
              due: { within: 'P7D', from: { event: 'sortie' }, source: 'prado-ic' },
              remindBefore: 'P2D',
              onMiss: {
                escalateTo: 'conseiller-am',
                note: 'PRADO IC : le conseiller vérifie que les rendez-vous ont été honorés.',
              },
              data: {
                type: 'object',
                properties: {
                  date: DATE,
                  poidsKg: { type: 'number', minimum: 0 },
                  nyha: { type: 'integer', minimum: 1, maximum: 4 },
                  traitementRevu: OUI_NON,
                },
                required: ['date'],
              },
            },
            {
              id: 'consultation-cardiologue',
              label: { fr: 'Consultation du cardiologue', en: 'Cardiologist visit' },
              description: 'Rappel 7 jours avant l’échéance (choix d’équipe).',
              responsible: ['cardiologue'],
              due: { within: 'P2M', from: { event: 'sortie' }, source: 'prado-ic' },
              remindBefore: 'P7D',
              onMiss: {
                escalateTo: 'conseiller-am',
                note: 'PRADO IC : le conseiller vérifie que les rendez-vous ont été honorés.',
              },
              data: {
                type: 'object',
                properties: { date: DATE, echocardiographie: OUI_NON, titrationAPoursuivre: OUI_NON },
                required: ['date'],
              },
            },
          ],
        },
        {
          id: 'suivi-infirmier',
          label: { fr: 'Suivi infirmier', en: 'Nurse follow-up' },
          segment: 'suivi-ville',
          initial: 'ide-hebdomadaire',
          steps: [
            {
              id: 'ide-hebdomadaire',
              label: {
                fr: 'Visites infirmières hebdomadaires (2 mois)',
                en: 'Weekly nurse visits (2 months)',
              },
              description:
                'Après 2 mois (source prado-ic-rythme-ide) : toutes les 2 semaines si NYHA III–IV, fin sinon. NYHA inconnue : les visites hebdomadaires continuent (choix prudent de l’équipe).',
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'visite-ide-hebdomadaire',
                  label: {
                    fr: 'Visite infirmière de surveillance et d’éducation',
                    en: 'Nurse monitoring and education visit',
                  },
                  responsible: ['infirmier'],
                  onMiss: {
                    escalateTo: 'conseiller-am',
                    note: 'PRADO IC : le conseiller vérifie que les rendez-vous ont été honorés.',
                  },
                  due: {
                    within: 'P1W',
                    from: { event: 'sortie' },
                    source: 'prado-ic-rythme-ide',
                    note: 'Source secondaire : première visite dans la première semaine.',
                  },
                  repeat: {
                    every: 'P1W',
                    source: 'prado-ic-rythme-ide',
                    note: 'Source secondaire : 1 visite par semaine.',
                  },
                  remindBefore: 'P1D',
                  data: {
                    type: 'object',
                    properties: {
                      poidsKg: { type: 'number', minimum: 0 },
                      essoufflement: OUI_NON,
                      oedemes: OUI_NON,
                      fatigue: OUI_NON,
                      educationSignesAlerte: OUI_NON,
                    },
                    required: ['poidsKg'],
                  },
                },
              ],
              exits: [
                {
                  to: 'ide-quinzaine',
                  when: {
                    all: [
                      { elapsed: 'P2M', since: { event: 'sortie' } },
                      { fact: 'nyha', op: 'gte', value: 3 },
                    ],
                  },
                  label: { fr: '2 mois écoulés, NYHA III–IV' },
                },
                {
                  to: 'fin-suivi-infirmier',
                  when: {
                    all: [
                      { elapsed: 'P2M', since: { event: 'sortie' } },
                      { fact: 'nyha', op: 'lte', value: 2 },
                    ],
                  },
                  label: { fr: '2 mois écoulés, NYHA I–II' },
                },
              ],
            },
            {
              id: 'ide-quinzaine',
              label: {
                fr: 'Visites infirmières toutes les 2 semaines (4 mois)',
                en: 'Fortnightly nurse visits (4 months)',
              },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'visite-ide-quinzaine',
                  label: {
                    fr: 'Visite infirmière de surveillance et d’éducation',
                    en: 'Nurse monitoring and education visit',
                  },
                  responsible: ['infirmier'],
                  onMiss: {
                    escalateTo: 'conseiller-am',
                    note: 'PRADO IC : le conseiller vérifie que les rendez-vous ont été honorés.',
                  },
                  due: {
                    within: 'P2W',
                    from: 'step-entry',
                    source: 'prado-ic-rythme-ide',
                    note: 'Source secondaire : toutes les 2 semaines pendant 4 mois si NYHA III–IV.',
                  },
                  repeat: { every: 'P2W', source: 'prado-ic-rythme-ide', note: 'Source secondaire.' },
                  remindBefore: 'P1D',
                  data: {
                    type: 'object',
                    properties: {
                      poidsKg: { type: 'number', minimum: 0 },
                      essoufflement: OUI_NON,
                      oedemes: OUI_NON,
                      fatigue: OUI_NON,
                    },
                    required: ['poidsKg'],
                  },
                },
              ],
              exits: [
                {
                  to: 'fin-suivi-infirmier',
                  when: { elapsed: 'P6M', since: { event: 'sortie' } },
                  label: { fr: 'Fin des 6 mois de suivi' },
                },
              ],
            },
            {
              id: 'fin-suivi-infirmier',
              label: { fr: 'Suivi infirmier PRADO terminé', en: 'PRADO nurse follow-up completed' },
              segment: 'suivi-ville',
              kind: 'final',
            },
          ],
        },
        {
          id: 'auto-surveillance',
          label: { fr: 'Auto-surveillance et signes d’alerte', en: 'Self-monitoring and alert signs' },
          description:
            'Le patient (ou son aidant) se pèse et signale tout signe EPOF ; chaque signalement ouvre une tâche urgente.',
          segment: 'prevention-tertiaire',
          tasks: [
            {
              id: 'pesee-quotidienne',
              label: { fr: 'Se peser chaque jour et noter son poids', en: 'Weigh yourself daily' },
              description: 'Facultative : la règle vient d’une source secondaire non vérifiée.',
              responsible: ['patient', 'aidant'],
              required: false,
              due: {
                within: 'P1D',
                from: { event: 'sortie' },
                source: 'hopital-pesee-quotidienne',
                note: '⚠ Pesée quotidienne (page patient hospitalière, non vérifiée) : tâche facultative, jamais une rupture.',
              },
              repeat: {
                every: 'P1D',
                source: 'hopital-pesee-quotidienne',
                note: '⚠ Source secondaire non vérifiée.',
              },
              data: {
                type: 'object',
                properties: { poidsKg: { type: 'number', minimum: 0 } },
                required: ['poidsKg'],
              },
            },
            {
              id: 'prise-en-charge-signe-alerte',
              label: { fr: 'Prendre en charge le signe d’alerte', en: 'Handle the alert sign' },
              description:
                'Ouverte à chaque signalement EPOF après la sortie : évaluer, adapter le traitement, voir le patient ou organiser une admission directe.',
              responsible: ['medecin-traitant', 'infirmier', 'cardiologue'],
              start: { event: 'signe-alerte' },
              when: { event: 'sortie' },
              segment: 'suivi-ville',
              due: {
                within: 'PT24H',
                from: { event: 'signe-alerte' },
                source: 'consensus-equipe',
                note: 'Délai choisi par l’équipe : aucune source ne fixe le délai de réponse à un signe d’alerte.',
              },
              onMiss: {
                escalateTo: 'cardiologue',
                open: ['admission-directe'],
                note: 'Choix d’équipe : le cardiologue reprend l’alerte et organise une admission directe.',
              },
              data: {
                type: 'object',
                properties: {
                  conduite: {
                    type: 'string',
                    enum: [
                      'adaptation-traitement',
                      'consultation',
                      'admission-directe',
                      'surveillance-renforcee',
                    ],
                  },
                  commentaire: TEXTE,
                },
                required: ['conduite'],
              },
            },
            {
              id: 'admission-directe',
              label: {
                fr: 'Organiser une admission directe sans passage par les urgences',
                en: 'Arrange a direct admission',
              },
              description:
                'Objectif de l’atelier IC : admission directe à l’hôpital sans passer par les urgences.',
              responsible: ['cardiologue'],
              start: 'on-demand',
              segment: 'hospitalisation',
            },
          ],
        },
        {
          id: 'traitement',
          label: { fr: 'Optimisation du traitement', en: 'Treatment optimisation' },
          segment: 'traitement',
          initial: 'titration',
          tasks: [
            {
              id: 'reprise-cardiologue',
              label: { fr: 'Reprendre la titration (retour au délégant)', en: 'Take back the titration' },
              description:
                'Ouverte quand l’infirmier(ère) ne peut pas agir sous PC133 (critère d’exclusion).',
              responsible: ['cardiologue'],
              start: 'on-demand',
            },
            {
              id: 'compte-rendu-titration',
              label: {
                fr: 'Adresser le compte rendu de titration au médecin traitant',
                en: 'Send the titration report to the GP',
              },
              responsible: ['infirmier'],
              onMiss: {
                escalateTo: 'cardiologue',
                note: 'Choix d’équipe : le cardiologue délégant est prévenu.',
              },
              start: 'on-demand',
              due: {
                within: 'P2D',
                source: 'consensus-equipe',
                note: 'Compte rendu après chaque acte délégué (atelier-cooperation) ; le délai de 2 jours est un choix d’équipe.',
              },
            },
          ],
          steps: [
            {
              id: 'titration',
              label: { fr: 'Titration', en: 'Titration' },
              segment: 'traitement',
              tasks: [
                {
                  id: 'consultation-titration',
                  label: { fr: 'Consultation de titration', en: 'Titration visit' },
                  description:
                    'Acte du cardiologue, délégable à l’infirmier(ère) formé(e) sous le protocole de coopération PC133.',
                  responsible: ['cardiologue'],
                  onMiss: {
                    escalateTo: 'medecin-traitant',
                    note: 'Choix d’équipe : le médecin traitant est prévenu d’une titration en retard.',
                  },
                  when: { fact: 'titrationNecessaire', op: 'eq', value: true },
                  due: {
                    within: 'P15D',
                    from: 'step-entry',
                    source: 'pc133',
                    note: '⚠ PC133 : consultations visées tous les 15 jours ; année de l’arrêté à confirmer.',
                  },
                  repeat: { every: 'P15D', source: 'pc133', note: '⚠ PC133, source secondaire.' },
                  data: {
                    type: 'object',
                    properties: {
                      traitement: TEXTE,
                      posologie: TEXTE,
                      tolerance: { type: 'string', enum: ['bonne', 'effet-indesirable'] },
                    },
                    required: ['traitement', 'posologie', 'tolerance'],
                  },
                },
                {
                  id: 'suivi-pharmaceutique-titration',
                  label: {
                    fr: 'Accompagner la modification du traitement à l’officine',
                    en: 'Pharmacist review of the change',
                  },
                  description:
                    'À chaque modification : vérifier les interactions, expliquer la nouvelle posologie, signaler un problème au prescripteur.',
                  responsible: ['pharmacien'],
                  start: { event: 'modification-traitement' },
                  data: {
                    type: 'object',
                    properties: {
                      interactionsVerifiees: OUI_NON,
                      posologieExpliquee: OUI_NON,
                      prescripteurAlerte: OUI_NON,
                    },
                    required: ['interactionsVerifiees', 'posologieExpliquee'],
                  },
                },
              ],
              exits: [{ to: 'traitement-optimise', on: 'titration-terminee' }],
            },
            {
              id: 'traitement-optimise',
              label: { fr: 'Traitement optimisé', en: 'Treatment optimised' },
              segment: 'traitement',
              kind: 'final',
            },
          ],
        },
        {
          id: 'education-prevention',
          label: {
            fr: 'Éducation thérapeutique et prévention tertiaire',
            en: 'Patient education and tertiary prevention',
          },
          segment: 'non-medicamenteux',
          tasks: [
            {
              id: 'etp-insuffisance-cardiaque',
              label: {
                fr: 'Éducation thérapeutique : signes d’alerte, pesée, conduite à tenir',
                en: 'Therapeutic education',
              },
              responsible: ['infirmier', 'medecin-traitant', 'pharmacien'],
              data: {
                type: 'object',
                properties: {
                  signesEpofConnus: OUI_NON,
                  peseeMaitrisee: OUI_NON,
                  conduiteATenirConnue: OUI_NON,
                },
                required: ['signesEpofConnus'],
              },
            },
            {
              id: 'prevention-decompensation',
              label: {
                fr: 'Traiter les facteurs de décompensation et les comorbidités',
                en: 'Treat decompensation factors and comorbidities',
              },
              responsible: ['medecin-traitant', 'cardiologue'],
              segment: 'prevention-tertiaire',
            },
          ],
        },
        {
          id: 'coordination',
          label: { fr: 'Coordination selon la complexité', en: 'Coordination by complexity' },
          segment: 'suivi-ville',
          initial: 'coordination-equipe',
          steps: [
            {
              id: 'coordination-equipe',
              label: {
                fr: 'Complexité faible : coordination par l’équipe',
                en: 'Low complexity: team coordination',
              },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'evaluation-situation',
                  label: {
                    fr: 'Évaluer la situation sociale et l’entourage',
                    en: 'Assess the social situation',
                  },
                  description:
                    'Renseigne les faits de la gradation (besoins sociaux, isolement, aidant, troubles cognitifs).',
                  responsible: ['medecin-traitant', 'infirmier'],
                  data: {
                    type: 'object',
                    properties: { besoinsIdentifies: { type: 'array', items: { type: 'string' } } },
                  },
                },
              ],
              exits: [
                { to: 'appui-dac', when: { complexity: 'forte' } },
                { to: 'orientation', when: { complexity: 'moyenne' } },
              ],
            },
            {
              id: 'orientation',
              label: {
                fr: 'Complexité moyenne : orientation et appui',
                en: 'Medium complexity: orientation',
              },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'orientation-services',
                  label: {
                    fr: 'Orienter vers les services compétents (aide à domicile, social…)',
                    en: 'Refer to services',
                  },
                  responsible: ['coordinateur-cpts', 'medecin-traitant'],
                  data: {
                    type: 'object',
                    properties: { services: { type: 'array', items: { type: 'string' }, minItems: 1 } },
                    required: ['services'],
                  },
                },
              ],
              exits: [
                { to: 'appui-dac', when: { complexity: 'forte' } },
                { to: 'coordination-equipe', when: { complexity: 'faible' } },
              ],
            },
            {
              id: 'appui-dac',
              label: { fr: 'Complexité forte : appui du DAC', en: 'High complexity: DAC case management' },
              segment: 'suivi-ville',
              tasks: [
                {
                  id: 'saisine-dac',
                  label: { fr: 'Saisir le DAC', en: 'Refer to the DAC' },
                  description: 'Le DAC intervient en lien avec le médecin traitant (art. L6327-1 CSP).',
                  responsible: ['medecin-traitant'],
                  data: { type: 'object', properties: { motif: TEXTE }, required: ['motif'] },
                },
                {
                  id: 'plan-personnalise-sante',
                  label: {
                    fr: 'Élaborer le plan personnalisé de santé',
                    en: 'Build the personalised care plan',
                  },
                  description: 'PPS en 10 points clés (HAS 2014), avec le médecin traitant.',
                  responsible: ['coordinateur-dac'],
                },
              ],
            },
          ],
        },
      ],
      exits: [
        { to: 'hospitalisation', on: 'rehospitalisation', label: { fr: 'Nouvelle hospitalisation' } },
        {
          to: 'fin-prado',
          when: { elapsed: 'P6M', since: { event: 'sortie' } },
          label: { fr: '6 mois après la sortie (PRADO IC)' },
        },
      ],
    },
    {
      id: 'fin-prado',
      label: { fr: 'Fin du PRADO : bilan', en: 'End of PRADO: review' },
      segment: 'suivi-ville',
      tasks: [
        {
          id: 'bilan-fin-prado',
          label: {
            fr: 'Faire le bilan de satisfaction de fin de PRADO',
            en: 'End-of-programme satisfaction review',
          },
          description: 'Bilan de satisfaction en fin de programme (fiche PRADO IC, étape 4).',
          responsible: ['conseiller-am'],
          data: {
            type: 'object',
            properties: { satisfaction: { type: 'integer', minimum: 1, maximum: 5 }, commentaire: TEXTE },
          },
        },
      ],
      exits: [
        { to: 'hospitalisation', on: 'rehospitalisation' },
        { to: 'suivi-au-long-cours', when: { requiredTasksDone: true } },
      ],
    },
    {
      id: 'suivi-au-long-cours',
      label: {
        fr: 'Suivi au long cours par le médecin traitant et le cardiologue',
        en: 'Long-term follow-up',
      },
      segment: 'suivi-ville',
      kind: 'final',
    },
  ],
  delegations: [
    {
      id: 'pc133-titration',
      label: {
        fr: 'PC133 — titration des traitements de l’insuffisance cardiaque par l’infirmier(ère)',
        en: 'PC133 — heart-failure treatment titration by a nurse',
      },
      reference:
        'Protocole de coopération PC133 : avis HAS du 20 novembre, arrêté du 31 décembre (année probablement 2020)',
      delegating: 'cardiologue',
      delegate: 'infirmier',
      tasks: ['consultation-titration'],
      qualification: {
        id: 'formation-pc133',
        label: { fr: 'Formation au protocole de coopération PC133' },
        minHours: 100,
        source: 'pc133',
        note: '⚠ 100 heures de formation (PC133, source secondaire, année à confirmer).',
      },
      consent: { fact: 'consentementPc133' },
      inclusion: { fact: 'titrationNecessaire', op: 'eq', value: true },
      exclusions: [
        {
          id: 'patient-mineur',
          label: { fr: 'Patient mineur', en: 'Minor' },
          when: { fact: 'age', op: 'lt', value: 18 },
          source: 'pc133',
          note: '⚠ « Pas pour les mineurs » (PC133) : moins de 18 ans, âge de la majorité légale.',
        },
        {
          id: 'grossesse',
          label: { fr: 'Femme enceinte', en: 'Pregnancy' },
          when: { fact: 'grossesse', op: 'eq', value: true },
          source: 'pc133',
          note: '⚠ PC133, source secondaire.',
        },
      ],
      handBack: { task: 'reprise-cardiologue' },
      obligations: [{ task: 'compte-rendu-titration' }],
      source: 'pc133',
      note: '⚠ Contenu relevé dans une source secondaire. Le délégant est joignable en permanence. Le consentement du patient suit la définition générale des protocoles de coopération.',
    },
  ],
  indicators: [
    {
      id: 'mg-7-jours',
      label: {
        fr: 'Patients vus par le médecin traitant dans les 7 jours après la sortie',
        en: 'GP seen within 7 days',
      },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'consultation-mg', within: 'P7D', from: { event: 'sortie' } },
        ],
      },
      source: 'prado-ic',
    },
    {
      id: 'mg-15-jours',
      label: { fr: 'Patients vus par le médecin traitant dans les 15 jours', en: 'GP seen within 15 days' },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'consultation-mg', within: 'P15D', from: { event: 'sortie' } },
        ],
      },
      reference: { value: 0.859, label: 'PRADO IC, évaluation 2019 (témoins : 57,2 %)' },
      source: 'evaluation-prado-ic-2019',
      note: 'Fenêtre de l’évaluation 2019, comparable à sa valeur de référence.',
    },
    {
      id: 'ide-15-jours',
      label: { fr: 'Patients vus par l’infirmier(ère) dans les 15 jours', en: 'Nurse seen within 15 days' },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'visite-ide-hebdomadaire', within: 'P15D', from: { event: 'sortie' } },
        ],
      },
      reference: { value: 0.715, label: 'PRADO IC, évaluation 2019 (témoins : 44 %)' },
      source: 'evaluation-prado-ic-2019',
    },
    {
      id: 'cardiologue-2-mois',
      label: {
        fr: 'Patients vus par le cardiologue dans les 2 mois',
        en: 'Cardiologist seen within 2 months',
      },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'consultation-cardiologue', within: 'P2M', from: { event: 'sortie' } },
        ],
      },
      reference: { value: 0.559, label: 'PRADO IC, évaluation 2019 (témoins : 33,7 %)' },
      source: 'evaluation-prado-ic-2019',
    },
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
      id: 'rehospitalisation-pendant-suivi',
      label: { fr: 'Patients réhospitalisés pendant le suivi', en: 'Readmitted during follow-up' },
      kind: 'resultats',
      segment: 'hospitalisation',
      denominator: { event: 'sortie' },
      numerator: { all: [{ event: 'sortie' }, { event: 'rehospitalisation' }] },
      source: 'consensus-equipe',
      note: 'Indicateur choisi par l’équipe : toute réhospitalisation enregistrée sur la période, sans fenêtre de 30 jours ; non comparable aux 8,7 % de l’évaluation PRADO 2019 (réhospitalisation pour IC à 30 jours).',
    },
    {
      id: 'suivi-sans-rupture',
      label: { fr: 'Suivis en ville sans rupture', en: 'Community follow-ups without a break' },
      kind: 'resultats',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: { all: [{ event: 'sortie' }, { not: { rupture: { segment: 'suivi-ville' } } }] },
      source: 'consensus-equipe',
      note: 'Indicateur choisi par l’équipe : aucune tâche requise du segment suivi en ville restée en retard.',
    },
  ],
});
