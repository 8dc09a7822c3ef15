/**
 * Scenarios of the older-person discharge protocol (« Passerelle ») on the engine, on a virtual clock.
 *
 * The patient, 82, is admitted through the emergency department at J0 (Monday 5 January 2026,
 * 09:00 in Paris) and goes home at J+4 10:00 (Friday 9 January):
 *
 * | task                                 | window                  | due                           |
 * | ------------------------------------ | ----------------------- | ----------------------------- |
 * | depistage-risque-rehospitalisation   | PT48H from admission    | J+2 09:00 (exact instant)     |
 * | lettre-liaison                       | P0D from the discharge  | end of J+4 (9 January)        |
 * | passage-infirmier                    | P2D                     | end of J+6 (11 January)       |
 * | consultation-mg-post-sortie          | P7D                     | end of J+11 (16 January)      |
 * | → suivi-a-domicile                   | 30 days after discharge | at J+34 10:00 (8 February)    |
 */
import { createCoverage, formatCoverage, type Scenario, scenario } from '@cpts/testing';
import '@cpts/testing/vitest';
import { describe, expect, it } from 'vitest';
import { sortiePersonneAgee } from '../src/index.js';
import {
  cam,
  celluleSortie,
  chu,
  cpts,
  dac,
  drMartin,
  FULL_COVERAGE,
  ideDurand,
  uncovered,
} from './scenario-support.js';

type S = Scenario<typeof sortiePersonneAgee>;
const coverage = createCoverage(sortiePersonneAgee);

const LETTRE = { remiseAuPatient: true, envoyeeAuMedecinTraitant: true, traitementsModifiesAvecMotif: true };

/** Admitted at J0; TRST 3/5 at J+1; discharge planned; a volunteer nurse found; home at J+4 10:00. */
function home(facts: Parameters<S['given']>[0] = {}): S {
  return scenario(sortiePersonneAgee, { coverage })
    .given({
      age: 82,
      provenance: 'urgences',
      medecinTraitant: 'Dr Martin',
      besoinSoinsInfirmiers: true,
      ...facts,
    })
    .expectStep('hospitalisation')
    .expectOpenTask('depistage-risque-rehospitalisation', {
      due: 'J+2 09:00',
      responsible: ['equipe-hospitaliere'],
    })
    .at('J+1 10:00', (s) =>
      s
        .perform('depistage-risque-rehospitalisation', { actor: chu, data: { scoreTrst: 3 } })
        .recordFacts({ scoreTrst: 3 }, { by: chu }),
    )
    .expectOpenTask('proposer-prado', { responsible: ['cellule-sortie', 'conseiller-am'] })
    .at('J+2 10:00', (s) =>
      s
        .perform('proposer-prado', { actor: cam, data: { propose: true, accepte: true } })
        .perform('recherche-infirmier-volontaire', { actor: cpts, data: { infirmier: 'IDE Durand' } })
        .perform('appui-cellule-sortie', { actor: celluleSortie, data: { dateSortiePrevue: '2026-01-09' } }),
    )
    .at('J+4 10:00', (s) => s.record('sortie', { by: chu }))
    .expectStep('retour-domicile');
}

describe('sortie de la personne âgée — the journey that goes well', () => {
  it('screened, discharge prepared, letter the same day, nurse and GP in time, 30 days at home, end of support', async () => {
    const result = await home()
      .expectOpenTask('lettre-liaison', { due: 'J+4 23:59', responsible: ['equipe-hospitaliere'] })
      .expectOpenTask('passage-infirmier', { due: 'J+6 23:59', responsible: ['infirmier'] })
      .expectOpenTask('consultation-mg-post-sortie', { due: 'J+11 23:59', responsible: ['medecin-traitant'] })
      .expectStep('medecin-traitant-identifie')
      .expectStep('information-conseil')
      .at('J+4 16:00', (s) =>
        s
          .perform('lettre-liaison', { actor: chu, data: LETTRE })
          .perform('partage-informations', {
            actor: celluleSortie,
            data: { destinataires: ['Dr Martin', 'IDE Durand'] },
          })
          .perform('informer-patient-aidant', { actor: celluleSortie }),
      )
      .at('J+5 09:00', (s) =>
        s.perform('passage-infirmier', { actor: ideDurand, data: { date: '2026-01-10' } }),
      )
      .at('J+8 11:00', (s) =>
        s
          .perform('consultation-mg-post-sortie', {
            actor: drMartin,
            data: { date: '2026-01-13', visiteADomicile: true },
          })
          .perform('application-preconisations', { actor: drMartin, data: {} }),
      )
      .at('J+33 12:00')
      .expectStep('retour-domicile')
      .at('J+34 12:00')
      .expectStep('suivi-a-domicile')
      .at('J+40 10:00', (s) => s.record('fin-accompagnement', { by: cpts }))
      .expectStep('fin')
      .expectStatus('completed')
      .expectNoRupture()
      .run();
    expect(result.journey).toHaveStatus('completed');
    expect(result.journey).not.toHaveRupture();
  });

  it('under 75: not included, the journey ends at once', async () => {
    await scenario(sortiePersonneAgee, { coverage })
      .given({ age: 74 })
      .expectStep('non-inclus')
      .expectStatus('completed')
      .run();
  });

  it('TRST below 2/5: no PRADO offer; no nursing care needed: no nurse to find or visit', async () => {
    await scenario(sortiePersonneAgee, { coverage })
      .given({ age: 80, medecinTraitant: 'Dr Martin' })
      .at('J+1 10:00', (s) =>
        s
          .perform('depistage-risque-rehospitalisation', { actor: chu, data: { scoreTrst: 1 } })
          .recordFacts({ scoreTrst: 1 }, { by: chu }),
      )
      .expectNoOpenTask('proposer-prado')
      .expectNoOpenTask('recherche-infirmier-volontaire')
      .at('J+4 10:00', (s) => s.record('sortie'))
      .expectNoOpenTask('passage-infirmier')
      .run();
  });

  it('no médecin traitant: the CPTS finds one; the branch ends once it is recorded', async () => {
    await scenario(sortiePersonneAgee, { coverage })
      .given({ age: 88 })
      .expectStep('recherche-medecin-traitant')
      .expectOpenTask('trouver-medecin-traitant', { responsible: ['coordinateur-cpts', 'cellule-sortie'] })
      .at('J+3 10:00', (s) =>
        s
          .perform('trouver-medecin-traitant', { actor: cpts, data: { medecinTraitant: 'Dr Martin' } })
          .recordFacts({ medecinTraitant: 'Dr Martin' }, { by: cpts }),
      )
      .expectStep('medecin-traitant-identifie')
      .run();
  });
});

describe('sortie de la personne âgée — ruptures (segment, roles, delay)', () => {
  it('readmission risk not screened within 48 hours: rupture in "hospitalisation", the discharge unit takes it', async () => {
    await scenario(sortiePersonneAgee, { coverage })
      .given({ age: 82, medecinTraitant: 'Dr Martin' })
      .at('J+2 08:59')
      .expectNoRupture()
      .at('J+2 09:01')
      .expectRupture('depistage-risque-rehospitalisation', {
        segment: 'hospitalisation',
        roles: ['equipe-hospitaliere'],
        due: 'J+2',
        open: true,
      })
      .expectOpenTask('depistage-risque-rehospitalisation', {
        responsible: ['equipe-hospitaliere', 'cellule-sortie'],
      })
      // Screened on J+3 10:00: one calendar day after the due day (J+2).
      .at('J+3 10:00', (s) =>
        s.perform('depistage-risque-rehospitalisation', { actor: celluleSortie, data: { scoreTrst: 2 } }),
      )
      .expectRupture('depistage-risque-rehospitalisation', { delayDays: 1, open: false })
      .run();
  });

  it('discharge letter missing at the end of the day: rupture in "sortie", the CPTS chases the documents', async () => {
    await home()
      .at('J+5 08:00')
      .expectRupture('lettre-liaison', {
        segment: 'sortie',
        roles: ['equipe-hospitaliere'],
        due: 'J+4',
        open: true,
      })
      .expectOpenTask('relance-documents-sortie', { responsible: ['coordinateur-cpts'] })
      .at('J+5 10:00', (s) =>
        s.perform('relance-documents-sortie', {
          actor: cpts,
          data: { relanceLe: '2026-01-10', recus: false },
        }),
      )
      // Sent on J+6 (11 January): due end of J+4 (9 January), 2 days late.
      .at('J+6 11:00', (s) => s.perform('lettre-liaison', { actor: chu, data: LETTRE }))
      .expectRupture('lettre-liaison', { delayDays: 2, open: false })
      .run();
  });

  it('first nurse visit after 2 days: rupture in "suivi-ville" for the infirmier, escalated to the CPTS', async () => {
    await home()
      .at('J+7 08:00')
      .expectRupture('passage-infirmier', {
        segment: 'suivi-ville',
        roles: ['infirmier'],
        due: 'J+6',
        open: true,
      })
      .expectOpenTask('passage-infirmier', { responsible: ['infirmier', 'coordinateur-cpts'] })
      // Visit on J+7 (12 January): due end of J+6 (11 January), 1 day late.
      .at('J+7 10:00', (s) =>
        s.perform('passage-infirmier', { actor: ideDurand, data: { date: '2026-01-12' } }),
      )
      .expectRupture('passage-infirmier', { delayDays: 1, open: false })
      .run();
  });

  it('GP not seen in the first week: rupture in "suivi-ville" for the médecin traitant, escalated to the CPTS', async () => {
    await home()
      .at('J+12 08:00')
      .expectRupture('consultation-mg-post-sortie', {
        segment: 'suivi-ville',
        roles: ['medecin-traitant'],
        due: 'J+11',
        open: true,
      })
      .expectOpenTask('consultation-mg-post-sortie', {
        responsible: ['medecin-traitant', 'coordinateur-cpts'],
      })
      // Seen on J+15 (20 January): due end of J+11 (16 January), 4 days late.
      .at('J+15 10:00', (s) =>
        s.perform('consultation-mg-post-sortie', { actor: drMartin, data: { date: '2026-01-20' } }),
      )
      .expectRupture('consultation-mg-post-sortie', { delayDays: 4, open: false })
      .run();
  });
});

describe('sortie de la personne âgée — readmissions', () => {
  it('an admission within 30 days opens a case review; the new discharge starts new windows', async () => {
    await home()
      .at('J+20 03:00', (s) => s.record('admission', { data: { programmee: false, provenance: 'urgences' } }))
      .expectStep('rehospitalisation-precoce')
      .expectOpenTask('revue-de-cas', {
        responsible: ['coordinateur-cpts', 'equipe-hospitaliere', 'medecin-traitant'],
      })
      .expectOpenTask('preparer-nouvelle-sortie', { responsible: ['cellule-sortie'] })
      .at('J+22 14:00', (s) =>
        s
          .perform('revue-de-cas', {
            actor: cpts,
            data: {
              nonProgrammee: true,
              lieeAuSejourPrecedent: true,
              evitable: true,
              enseignements: 'IDE non passée',
            },
          })
          .perform('preparer-nouvelle-sortie', {
            actor: celluleSortie,
            data: { dateSortiePrevue: '2026-01-29' },
          }),
      )
      .at('J+24 10:00', (s) => s.record('sortie'))
      .expectStep('retour-domicile')
      // Windows from the new discharge (J+24, 29 January).
      .expectOpenTask('lettre-liaison#2', { due: 'J+24 23:59' })
      .expectOpenTask('consultation-mg-post-sortie#2', { due: 'J+31 23:59' })
      // And a new 30-day window: home until J+54 10:00.
      .at('J+53 12:00')
      .expectStep('retour-domicile')
      .at('J+54 12:00')
      .expectStep('suivi-a-domicile')
      .run();
  });

  it('an admission after 30 days goes back to the hospital step, with a new screening', async () => {
    await home()
      .at('J+50 10:00', (s) => s.record('admission', { data: { programmee: true, provenance: 'service' } }))
      .expectStep('hospitalisation')
      .expectNotInStep('rehospitalisation-precoce')
      .expectOpenTask('depistage-risque-rehospitalisation#2', { due: 'J+52 10:00' })
      .run();
  });
});

describe('sortie de la personne âgée — gradation of complexity and the DAC', () => {
  it('faible: information; moyenne: advice from the DAC; forte: case management by the DAC with a PPS', async () => {
    await home()
      .expectComplexity('faible')
      .expectStep('information-conseil')
      .expectOpenTask('informer-patient-aidant', { responsible: ['cellule-sortie', 'coordinateur-cpts'] })
      .at('J+6 10:00', (s) => s.recordFacts({ epuisementAidant: true }, { by: ideDurand }))
      .expectComplexity('moyenne')
      .expectStep('avis-dac')
      .expectOpenTask('demande-avis-dac', {
        responsible: ['medecin-traitant', 'cellule-sortie', 'coordinateur-cpts'],
      })
      .expectOpenTask('reponse-dac', { responsible: ['coordinateur-dac'] })
      .at('J+7 10:00', (s) =>
        s
          .perform('demande-avis-dac', {
            actor: drMartin,
            data: { question: 'aidant épuisé : quel relais ?' },
          })
          .perform('reponse-dac', {
            actor: dac,
            data: { orientation: 'accueil de jour, plateforme de répit' },
          }),
      )
      .at('J+15 10:00', (s) => s.recordFacts({ interventionMedicoSociale: true }, { by: dac }))
      .expectComplexity('forte')
      .expectStep('gestion-de-cas-dac')
      .expectOpenTask('evaluation-multidimensionnelle', { responsible: ['coordinateur-dac'] })
      .expectOpenTask('plan-personnalise-sante', { responsible: ['coordinateur-dac', 'medecin-traitant'] })
      .at('J+20 10:00', (s) =>
        s
          .perform('evaluation-multidimensionnelle', { actor: dac })
          .perform('plan-personnalise-sante', { actor: drMartin }),
      )
      .expectCompleted('plan-personnalise-sante')
      .run();
  });

  it('forte from the start: straight to case management', async () => {
    await home({ interventionSociale: true, isolementSocial: true })
      .expectComplexity('forte')
      .expectStep('gestion-de-cas-dac')
      .run();
  });
});

describe('sortie de la personne âgée — coverage of the scenarios', () => {
  it('exercises every step, exit, task, deadline and path of the protocol', () => {
    expect(uncovered(coverage), formatCoverage(coverage.report())).toEqual(FULL_COVERAGE);
  });
});
