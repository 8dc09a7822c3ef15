/**
 * BPCO (COPD): diagnosis confirmed by spirometry, yearly follow-up, vaccination and smoking
 * cessation, then the follow-up after a hospitalisation for exacerbation (PRADO BPCO: GP within
 * 7 days, pulmonologist within 2 months, nurse and physiotherapist; pulmonary rehabilitation;
 * long-acting bronchodilator), with the seven HAS quality indicators of the COPD pathway.
 * @module
 */
import { defineProtocol } from '@cpts/core';
import { ficheCommune } from '../shared/fiche.js';
import { ROLES } from '../shared/roles.js';
import { DATE, OUI_NON, TEXTE } from '../shared/schemas.js';
import { CONSENSUS_EQUIPE, DECRET_LETTRE_LIAISON, HAS_PROTOCOLES_PLURIPRO } from '../shared/sources.js';

/** Reading of the HAS indicator titles: the team's, since the exact definitions were not retrieved. */
const LECTURE_INDICATEUR =
  '⚠ Numérateur et dénominateur exacts de la HAS non consultés : définition lue par l’équipe à partir du titre de l’indicateur.';

/**
 * The reference protocol *BPCO — diagnostic, suivi et sortie d'hospitalisation pour exacerbation*
 * (id `bpco`), as plain data with its literal ids.
 *
 * @example
 * import { parseProtocol } from '@cpts/core';
 * import { bpco } from '@cpts/protocols';
 * const protocol = parseProtocol(bpco);
 * protocol.indicators.map((i) => i.id); // the seven HAS indicators, then the team's outcome indicator
 */
export const bpco = defineProtocol({
  id: 'bpco',
  version: '1.0.0',
  title: {
    fr: "BPCO — diagnostic, suivi et sortie d'hospitalisation pour exacerbation",
    en: 'COPD — diagnosis, follow-up and discharge after an exacerbation',
  },
  fiche: {
    ...ficheCommune(),
    professionsImpliquees: [
      'Médecin traitant',
      'Pneumologue',
      'Infirmier(ère) libéral(e)',
      'Masseur-kinésithérapeute',
      "Pharmacien d'officine",
      'Équipe hospitalière',
      "Conseiller de l'Assurance Maladie (PRADO)",
      'Structure de réhabilitation respiratoire',
      'Coordinateur de la CPTS',
      'Patient',
    ],
    objectifGeneral:
      'Confirmer tôt le diagnostic de BPCO par spirométrie et sécuriser le suivi après une hospitalisation pour exacerbation, en suivant les indicateurs de qualité du parcours BPCO de la HAS.',
    objectifsSecondaires: [
      'Proposer une spirométrie aux personnes à risque (dès 40 ans et au moins 10 paquets-années)',
      'Spirométrie ou EFR chaque année ; vaccination antigrippale ; sevrage tabagique',
      'Après une hospitalisation pour exacerbation : médecin traitant dans les 7 jours, pneumologue dans les 2 mois (PRADO BPCO)',
      'Bronchodilatateur de longue durée d’action et réhabilitation respiratoire dans les 90 jours',
      'Surveillance infirmière avec transmission au médecin traitant',
    ],
    populationCible:
      'Personnes à risque de BPCO (dès 40 ans avec au moins 10 paquets-années) et patients atteints de BPCO suivis par les professionnels de la CPTS.',
    criteresInclusion: [
      'Suspicion de BPCO : 40 ans ou plus et au moins 10 paquets-années (Quotidien du Médecin citant la HAS)',
      'ou BPCO confirmée : VEMS/CVF < 0,7 après bronchodilatateur',
    ],
    criteresExclusion: [
      'Rapport VEMS/CVF ≥ 0,7 après bronchodilatateur : BPCO non confirmée, sortie du protocole',
      'Refus du patient',
    ],
    evaluation: [
      'Les sept indicateurs de qualité du parcours BPCO de la HAS, comparés aux résultats nationaux',
      'Suivis après exacerbation sans rupture en ville',
    ],
    documentsAssocies: [
      'Compte rendu de spirométrie / EFR',
      'Lettre de liaison de sortie (art. R1112-1-2 CSP)',
      'Fiche de surveillance infirmière (dyspnée, fréquence respiratoire, SpO2, cyanose, pression artérielle, fréquence cardiaque, poids, œdèmes)',
      'Prescription de réhabilitation respiratoire',
    ],
    groupeDeTravail: [
      'Médecins généralistes, pneumologue, infirmiers, kinésithérapeutes et pharmaciens de la CPTS (composition à compléter)',
    ],
    sources: [
      {
        id: 'diagnostic-bpco',
        title:
          'Diagnostic de la BPCO : VEMS/CVF < 0,7 après bronchodilatateur ; y penser dès 40 ans avec au moins 10 paquets-années',
        kind: 'secondaire',
        publisher: 'Le Quotidien du Médecin, citant la HAS',
        caveat: 'Presse médicale citant la HAS : vérifier dans le guide HAS.',
      },
      {
        id: 'has-indicateurs-bpco',
        title:
          'Indicateurs de qualité du parcours BPCO (définis en 2019, rapport validé le 3 mars 2022, calculés sur le SNDS) et résultats nationaux',
        kind: 'recommandation',
        publisher: 'Haute Autorité de santé (résumés ameli, association de pharmaciens, presse)',
        year: 2022,
        caveat:
          '⚠ Numérateurs, dénominateurs et exclusions exacts non consultés : les définitions du protocole sont la lecture de l’équipe à partir des titres.',
      },
      {
        id: 'prado-bpco',
        title:
          'Fiche PRADO – BPCO (depuis 2015) : médecin traitant dans les 7 jours, pneumologue dans les 2 mois, infirmier et kinésithérapeute choisis par le patient',
        kind: 'programme',
        publisher: 'Assurance Maladie',
        year: 2015,
        caveat: 'Fiche consultée via une copie (mirror).',
      },
      {
        id: 'splf-2015',
        title:
          'Version société savante du PRADO BPCO : médecin traitant dans les 8 jours et de nouveau à 2 mois ; éducation hebdomadaire ; kinésithérapie respiratoire ; bilan à 6 mois',
        kind: 'recommandation',
        publisher: 'Société de pneumologie de langue française (SPLF)',
        year: 2015,
        caveat: '⚠ Relevé dans une source secondaire, non vérifié dans le texte de la SPLF.',
      },
      {
        id: 'surveillance-infirmiere-bpco',
        title:
          'Surveillance infirmière de la BPCO : dyspnée, fréquence respiratoire, SpO2, cyanose, pression artérielle, fréquence cardiaque, poids, œdèmes ; transmission au médecin traitant dans les 48 h par messagerie sécurisée ; une visite par semaine pendant 2 mois puis toutes les 2 semaines pendant 4 mois pour les stades II à IV',
        kind: 'secondaire',
        publisher: 'Presse infirmière',
        caveat: 'Presse professionnelle, non vérifiée dans la fiche PRADO BPCO.',
      },
      {
        id: 'has-rehabilitation-respiratoire',
        title:
          'Réhabilitation respiratoire (fiche HAS) : à prescrire si la dyspnée ou l’intolérance à l’effort persistent malgré un traitement optimisé ; peut suivre une hospitalisation pour exacerbation ; entretien : activité physique 3 à 5 fois par semaine, 30 à 45 minutes',
        kind: 'recommandation',
        publisher: 'Haute Autorité de santé',
      },
      DECRET_LETTRE_LIAISON,
      HAS_PROTOCOLES_PLURIPRO,
      CONSENSUS_EQUIPE,
    ],
  },
  roles: [
    ROLES.patient,
    ROLES.medecinTraitant,
    ROLES.pneumologue,
    ROLES.infirmier,
    ROLES.kinesitherapeute,
    ROLES.pharmacien,
    ROLES.equipeHospitaliere,
    ROLES.conseillerAm,
    ROLES.structureRehabilitation,
    ROLES.coordinateurCpts,
  ],
  facts: {
    type: 'object',
    properties: {
      age: { type: 'integer', minimum: 0, description: 'Âge en années.' },
      paquetsAnnees: { type: 'number', minimum: 0, description: 'Tabagisme cumulé, en paquets-années.' },
      fumeur: { type: 'boolean', description: 'Tabagisme actif.' },
      rapportVemsCvf: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'Rapport VEMS/CVF mesuré après bronchodilatateur (spirométrie).',
      },
      stade: {
        type: 'integer',
        minimum: 1,
        maximum: 4,
        description: 'Stade de sévérité de la BPCO (I à IV).',
      },
      dyspneePersistante: {
        type: 'boolean',
        description: 'Dyspnée persistante malgré un traitement optimisé.',
      },
      intoleranceEffort: {
        type: 'boolean',
        description: 'Intolérance à l’effort persistante malgré un traitement optimisé.',
      },
      eligiblePrado: {
        type: 'boolean',
        description: "Éligible au PRADO BPCO (décision de l'équipe hospitalière).",
      },
      medecinTraitant: { type: 'string', description: 'Médecin traitant déclaré.' },
    },
    required: ['age'],
  },
  events: [
    {
      id: 'hospitalisation-exacerbation',
      label: { fr: 'Hospitalisation pour exacerbation', en: 'Admission for exacerbation' },
    },
    {
      id: 'sortie',
      label: { fr: "Sortie d'hospitalisation", en: 'Discharge' },
      data: { type: 'object', properties: { date: DATE } },
    },
    {
      id: 'aggravation-constatee',
      label: {
        fr: 'Aggravation constatée lors de la surveillance infirmière',
        en: 'Worsening found by the nurse',
      },
      alert: true,
      data: {
        type: 'object',
        properties: {
          dyspnee: OUI_NON,
          frequenceRespiratoire: { type: 'integer', minimum: 0 },
          spo2: { type: 'integer', minimum: 0, maximum: 100 },
          cyanose: OUI_NON,
          oedemes: OUI_NON,
          commentaire: TEXTE,
        },
      },
    },
    {
      id: 'sortie-protocole',
      label: { fr: 'Sortie du protocole (déménagement, décès, refus…)', en: 'Leaves the protocol' },
    },
  ],
  steps: [
    {
      id: 'diagnostic',
      label: { fr: 'Repérage et confirmation du diagnostic', en: 'Screening and diagnosis' },
      description:
        'Le diagnostic est posé sur un rapport VEMS/CVF < 0,7 après bronchodilatateur (source diagnostic-bpco).',
      segment: 'diagnostic',
      tasks: [
        {
          id: 'spirometrie-diagnostique',
          label: { fr: 'Réaliser une spirométrie de dépistage', en: 'Screening spirometry' },
          description:
            'Proposée dès 40 ans avec au moins 10 paquets-années (source diagnostic-bpco) ; le rapport VEMS/CVF est enregistré comme fait.',
          responsible: ['medecin-traitant', 'pneumologue'],
          when: {
            all: [
              { fact: 'age', op: 'gte', value: 40 },
              { fact: 'paquetsAnnees', op: 'gte', value: 10 },
            ],
          },
          data: {
            type: 'object',
            properties: {
              date: DATE,
              rapportVemsCvf: { type: 'number', minimum: 0, maximum: 1 },
              apresBronchodilatateur: { const: true },
            },
            required: ['date', 'rapportVemsCvf', 'apresBronchodilatateur'],
          },
        },
      ],
      exits: [
        {
          to: 'suivi-bpco',
          when: { fact: 'rapportVemsCvf', op: 'lt', value: 0.7 },
          label: { fr: 'BPCO confirmée (VEMS/CVF < 0,7)' },
        },
        {
          to: 'bpco-non-confirmee',
          when: { fact: 'rapportVemsCvf', op: 'gte', value: 0.7 },
          label: { fr: 'BPCO non confirmée (VEMS/CVF ≥ 0,7)' },
        },
      ],
    },
    {
      id: 'bpco-non-confirmee',
      label: { fr: 'BPCO non confirmée', en: 'COPD not confirmed' },
      segment: 'diagnostic',
      kind: 'final',
    },
    {
      id: 'suivi-bpco',
      label: { fr: 'Suivi de la BPCO en ville', en: 'COPD follow-up' },
      segment: 'suivi-ville',
      kind: 'parallel',
      steps: [
        {
          id: 'suivi-fonctionnel',
          label: { fr: 'Suivi fonctionnel respiratoire', en: 'Lung function follow-up' },
          segment: 'suivi-ville',
          tasks: [
            {
              id: 'spirometrie-annuelle',
              label: { fr: 'Spirométrie ou EFR annuelle', en: 'Yearly spirometry' },
              responsible: ['pneumologue', 'medecin-traitant'],
              onMiss: {
                escalateTo: 'coordinateur-cpts',
                note: 'Choix d’équipe : la CPTS relance le patient.',
              },
              repeat: {
                perYear: 1,
                source: 'has-indicateurs-bpco',
                note: 'Indicateur HAS n° 3 : spirométrie / EFR annuelle.',
              },
              remindBefore: 'P1M',
              data: {
                type: 'object',
                properties: { date: DATE, rapportVemsCvf: { type: 'number', minimum: 0, maximum: 1 } },
                required: ['date'],
              },
            },
          ],
        },
        {
          id: 'prevention',
          label: { fr: 'Prévention tertiaire', en: 'Tertiary prevention' },
          segment: 'prevention-tertiaire',
          tasks: [
            {
              id: 'vaccination-grippe',
              label: { fr: 'Vacciner contre la grippe', en: 'Flu vaccination' },
              responsible: ['medecin-traitant', 'infirmier', 'pharmacien'],
              onMiss: {
                escalateTo: 'coordinateur-cpts',
                note: 'Choix d’équipe : la CPTS relance le patient.',
              },
              repeat: {
                perYear: 1,
                source: 'consensus-equipe',
                note: 'Indicateur HAS n° 2 (vaccination antigrippale des patients BPCO) ; périodicité annuelle = campagne saisonnière, lecture de l’équipe.',
              },
              data: { type: 'object', properties: { date: DATE }, required: ['date'] },
            },
            {
              id: 'sevrage-tabagique',
              label: { fr: 'Proposer et accompagner le sevrage tabagique', en: 'Smoking cessation support' },
              responsible: ['medecin-traitant', 'pharmacien', 'infirmier'],
              when: { fact: 'fumeur', op: 'eq', value: true },
              data: {
                type: 'object',
                properties: {
                  propose: OUI_NON,
                  accepte: OUI_NON,
                  substitutNicotinique: OUI_NON,
                },
                required: ['propose'],
              },
            },
          ],
        },
        {
          id: 'activite-physique',
          label: { fr: 'Activité physique d’entretien', en: 'Maintenance physical activity' },
          segment: 'non-medicamenteux',
          tasks: [
            {
              id: 'activite-physique-entretien',
              label: { fr: 'Pratiquer une activité physique régulière', en: 'Regular physical activity' },
              description: '3 à 5 fois par semaine, 30 à 45 minutes (fiche HAS réhabilitation respiratoire).',
              responsible: ['patient'],
              required: false,
              data: {
                type: 'object',
                properties: {
                  seancesParSemaine: { type: 'integer', minimum: 0 },
                  dureeMinutes: { type: 'integer', minimum: 0 },
                },
              },
            },
          ],
        },
        {
          id: 'exacerbations',
          label: { fr: 'Exacerbations', en: 'Exacerbations' },
          description:
            'Une hospitalisation pour exacerbation et les 6 mois qui la suivent (PRADO BPCO) se déroulent en parallèle du suivi annuel, qui continue sans repartir de zéro : la spirométrie et la vaccination restent dues à leur date.',
          segment: 'suivi-ville',
          initial: 'etat-stable',
          steps: [
            {
              id: 'etat-stable',
              label: { fr: 'Pas d’exacerbation en cours', en: 'No exacerbation under way' },
              segment: 'suivi-ville',
              exits: [
                {
                  to: 'hospitalisation',
                  on: 'hospitalisation-exacerbation',
                  label: { fr: 'Hospitalisation pour exacerbation' },
                },
              ],
            },
            {
              id: 'hospitalisation',
              label: { fr: 'Hospitalisation pour exacerbation', en: 'Hospital stay for exacerbation' },
              segment: 'hospitalisation',
              tasks: [
                {
                  id: 'eligibilite-prado-bpco',
                  label: { fr: 'Décider de l’éligibilité au PRADO BPCO', en: 'Decide PRADO eligibility' },
                  responsible: ['equipe-hospitaliere'],
                  data: { type: 'object', properties: { eligible: OUI_NON }, required: ['eligible'] },
                },
                {
                  id: 'adhesion-prado-bpco',
                  label: {
                    fr: 'Organiser le retour : rendez-vous, infirmier et kinésithérapeute choisis',
                    en: 'Book follow-up',
                  },
                  description:
                    'Réserve le médecin traitant (7 jours) et le pneumologue (2 mois) ; le patient choisit son infirmier(ère) et son kinésithérapeute (PRADO BPCO).',
                  responsible: ['conseiller-am'],
                  when: { fact: 'eligiblePrado', op: 'eq', value: true },
                  data: {
                    type: 'object',
                    properties: {
                      rdvMedecinTraitant: DATE,
                      rdvPneumologue: DATE,
                      infirmierChoisi: TEXTE,
                      kinesitherapeuteChoisi: TEXTE,
                    },
                    required: ['rdvMedecinTraitant', 'rdvPneumologue'],
                  },
                },
              ],
              exits: [{ to: 'post-exacerbation', on: 'sortie', label: { fr: 'Sortie' } }],
            },
            {
              id: 'post-exacerbation',
              label: {
                fr: 'Suivi après exacerbation (6 mois)',
                en: 'Follow-up after exacerbation (6 months)',
              },
              description:
                'Se termine quand 6 mois sont écoulés depuis la sortie et que le bilan à 6 mois est fait ou levé ; une nouvelle exacerbation ramène à l’hôpital.',
              segment: 'suivi-ville',
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
                        note: '« Le jour même » : au plus tard à la fin du jour calendaire de la sortie.',
                      },
                      onMiss: {
                        escalateTo: 'coordinateur-cpts',
                        note: 'Choix d’équipe : la CPTS relance le service.',
                      },
                      data: {
                        type: 'object',
                        properties: {
                          remiseAuPatient: OUI_NON,
                          envoyeeAuMedecinTraitant: OUI_NON,
                          traitementsModifiesAvecMotif: OUI_NON,
                        },
                        required: ['remiseAuPatient', 'envoyeeAuMedecinTraitant'],
                      },
                    },
                  ],
                },
                {
                  id: 'suivi-medical',
                  label: { fr: 'Suivi médical', en: 'Medical follow-up' },
                  segment: 'suivi-ville',
                  tasks: [
                    {
                      id: 'consultation-mg-post-exacerbation',
                      label: { fr: 'Consultation du médecin traitant', en: 'GP visit' },
                      description: 'Rappel 2 jours avant l’échéance (choix d’équipe).',
                      responsible: ['medecin-traitant'],
                      due: { within: 'P7D', from: { event: 'sortie' }, source: 'prado-bpco' },
                      remindBefore: 'P2D',
                      onMiss: {
                        escalateTo: 'coordinateur-cpts',
                        note: 'Choix d’équipe : la CPTS aide à trouver un rendez-vous.',
                      },
                      data: { type: 'object', properties: { date: DATE }, required: ['date'] },
                    },
                    {
                      id: 'consultation-mg-2-mois',
                      label: { fr: 'Consultation du médecin traitant à 2 mois', en: 'GP visit at 2 months' },
                      description: 'Facultative : recommandation SPLF relevée dans une source secondaire.',
                      responsible: ['medecin-traitant'],
                      required: false,
                      due: {
                        within: 'P2M',
                        from: { event: 'sortie' },
                        source: 'splf-2015',
                        note: '⚠ SPLF 2015 (source secondaire) : seconde consultation à 2 mois ; tâche facultative.',
                      },
                    },
                    {
                      id: 'consultation-pneumologue',
                      label: { fr: 'Consultation du pneumologue', en: 'Pulmonologist visit' },
                      responsible: ['pneumologue'],
                      due: { within: 'P2M', from: { event: 'sortie' }, source: 'prado-bpco' },
                      remindBefore: 'P7D',
                      onMiss: {
                        escalateTo: 'medecin-traitant',
                        note: 'Choix d’équipe : le médecin traitant relance ou réadresse.',
                      },
                      data: { type: 'object', properties: { date: DATE }, required: ['date'] },
                    },
                    {
                      id: 'bilan-6-mois',
                      label: { fr: 'Bilan à 6 mois', en: 'Six-month review' },
                      responsible: ['medecin-traitant', 'pneumologue'],
                      onMiss: {
                        escalateTo: 'coordinateur-cpts',
                        note: 'Choix d’équipe : la CPTS relance le patient.',
                      },
                      due: {
                        within: 'P6M',
                        from: { event: 'sortie' },
                        source: 'splf-2015',
                        note: '⚠ SPLF 2015 (source secondaire) : bilan à 6 mois, retenu par l’équipe comme point de sortie du suivi après exacerbation.',
                      },
                      data: {
                        type: 'object',
                        properties: { date: DATE, synthese: TEXTE },
                        required: ['date'],
                      },
                    },
                  ],
                },
                {
                  id: 'suivi-infirmier',
                  label: { fr: 'Surveillance infirmière', en: 'Nurse monitoring' },
                  segment: 'suivi-ville',
                  initial: 'ide-hebdomadaire',
                  tasks: [
                    {
                      id: 'transmission-medecin-traitant',
                      label: {
                        fr: 'Transmettre l’aggravation au médecin traitant',
                        en: 'Report the worsening to the GP',
                      },
                      description: 'Par messagerie sécurisée, à chaque aggravation constatée.',
                      responsible: ['infirmier'],
                      start: { event: 'aggravation-constatee' },
                      due: {
                        within: 'PT48H',
                        from: { event: 'aggravation-constatee' },
                        source: 'surveillance-infirmiere-bpco',
                        note: 'Presse infirmière : transmission au médecin traitant dans les 48 h ; le protocole suit ce délai pour chaque aggravation signalée.',
                      },
                      onMiss: { escalateTo: 'coordinateur-cpts', note: 'Choix d’équipe.' },
                      data: {
                        type: 'object',
                        properties: { transmisLe: DATE, messagerieSecurisee: OUI_NON },
                        required: ['transmisLe'],
                      },
                    },
                  ],
                  steps: [
                    {
                      id: 'ide-hebdomadaire',
                      label: {
                        fr: 'Visites infirmières hebdomadaires (2 mois)',
                        en: 'Weekly nurse visits (2 months)',
                      },
                      description:
                        'Après 2 mois : toutes les 2 semaines pour les stades II à IV, fin pour le stade I. Stade inconnu : les visites hebdomadaires continuent (choix prudent de l’équipe).',
                      segment: 'suivi-ville',
                      tasks: [
                        {
                          id: 'visite-ide-hebdomadaire',
                          label: { fr: 'Visite infirmière de surveillance', en: 'Nurse monitoring visit' },
                          responsible: ['infirmier'],
                          onMiss: {
                            escalateTo: 'medecin-traitant',
                            note: 'Choix d’équipe : le médecin traitant est prévenu d’une visite manquée.',
                          },
                          due: {
                            within: 'P1W',
                            from: { event: 'sortie' },
                            source: 'surveillance-infirmiere-bpco',
                            note: 'Presse infirmière : une visite par semaine pendant 2 mois.',
                          },
                          repeat: {
                            every: 'P1W',
                            source: 'surveillance-infirmiere-bpco',
                            note: 'Presse infirmière.',
                          },
                          data: {
                            type: 'object',
                            properties: {
                              dyspnee: OUI_NON,
                              frequenceRespiratoire: { type: 'integer', minimum: 0 },
                              spo2: { type: 'integer', minimum: 0, maximum: 100 },
                              cyanose: OUI_NON,
                              pressionArterielle: TEXTE,
                              frequenceCardiaque: { type: 'integer', minimum: 0 },
                              poidsKg: { type: 'number', minimum: 0 },
                              oedemes: OUI_NON,
                              educationRealisee: OUI_NON,
                            },
                            required: ['dyspnee', 'spo2'],
                          },
                        },
                      ],
                      exits: [
                        {
                          to: 'ide-quinzaine',
                          when: {
                            all: [
                              { elapsed: 'P2M', since: { event: 'sortie' } },
                              { fact: 'stade', op: 'gte', value: 2 },
                            ],
                          },
                          label: { fr: '2 mois écoulés, stades II à IV' },
                        },
                        {
                          to: 'fin-surveillance-infirmiere',
                          when: {
                            all: [
                              { elapsed: 'P2M', since: { event: 'sortie' } },
                              { fact: 'stade', op: 'eq', value: 1 },
                            ],
                          },
                          label: { fr: '2 mois écoulés, stade I' },
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
                          label: { fr: 'Visite infirmière de surveillance', en: 'Nurse monitoring visit' },
                          responsible: ['infirmier'],
                          onMiss: {
                            escalateTo: 'medecin-traitant',
                            note: 'Choix d’équipe : le médecin traitant est prévenu d’une visite manquée.',
                          },
                          repeat: {
                            every: 'P2W',
                            source: 'surveillance-infirmiere-bpco',
                            note: 'Presse infirmière : toutes les 2 semaines pendant 4 mois (stades II à IV).',
                          },
                          data: {
                            type: 'object',
                            properties: {
                              dyspnee: OUI_NON,
                              spo2: { type: 'integer', minimum: 0, maximum: 100 },
                              poidsKg: { type: 'number', minimum: 0 },
                            },
                            required: ['dyspnee', 'spo2'],
                          },
                        },
                      ],
                      exits: [
                        {
                          to: 'fin-surveillance-infirmiere',
                          when: { elapsed: 'P6M', since: { event: 'sortie' } },
                        },
                      ],
                    },
                    {
                      id: 'fin-surveillance-infirmiere',
                      label: { fr: 'Surveillance infirmière terminée', en: 'Nurse monitoring completed' },
                      segment: 'suivi-ville',
                      kind: 'final',
                    },
                  ],
                },
                {
                  id: 'traitement',
                  label: { fr: 'Traitement de fond', en: 'Maintenance treatment' },
                  segment: 'traitement',
                  tasks: [
                    {
                      id: 'dispensation-bronchodilatateur',
                      label: {
                        fr: 'Dispenser un bronchodilatateur de longue durée d’action',
                        en: 'Dispense a long-acting bronchodilator',
                      },
                      description:
                        'Prescrit par le médecin traitant ou le pneumologue, dispensé et expliqué par le pharmacien.',
                      responsible: ['pharmacien'],
                      due: {
                        within: 'P90D',
                        from: { event: 'sortie' },
                        source: 'has-indicateurs-bpco',
                        note: 'Indicateur HAS n° 6 : bronchodilatateur de longue durée d’action dans les 90 jours.',
                      },
                      onMiss: { escalateTo: 'medecin-traitant', note: 'Choix d’équipe.' },
                      data: {
                        type: 'object',
                        properties: { date: DATE, techniqueInhalationExpliquee: OUI_NON },
                        required: ['date'],
                      },
                    },
                  ],
                },
                {
                  id: 'rehabilitation',
                  label: { fr: 'Réhabilitation respiratoire', en: 'Pulmonary rehabilitation' },
                  description:
                    'Quand la dyspnée ou l’intolérance à l’effort persistent malgré un traitement optimisé (fiche HAS réhabilitation respiratoire).',
                  segment: 'non-medicamenteux',
                  tasks: [
                    {
                      id: 'prescription-rehabilitation',
                      label: {
                        fr: 'Prescrire la réhabilitation respiratoire',
                        en: 'Prescribe pulmonary rehabilitation',
                      },
                      responsible: ['pneumologue', 'medecin-traitant'],
                      when: {
                        any: [
                          { fact: 'dyspneePersistante', op: 'eq', value: true },
                          { fact: 'intoleranceEffort', op: 'eq', value: true },
                        ],
                      },
                      data: {
                        type: 'object',
                        properties: { date: DATE, structure: TEXTE },
                        required: ['date'],
                      },
                    },
                    {
                      id: 'rehabilitation-respiratoire',
                      label: {
                        fr: 'Débuter la réhabilitation respiratoire',
                        en: 'Start pulmonary rehabilitation',
                      },
                      responsible: ['structure-rehabilitation', 'masseur-kinesitherapeute'],
                      when: {
                        any: [
                          { fact: 'dyspneePersistante', op: 'eq', value: true },
                          { fact: 'intoleranceEffort', op: 'eq', value: true },
                        ],
                      },
                      due: {
                        within: 'P90D',
                        from: { event: 'sortie' },
                        source: 'has-indicateurs-bpco',
                        note: 'Indicateur HAS n° 7 : soins de réhabilitation dans les 90 jours après l’hospitalisation.',
                      },
                      onMiss: { escalateTo: 'pneumologue', note: 'Choix d’équipe.' },
                      data: { type: 'object', properties: { debut: DATE }, required: ['debut'] },
                    },
                    {
                      id: 'kinesitherapie-respiratoire',
                      label: { fr: 'Kinésithérapie respiratoire', en: 'Respiratory physiotherapy' },
                      description: 'Facultative : recommandation SPLF relevée dans une source secondaire.',
                      responsible: ['masseur-kinesitherapeute'],
                      required: false,
                    },
                  ],
                },
              ],
              exits: [
                {
                  to: 'hospitalisation',
                  on: 'hospitalisation-exacerbation',
                  label: { fr: 'Nouvelle exacerbation hospitalisée' },
                },
                {
                  to: 'etat-stable',
                  when: {
                    all: [
                      { elapsed: 'P6M', since: { event: 'sortie' } },
                      { task: 'bilan-6-mois', status: ['completed', 'waived'] },
                    ],
                  },
                  label: { fr: 'Bilan à 6 mois fait : retour au suivi habituel' },
                },
              ],
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
      id: 'has-1-depistage-spirometrie',
      label: {
        fr: 'Dépistage par spirométrie / EFR des personnes à risque',
        en: 'Spirometry screening of people at risk',
      },
      kind: 'moyens',
      segment: 'diagnostic',
      denominator: {
        condition: {
          all: [
            { fact: 'age', op: 'gte', value: 40 },
            { fact: 'paquetsAnnees', op: 'gte', value: 10 },
          ],
        },
      },
      numerator: {
        all: [
          {
            condition: {
              all: [
                { fact: 'age', op: 'gte', value: 40 },
                { fact: 'paquetsAnnees', op: 'gte', value: 10 },
              ],
            },
          },
          { taskCompleted: 'spirometrie-diagnostique' },
        ],
      },
      reference: { value: 0.213, label: 'Résultat national HAS (SNDS)' },
      source: 'has-indicateurs-bpco',
      note: `${LECTURE_INDICATEUR} « À risque » : dès 40 ans et au moins 10 paquets-années (source diagnostic-bpco).`,
    },
    {
      id: 'has-2-vaccination-grippe',
      label: { fr: 'Vaccination antigrippale des patients BPCO', en: 'Flu vaccination of COPD patients' },
      kind: 'moyens',
      segment: 'prevention-tertiaire',
      denominator: { stepReached: 'suivi-bpco' },
      numerator: { all: [{ stepReached: 'suivi-bpco' }, { taskCompleted: 'vaccination-grippe' }] },
      reference: { value: 0.527, label: 'Résultat national HAS (SNDS)' },
      source: 'has-indicateurs-bpco',
      note: LECTURE_INDICATEUR,
    },
    {
      id: 'has-3-spirometrie-annuelle',
      label: { fr: 'Spirométrie / EFR annuelle', en: 'Yearly spirometry' },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { stepReached: 'suivi-bpco' },
      numerator: { all: [{ stepReached: 'suivi-bpco' }, { taskCompleted: 'spirometrie-annuelle' }] },
      reference: { value: 0.342, label: 'Résultat national HAS (SNDS)' },
      source: 'has-indicateurs-bpco',
      note: `${LECTURE_INDICATEUR} À calculer sur une période d’un an.`,
    },
    {
      id: 'has-4-suivi-medical-7-jours',
      label: {
        fr: 'Suivi médical dans les 7 jours après hospitalisation pour exacerbation',
        en: 'Medical follow-up within 7 days',
      },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'consultation-mg-post-exacerbation', within: 'P7D', from: { event: 'sortie' } },
        ],
      },
      reference: { value: 0.419, label: 'Résultat national HAS (SNDS)' },
      source: 'has-indicateurs-bpco',
      note: LECTURE_INDICATEUR,
    },
    {
      id: 'has-5-pneumologue-60-jours',
      label: { fr: 'Suivi par un pneumologue dans les 60 jours', en: 'Pulmonologist within 60 days' },
      kind: 'moyens',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'consultation-pneumologue', within: 'P60D', from: { event: 'sortie' } },
        ],
      },
      reference: { value: 0.309, label: 'Résultat national HAS (SNDS)' },
      source: 'has-indicateurs-bpco',
      note: LECTURE_INDICATEUR,
    },
    {
      id: 'has-6-bronchodilatateur-90-jours',
      label: {
        fr: 'Bronchodilatateur de longue durée d’action dans les 90 jours',
        en: 'Long-acting bronchodilator within 90 days',
      },
      kind: 'moyens',
      segment: 'traitement',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'dispensation-bronchodilatateur', within: 'P90D', from: { event: 'sortie' } },
        ],
      },
      reference: { value: 0.74, label: 'Résultat national HAS (SNDS)' },
      source: 'has-indicateurs-bpco',
      note: LECTURE_INDICATEUR,
    },
    {
      id: 'has-7-rehabilitation-90-jours',
      label: { fr: 'Soins de réhabilitation dans les 90 jours', en: 'Rehabilitation within 90 days' },
      kind: 'moyens',
      segment: 'non-medicamenteux',
      denominator: { event: 'sortie' },
      numerator: {
        all: [
          { event: 'sortie' },
          { taskCompleted: 'rehabilitation-respiratoire', within: 'P90D', from: { event: 'sortie' } },
        ],
      },
      reference: { value: 0.311, label: 'Résultat national HAS (SNDS)' },
      source: 'has-indicateurs-bpco',
      note: `${LECTURE_INDICATEUR} Le dénominateur de la HAS ne retient sans doute pas tous les patients sortis : à confirmer.`,
    },
    {
      id: 'suivi-post-exacerbation-sans-rupture',
      label: {
        fr: 'Suivis après exacerbation sans rupture en ville',
        en: 'Post-exacerbation follow-ups without a break',
      },
      kind: 'resultats',
      segment: 'suivi-ville',
      denominator: { event: 'sortie' },
      numerator: { all: [{ event: 'sortie' }, { not: { rupture: { segment: 'suivi-ville' } } }] },
      source: 'consensus-equipe',
      note: 'Indicateur de résultat choisi par l’équipe (les indicateurs HAS du parcours BPCO sont des indicateurs de processus).',
    },
  ],
});
