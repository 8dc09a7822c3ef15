/**
 * Scenarios of the type 2 diabetes protocol on the engine, on a virtual clock.
 *
 * J0 is Monday 5 January 2026, 09:00 in Paris. The médecin traitant sets the HbA1c target at
 * J+2 10:00 (Wednesday 7 January): the periodic follow-up starts then, and its recurrences fall due
 * at the end of their last local day, on a fixed schedule counted from the first due date:
 *
 * | task                                          | rhythm               | due (end of)                            |
 * | --------------------------------------------- | -------------------- | --------------------------------------- |
 * | hba1c #k                                      | 4/an = every 3 months | J+92 (7 April), J+183 (7 July), J+275 (7 October), J+367 |
 * | bilan-biologique-annuel, ecg-repos, fond-oeil | 1/an                 | J+367 (7 January 2027)                  |
 * | evaluation-annuelle-pied                      | 1/an                 | J+367                                   |
 * | fond-oeil-espace (from J+2)                   | every 2 years        | J+732 (7 January 2028)                  |
 *
 * Foot grades read at J+30 10:00 (Wednesday 4 February) start the podiatry rhythm then:
 * grade 2, 5/an = every 73 days: J+103 (18 April); grade 3 without a wound, 6/an = every 2 months:
 * J+89 (4 April); grade 3 with a healing wound, 8/an = every 46 days: J+76 (22 March).
 */
import { createCoverage, formatCoverage, type Scenario, scenario } from '@cpts/testing';
import '@cpts/testing/vitest';
import { describe, expect, it } from 'vitest';
import { diabeteType2 } from '../src/index.js';
import { drCoeur, drMartin, FULL_COVERAGE, ophtalmo, podologue, uncovered } from './scenario-support.js';

type S = Scenario<typeof diabeteType2>;
const coverage = createCoverage(diabeteType2);

type Act = readonly [day: number, time: string, act: (s: S) => unknown];
function play(s: S, acts: readonly Act[]): S {
  const sorted = [...acts].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  for (const [day, time, act] of sorted) s.at(`J+${day} ${time}`, act);
  return s;
}

/** HbA1c target set at J+2 10:00: the follow-up starts. */
function followed(facts: Parameters<S['given']>[0] = {}): S {
  return scenario(diabeteType2, { coverage })
    .given({ age: 64, medecinTraitant: 'Dr Martin', ald: true, delivrancesAntidiabetiquesParAn: 6, ...facts })
    .expectStep('bilan-initial')
    .expectOpenTask('definir-cible-hba1c', { responsible: ['medecin-traitant'] })
    .at('J+2 10:00', (s) =>
      s
        .perform('definir-cible-hba1c', {
          actor: drMartin,
          data: { cibleHba1c: 7, justification: 'cas-general' },
        })
        .recordFacts({ cibleHba1c: 7 }, { by: drMartin }),
    )
    .expectStep('suivi-diabete');
}

/** The foot findings of J+30 10:00, recorded by the médecin traitant with the grade. */
function graded(
  s: S,
  findings: {
    neuropathie: boolean;
    arteriopathie?: boolean;
    deformation?: boolean;
    antecedentUlcere?: boolean;
  },
  grade: '0' | '1' | '2' | '3a',
): S {
  return s.at('J+30 10:00', (x) =>
    x
      .perform('grader-risque-podologique', { actor: drMartin, data: { ...findings, grade } })
      .recordFacts(findings, { by: drMartin }),
  );
}

describe('diabète de type 2 — the journey that goes well', () => {
  it('a year of follow-up on time: HbA1c every quarter, yearly check-ups, foot graded 0–1, sophia offered', async () => {
    const s = followed()
      .expectOpenTask('hba1c', { due: 'J+92 23:59', responsible: ['medecin-traitant'] })
      .expectOpenTask('bilan-biologique-annuel', { due: 'J+367 23:59' })
      .expectOpenTask('ecg-repos', { due: 'J+367 23:59', responsible: ['medecin-traitant', 'cardiologue'] })
      .expectOpenTask('fond-oeil', { due: 'J+367 23:59', responsible: ['ophtalmologiste'] })
      .expectOpenTask('evaluation-annuelle-pied', { due: 'J+367 23:59' })
      .expectOpenTask('proposer-sophia')
      .expectStep('gradation-podologique')
      .at('J+10 10:00', (x) =>
        x.perform('proposer-sophia', { actor: drMartin, data: { propose: true, accepte: true } }),
      );
    const hba1c = (day: number, value: number, date: string): Act => [
      day,
      '10:00',
      (x) =>
        x
          .perform('hba1c', { actor: drMartin, data: { date, hba1c: value } })
          .recordFacts({ hba1cACible: value <= 7 }),
    ];
    play(graded(s, { neuropathie: false }, '0'), [
      [
        30,
        '10:05',
        (x) =>
          x.perform('evaluation-annuelle-pied', {
            actor: drMartin,
            data: { date: '2026-02-04', neuropathie: false },
          }),
      ],
      [30, '10:10', (x) => x.expectStep('pied-grade-0-1').expectOpenTask('bilan-podologique-annuel')],
      [60, '10:00', (x) => x.perform('bilan-podologique-annuel', { actor: podologue })],
      hba1c(90, 6.8, '2026-04-05'),
      hba1c(180, 6.9, '2026-07-04'),
      [
        200,
        '10:00',
        (x) => x.perform('fond-oeil', { actor: ophtalmo, data: { date: '2026-07-24', retinopathie: false } }),
      ],
      hba1c(270, 7.2, '2026-10-02'),
      [
        300,
        '10:00',
        (x) =>
          x
            .perform('bilan-biologique-annuel', {
              actor: drMartin,
              data: {
                date: '2026-11-01',
                glycemieAJeun: true,
                bilanLipidique: true,
                microalbuminurie: true,
                creatinineClairance: true,
              },
            })
            .perform('ecg-repos', { actor: drCoeur, data: { date: '2026-11-01' } }),
      ],
      hba1c(360, 6.9, '2026-12-31'),
    ]);
    const result = await s
      .at('J+368 12:00')
      .expectNoRupture()
      // The fixed quarterly schedule: the fifth HbA1c is due 3 months after the fourth (7 April 2027).
      .expectOpenTask('hba1c#5', { due: 'J+457 23:59' })
      .at('J+370 10:00', (x) => x.record('sortie-protocole'))
      .expectStep('fin-suivi')
      .expectStatus('completed')
      .run();
    expect(result.journey).toHaveStatus('completed');
    expect(result.journey).not.toHaveRupture();
  });

  it('sophia is not offered below 3 antidiabetic dispensings a year', async () => {
    await followed({ delivrancesAntidiabetiquesParAn: 2 }).expectNoOpenTask('proposer-sophia').run();
  });
});

describe('diabète de type 2 — ruptures (segment, roles, delay)', () => {
  it('HbA1c late: rupture in "traitement" for the médecin traitant, escalated to the CPTS; schedule kept', async () => {
    await followed()
      .at('J+92 23:00')
      .expectNoRupture('hba1c')
      .at('J+93 08:00')
      .expectRupture('hba1c', { segment: 'traitement', roles: ['medecin-traitant'], due: 'J+92', open: true })
      .expectOpenTask('hba1c#1', { responsible: ['medecin-traitant', 'coordinateur-cpts'] })
      .expectOpenTask('hba1c#2', { due: 'J+183 23:59' })
      // Done on J+95 (10 April): due end of J+92 (7 April), 3 days late.
      .at('J+95 10:00', (s) =>
        s.perform('hba1c', { actor: drMartin, data: { date: '2026-04-10', hba1c: 7.4 } }),
      )
      .expectRupture('hba1c', { delayDays: 3, open: false })
      .run();
  });

  it('yearly check-ups late: a rupture for each, in its segment, for its roles', async () => {
    const s = play(graded(followed(), { neuropathie: false }, '1'), [
      [90, '10:00', (x) => x.perform('hba1c', { actor: drMartin, data: { date: '2026-04-05', hba1c: 6.8 } })],
      [
        180,
        '10:00',
        (x) => x.perform('hba1c', { actor: drMartin, data: { date: '2026-07-04', hba1c: 6.8 } }),
      ],
      [
        270,
        '10:00',
        (x) => x.perform('hba1c', { actor: drMartin, data: { date: '2026-10-02', hba1c: 6.8 } }),
      ],
      [
        360,
        '10:00',
        (x) => x.perform('hba1c', { actor: drMartin, data: { date: '2026-12-31', hba1c: 6.8 } }),
      ],
    ]);
    await s
      .at('J+368 08:00')
      .expectRupture('bilan-biologique-annuel', {
        segment: 'suivi-ville',
        roles: ['medecin-traitant'],
        due: 'J+367',
      })
      .expectRupture('ecg-repos', {
        segment: 'suivi-ville',
        roles: ['medecin-traitant', 'cardiologue'],
        due: 'J+367',
      })
      .expectRupture('fond-oeil', {
        segment: 'prevention-tertiaire',
        roles: ['ophtalmologiste'],
        due: 'J+367',
      })
      .expectRupture('evaluation-annuelle-pied', {
        segment: 'prevention-tertiaire',
        roles: ['medecin-traitant'],
        due: 'J+367',
      })
      .expectOpenTask('fond-oeil#1', { responsible: ['ophtalmologiste', 'coordinateur-cpts'] })
      .expectNoRupture('hba1c')
      // Each done later: J+368 (ECG, 1 day), J+369 (foot, 2), J+370 (blood tests, 3), J+377 (fundus, 10).
      .at('J+368 10:00', (x) => x.perform('ecg-repos', { actor: drCoeur, data: { date: '2027-01-08' } }))
      .at('J+369 10:00', (x) =>
        x.perform('evaluation-annuelle-pied', {
          actor: drMartin,
          data: { date: '2027-01-09', neuropathie: false },
        }),
      )
      .at('J+370 10:00', (x) =>
        x.perform('bilan-biologique-annuel', {
          actor: drMartin,
          data: { date: '2027-01-10', microalbuminurie: true, creatinineClairance: true },
        }),
      )
      .at('J+377 10:00', (x) =>
        x.perform('fond-oeil', { actor: ophtalmo, data: { date: '2027-01-17', retinopathie: false } }),
      )
      .expectRupture('ecg-repos', { delayDays: 1, open: false })
      .expectRupture('evaluation-annuelle-pied', { delayDays: 2, open: false })
      .expectRupture('bilan-biologique-annuel', { delayDays: 3, open: false })
      .expectRupture('fond-oeil', { delayDays: 10, open: false })
      .run();
  });

  it('fundus every 2 years when eligible: late, rupture in "prevention-tertiaire" for the ophthalmologist', async () => {
    await followed({
      retinopathie: false,
      insuline: false,
      hba1cACible: true,
      pressionArterielleACible: true,
    })
      .expectStep('fond-oeil-biennal')
      .expectNoOpenTask('fond-oeil')
      .expectOpenTask('fond-oeil-espace', { due: 'J+732 23:59', responsible: ['ophtalmologiste'] })
      .at('J+733 08:00')
      .expectRupture('fond-oeil-espace', {
        segment: 'prevention-tertiaire',
        roles: ['ophtalmologiste'],
        due: 'J+732',
        open: true,
      })
      // Done on J+735 (10 January 2028): due end of J+732 (7 January 2028), 3 days late.
      .at('J+735 10:00', (s) =>
        s.perform('fond-oeil-espace', { actor: ophtalmo, data: { date: '2028-01-10', retinopathie: false } }),
      )
      .expectRupture('fond-oeil-espace', { delayDays: 3, open: false })
      .run();
  });

  it('grade 2 podiatry session late: rupture in "prevention-tertiaire" for the podiatrist, the GP told', async () => {
    await graded(followed(), { neuropathie: true, arteriopathie: true }, '2')
      .expectStep('pied-grade-2')
      .expectOpenTask('seance-podologie-grade-2', { due: 'J+103 23:59', responsible: ['podologue'] })
      .at('J+104 08:00')
      .expectRupture('seance-podologie-grade-2', {
        segment: 'prevention-tertiaire',
        roles: ['podologue'],
        due: 'J+103',
        open: true,
      })
      .expectOpenTask('seance-podologie-grade-2#1', { responsible: ['podologue', 'medecin-traitant'] })
      // The next session, 73 days after the first due date: J+176 (30 June).
      .expectOpenTask('seance-podologie-grade-2#2', { due: 'J+176 23:59' })
      // Done on J+105 (20 April): 2 days late.
      .at('J+105 10:00', (s) =>
        s.perform('seance-podologie-grade-2', { actor: podologue, data: { date: '2026-04-20' } }),
      )
      .expectRupture('seance-podologie-grade-2', { delayDays: 2, open: false })
      .run();
  });

  it('grade 3 podiatry session late (no wound): rupture for the podiatrist, 1 day late', async () => {
    await graded(followed(), { neuropathie: true, antecedentUlcere: true }, '3a')
      .expectStep('grade-3-sans-plaie')
      .expectOpenTask('seance-podologie-grade-3', { due: 'J+89 23:59' })
      .at('J+90 08:00')
      .expectRupture('seance-podologie-grade-3', {
        segment: 'prevention-tertiaire',
        roles: ['podologue'],
        due: 'J+89',
        open: true,
      })
      // Done on J+90 (5 April): due end of J+89 (4 April), 1 day late.
      .at('J+90 10:00', (s) =>
        s.perform('seance-podologie-grade-3', { actor: podologue, data: { date: '2026-04-05' } }),
      )
      .expectRupture('seance-podologie-grade-3', { delayDays: 1, open: false })
      .run();
  });

  it('grade 3 session for a healing wound late: rupture for the podiatrist, 4 days late', async () => {
    await graded(followed({ plaieEnCours: true }), { neuropathie: true, antecedentUlcere: true }, '3a')
      .expectStep('grade-3-plaie')
      .expectOpenTask('seance-podologie-plaie', { due: 'J+76 23:59' })
      .at('J+77 08:00')
      .expectRupture('seance-podologie-plaie', {
        segment: 'prevention-tertiaire',
        roles: ['podologue'],
        due: 'J+76',
        open: true,
      })
      // Done on J+80 (26 March): due end of J+76 (22 March), 4 days late.
      .at('J+80 10:00', (s) =>
        s.perform('seance-podologie-plaie', { actor: podologue, data: { date: '2026-03-26' } }),
      )
      .expectRupture('seance-podologie-plaie', { delayDays: 4, open: false })
      .run();
  });

  it('the optional podiatry assessment of grades 0–1 is never a rupture', async () => {
    await graded(followed(), { neuropathie: false }, '0')
      .expectOpenTask('bilan-podologique-annuel', { due: 'J+395 23:59' })
      .at('J+400 10:00')
      .expectNoRupture('bilan-podologique-annuel')
      .run();
  });
});

describe('diabète de type 2 — gradation of the foot risk (IWGDF)', () => {
  it('neuropathy not recorded: the patient stays in the grading step (no grade 0–1 by default)', async () => {
    await followed()
      .at('J+30 10:00', (s) =>
        s.perform('grader-risque-podologique', {
          actor: podologue,
          data: { neuropathie: false, grade: '0' },
        }),
      )
      .expectStep('gradation-podologique')
      .recordFacts({ neuropathie: false }, { by: podologue })
      .expectStep('pied-grade-0-1')
      .run();
  });

  it('grades only go up: 0–1 → 2 with neuropathy and deformity → 3 on an ulcer; a healing wound intensifies the sessions', async () => {
    await graded(followed(), { neuropathie: false }, '1')
      .expectStep('pied-grade-0-1')
      .at('J+100 10:00', (s) => s.recordFacts({ neuropathie: true, deformation: true }, { by: podologue }))
      .expectStep('pied-grade-2')
      // 5 sessions a year from the change of grade (J+100, 15 April): first due J+173 (27 June).
      .expectOpenTask('seance-podologie-grade-2', { due: 'J+173 23:59' })
      .at('J+110 10:00', (s) => s.recordFacts({ deformation: false }, { by: drMartin }))
      .expectStep('pied-grade-2')
      .at('J+120 10:00', (s) =>
        s.recordFacts({ antecedentUlcere: true, plaieEnCours: true }, { by: drMartin }),
      )
      .expectStep('grade-3-plaie')
      .expectNoOpenTask('seance-podologie-grade-2')
      // 8 sessions a year (every 46 days) from J+120 (5 May): first due J+166 (20 June).
      .expectOpenTask('seance-podologie-plaie', { due: 'J+166 23:59' })
      .at('J+150 10:00', (s) =>
        s
          .perform('seance-podologie-plaie', {
            actor: podologue,
            data: { date: '2026-06-04', evolutionPlaie: 'cicatrisée' },
          })
          .recordFacts({ plaieEnCours: false }, { by: podologue }),
      )
      .expectStep('grade-3-sans-plaie')
      // 6 sessions a year (every 2 months) from J+150 (4 June): first due J+211 (4 August).
      .expectOpenTask('seance-podologie-grade-3', { due: 'J+211 23:59' })
      .run();
  });

  it('grade 2, then an ulcer: grade 3 (the grade-2 sessions stop, the grade-3 rhythm starts)', async () => {
    await graded(followed(), { neuropathie: true, deformation: true }, '2')
      .expectStep('pied-grade-2')
      .at('J+60 10:00', (s) => s.recordFacts({ antecedentUlcere: true }, { by: podologue }))
      .expectStep('grade-3-sans-plaie')
      .expectNoOpenTask('seance-podologie-grade-2')
      // 6 sessions a year from J+60 (6 March): first due J+121 (6 May).
      .expectOpenTask('seance-podologie-grade-3', { due: 'J+121 23:59' })
      .run();
  });

  it('grade 0–1 straight to grade 3 on a history of amputation', async () => {
    await graded(followed(), { neuropathie: false }, '0')
      .at('J+40 10:00', (s) => s.recordFacts({ antecedentAmputation: true }, { by: drMartin }))
      .expectStep('grade-3-sans-plaie')
      .run();
  });
});

describe('diabète de type 2 — fundus rhythm', () => {
  it('yearly → every 2 years once eligible, back to yearly when HbA1c leaves its target', async () => {
    await followed({ retinopathie: false, insuline: false, pressionArterielleACible: true })
      .expectStep('fond-oeil-annuel')
      .at('J+90 10:00', (s) =>
        s
          .perform('hba1c', { actor: drMartin, data: { date: '2026-04-05', hba1c: 6.7 } })
          .recordFacts({ hba1cACible: true }),
      )
      .expectStep('fond-oeil-biennal')
      .expectNoOpenTask('fond-oeil')
      // The new rhythm counts from the change (J+90, 5 April): due J+821 (5 April 2028, after 29 February).
      .expectOpenTask('fond-oeil-espace', { due: 'J+821 23:59' })
      .at('J+180 10:00', (s) =>
        s
          .perform('hba1c', { actor: drMartin, data: { date: '2026-07-04', hba1c: 7.8 } })
          .recordFacts({ hba1cACible: false }),
      )
      .expectStep('fond-oeil-annuel')
      .expectOpenTask('fond-oeil#2', { due: 'J+545 23:59' })
      .run();
  });
});

describe('diabète de type 2 — coverage of the scenarios', () => {
  it('exercises every step, exit, task, deadline and path of the protocol', () => {
    expect(uncovered(coverage), formatCoverage(coverage.report())).toEqual(FULL_COVERAGE);
  });
});
