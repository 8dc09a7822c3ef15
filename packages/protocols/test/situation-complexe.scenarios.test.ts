/**
 * Scenarios of the complex-situation protocol (gradation and coordination with the DAC) on the
 * engine, on a virtual clock.
 *
 * A professional's request reaches the DAC at J0 (Monday 5 January 2026, 09:00 in Paris): it must
 * be analysed by the end of J+7 (a team choice). In the forte scenarios the assessment ends at
 * J+4 10:00 (Friday 9 January), which starts the case management; the PPS is written at J+20 10:00
 * (Sunday 25 January):
 *
 * | task                              | window                        | due (end of)                |
 * | --------------------------------- | ----------------------------- | --------------------------- |
 * | analyse-demande                   | P7D from the request          | J+7 (12 January)            |
 * | synthese-interprofessionnelle #k  | 2/an = every 6 months         | J+185 (9 July), J+369        |
 * | revue-pps-6-mois                  | P6M after the PPS             | J+201 (25 July)             |
 * | reevaluation-annuelle-pps         | P1Y after the PPS, then 1/an  | J+385 (25 January 2027)     |
 * | reevaluation-apres-evenement      | P7D after the event           | event of J+60 → J+67        |
 */
import { createCoverage, formatCoverage, type Scenario, scenario } from '@cpts/testing';
import '@cpts/testing/vitest';
import { describe, expect, it } from 'vitest';
import { situationComplexe } from '../src/index.js';
import {
  dac,
  dieteticienne,
  drMartin,
  enseignantApa,
  FULL_COVERAGE,
  psychologue,
  uncovered,
} from './scenario-support.js';

type S = Scenario<typeof situationComplexe>;
type Facts = Parameters<S['given']>[0];
const coverage = createCoverage(situationComplexe);

const FORTE: Facts = { interventionSociale: true, isolementSocial: true };
const PPS = {
  problemes: ['insuffisance cardiaque', 'vit seul'],
  objectifs: ['rester à domicile'],
  interventions: [{ action: 'aide à domicile', responsable: 'SAAD' }],
  procedureAlerte: 'appeler le DAC',
};

/** The request analysed at J+2 and the global assessment at J+4 10:00, with `facts` recorded then. */
function assessed(facts: Facts = {}): S {
  return scenario(situationComplexe, { coverage })
    .given({ medecinTraitant: 'Dr Martin', pathologie: 'insuffisance-cardiaque' })
    .expectStep('evaluation')
    .expectOpenTask('analyse-demande', { due: 'J+7 23:59', responsible: ['coordinateur-dac'] })
    .at('J+2 10:00', (s) =>
      s.perform('analyse-demande', {
        actor: dac,
        data: {
          demandeur: 'IDE Durand',
          motif: 'maintien à domicile difficile',
          medecinTraitantInforme: true,
        },
      }),
    )
    .at('J+4 10:00', (s) =>
      s
        .recordFacts(facts, { by: dac })
        .perform('evaluation-globale', { actor: dac, data: { problemes: ['isolement', 'chutes'] } }),
    );
}

/** Case management (forte) with the PPS written at J+20 10:00. */
function pps(facts: Facts = {}): S {
  return assessed({ ...FORTE, ...facts })
    .expectStep('gestion-de-cas')
    .at('J+20 10:00', (s) =>
      s
        .perform('designer-coordinateur', { actor: drMartin, data: { coordinateur: 'DAC Bernard' } })
        .perform('recueil-preferences', { actor: dac, data: { preferences: 'rester chez elle' } })
        .perform('rediger-pps', { actor: dac, data: PPS }),
    )
    .expectStep('suivi-pps');
}

describe('situation complexe — the journeys that go well', () => {
  it('forte: case management with a PPS, its reviews, two SIC a year, services, then back to the médecin traitant', async () => {
    const result = await pps({
      besoinPsychologique: true,
      besoinDietetique: true,
      besoinActivitePhysiqueAdaptee: true,
    })
      .expectOpenTask('synthese-interprofessionnelle', {
        due: 'J+185 23:59',
        responsible: ['coordinateur-dac', 'medecin-traitant'],
      })
      .expectOpenTask('revue-pps-6-mois', { due: 'J+201 23:59' })
      .expectOpenTask('reevaluation-annuelle-pps', { due: 'J+385 23:59' })
      .at('J+30 10:00', (s) =>
        s
          .perform('soutien-psychologique', { actor: psychologue })
          .perform('suivi-dietetique', { actor: dieteticienne })
          .perform('activite-physique-adaptee', { actor: enseignantApa }),
      )
      .at('J+60 10:00', (s) => s.record('evenement-significatif', { data: { nature: 'chute à domicile' } }))
      .expectOpenTask('reevaluation-apres-evenement', { due: 'J+67 23:59' })
      .at('J+62 10:00', (s) =>
        s.perform('reevaluation-apres-evenement', { actor: dac, data: { modifications: 'téléassistance' } }),
      )
      .at('J+150 14:00', (s) =>
        s.perform('synthese-interprofessionnelle', {
          actor: dac,
          data: {
            date: '2026-06-04',
            visioconference: true,
            patientPresent: true,
            participants: ['Dr Martin', 'Dr Cœur', 'IDE Durand'],
            decisions: 'maintien à domicile, réévaluation à 6 mois',
          },
        }),
      )
      // The next SIC, 6 months after the first due date: J+369 (9 January 2027).
      .expectOpenTask('synthese-interprofessionnelle#2', { due: 'J+369 23:59' })
      .at('J+190 10:00', (s) =>
        s.perform('revue-pps-6-mois', { actor: drMartin, data: { objectifsAtteints: 'oui' } }),
      )
      .at('J+200 10:00', (s) => s.record('situation-stabilisee'))
      .expectStep('relais-medecin-traitant')
      .at('J+201 10:00', (s) =>
        s.perform('synthese-de-cloture', { actor: dac, data: { destinataires: ['Dr Martin'] } }),
      )
      .expectStep('cloture')
      .expectStatus('completed')
      .expectNoRupture()
      .run();
    expect(result.journey).toHaveStatus('completed');
  });

  it('faible: information and advice to the professionals, then the support ends', async () => {
    await assessed()
      .expectComplexity('faible')
      .expectStep('information-conseil')
      .expectOpenTask('conseil-professionnels', { responsible: ['coordinateur-dac'] })
      .at('J+5 10:00', (s) =>
        s.perform('conseil-professionnels', { actor: dac, data: { conseils: 'portage de repas' } }),
      )
      .expectStep('cloture')
      .expectStatus('completed')
      .run();
  });

  it('moyenne: orientation to the services, checked in place, then the support ends', async () => {
    await assessed({ interventionMedicoSociale: true })
      .expectComplexity('moyenne')
      .expectStep('orientation')
      .expectOpenTask('verification-mise-en-place', { responsible: ['coordinateur-dac', 'medecin-traitant'] })
      .at('J+6 10:00', (s) =>
        s.perform('orientation-services', { actor: dac, data: { services: ['SSIAD'] } }),
      )
      .expectStep('orientation')
      .at('J+20 10:00', (s) =>
        s.perform('verification-mise-en-place', { actor: drMartin, data: { enPlace: true } }),
      )
      .expectStep('cloture')
      .run();
  });

  it('the assessment must be done before routing: the gradation alone does not move the journey', async () => {
    await scenario(situationComplexe, { coverage })
      .given({ ...FORTE })
      .expectComplexity('forte')
      .at('J+2 10:00', (s) =>
        s.perform('analyse-demande', {
          actor: dac,
          data: { demandeur: 'Dr Martin', motif: 'isolement', medecinTraitantInforme: true },
        }),
      )
      .expectStep('evaluation')
      .run();
  });
});

/** The situation stabilised at J+`day` 10:00: the DAC hands over to the médecin traitant, the support ends. */
function stabilised(s: S, day: number): S {
  return s
    .at(`J+${day} 10:00`, (x) => x.record('situation-stabilisee'))
    .expectStep('relais-medecin-traitant')
    .at(`J+${day} 11:00`, (x) =>
      x.perform('synthese-de-cloture', { actor: dac, data: { destinataires: ['Dr Martin'] } }),
    )
    .expectStep('cloture')
    .expectStatus('completed');
}

describe('situation complexe — gradation changing after the orientation', () => {
  it('faible → moyenne → forte: the information step hands over to the orientation, then to case management', async () => {
    const s = assessed()
      .expectStep('information-conseil')
      .at('J+10 10:00', (x) => x.recordFacts({ perteAutonomieRecente: true }, { by: drMartin }))
      .expectComplexity('moyenne')
      .expectStep('orientation')
      .at('J+20 10:00', (x) =>
        x.recordFacts({ interventionSociale: true, troublesCognitifs: true }, { by: drMartin }),
      )
      .expectComplexity('forte')
      .expectStep('gestion-de-cas')
      .expectStep('elaboration-pps');
    await stabilised(s, 60).run();
  });

  it('faible → moyenne: the orientation ends the support once the services are in place', async () => {
    await assessed()
      .at('J+10 10:00', (s) => s.recordFacts({ epuisementAidant: true }, { by: drMartin }))
      .expectStep('orientation')
      .at('J+12 10:00', (s) =>
        s
          .perform('orientation-services', { actor: dac, data: { services: ['plateforme de répit'] } })
          .perform('verification-mise-en-place', { actor: dac, data: { enPlace: true } }),
      )
      .expectStep('cloture')
      .run();
  });

  it('faible → forte directly', async () => {
    const s = assessed()
      .at('J+10 10:00', (x) =>
        x.recordFacts({ interventionMedicoSociale: true, epuisementAidant: true }, { by: dac }),
      )
      .expectStep('gestion-de-cas');
    await stabilised(s, 90).run();
  });

  it('moyenne → forte: the orientation hands over to case management', async () => {
    const s = assessed({ interventionSociale: true })
      .expectStep('orientation')
      .at('J+15 10:00', (x) => x.recordFacts({ isolementSocial: true }, { by: drMartin }))
      .expectStep('gestion-de-cas');
    await stabilised(s, 120).run();
  });
});

describe('situation complexe — ruptures (segment, roles, delay)', () => {
  it('request not analysed within 7 days: rupture in "diagnostic", the médecin traitant told', async () => {
    await scenario(situationComplexe, { coverage })
      .given({ medecinTraitant: 'Dr Martin' })
      .at('J+8 08:00')
      .expectRupture('analyse-demande', {
        segment: 'diagnostic',
        roles: ['coordinateur-dac'],
        due: 'J+7',
        open: true,
      })
      .expectOpenTask('analyse-demande', { responsible: ['coordinateur-dac', 'medecin-traitant'] })
      // Answered on J+9 (14 January): due end of J+7 (12 January), 2 days late.
      .at('J+9 10:00', (s) =>
        s.perform('analyse-demande', {
          actor: dac,
          data: { demandeur: 'Dr Martin', motif: 'isolement', medecinTraitantInforme: true },
        }),
      )
      .expectRupture('analyse-demande', { delayDays: 2, open: false })
      .run();
  });

  it('6-month PPS review late: rupture in "coordination" for the DAC and the médecin traitant', async () => {
    await pps()
      .at('J+202 08:00')
      .expectRupture('revue-pps-6-mois', {
        segment: 'coordination',
        roles: ['coordinateur-dac', 'medecin-traitant'],
        due: 'J+201',
        open: true,
      })
      // Reviewed on J+205 (29 July): due end of J+201 (25 July), 4 days late.
      .at('J+205 10:00', (s) =>
        s.perform('revue-pps-6-mois', { actor: dac, data: { objectifsAtteints: 'en partie' } }),
      )
      .expectRupture('revue-pps-6-mois', { delayDays: 4, open: false })
      .run();
  });

  it('yearly PPS reassessment late: rupture in "coordination", 1 day late; the next one a year after the first due date', async () => {
    await pps()
      .at('J+190 10:00', (s) =>
        s.perform('revue-pps-6-mois', { actor: dac, data: { objectifsAtteints: 'oui' } }),
      )
      .at('J+386 08:00')
      .expectRupture('reevaluation-annuelle-pps', {
        segment: 'coordination',
        roles: ['coordinateur-dac', 'medecin-traitant'],
        due: 'J+385',
        open: true,
      })
      .expectOpenTask('reevaluation-annuelle-pps#2', { due: 'J+750 23:59' })
      .at('J+386 10:00', (s) =>
        s.perform('reevaluation-annuelle-pps', { actor: drMartin, data: { synthese: 'stable' } }),
      )
      .expectRupture('reevaluation-annuelle-pps', { delayDays: 1, open: false })
      .run();
  });

  it('PPS not reviewed within 7 days of a significant event: rupture in "coordination", 3 days late', async () => {
    await pps()
      .at('J+60 10:00', (s) => s.record('evenement-significatif', { data: { nature: 'hospitalisation' } }))
      .at('J+68 08:00')
      .expectRupture('reevaluation-apres-evenement', {
        segment: 'coordination',
        roles: ['coordinateur-dac', 'medecin-traitant'],
        due: 'J+67',
        open: true,
      })
      // Reviewed on J+70 (16 March): due end of J+67 (13 March), 3 days late.
      .at('J+70 10:00', (s) =>
        s.perform('reevaluation-apres-evenement', {
          actor: dac,
          data: { modifications: 'passage IDE quotidien' },
        }),
      )
      .expectRupture('reevaluation-apres-evenement', { delayDays: 3, open: false })
      .run();
  });

  it('a significant event before the PPS is written opens no review (there is no plan to review yet)', async () => {
    await assessed(FORTE)
      .at('J+10 10:00', (s) => s.record('evenement-significatif', { data: { nature: 'chute' } }))
      .expectNoOpenTask('reevaluation-apres-evenement')
      .run();
  });

  it('SIC not held within 6 months: rupture in "coordination" for the DAC and the médecin traitant, 5 days late', async () => {
    await pps()
      .at('J+186 08:00')
      .expectRupture('synthese-interprofessionnelle', {
        segment: 'coordination',
        roles: ['coordinateur-dac', 'medecin-traitant'],
        due: 'J+185',
        open: true,
      })
      .expectOpenTask('synthese-interprofessionnelle#2', { due: 'J+369 23:59' })
      // Held on J+190 (14 July): due end of J+185 (9 July), 5 days late.
      .at('J+190 14:00', (s) =>
        s.perform('synthese-interprofessionnelle', {
          actor: drMartin,
          data: { date: '2026-07-14', participants: ['Dr Martin', 'DAC Bernard'], decisions: 'poursuite' },
        }),
      )
      .expectRupture('synthese-interprofessionnelle', { delayDays: 5, open: false })
      .run();
  });
});

describe('situation complexe — coverage of the scenarios', () => {
  it('exercises every step, exit, task, deadline and path of the protocol', () => {
    expect(uncovered(coverage), formatCoverage(coverage.report())).toEqual(FULL_COVERAGE);
  });
});
