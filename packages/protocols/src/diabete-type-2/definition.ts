/**
 * Diabète de type 2: periodic follow-up (HbA1c four times a year; yearly biology, kidney, ECG;
 * fundus every year, or every two years when eligible), and the podiatric risk gradation
 * (IWGDF grades 0–3) deciding the podiatrist's care (5 sessions a year for grade 2, 8 while a
 * wound heals or 6 otherwise for grade 3).
 * @module
 */
import type { Condition } from '@cpts/core';
import { defineProtocol } from '@cpts/core';
import { ficheCommune } from '../shared/fiche.js';
import { ROLES } from '../shared/roles.js';
import { DATE, OUI_NON, TEXTE } from '../shared/schemas.js';
import { CONSENSUS_EQUIPE, HAS_PROTOCOLES_PLURIPRO } from '../shared/sources.js';

// IWGDF grades (UNCAM decision of 21 March 2013), read from the recorded findings.
const grade3 = (): Condition => ({
  any: [
    { fact: 'antecedentUlcere', op: 'eq', value: true },
    { fact: 'antecedentAmputation', op: 'eq', value: true },
  ],
});
const grade2 = (): Condition => ({
  all: [
    { fact: 'neuropathie', op: 'eq', value: true },
    {
      any: [
        { fact: 'arteriopathie', op: 'eq', value: true },
        { fact: 'deformation', op: 'eq', value: true },
      ],
    },
  ],
});
// Fundus every two years: no retinopathy, no insulin, HbA1c and blood pressure at target.
const fondOeilBiennal = (): Condition => ({
  all: [
    { fact: 'retinopathie', op: 'eq', value: false },
    { fact: 'insuline', op: 'eq', value: false },
    { fact: 'hba1cACible', op: 'eq', value: true },
    { fact: 'pressionArterielleACible', op: 'eq', value: true },
  ],
});

/**
 * The reference protocol *Diabète de type 2 — suivi et gradation du risque podologique*
 * (id `diabete-type-2`), as plain data with its literal ids.
 *
 * @example
 * import { parseProtocol } from '@cpts/core';
 * import { diabeteType2 } from '@cpts/protocols';
 * const protocol = parseProtocol(diabeteType2);
 */
export const diabeteType2 = defineProtocol({
  id: 'diabete-type-2',
  version: '1.0.0',
  title: {
    fr: 'Diabète de type 2 — suivi et gradation du risque podologique',
    en: 'Type 2 diabetes — follow-up and foot-risk grading',
  },
  fiche: {
    ...ficheCommune(),
    professionsImpliquees: [
      'Médecin traitant',
      'Pédicure-podologue',
      'Ophtalmologiste',
      'Cardiologue',
      'Coordinateur de la CPTS',
      'Patient',
    ],
    objectifGeneral:
      'Assurer à chaque patient diabétique de type 2 le suivi périodique recommandé et des soins podologiques adaptés à son grade de risque.',
    objectifsSecondaires: [
      'Fixer une cible d’HbA1c individualisée et la doser 4 fois par an',
      'Réaliser chaque année le bilan biologique (dont rein), l’ECG et le fond d’œil (tous les 2 ans si éligible)',
      'Grader le risque podologique au moins une fois par an et organiser les séances de podologie selon le grade',
      'Proposer l’accompagnement sophia aux patients éligibles',
    ],
    populationCible: 'Adultes atteints de diabète de type 2 suivis par un médecin traitant de la CPTS.',
    criteresInclusion: ['Diabète de type 2 diagnostiqué', 'Médecin traitant membre de la CPTS (à adapter)'],
    criteresExclusion: ['Diabète de type 1 ou gestationnel', 'Refus du patient'],
    evaluation: [
      'Part des patients ayant au moins une HbA1c sur la période',
      'Part des patients ayant eu un fond d’œil et une gradation du risque podologique',
      'Part des patients de grade 2 ou 3 ayant eu leurs séances de podologie',
      'Part des patients à leur cible d’HbA1c',
    ],
    documentsAssocies: [
      'Fiche de gradation du risque podologique (monofilament 10 g, pouls, IPS)',
      'Tableau des cibles d’HbA1c (HAS 2013)',
      'Présentation du service sophia',
    ],
    groupeDeTravail: [
      'Médecins généralistes, pédicures-podologues, ophtalmologiste, cardiologue de la CPTS (composition à compléter)',
    ],
    sources: [
      {
        id: 'has-diabete-2013',
        title:
          'Diabète de type 2 : recommandation HAS (janvier 2013) et guide ALD 8 — cibles d’HbA1c (≤ 7 % en général ; ≤ 6,5 % diagnostic récent et espérance de vie > 15 ans ; ≤ 8 % comorbidité sévère ; < 9 % personne âgée dépendante) ; HbA1c 4 fois par an ; chaque année : glycémie à jeun, bilan lipidique, microalbuminurie, créatinine / clairance, ECG de repos, fond d’œil',
        kind: 'recommandation',
        publisher: 'Haute Autorité de santé',
        year: 2013,
        caveat: 'Lu à travers un support d’enseignement : vérifier dans les textes HAS.',
      },
      {
        id: 'has-2010-fond-oeil',
        title:
          'Fond d’œil tous les 2 ans en l’absence de rétinopathie, sans insuline, avec HbA1c et pression artérielle à la cible',
        kind: 'secondaire',
        publisher: 'HAS 2010, cité par un réseau régional de diabétologie',
        year: 2010,
        caveat: 'Citation par un réseau régional : vérifier dans le texte HAS.',
      },
      {
        id: 'gradation-iwgdf',
        title:
          'Gradation du risque podologique (IWGDF) : 0 pas de neuropathie ; 1 neuropathie isolée ; 2 neuropathie (monofilament 10 g ou vibration > 25 V) avec artériopathie (pouls absents ou IPS < 0,90) et/ou déformation ; 3 antécédent d’ulcère (3a) et/ou d’amputation (3b)',
        kind: 'reglementaire',
        publisher: 'Décision UNCAM du 21 mars 2013',
        year: 2013,
      },
      {
        id: 'ameli-podologie',
        title:
          'Soins de pédicurie-podologie du pied diabétique (avenant 2023, loi du 19 mai 2023) : grade 0–1, un bilan de gradation par an ; grade 2, 5 séances par an ; grade 3, 8 séances par an pendant la cicatrisation d’une plaie, 6 sinon ; le podologue peut grader et prescrire les séances ; le médecin traitant évalue le risque podologique au moins une fois par an',
        kind: 'programme',
        publisher: 'Assurance Maladie (ameli)',
        year: 2023,
      },
      {
        id: 'sophia',
        title:
          'Service sophia (accompagnement téléphonique par des infirmiers) : adultes en ALD, avec un médecin traitant et au moins 3 délivrances d’antidiabétiques par an',
        kind: 'programme',
        publisher: 'Assurance Maladie',
      },
      HAS_PROTOCOLES_PLURIPRO,
      CONSENSUS_EQUIPE,
    ],
  },
  roles: [
    ROLES.medecinTraitant,
    ROLES.podologue,
    ROLES.ophtalmologiste,
    ROLES.cardiologue,
    ROLES.coordinateurCpts,
  ],
  facts: {
    type: 'object',
    properties: {
      age: { type: 'integer', minimum: 0, description: 'Âge en années.' },
      medecinTraitant: { type: 'string', description: 'Médecin traitant déclaré.' },
      ald: { type: 'boolean', description: 'Affection de longue durée (ALD 8) reconnue.' },
      delivrancesAntidiabetiquesParAn: {
        type: 'integer',
        minimum: 0,
        description: 'Nombre de délivrances d’antidiabétiques sur les 12 derniers mois.',
      },
      cibleHba1c: {
        type: 'number',
        enum: [6.5, 7, 8, 9],
        description: 'Cible d’HbA1c retenue, en % (9 : « moins de 9 % » chez la personne âgée dépendante).',
      },
      hba1cACible: { type: 'boolean', description: 'Dernière HbA1c à la cible.' },
      pressionArterielleACible: { type: 'boolean', description: 'Pression artérielle à la cible.' },
      insuline: { type: 'boolean', description: 'Traitement par insuline.' },
      retinopathie: { type: 'boolean', description: 'Rétinopathie diabétique connue.' },
      neuropathie: {
        type: 'boolean',
        description: 'Neuropathie : monofilament 10 g ou sensibilité vibratoire > 25 V (IWGDF).',
      },
      arteriopathie: {
        type: 'boolean',
        description: 'Artériopathie : pouls absents ou IPS < 0,90 (IWGDF).',
      },
      deformation: { type: 'boolean', description: 'Déformation du pied.' },
      antecedentUlcere: { type: 'boolean', description: 'Antécédent d’ulcère du pied (grade 3a).' },
      antecedentAmputation: { type: 'boolean', description: 'Antécédent d’amputation (grade 3b).' },
      plaieEnCours: { type: 'boolean', description: 'Plaie du pied en cours de cicatrisation.' },
    },
    required: ['age'],
  },
  events: [
    {
      id: 'sortie-protocole',
      label: { fr: 'Sortie du protocole (déménagement, décès, refus…)', en: 'Leaves the protocol' },
    },
  ],
  steps: [
    {
      id: 'bilan-initial',
      label: { fr: 'Bilan initial', en: 'Initial assessment' },
      segment: 'diagnostic',
      tasks: [
        {
          id: 'definir-cible-hba1c',
          label: { fr: 'Définir la cible d’HbA1c du patient', en: 'Set the HbA1c target' },
          description:
            '≤ 7 % pour la plupart ; ≤ 6,5 % diagnostic récent et espérance de vie > 15 ans ; ≤ 8 % comorbidité sévère ; < 9 % personne âgée dépendante (HAS 2013). Enregistrer le fait cibleHba1c.',
          responsible: ['medecin-traitant'],
          data: {
            type: 'object',
            properties: {
              cibleHba1c: { type: 'number', enum: [6.5, 7, 8, 9] },
              justification: {
                type: 'string',
                enum: [
                  'cas-general',
                  'diagnostic-recent-esperance-vie-longue',
                  'comorbidite-severe',
                  'personne-agee-dependante',
                ],
              },
            },
            required: ['cibleHba1c', 'justification'],
          },
        },
      ],
      exits: [{ to: 'suivi-diabete', when: { requiredTasksDone: true } }],
    },
    {
      id: 'suivi-diabete',
      label: { fr: 'Suivi périodique', en: 'Periodic follow-up' },
      segment: 'suivi-ville',
      kind: 'parallel',
      steps: [
        {
          id: 'equilibre-glycemique',
          label: { fr: 'Équilibre glycémique', en: 'Glycaemic control' },
          segment: 'traitement',
          tasks: [
            {
              id: 'hba1c',
              label: { fr: 'Doser l’HbA1c', en: 'HbA1c test' },
              description: 'Enregistrer ensuite le fait hba1cACible (comparaison à la cible du patient).',
              responsible: ['medecin-traitant'],
              repeat: { perYear: 4, source: 'has-diabete-2013' },
              remindBefore: 'P15D',
              onMiss: {
                escalateTo: 'coordinateur-cpts',
                note: 'Choix d’équipe : la CPTS relance le patient.',
              },
              data: {
                type: 'object',
                properties: { date: DATE, hba1c: { type: 'number', minimum: 0 } },
                required: ['date', 'hba1c'],
              },
            },
          ],
        },
        {
          id: 'bilans-annuels',
          label: { fr: 'Bilans annuels', en: 'Yearly check-ups' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'bilan-biologique-annuel',
              label: {
                fr: 'Bilan biologique annuel (dont fonction rénale)',
                en: 'Yearly blood and kidney tests',
              },
              description: 'Glycémie à jeun, bilan lipidique, microalbuminurie, créatinine et clairance.',
              responsible: ['medecin-traitant'],
              onMiss: {
                escalateTo: 'coordinateur-cpts',
                note: 'Choix d’équipe : la CPTS relance le patient.',
              },
              repeat: { perYear: 1, source: 'has-diabete-2013' },
              remindBefore: 'P1M',
              data: {
                type: 'object',
                properties: {
                  date: DATE,
                  glycemieAJeun: OUI_NON,
                  bilanLipidique: OUI_NON,
                  microalbuminurie: OUI_NON,
                  creatinineClairance: OUI_NON,
                },
                required: ['date', 'microalbuminurie', 'creatinineClairance'],
              },
            },
            {
              id: 'ecg-repos',
              label: { fr: 'ECG de repos annuel', en: 'Yearly resting ECG' },
              responsible: ['medecin-traitant', 'cardiologue'],
              onMiss: {
                escalateTo: 'coordinateur-cpts',
                note: 'Choix d’équipe : la CPTS relance le patient.',
              },
              repeat: { perYear: 1, source: 'has-diabete-2013' },
              data: { type: 'object', properties: { date: DATE }, required: ['date'] },
            },
          ],
        },
        {
          id: 'retine',
          label: { fr: 'Dépistage de la rétinopathie', en: 'Retinopathy screening' },
          segment: 'prevention-tertiaire',
          initial: 'fond-oeil-annuel',
          steps: [
            {
              id: 'fond-oeil-annuel',
              label: { fr: 'Fond d’œil annuel', en: 'Yearly fundus' },
              segment: 'prevention-tertiaire',
              tasks: [
                {
                  id: 'fond-oeil',
                  label: { fr: 'Examen du fond d’œil', en: 'Fundus examination' },
                  responsible: ['ophtalmologiste'],
                  onMiss: {
                    escalateTo: 'coordinateur-cpts',
                    note: 'Choix d’équipe : la CPTS relance le patient.',
                  },
                  repeat: { perYear: 1, source: 'has-diabete-2013' },
                  data: {
                    type: 'object',
                    properties: { date: DATE, retinopathie: OUI_NON },
                    required: ['date', 'retinopathie'],
                  },
                },
              ],
              exits: [
                {
                  to: 'fond-oeil-biennal',
                  when: fondOeilBiennal(),
                  label: { fr: 'Sans rétinopathie, sans insuline, HbA1c et PA à la cible' },
                },
              ],
            },
            {
              id: 'fond-oeil-biennal',
              label: { fr: 'Fond d’œil tous les 2 ans', en: 'Fundus every two years' },
              description:
                'Le changement de rythme reprend le délai à l’entrée dans l’étape : l’équipe vérifie la date du dernier fond d’œil.',
              segment: 'prevention-tertiaire',
              tasks: [
                {
                  id: 'fond-oeil-espace',
                  label: { fr: 'Examen du fond d’œil', en: 'Fundus examination' },
                  responsible: ['ophtalmologiste'],
                  onMiss: {
                    escalateTo: 'coordinateur-cpts',
                    note: 'Choix d’équipe : la CPTS relance le patient.',
                  },
                  repeat: {
                    every: 'P2Y',
                    source: 'has-2010-fond-oeil',
                    note: 'HAS 2010 cité par un réseau régional : à vérifier dans le texte HAS.',
                  },
                  data: {
                    type: 'object',
                    properties: { date: DATE, retinopathie: OUI_NON },
                    required: ['date', 'retinopathie'],
                  },
                },
              ],
              exits: [
                {
                  to: 'fond-oeil-annuel',
                  when: { not: fondOeilBiennal() },
                  label: { fr: 'Un critère n’est plus rempli : retour au rythme annuel' },
                },
              ],
            },
          ],
        },
        {
          id: 'pied',
          label: { fr: 'Pied diabétique', en: 'Diabetic foot' },
          segment: 'prevention-tertiaire',
          initial: 'gradation-podologique',
          tasks: [
            {
              id: 'evaluation-annuelle-pied',
              label: { fr: 'Évaluer le risque podologique', en: 'Yearly foot-risk assessment' },
              description:
                'Au moins une fois par an ; mettre à jour les faits de gradation (neuropathie, artériopathie…).',
              responsible: ['medecin-traitant'],
              onMiss: {
                escalateTo: 'coordinateur-cpts',
                note: 'Choix d’équipe : la CPTS relance le patient.',
              },
              repeat: { perYear: 1, source: 'ameli-podologie' },
              data: {
                type: 'object',
                properties: {
                  date: DATE,
                  neuropathie: OUI_NON,
                  arteriopathie: OUI_NON,
                  deformation: OUI_NON,
                  antecedentUlcere: OUI_NON,
                  antecedentAmputation: OUI_NON,
                },
                required: ['date', 'neuropathie'],
              },
            },
          ],
          steps: [
            {
              id: 'gradation-podologique',
              label: { fr: 'Gradation du risque podologique', en: 'Foot-risk grading' },
              description:
                'Le grade se lit sur les faits (IWGDF) : tant que la neuropathie n’est pas renseignée, le patient reste à cette étape plutôt que d’être classé grade 0–1 par défaut.',
              segment: 'prevention-tertiaire',
              tasks: [
                {
                  id: 'grader-risque-podologique',
                  label: { fr: 'Grader le risque podologique (0 à 3)', en: 'Grade the foot risk (0 to 3)' },
                  description:
                    'Par le médecin traitant ou directement par le pédicure-podologue ; enregistrer les constatations comme faits (grades IWGDF).',
                  responsible: ['medecin-traitant', 'podologue'],
                  data: {
                    type: 'object',
                    properties: {
                      neuropathie: OUI_NON,
                      arteriopathie: OUI_NON,
                      deformation: OUI_NON,
                      antecedentUlcere: OUI_NON,
                      antecedentAmputation: OUI_NON,
                      grade: { type: 'string', enum: ['0', '1', '2', '3a', '3b'] },
                    },
                    required: ['neuropathie', 'grade'],
                  },
                },
              ],
              exits: [
                {
                  to: 'pied-grade-3',
                  when: { all: [{ requiredTasksDone: true }, grade3()] },
                  label: { fr: 'Grade 3' },
                },
                {
                  to: 'pied-grade-2',
                  when: { all: [{ requiredTasksDone: true }, grade2(), { not: grade3() }] },
                  label: { fr: 'Grade 2' },
                },
                {
                  to: 'pied-grade-0-1',
                  when: {
                    all: [
                      { requiredTasksDone: true },
                      { exists: 'neuropathie' },
                      { not: grade2() },
                      { not: grade3() },
                    ],
                  },
                  label: { fr: 'Grade 0 ou 1 (neuropathie renseignée)' },
                },
              ],
            },
            {
              id: 'pied-grade-0-1',
              label: {
                fr: 'Grade 0–1 : bilan podologique annuel',
                en: 'Grade 0–1: yearly podiatry assessment',
              },
              segment: 'prevention-tertiaire',
              tasks: [
                {
                  id: 'bilan-podologique-annuel',
                  label: { fr: 'Bilan podologique de gradation', en: 'Podiatry grading assessment' },
                  description: 'Un bilan de gradation par an pris en charge (ameli) ; facultatif.',
                  responsible: ['podologue'],
                  required: false,
                  repeat: { perYear: 1, source: 'ameli-podologie' },
                },
              ],
              exits: [
                { to: 'pied-grade-3', when: grade3() },
                { to: 'pied-grade-2', when: { all: [grade2(), { not: grade3() }] } },
              ],
            },
            {
              id: 'pied-grade-2',
              label: {
                fr: 'Grade 2 : 5 séances de podologie par an',
                en: 'Grade 2: 5 podiatry sessions a year',
              },
              segment: 'prevention-tertiaire',
              tasks: [
                {
                  id: 'seance-podologie-grade-2',
                  label: { fr: 'Séance de soins de podologie', en: 'Podiatry session' },
                  responsible: ['podologue'],
                  onMiss: {
                    escalateTo: 'medecin-traitant',
                    note: 'Choix d’équipe : le médecin traitant est prévenu de séances non réalisées.',
                  },
                  repeat: { perYear: 5, source: 'ameli-podologie' },
                  data: {
                    type: 'object',
                    properties: { date: DATE, observations: TEXTE },
                    required: ['date'],
                  },
                },
              ],
              exits: [{ to: 'pied-grade-3', when: grade3() }],
            },
            {
              id: 'pied-grade-3',
              label: { fr: 'Grade 3 : séances de podologie renforcées', en: 'Grade 3: intensified podiatry' },
              segment: 'prevention-tertiaire',
              initial: 'grade-3-sans-plaie',
              steps: [
                {
                  id: 'grade-3-sans-plaie',
                  label: {
                    fr: 'Grade 3 sans plaie : 6 séances par an',
                    en: 'Grade 3, no wound: 6 sessions a year',
                  },
                  segment: 'prevention-tertiaire',
                  tasks: [
                    {
                      id: 'seance-podologie-grade-3',
                      label: { fr: 'Séance de soins de podologie', en: 'Podiatry session' },
                      responsible: ['podologue'],
                      onMiss: {
                        escalateTo: 'medecin-traitant',
                        note: 'Choix d’équipe : le médecin traitant est prévenu de séances non réalisées.',
                      },
                      repeat: { perYear: 6, source: 'ameli-podologie' },
                      data: {
                        type: 'object',
                        properties: { date: DATE, observations: TEXTE },
                        required: ['date'],
                      },
                    },
                  ],
                  exits: [{ to: 'grade-3-plaie', when: { fact: 'plaieEnCours', op: 'eq', value: true } }],
                },
                {
                  id: 'grade-3-plaie',
                  label: {
                    fr: 'Grade 3, plaie en cicatrisation : 8 séances par an',
                    en: 'Grade 3, healing wound: 8 a year',
                  },
                  segment: 'prevention-tertiaire',
                  tasks: [
                    {
                      id: 'seance-podologie-plaie',
                      label: { fr: 'Séance de soins de podologie (plaie)', en: 'Podiatry session (wound)' },
                      responsible: ['podologue'],
                      onMiss: {
                        escalateTo: 'medecin-traitant',
                        note: 'Choix d’équipe : le médecin traitant est prévenu de séances non réalisées.',
                      },
                      repeat: { perYear: 8, source: 'ameli-podologie' },
                      data: {
                        type: 'object',
                        properties: { date: DATE, evolutionPlaie: TEXTE },
                        required: ['date'],
                      },
                    },
                  ],
                  exits: [
                    {
                      to: 'grade-3-sans-plaie',
                      when: { not: { fact: 'plaieEnCours', op: 'eq', value: true } },
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          id: 'accompagnement',
          label: { fr: 'Accompagnement', en: 'Support' },
          segment: 'non-medicamenteux',
          tasks: [
            {
              id: 'proposer-sophia',
              label: { fr: 'Proposer le service sophia', en: 'Offer the sophia programme' },
              description:
                'Adultes en ALD, avec un médecin traitant et au moins 3 délivrances d’antidiabétiques par an (source sophia). Facultatif.',
              responsible: ['medecin-traitant'],
              required: false,
              when: {
                all: [
                  { fact: 'age', op: 'gte', value: 18 },
                  { fact: 'ald', op: 'eq', value: true },
                  { exists: 'medecinTraitant' },
                  { fact: 'delivrancesAntidiabetiquesParAn', op: 'gte', value: 3 },
                ],
              },
              data: {
                type: 'object',
                properties: { propose: OUI_NON, accepte: OUI_NON },
                required: ['propose'],
              },
            },
          ],
        },
      ],
      exits: [{ to: 'fin-suivi', on: 'sortie-protocole' }],
    },
    {
      id: 'fin-suivi',
      label: { fr: 'Fin du suivi dans le protocole', en: 'Left the protocol' },
      segment: 'suivi-ville',
      kind: 'final',
    },
  ],
  indicators: [
    {
      id: 'hba1c-realisee',
      label: {
        fr: 'Patients ayant au moins une HbA1c sur la période',
        en: 'At least one HbA1c in the period',
      },
      kind: 'moyens',
      segment: 'traitement',
      denominator: { stepReached: 'suivi-diabete' },
      numerator: { all: [{ stepReached: 'suivi-diabete' }, { taskCompleted: 'hba1c' }] },
      source: 'has-diabete-2013',
      note: 'Indicateur choisi par l’équipe à partir de la recommandation (4 dosages par an) ; à calculer sur un trimestre ou une année.',
    },
    {
      id: 'fond-oeil-realise',
      label: { fr: 'Patients ayant eu un fond d’œil sur la période', en: 'Fundus examined in the period' },
      kind: 'moyens',
      segment: 'prevention-tertiaire',
      denominator: { stepReached: 'suivi-diabete' },
      numerator: {
        all: [
          { stepReached: 'suivi-diabete' },
          { any: [{ taskCompleted: 'fond-oeil' }, { taskCompleted: 'fond-oeil-espace' }] },
        ],
      },
      source: 'has-diabete-2013',
      note: 'Indicateur choisi par l’équipe ; période d’un an (deux ans pour les patients au rythme biennal).',
    },
    {
      id: 'risque-podologique-evalue',
      label: { fr: 'Patients dont le risque podologique a été gradé', en: 'Foot risk graded' },
      kind: 'moyens',
      segment: 'prevention-tertiaire',
      denominator: { stepReached: 'suivi-diabete' },
      numerator: {
        all: [
          { stepReached: 'suivi-diabete' },
          {
            any: [
              { taskCompleted: 'grader-risque-podologique' },
              { taskCompleted: 'evaluation-annuelle-pied' },
            ],
          },
        ],
      },
      source: 'ameli-podologie',
      note: 'Indicateur choisi par l’équipe : évaluation au moins annuelle par le médecin traitant (ameli).',
    },
    {
      id: 'soins-podologiques-grades-2-3',
      label: {
        fr: 'Patients de grade 2 ou 3 ayant eu des séances de podologie',
        en: 'Grade 2–3 patients with podiatry',
      },
      kind: 'moyens',
      segment: 'prevention-tertiaire',
      denominator: { any: [{ stepReached: 'pied-grade-2' }, { stepReached: 'pied-grade-3' }] },
      numerator: {
        all: [
          { any: [{ stepReached: 'pied-grade-2' }, { stepReached: 'pied-grade-3' }] },
          {
            any: [
              { taskCompleted: 'seance-podologie-grade-2' },
              { taskCompleted: 'seance-podologie-grade-3' },
              { taskCompleted: 'seance-podologie-plaie' },
            ],
          },
        ],
      },
      source: 'ameli-podologie',
    },
    {
      id: 'hba1c-a-la-cible',
      label: { fr: 'Patients à leur cible d’HbA1c', en: 'Patients at their HbA1c target' },
      kind: 'resultats',
      segment: 'traitement',
      denominator: { stepReached: 'suivi-diabete' },
      numerator: {
        all: [
          { stepReached: 'suivi-diabete' },
          { condition: { fact: 'hba1cACible', op: 'eq', value: true } },
        ],
      },
      source: 'has-diabete-2013',
      note: 'Cible individualisée du patient (fait cibleHba1c) ; indicateur choisi par l’équipe.',
    },
    {
      id: 'pied-sans-rupture',
      label: {
        fr: 'Patients à risque podologique suivis sans rupture',
        en: 'At-risk feet followed without a break',
      },
      kind: 'resultats',
      segment: 'prevention-tertiaire',
      denominator: { any: [{ stepReached: 'pied-grade-2' }, { stepReached: 'pied-grade-3' }] },
      numerator: {
        all: [
          { any: [{ stepReached: 'pied-grade-2' }, { stepReached: 'pied-grade-3' }] },
          { not: { rupture: { segment: 'prevention-tertiaire' } } },
        ],
      },
      source: 'consensus-equipe',
      note: 'Indicateur choisi par l’équipe.',
    },
  ],
});
