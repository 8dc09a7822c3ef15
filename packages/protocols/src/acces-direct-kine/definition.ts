/**
 * Protocole de coopération — accès direct au masseur-kinésithérapeute for an ankle sprain
 * (18–55 years) and acute low back pain of less than 4 weeks (20–55 years): the médecin traitant
 * delegates, the physiotherapist trained 10 hours acts with the patient's consent, exclusion
 * criteria and red flags hand the patient back to the GP, every delegated act sends an assessment
 * to the médecin traitant, sick leave and analgesics are optional, and the CPTS surveys satisfaction.
 * @module
 */
import { defineProtocol } from '@cpts/core';
import { ficheCommune } from '../shared/fiche.js';
import { ROLES } from '../shared/roles.js';
import { DATE, OUI_NON, TEXTE } from '../shared/schemas.js';
import {
  ATELIER_COOPERATION,
  CONSENSUS_EQUIPE,
  HAS_PROTOCOLES_PLURIPRO,
  SOINS_NON_PROGRAMMES,
} from '../shared/sources.js';

const ANNEXE_NON_CONSULTEE = '⚠ Liste complète des exclusions dans l’annexe de l’arrêté, non consultée.';

/**
 * The reference protocol *Accès direct au masseur-kinésithérapeute — entorse de cheville et
 * lombalgie aiguë* (id `acces-direct-kine`), with its two delegations, as plain data.
 *
 * @example
 * import { parseProtocol } from '@cpts/core';
 * import { accesDirectKine } from '@cpts/protocols';
 * const protocol = parseProtocol(accesDirectKine);
 * protocol.delegations.map((d) => d.id); // ['entorse-cheville', 'lombalgie-aigue']
 */
export const accesDirectKine = defineProtocol({
  id: 'acces-direct-kine',
  version: '1.0.0',
  title: {
    fr: 'Accès direct au masseur-kinésithérapeute — entorse de cheville et lombalgie aiguë',
    en: 'Direct access to the physiotherapist — ankle sprain and acute low back pain',
  },
  fiche: {
    ...ficheCommune(),
    professionsImpliquees: [
      'Médecin traitant (délégant)',
      'Masseur-kinésithérapeute (délégué, formé)',
      'Coordinateur de la CPTS',
      'Patient',
    ],
    objectifGeneral:
      'Permettre au patient souffrant d’une entorse de cheville ou d’une lombalgie aiguë d’être pris en charge sans délai par un masseur-kinésithérapeute formé, sous protocole de coopération avec son médecin traitant.',
    objectifsSecondaires: [
      'Voir le patient dans les 24 h pour une entorse de cheville',
      'Repérer les critères d’exclusion et drapeaux rouges et rendre la main au médecin sans délai',
      'Informer le médecin traitant de chaque acte délégué',
      'Mesurer la satisfaction des patients',
    ],
    populationCible:
      'Patients de 18 à 55 ans avec une entorse de cheville récente, ou de 20 à 55 ans avec une lombalgie aiguë de moins de 4 semaines, dont le médecin traitant adhère au protocole.',
    criteresInclusion: [
      'Entorse de cheville : traumatisme récent en torsion, 18 à 55 ans',
      'Lombalgie aiguë commune : moins de 4 semaines, 20 à 55 ans',
      'Consentement du patient recueilli et tracé',
      'Médecin délégant joignable par téléphone ou téléconsultation',
    ],
    criteresExclusion: [
      'Entorse : plaie, polytraumatisme, appui impossible 24 h après le traumatisme, risque thrombo-embolique ou doute (⚠ liste complète dans l’annexe de l’arrêté)',
      'Lombalgie (drapeaux rouges HAS 2019) : douleur non mécanique ou nocturne ; déficit neurologique, syndrome de la queue de cheval ou troubles sphinctériens ; paresthésies du périnée ; traumatisme important ; perte de poids inexpliquée ; antécédent de cancer ; fièvre ; usage de drogues IV ou corticothérapie au long cours ; déformation structurale ; douleur thoracique ; début avant 20 ans ou après 55 ans ; altération de l’état général',
    ],
    evaluation: [
      'Part des entorses vues dans les 24 h',
      'Part des actes délégués suivis d’un compte rendu au médecin traitant',
      'Part des patients rendus au médecin (exclusion ou drapeau rouge)',
      'Part des patients à qui l’enquête de satisfaction a été adressée',
    ],
    documentsAssocies: [
      'Arrêtés des protocoles de coopération et leurs annexes',
      'Formulaire de consentement du patient',
      'Attestation de formation de 10 h de chaque délégué ; déclaration de l’équipe à l’ARS',
      'Ordonnance type (paracétamol) ; modèle de compte rendu au médecin traitant',
      'Questionnaire de satisfaction de la CPTS',
    ],
    groupeDeTravail: [
      'Médecins généralistes délégants et masseurs-kinésithérapeutes délégués de la CPTS (à compléter)',
    ],
    sources: [
      {
        id: 'arrete-entorse-2020',
        title:
          'Protocole de coopération « entorse de cheville » (arrêté du 6 mars 2020) : traumatisme récent en torsion, consentement du patient, médecin joignable, traçabilité ; le kinésithérapeute pose le diagnostic, donne du paracétamol (ordonnance type), orthèse, repos / glace / surélévation, cannes, prescrit 6 à 10 séances quand la douleur s’améliore, une radiographie si indiquée, un arrêt de travail ; tout risque thrombo-embolique ou doute : orienter vers le médecin ; exclusions dont plaie, polytraumatisme, appui impossible 24 h après le traumatisme',
        kind: 'reglementaire',
        publisher: 'Arrêté du 6 mars 2020 (relevé via MACSF et presse kiné)',
        year: 2020,
        caveat: ANNEXE_NON_CONSULTEE,
      },
      {
        id: 'regles-ottawa',
        title:
          'Règles d’Ottawa (cheville) : radiographie si douleur au bord postérieur ou à la pointe de l’une des malléoles, à la base du 5e métatarsien ou à l’os naviculaire, ou impossibilité de faire 4 pas',
        kind: 'litterature',
      },
      {
        id: 'has-entorse-cheville',
        title:
          'Entorse de cheville : consulter un médecin ou un kinésithérapeute dans les 24 h ; rééducation 5 à 7 jours puis réévaluation ; critères de Berne à partir de 65 ans',
        kind: 'recommandation',
        publisher: 'Haute Autorité de santé',
        caveat: '⚠ Non vérifié dans le texte de la HAS.',
      },
      {
        id: 'lombalgie-cooperation',
        title:
          'Protocole de coopération « lombalgie aiguë » : le kinésithérapeute diagnostique la lombalgie commune, prescrit paracétamol ou AINS et un arrêt de travail de 1 à 5 jours ; formation de 10 h sur 3 jours',
        kind: 'secondaire',
        publisher: 'Presse kinésithérapique',
        caveat: 'Presse professionnelle : vérifier dans l’arrêté (version 2023).',
      },
      {
        id: 'has-lombalgie-2019',
        title:
          'Prise en charge du patient présentant une lombalgie commune (2019) : drapeaux rouges imposant un avis médical',
        kind: 'recommandation',
        publisher: 'Haute Autorité de santé',
        year: 2019,
      },
      SOINS_NON_PROGRAMMES,
      ATELIER_COOPERATION,
      HAS_PROTOCOLES_PLURIPRO,
      CONSENSUS_EQUIPE,
    ],
  },
  roles: [ROLES.medecinTraitant, ROLES.kinesitherapeute, ROLES.coordinateurCpts],
  facts: {
    type: 'object',
    properties: {
      age: { type: 'integer', minimum: 0, description: 'Âge en années.' },
      motif: {
        type: 'string',
        enum: ['entorse-cheville', 'lombalgie-aigue'],
        description: 'Motif de l’accès direct.',
      },
      dateDebutSymptomes: {
        ...DATE,
        description: 'Date (et heure si connue) du traumatisme ou du début de la douleur, ISO 8601.',
      },
      consentementCooperation: {
        type: 'boolean',
        description: 'Consentement du patient au protocole de coopération.',
      },
      medecinTraitant: { type: 'string', description: 'Médecin traitant (délégant).' },
      // Ankle sprain: exclusions of the arrêté and Ottawa rules.
      plaie: { type: 'boolean', description: 'Plaie associée.' },
      polytraumatisme: { type: 'boolean', description: 'Traumatisme multiple.' },
      appuiImpossible: { type: 'boolean', description: 'Appui impossible sur le pied.' },
      risqueThromboembolique: { type: 'boolean', description: 'Risque thrombo-embolique, ou doute.' },
      douleurMalleolaire: {
        type: 'boolean',
        description: 'Douleur au bord postérieur ou à la pointe de l’une des malléoles (Ottawa).',
      },
      douleurBaseCinquiemeMetatarsien: {
        type: 'boolean',
        description: 'Douleur à la base du 5e métatarsien (Ottawa).',
      },
      douleurNaviculaire: { type: 'boolean', description: 'Douleur à l’os naviculaire (Ottawa).' },
      incapaciteQuatrePas: { type: 'boolean', description: 'Impossible de faire 4 pas (Ottawa).' },
      // Acute low back pain: red flags (HAS 2019).
      douleurNonMecanique: { type: 'boolean', description: 'Douleur non mécanique ou nocturne.' },
      deficitNeurologique: {
        type: 'boolean',
        description: 'Déficit neurologique, syndrome de la queue de cheval ou troubles sphinctériens.',
      },
      paresthesiesPerineales: { type: 'boolean', description: 'Paresthésies du périnée.' },
      traumatismeImportant: { type: 'boolean', description: 'Traumatisme important.' },
      pertePoidsInexpliquee: { type: 'boolean', description: 'Perte de poids inexpliquée.' },
      antecedentCancer: { type: 'boolean', description: 'Antécédent de cancer.' },
      fievre: { type: 'boolean', description: 'Fièvre.' },
      drogueIvOuCorticotherapie: {
        type: 'boolean',
        description: 'Usage de drogues IV ou corticothérapie au long cours.',
      },
      deformationStructurale: { type: 'boolean', description: 'Déformation structurale du rachis.' },
      douleurThoracique: { type: 'boolean', description: 'Douleur thoracique.' },
      alterationEtatGeneral: { type: 'boolean', description: 'Altération de l’état général.' },
    },
    required: ['age', 'motif', 'dateDebutSymptomes'],
  },
  steps: [
    {
      id: 'acces-direct',
      label: { fr: 'Accès direct', en: 'Direct access' },
      description:
        'Étape englobante : les tâches ouvertes à la demande (retour au médecin, compte rendu) y sont déclarées ; elle se termine quand tous les comptes rendus sont adressés et l’enquête de satisfaction envoyée.',
      segment: 'diagnostic',
      initial: 'orientation',
      tasks: [
        {
          id: 'reprise-par-medecin',
          label: { fr: 'Reprendre le patient (retour au délégant)', en: 'See the patient handed back' },
          description:
            'Ouverte quand un critère d’exclusion ou un drapeau rouge rend la main au médecin : consultation ou téléconsultation.',
          responsible: ['medecin-traitant'],
          onMiss: {
            escalateTo: 'coordinateur-cpts',
            note: 'Choix d’équipe : la CPTS trouve un médecin disponible.',
          },
          start: 'on-demand',
          due: {
            within: 'PT24H',
            source: 'consensus-equipe',
            note: 'Délai choisi par l’équipe ; l’arrêté exige seulement un médecin joignable par téléphone ou téléconsultation.',
          },
          data: {
            type: 'object',
            properties: {
              modalite: { type: 'string', enum: ['consultation', 'teleconsultation', 'urgences'] },
              conduite: TEXTE,
            },
            required: ['modalite'],
          },
        },
        {
          id: 'compte-rendu-medecin-traitant',
          label: { fr: 'Adresser le compte rendu au médecin traitant', en: 'Send the assessment to the GP' },
          description: 'Ouverte après chaque acte délégué (atelier-cooperation) ; messagerie sécurisée.',
          responsible: ['masseur-kinesitherapeute'],
          onMiss: {
            escalateTo: 'coordinateur-cpts',
            note: 'Choix d’équipe : la CPTS relance le kinésithérapeute.',
          },
          start: 'on-demand',
          due: {
            within: 'P2D',
            source: 'consensus-equipe',
            note: 'Compte rendu après chaque acte délégué (atelier-cooperation) ; le délai de 2 jours est un choix d’équipe.',
          },
          data: {
            type: 'object',
            properties: { envoyeLe: DATE, messagerieSecurisee: OUI_NON },
            required: ['envoyeLe'],
          },
        },
      ],
      steps: [
        {
          id: 'orientation',
          label: { fr: 'Orientation selon le motif', en: 'Routing by reason' },
          segment: 'diagnostic',
          exits: [
            { to: 'entorse-cheville', when: { fact: 'motif', op: 'eq', value: 'entorse-cheville' } },
            { to: 'lombalgie-aigue', when: { fact: 'motif', op: 'eq', value: 'lombalgie-aigue' } },
          ],
        },
        {
          id: 'entorse-cheville',
          label: { fr: 'Entorse de cheville', en: 'Ankle sprain' },
          segment: 'traitement',
          tasks: [
            {
              id: 'bilan-entorse',
              label: {
                fr: 'Diagnostiquer l’entorse et la prendre en charge',
                en: 'Diagnose and treat the sprain',
              },
              description:
                'Acte du médecin, délégable au kinésithérapeute : diagnostic, orthèse, repos / glace / surélévation, cannes ; renseigner les critères d’Ottawa et d’exclusion.',
              responsible: ['medecin-traitant'],
              onMiss: {
                escalateTo: 'coordinateur-cpts',
                note: 'Choix d’équipe : la CPTS aide à trouver un rendez-vous.',
              },
              due: {
                within: 'PT24H',
                from: { fact: 'dateDebutSymptomes' },
                source: 'has-entorse-cheville',
                note: '⚠ Consultation dans les 24 h (HAS, non vérifié).',
              },
              data: {
                type: 'object',
                properties: {
                  diagnostic: { type: 'string', enum: ['entorse-cheville', 'autre'] },
                  orthese: OUI_NON,
                  reposGlaceSurelevation: OUI_NON,
                  cannes: OUI_NON,
                  ottawaPositive: OUI_NON,
                },
                required: ['diagnostic', 'ottawaPositive'],
              },
            },
            {
              id: 'antalgique-entorse',
              label: {
                fr: 'Donner du paracétamol (ordonnance type)',
                en: 'Give paracetamol (standing order)',
              },
              responsible: ['medecin-traitant'],
              required: false,
              data: { type: 'object', properties: { posologie: TEXTE }, required: ['posologie'] },
            },
            {
              id: 'prescription-radiographie',
              label: {
                fr: 'Prescrire une radiographie (règles d’Ottawa)',
                en: 'Order an X-ray (Ottawa rules)',
              },
              description: 'Ouverte quand un critère d’Ottawa est présent (source regles-ottawa).',
              responsible: ['medecin-traitant'],
              when: {
                any: [
                  { fact: 'douleurMalleolaire', op: 'eq', value: true },
                  { fact: 'douleurBaseCinquiemeMetatarsien', op: 'eq', value: true },
                  { fact: 'douleurNaviculaire', op: 'eq', value: true },
                  { fact: 'incapaciteQuatrePas', op: 'eq', value: true },
                ],
              },
              data: { type: 'object', properties: { prescriteLe: DATE }, required: ['prescriteLe'] },
            },
            {
              id: 'prescription-reeducation',
              label: {
                fr: 'Prescrire les séances de kinésithérapie',
                en: 'Prescribe physiotherapy sessions',
              },
              description: '6 à 10 séances, quand la douleur s’améliore (arrêté du 6 mars 2020).',
              responsible: ['medecin-traitant'],
              required: false,
              data: {
                type: 'object',
                properties: { seances: { type: 'integer', minimum: 6, maximum: 10 } },
                required: ['seances'],
              },
            },
            {
              id: 'arret-travail-entorse',
              label: { fr: 'Prescrire un arrêt de travail', en: 'Issue a sick note' },
              responsible: ['medecin-traitant'],
              required: false,
              data: {
                type: 'object',
                properties: { jours: { type: 'integer', minimum: 1 } },
                required: ['jours'],
              },
            },
            {
              id: 'reevaluation-entorse',
              label: {
                fr: 'Réévaluer après la rééducation initiale',
                en: 'Reassess after initial rehabilitation',
              },
              responsible: ['masseur-kinesitherapeute'],
              onMiss: {
                escalateTo: 'medecin-traitant',
                note: 'Choix d’équipe : le médecin traitant est prévenu.',
              },
              due: {
                within: 'P7D',
                from: { task: 'bilan-entorse' },
                source: 'has-entorse-cheville',
                note: '⚠ Rééducation 5 à 7 jours puis réévaluation (HAS, non vérifié) : borne haute retenue.',
              },
              data: {
                type: 'object',
                properties: {
                  evolution: { type: 'string', enum: ['favorable', 'defavorable'] },
                  avisMedicalDemande: OUI_NON,
                },
                required: ['evolution'],
              },
            },
          ],
          exits: [
            {
              to: 'retour-medecin',
              when: { task: 'reprise-par-medecin', status: ['open', 'accepted'] },
              label: { fr: 'Exclusion : retour au médecin' },
            },
            { to: 'satisfaction', when: { requiredTasksDone: true } },
          ],
        },
        {
          id: 'lombalgie-aigue',
          label: { fr: 'Lombalgie aiguë', en: 'Acute low back pain' },
          description:
            'L’étape reste ouverte après le diagnostic jusqu’à l’envoi du compte rendu au médecin traitant : l’antalgique et l’arrêt de travail prescrits après le diagnostic font partie de la prise en charge.',
          segment: 'traitement',
          tasks: [
            {
              id: 'bilan-lombalgie',
              label: { fr: 'Diagnostiquer la lombalgie commune', en: 'Diagnose common low back pain' },
              description:
                'Acte du médecin, délégable au kinésithérapeute : rechercher les drapeaux rouges et les renseigner comme faits.',
              responsible: ['medecin-traitant'],
              data: {
                type: 'object',
                properties: {
                  diagnostic: { type: 'string', enum: ['lombalgie-commune', 'autre'] },
                  drapeauxRougesRecherches: { const: true },
                },
                required: ['diagnostic', 'drapeauxRougesRecherches'],
              },
            },
            {
              id: 'antalgique-lombalgie',
              label: {
                fr: 'Prescrire un antalgique (paracétamol ou AINS)',
                en: 'Prescribe paracetamol or an NSAID',
              },
              responsible: ['medecin-traitant'],
              required: false,
              data: {
                type: 'object',
                properties: { molecule: { type: 'string', enum: ['paracetamol', 'ains'] }, posologie: TEXTE },
                required: ['molecule'],
              },
            },
            {
              id: 'arret-travail-lombalgie',
              label: {
                fr: 'Prescrire un arrêt de travail (1 à 5 jours)',
                en: 'Issue a sick note (1 to 5 days)',
              },
              responsible: ['medecin-traitant'],
              required: false,
              data: {
                type: 'object',
                properties: { jours: { type: 'integer', minimum: 1, maximum: 5 } },
                required: ['jours'],
              },
            },
          ],
          exits: [
            {
              to: 'retour-medecin',
              when: { task: 'reprise-par-medecin', status: ['open', 'accepted'] },
              label: { fr: 'Drapeau rouge : retour au médecin' },
            },
            {
              to: 'satisfaction',
              when: {
                all: [
                  { requiredTasksDone: true },
                  { not: { task: 'compte-rendu-medecin-traitant', status: ['open', 'accepted'] } },
                ],
              },
              label: { fr: 'Diagnostic posé et compte rendu adressé : fin de la prise en charge' },
            },
          ],
        },
        {
          id: 'retour-medecin',
          label: { fr: 'Retour au médecin', en: 'Handed back to the GP' },
          segment: 'suivi-ville',
          exits: [
            { to: 'satisfaction', when: { task: 'reprise-par-medecin', status: ['completed', 'waived'] } },
          ],
        },
        {
          id: 'satisfaction',
          label: { fr: 'Enquête de satisfaction', en: 'Satisfaction survey' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'enquete-satisfaction',
              label: {
                fr: 'Adresser l’enquête de satisfaction au patient',
                en: 'Send the satisfaction survey',
              },
              responsible: ['coordinateur-cpts'],
              data: {
                type: 'object',
                properties: { envoyeeLe: DATE, reponseRecue: OUI_NON, satisfait: OUI_NON },
                required: ['envoyeeLe'],
              },
            },
          ],
        },
      ],
      exits: [
        {
          to: 'termine',
          when: {
            all: [
              { requiredTasksDone: true },
              { task: 'enquete-satisfaction', status: ['completed', 'waived'] },
            ],
          },
          label: { fr: 'Comptes rendus adressés et enquête envoyée' },
        },
      ],
    },
    {
      id: 'termine',
      label: { fr: 'Prise en charge terminée', en: 'Completed' },
      segment: 'suivi-ville',
      kind: 'final',
    },
  ],
  delegations: [
    {
      id: 'entorse-cheville',
      label: { fr: 'Entorse de cheville en accès direct', en: 'Ankle sprain, direct access' },
      reference:
        'Arrêté du 6 mars 2020 ; ouvert aux CPTS par l’arrêté du 11 juillet 2022 ; versions mises à jour par les arrêtés de 2023',
      delegating: 'medecin-traitant',
      delegate: 'masseur-kinesitherapeute',
      tasks: [
        'bilan-entorse',
        'antalgique-entorse',
        'prescription-radiographie',
        'prescription-reeducation',
        'arret-travail-entorse',
      ],
      qualification: {
        id: 'formation-cooperation-entorse',
        label: { fr: 'Formation de 10 h au protocole « entorse de cheville »' },
        minHours: 10,
        source: 'cooperation-soins-non-programmes',
      },
      consent: { fact: 'consentementCooperation' },
      inclusion: {
        all: [
          { fact: 'motif', op: 'eq', value: 'entorse-cheville' },
          { fact: 'age', op: 'gte', value: 18 },
          { fact: 'age', op: 'lte', value: 55 },
        ],
      },
      exclusions: [
        {
          id: 'plaie',
          label: { fr: 'Plaie', en: 'Wound' },
          when: { fact: 'plaie', op: 'eq', value: true },
          source: 'arrete-entorse-2020',
          note: ANNEXE_NON_CONSULTEE,
        },
        {
          id: 'polytraumatisme',
          label: { fr: 'Polytraumatisme', en: 'Multiple trauma' },
          when: { fact: 'polytraumatisme', op: 'eq', value: true },
          source: 'arrete-entorse-2020',
          note: ANNEXE_NON_CONSULTEE,
        },
        {
          id: 'appui-impossible-24h',
          label: {
            fr: 'Appui impossible 24 h après le traumatisme',
            en: 'Cannot bear weight 24 h after the trauma',
          },
          when: {
            all: [
              { fact: 'appuiImpossible', op: 'eq', value: true },
              { elapsed: 'PT24H', since: { fact: 'dateDebutSymptomes' } },
            ],
          },
          source: 'arrete-entorse-2020',
          note: ANNEXE_NON_CONSULTEE,
        },
        {
          id: 'risque-thromboembolique',
          label: { fr: 'Risque thrombo-embolique ou doute', en: 'Thrombo-embolic risk or doubt' },
          when: { fact: 'risqueThromboembolique', op: 'eq', value: true },
          source: 'arrete-entorse-2020',
          note: ANNEXE_NON_CONSULTEE,
        },
      ],
      handBack: { task: 'reprise-par-medecin' },
      obligations: [{ task: 'compte-rendu-medecin-traitant' }],
      source: 'cooperation-soins-non-programmes',
      note: 'Tranche d’âge 18–55 ans et formation de 10 h : pages ARS et CPTS ; exclusions : arrêté du 6 mars 2020 (⚠ annexe non consultée).',
    },
    {
      id: 'lombalgie-aigue',
      label: { fr: 'Lombalgie aiguë en accès direct', en: 'Acute low back pain, direct access' },
      reference:
        'Protocole national de coopération « lombalgie aiguë » (soins non programmés) ; arrêtés de 2023',
      delegating: 'medecin-traitant',
      delegate: 'masseur-kinesitherapeute',
      tasks: ['bilan-lombalgie', 'antalgique-lombalgie', 'arret-travail-lombalgie'],
      qualification: {
        id: 'formation-cooperation-lombalgie',
        label: { fr: 'Formation de 10 h (sur 3 jours) au protocole « lombalgie aiguë »' },
        minHours: 10,
        source: 'cooperation-soins-non-programmes',
      },
      consent: { fact: 'consentementCooperation' },
      inclusion: {
        all: [
          { fact: 'motif', op: 'eq', value: 'lombalgie-aigue' },
          { fact: 'age', op: 'gte', value: 20 },
          { fact: 'age', op: 'lte', value: 55 },
          { exists: 'dateDebutSymptomes' },
          { not: { elapsed: 'P4W', since: { fact: 'dateDebutSymptomes' } } },
        ],
      },
      exclusions: [
        {
          id: 'douleur-non-mecanique',
          label: { fr: 'Douleur non mécanique ou nocturne' },
          when: { fact: 'douleurNonMecanique', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'deficit-neurologique',
          label: { fr: 'Déficit neurologique, queue de cheval, troubles sphinctériens' },
          when: { fact: 'deficitNeurologique', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'paresthesies-perineales',
          label: { fr: 'Paresthésies du périnée' },
          when: { fact: 'paresthesiesPerineales', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'traumatisme-important',
          label: { fr: 'Traumatisme important' },
          when: { fact: 'traumatismeImportant', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'perte-poids',
          label: { fr: 'Perte de poids inexpliquée' },
          when: { fact: 'pertePoidsInexpliquee', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'antecedent-cancer',
          label: { fr: 'Antécédent de cancer' },
          when: { fact: 'antecedentCancer', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'fievre',
          label: { fr: 'Fièvre' },
          when: { fact: 'fievre', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'drogue-iv-corticotherapie',
          label: { fr: 'Usage de drogues IV ou corticothérapie au long cours' },
          when: { fact: 'drogueIvOuCorticotherapie', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'deformation-structurale',
          label: { fr: 'Déformation structurale' },
          when: { fact: 'deformationStructurale', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'douleur-thoracique',
          label: { fr: 'Douleur thoracique' },
          when: { fact: 'douleurThoracique', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
        {
          id: 'age-debut',
          label: { fr: 'Début avant 20 ans ou après 55 ans' },
          when: {
            any: [
              { fact: 'age', op: 'lt', value: 20 },
              { fact: 'age', op: 'gt', value: 55 },
            ],
          },
          source: 'has-lombalgie-2019',
          note: 'Âge actuel pris pour âge de début : la lombalgie a moins de 4 semaines.',
        },
        {
          id: 'alteration-etat-general',
          label: { fr: 'Altération de l’état général' },
          when: { fact: 'alterationEtatGeneral', op: 'eq', value: true },
          source: 'has-lombalgie-2019',
        },
      ],
      handBack: { task: 'reprise-par-medecin' },
      obligations: [{ task: 'compte-rendu-medecin-traitant' }],
      source: 'cooperation-soins-non-programmes',
      note: 'Tranche d’âge 20–55 ans, moins de 4 semaines et formation de 10 h : pages ARS et CPTS (la presse kiné précise « sur 3 jours ») ; drapeaux rouges : HAS 2019.',
    },
  ],
  indicators: [
    {
      id: 'entorse-vue-24h',
      label: { fr: 'Entorses prises en charge dans les 24 h', en: 'Sprains seen within 24 h' },
      kind: 'moyens',
      segment: 'traitement',
      denominator: { stepReached: 'entorse-cheville' },
      numerator: {
        all: [
          { stepReached: 'entorse-cheville' },
          { taskCompleted: 'bilan-entorse', within: 'PT24H', from: { fact: 'dateDebutSymptomes' } },
        ],
      },
      source: 'has-entorse-cheville',
      note: '⚠ Délai de 24 h de la HAS, non vérifié.',
    },
    {
      id: 'compte-rendu-transmis',
      label: {
        fr: 'Prises en charge déléguées suivies d’un compte rendu au médecin traitant',
        en: 'Delegated care reported to the GP',
      },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { any: [{ taskCompleted: 'bilan-entorse' }, { taskCompleted: 'bilan-lombalgie' }] },
      numerator: {
        all: [
          { any: [{ taskCompleted: 'bilan-entorse' }, { taskCompleted: 'bilan-lombalgie' }] },
          { taskCompleted: 'compte-rendu-medecin-traitant' },
        ],
      },
      target: 1,
      source: 'atelier-cooperation',
      note: 'Tout acte délégué donne lieu à un compte rendu : cible 100 %.',
    },
    {
      id: 'enquete-adressee',
      label: {
        fr: 'Patients à qui l’enquête de satisfaction a été adressée',
        en: 'Satisfaction survey sent',
      },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { started: true },
      numerator: { all: [{ started: true }, { taskCompleted: 'enquete-satisfaction' }] },
      source: 'atelier-cooperation',
    },
    {
      id: 'retour-au-medecin',
      label: {
        fr: 'Patients rendus au médecin (exclusion ou drapeau rouge)',
        en: 'Patients handed back to the GP',
      },
      kind: 'resultats',
      segment: 'traitement',
      denominator: { started: true },
      numerator: { all: [{ started: true }, { stepReached: 'retour-medecin' }] },
      source: 'consensus-equipe',
      note: 'Indicateur de sécurité choisi par l’équipe, sans cible : à suivre dans le temps et à discuter en revue.',
    },
  ],
});
