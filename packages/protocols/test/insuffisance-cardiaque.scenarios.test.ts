/**
 * Scenarios of the heart-failure protocol (PRADO IC) on the engine, on a virtual clock.
 *
 * The patient is admitted at J0 (Monday 5 January 2026, 09:00 in Paris) and goes home at J+3 10:00
 * (Thursday 8 January): the protocol's own J0, the discharge, is our J+3. Windows in days end at
 * the end of their last local day, so, counted from the discharge:
 *
 * | task                        | window            | due (end of)                        |
 * | --------------------------- | ----------------- | ----------------------------------- |
 * | lettre-liaison              | P0D               | J+3 (8 January)                     |
 * | consultation-mg             | P7D               | J+10 (15 January)                   |
 * | consultation-cardiologue    | P2M               | J+62 (8 March)                      |
 * | visite-ide-hebdomadaire #k  | P1W, every P1W    | J+3+7k: J+10, J+17 … J+59 (#8)       |
 * | → ide-quinzaine             | 2 months elapsed  | at J+62 10:00 (8 March), if NYHA ≥ 3 |
 * | visite-ide-quinzaine #k     | P2W from entry    | J+62+14k: J+76 … J+174 (#8)          |
 * | → fin-prado                 | 6 months elapsed  | at J+184 10:00 (8 July)              |
 * | consultation-titration      | P15D from entry   | J+18 (23 January)                   |
 *
 * A delay is counted in calendar days from the due day to the day the task is done.
 */
import { createCoverage, formatCoverage, type Scenario, scenario } from '@cpts/testing';
import '@cpts/testing/vitest';
import { describe, expect, it } from 'vitest';
import { insuffisanceCardiaque } from '../src/index.js';
import {
  cam,
  chu,
  cpts,
  dac,
  drCoeur,
  drMartin,
  FULL_COVERAGE,
  handBacks,
  ide60h,
  ideDurand,
  idePc133,
  lastRefusal,
  openings,
  patient,
  pharmacie,
  uncovered,
} from './scenario-support.js';

const ic = insuffisanceCardiaque;
type S = Scenario<typeof ic>;
const coverage = createCoverage(ic);

/** Actions at `J+day HH:MM`, played in chronological order whatever order they are written in. */
type Act = readonly [day: number, time: string, act: (s: S) => unknown];
function play(s: S, acts: readonly Act[]): S {
  const sorted = [...acts].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  for (const [day, time, act] of sorted) s.at(`J+${day} ${time}`, act);
  return s;
}

const LETTRE = {
  remiseAuPatient: true,
  envoyeeAuMedecinTraitant: true,
  traitementsArretesOuModifies: [
    { medicament: 'furosémide', modification: 'modifie', motif: 'surcharge hydrosodée à la sortie' },
  ],
};

/**
 * The stay: PRADO eligibility at J+1, the adviser books the appointments at J+2, discharge at
 * J+3 10:00 and the lettre de liaison handed over and sent the same afternoon.
 */
function discharged(facts: Parameters<S['given']>[0] = {}): S {
  return scenario(ic, { coverage })
    .given({ age: 78, nyha: 3, fractionEjection: 'reduite', medecinTraitant: 'Dr Martin', ...facts })
    .at('J+1 10:00', (s) =>
      s
        .perform('eligibilite-prado', { actor: chu, data: { eligible: true } })
        .recordFacts({ eligiblePrado: true }, { by: chu }),
    )
    .at('J+2 15:00', (s) =>
      s
        .perform('besoins-retour-domicile', {
          actor: cam,
          data: { aideADomicile: true, portageRepas: false },
        })
        .perform('adhesion-prado', {
          actor: cam,
          data: {
            rdvMedecinTraitant: '2026-01-13',
            rdvCardiologue: '2026-02-24',
            infirmierChoisi: 'IDE Durand',
            carnetSuiviRemis: true,
          },
        }),
    )
    .at('J+3 10:00', (s) =>
      s.record('sortie', { by: chu, data: { date: '2026-01-08', service: 'cardiologie' } }),
    )
    .at('J+3 16:00', (s) => s.perform('lettre-liaison', { actor: chu, data: LETTRE }));
}

/** Weekly nurse visits #from..#to, each the day before it falls due (J+2+7k). */
function weeklyVisits(from: number, to: number): Act[] {
  const acts: Act[] = [];
  for (let k = from; k <= to; k++)
    acts.push([
      2 + 7 * k,
      '10:00',
      (s) => s.perform('visite-ide-hebdomadaire', { actor: ideDurand, data: { poidsKg: 71 } }),
    ]);
  return acts;
}

describe('insuffisance cardiaque — the journey that goes well', () => {
  it('discharge with every visit in its window, six months of PRADO, then long-term follow-up', async () => {
    const s = discharged()
      .expect((j) => {
        expect(j.active).toEqual(
          expect.arrayContaining([
            'suivi-post-sortie',
            'liaison-ville-hopital',
            'suivi-medical',
            'ide-hebdomadaire',
            'auto-surveillance',
            'titration',
            'education-prevention',
            'coordination-equipe',
          ]),
        );
      })
      .expectCompleted('lettre-liaison')
      .expectOpenTask('consultation-mg', { due: 'J+10 23:59', responsible: ['medecin-traitant'] })
      .expectOpenTask('consultation-cardiologue', { due: 'J+62 23:59', responsible: ['cardiologue'] })
      .expectOpenTask('visite-ide-hebdomadaire', { due: 'J+10 23:59', responsible: ['infirmier'] })
      .expectOpenTask('information-medecin-traitant-prado', { responsible: ['conseiller-am'] })
      // No titration to do: the titration visit does not open.
      .expectNoOpenTask('consultation-titration');
    play(s, [
      [3, '17:00', (x) => x.perform('information-medecin-traitant-prado', { actor: cam })],
      [4, '08:00', (x) => x.perform('pesee-quotidienne', { actor: patient, data: { poidsKg: 71.5 } })],
      [
        5,
        '10:00',
        (x) =>
          x.perform('etp-insuffisance-cardiaque', { actor: ideDurand, data: { signesEpofConnus: true } }),
      ],
      [
        5,
        '10:30',
        (x) => x.perform('evaluation-situation', { actor: ideDurand, data: { besoinsIdentifies: [] } }),
      ],
      [
        8,
        '11:00',
        (x) => x.perform('consultation-mg', { actor: drMartin, data: { date: '2026-01-13', nyha: 3 } }),
      ],
      [8, '11:30', (x) => x.perform('prevention-decompensation', { actor: drMartin })],
      [
        40,
        '14:00',
        (x) => x.perform('consultation-cardiologue', { actor: drCoeur, data: { date: '2026-02-14' } }),
      ],
      ...weeklyVisits(1, 8),
      // Two months after the discharge (J+62 10:00), NYHA III: visits every two weeks.
      [
        62,
        '12:00',
        (x) => x.expectStep('ide-quinzaine').expectOpenTask('visite-ide-quinzaine', { due: 'J+76 23:59' }),
      ],
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(
        (k): Act => [
          61 + 14 * k,
          '10:00',
          (x) => x.perform('visite-ide-quinzaine', { actor: ideDurand, data: { poidsKg: 70 } }),
        ],
      ),
      // Six months after the discharge (J+184 10:00): end of PRADO.
      [
        184,
        '12:00',
        (x) =>
          x.expectStep('fin-prado').expectOpenTask('bilan-fin-prado', { responsible: ['conseiller-am'] }),
      ],
      [190, '10:00', (x) => x.perform('bilan-fin-prado', { actor: cam, data: { satisfaction: 5 } })],
    ]);
    const result = await s
      .expectStep('suivi-au-long-cours')
      .expectStatus('completed')
      .expectNoRupture()
      .run();

    expect(result.journey).toHaveStatus('completed');
    expect(result.journey).not.toHaveRupture();
    // The fixed weekly schedule: 8 visits done, the 9th (due J+66) cancelled when the rhythm changed.
    const weekly = result.journey.tasks.filter((t) => t.task === 'visite-ide-hebdomadaire');
    expect(weekly.map((t) => t.status)).toEqual([...Array(8).fill('completed'), 'cancelled']);
    expect(weekly[8]?.reason).toBe("sortie de l'étape ide-hebdomadaire");
    const fortnightly = result.journey.tasks.filter((t) => t.task === 'visite-ide-quinzaine');
    expect(fortnightly.filter((t) => t.status === 'completed')).toHaveLength(8);
  });
});

describe('insuffisance cardiaque — ruptures (segment, roles, delay)', () => {
  it('lettre de liaison not sent on the day of discharge: rupture in "sortie", the CPTS chases the ward', async () => {
    await scenario(ic, { coverage })
      .given({ age: 80 })
      .at('J+3 10:00', (s) => s.record('sortie'))
      .expectOpenTask('lettre-liaison', { due: 'J+3 23:59' })
      .at('J+3 23:00')
      .expectNoRupture('lettre-liaison')
      .at('J+4 09:00')
      .expectRupture('lettre-liaison', {
        segment: 'sortie',
        roles: ['equipe-hospitaliere'],
        due: 'J+3',
        open: true,
      })
      .expectOpenTask('relance-lettre-liaison', { responsible: ['coordinateur-cpts'] })
      .at('J+4 11:00', (s) =>
        s.perform('relance-lettre-liaison', { actor: cpts, data: { relanceLe: '2026-01-09' } }),
      )
      // Sent two days late: due end of J+3 (8 January), sent J+5 (10 January).
      .at('J+5 11:00', (s) => s.perform('lettre-liaison', { actor: chu, data: LETTRE }))
      .expectRupture('lettre-liaison', {
        segment: 'sortie',
        roles: ['equipe-hospitaliere'],
        delayDays: 2,
        open: false,
      })
      .run();
  });

  it('GP visit after day 7: rupture in "suivi-ville" for the médecin traitant, escalated to the PRADO adviser', async () => {
    const result = await discharged()
      .at('J+10 22:00')
      .expectNoRupture('consultation-mg')
      .at('J+11 08:00')
      .expectRupture('consultation-mg', {
        segment: 'suivi-ville',
        roles: ['medecin-traitant'],
        due: 'J+10',
        open: true,
      })
      .expectOpenTask('consultation-mg', { responsible: ['medecin-traitant', 'conseiller-am'] })
      // Seen on J+13 (18 January): due end of J+10 (15 January), 3 days late.
      .at('J+13 09:30', (s) =>
        s.perform('consultation-mg', { actor: drMartin, data: { date: '2026-01-18' } }),
      )
      .expectRupture('consultation-mg', { delayDays: 3, open: false })
      .run();
    expect(result.journey.ruptures.find((r) => r.task === 'consultation-mg')?.detectedAt).toBe(
      Date.parse('2026-01-15T23:00:00.000Z'),
    );
  });

  it('cardiologist after 2 months: rupture in "suivi-ville" for the cardiologue, escalated to the adviser', async () => {
    await discharged()
      .at('J+62 20:00')
      .expectNoRupture('consultation-cardiologue')
      .at('J+63 09:00')
      .expectRupture('consultation-cardiologue', {
        segment: 'suivi-ville',
        roles: ['cardiologue'],
        due: 'J+62',
      })
      .expectOpenTask('consultation-cardiologue', { responsible: ['cardiologue', 'conseiller-am'] })
      // Seen on J+70 (16 March): due end of J+62 (8 March), 8 days late.
      .at('J+70 14:00', (s) =>
        s.perform('consultation-cardiologue', { actor: drCoeur, data: { date: '2026-03-16' } }),
      )
      .expectRupture('consultation-cardiologue', { delayDays: 8, open: false })
      .run();
  });

  it('weekly nurse visit missed: rupture for the infirmier, escalated; the schedule does not drift', async () => {
    await discharged()
      .at('J+11 09:00')
      .expectRupture('visite-ide-hebdomadaire', {
        segment: 'suivi-ville',
        roles: ['infirmier'],
        due: 'J+10',
        open: true,
      })
      // The next visit opened at the miss and stays due at the end of J+17.
      .expectOpenTask('visite-ide-hebdomadaire#2', { due: 'J+17 23:59' })
      .expectOpenTask('visite-ide-hebdomadaire#1', { responsible: ['infirmier', 'conseiller-am'] })
      // Visit #1 done on J+12: 2 days late.
      .at('J+12 10:00', (s) =>
        s.perform('visite-ide-hebdomadaire', { actor: ideDurand, data: { poidsKg: 73 } }),
      )
      .expectRupture('visite-ide-hebdomadaire', { delayDays: 2, open: false })
      .at('J+16 10:00', (s) =>
        s.perform('visite-ide-hebdomadaire#2', { actor: ideDurand, data: { poidsKg: 72 } }),
      )
      .expectOpenTask('visite-ide-hebdomadaire#3', { due: 'J+24 23:59' })
      .expect((j) => expect(j.ruptures.filter((r) => r.task === 'visite-ide-hebdomadaire')).toHaveLength(1))
      .run();
  });

  it('fortnightly nurse visit missed (NYHA III): rupture for the infirmier, 4 days late', async () => {
    const s = play(discharged(), weeklyVisits(1, 8));
    await s
      .at('J+62 12:00')
      .expectStep('ide-quinzaine')
      .at('J+77 09:00')
      .expectRupture('visite-ide-quinzaine', {
        segment: 'suivi-ville',
        roles: ['infirmier'],
        due: 'J+76',
        open: true,
      })
      .expectOpenTask('visite-ide-quinzaine#2', { due: 'J+90 23:59' })
      // Done on J+80 (26 March): due end of J+76 (22 March), 4 days late.
      .at('J+80 10:00', (s) => s.perform('visite-ide-quinzaine', { actor: ideDurand, data: { poidsKg: 70 } }))
      .expectRupture('visite-ide-quinzaine', { delayDays: 4, open: false })
      .expectNoRupture('visite-ide-hebdomadaire')
      .run();
  });

  it('the optional daily weighing is never a rupture', async () => {
    await discharged()
      .expectOpenTask('pesee-quotidienne', { due: 'J+4 23:59', responsible: ['patient', 'aidant'] })
      .at('J+9 09:00')
      .expectNoRupture('pesee-quotidienne')
      .run();
  });
});

describe('insuffisance cardiaque — alert signs (EPOF)', () => {
  it('an alert sign opens an urgent task due 24 hours later; handled in time, no rupture', async () => {
    await discharged()
      .at('J+20 14:00', (s) =>
        s.record('signe-alerte', {
          by: patient,
          data: { signe: 'prise-de-poids', prisePoidsKg: 2.5, surJours: 3 },
        }),
      )
      .expectOpenTask('prise-en-charge-signe-alerte', {
        due: 'J+21 14:00',
        responsible: ['medecin-traitant', 'infirmier', 'cardiologue'],
      })
      .at('J+20 18:00', (s) =>
        s.perform('prise-en-charge-signe-alerte', {
          actor: ideDurand,
          data: { conduite: 'surveillance-renforcee' },
        }),
      )
      .expectNoRupture('prise-en-charge-signe-alerte')
      // A second sign opens a second occurrence.
      .at('J+30 08:00', (s) => s.record('signe-alerte', { data: { signe: 'oedemes' } }))
      .expectOpenTask('prise-en-charge-signe-alerte#2', { due: 'J+31 08:00' })
      .run();
  });

  it('an alert sign left 24 hours: rupture in "suivi-ville", the cardiologist takes it and a direct admission opens', async () => {
    await discharged()
      .at('J+20 14:00', (s) => s.record('signe-alerte', { data: { signe: 'essoufflement' } }))
      .at('J+21 13:59')
      .expectNoRupture('prise-en-charge-signe-alerte')
      .at('J+21 14:01')
      .expectRupture('prise-en-charge-signe-alerte', {
        segment: 'suivi-ville',
        roles: ['medecin-traitant', 'infirmier', 'cardiologue'],
        due: 'J+21',
        open: true,
      })
      .expectOpenTask('admission-directe', { responsible: ['cardiologue'] })
      // Handled the next morning, J+22: one calendar day after the due day.
      .at('J+22 09:00', (s) =>
        s
          .perform('prise-en-charge-signe-alerte', {
            actor: drCoeur,
            data: { conduite: 'admission-directe' },
          })
          .perform('admission-directe', { actor: drCoeur }),
      )
      .expectRupture('prise-en-charge-signe-alerte', { delayDays: 1, open: false })
      .run();
  });

  it('a sign reported before the discharge opens nothing (the task waits for the return home)', async () => {
    await scenario(ic, { coverage })
      .given({ age: 80 })
      .at('J+1 10:00', (s) => s.record('signe-alerte', { data: { signe: 'fatigue' } }))
      .expectNoOpenTask('prise-en-charge-signe-alerte')
      .run();
  });
});

describe('insuffisance cardiaque — nurse rhythm after two months', () => {
  it('NYHA I–II: the PRADO nurse follow-up ends at two months', async () => {
    await play(discharged({ nyha: 2 }), weeklyVisits(1, 8))
      .at('J+62 12:00')
      .expectStep('fin-suivi-infirmier')
      .expectNoOpenTask('visite-ide-hebdomadaire')
      .expectNoOpenTask('visite-ide-quinzaine')
      .expectNoRupture('visite-ide-hebdomadaire')
      .run();
  });

  it('NYHA unknown: weekly visits go on after two months (the careful branch)', async () => {
    await play(discharged({ nyha: undefined }), weeklyVisits(1, 9))
      .at('J+70 12:00')
      .expectStep('ide-hebdomadaire')
      .expectOpenTask('visite-ide-hebdomadaire#10', { due: 'J+73 23:59' })
      .run();
  });
});

describe('insuffisance cardiaque — gradation of complexity', () => {
  it('faible → moyenne → forte routes the coordination to the team, the services, then the DAC', async () => {
    await discharged()
      .expectComplexity('faible')
      .expectStep('coordination-equipe')
      .expectOpenTask('evaluation-situation', { responsible: ['medecin-traitant', 'infirmier'] })
      .at('J+5 10:00', (s) =>
        s
          .perform('evaluation-situation', {
            actor: ideDurand,
            data: { besoinsIdentifies: ['aide à domicile'] },
          })
          .recordFacts({ interventionMedicoSociale: true }, { by: ideDurand }),
      )
      .expectComplexity('moyenne')
      .expectStep('orientation')
      .expectOpenTask('orientation-services', { responsible: ['coordinateur-cpts', 'medecin-traitant'] })
      .at('J+6 10:00', (s) =>
        s
          .perform('orientation-services', { actor: cpts, data: { services: ['SAAD'] } })
          .recordFacts({ isolementSocial: true }, { by: drMartin }),
      )
      .expectComplexity('forte')
      .expectStep('appui-dac')
      .expectOpenTask('saisine-dac', { responsible: ['medecin-traitant'] })
      .expectOpenTask('plan-personnalise-sante', { responsible: ['coordinateur-dac'] })
      .at('J+7 10:00', (s) =>
        s
          .perform('saisine-dac', {
            actor: drMartin,
            data: { motif: 'vit seul, aide à domicile à organiser' },
          })
          .perform('plan-personnalise-sante', { actor: dac }),
      )
      .expectNoRupture()
      .run();
  });

  it('moyenne back to faible: the coordination returns to the team', async () => {
    await discharged({ epuisementAidant: true })
      .expectComplexity('moyenne')
      .expectStep('orientation')
      .at('J+10 10:00', (s) => s.recordFacts({ epuisementAidant: false }, { by: drMartin }))
      .expectComplexity('faible')
      .expectStep('coordination-equipe')
      .run();
  });

  it('forte at discharge: straight to the DAC', async () => {
    await discharged({ interventionSociale: true, troublesCognitifs: true })
      .expectComplexity('forte')
      .expectStep('appui-dac')
      .expectNotInStep('coordination-equipe')
      .run();
  });
});

describe('insuffisance cardiaque — titration and the PC133 cooperation protocol', () => {
  const titration = () => discharged({ titrationNecessaire: true, consentementPc133: true });

  it('titration by the cardiologist every 15 days, pharmacist review of each change, until the target doses', async () => {
    const result = await titration()
      .expectOpenTask('consultation-titration', { due: 'J+18 23:59', responsible: ['cardiologue'] })
      .at('J+15 10:00', (s) =>
        s
          .perform('consultation-titration', {
            actor: drCoeur,
            data: { traitement: 'bisoprolol', posologie: '2,5 mg', tolerance: 'bonne' },
          })
          .record('modification-traitement', { by: drCoeur }),
      )
      // Fixed schedule: the next visit is due 15 days after the first due date (J+33).
      .expectOpenTask('consultation-titration#2', { due: 'J+33 23:59' })
      .expectOpenTask('suivi-pharmaceutique-titration', { responsible: ['pharmacien'] })
      .at('J+16 11:00', (s) =>
        s.perform('suivi-pharmaceutique-titration', {
          actor: pharmacie,
          data: { interactionsVerifiees: true, posologieExpliquee: true },
        }),
      )
      .at('J+30 10:00', (s) =>
        s
          .perform('consultation-titration', {
            actor: drCoeur,
            data: { traitement: 'bisoprolol', posologie: '5 mg', tolerance: 'bonne' },
          })
          .record('titration-terminee', { by: drCoeur }),
      )
      .expectStep('traitement-optimise')
      .expectNoOpenTask('consultation-titration')
      .expectNoRupture('consultation-titration')
      .run();
    expect(openings(result.history, 'consultation-titration').map((o) => o.instance)).toEqual([
      'consultation-titration#1',
      'consultation-titration#2',
      'consultation-titration#3',
    ]);
  });

  it('titration visit late: rupture in "traitement" for the cardiologue, escalated to the médecin traitant', async () => {
    await titration()
      .at('J+19 09:00')
      .expectRupture('consultation-titration', {
        segment: 'traitement',
        roles: ['cardiologue'],
        due: 'J+18',
        open: true,
      })
      .expectOpenTask('consultation-titration#1', { responsible: ['cardiologue', 'medecin-traitant'] })
      // Done on J+20: due end of J+18, 2 days late.
      .at('J+20 10:00', (s) =>
        s.perform('consultation-titration', {
          actor: drCoeur,
          data: { traitement: 'sacubitril-valsartan', posologie: '24/26 mg', tolerance: 'bonne' },
        }),
      )
      .expectRupture('consultation-titration', { delayDays: 2, open: false })
      .run();
  });

  it('a trained nurse titrates under PC133; the report to the GP is due 2 days later (late: rupture, cardiologist told)', async () => {
    const result = await titration()
      .at('J+10 10:00', (s) =>
        s.perform('consultation-titration', {
          actor: idePc133,
          delegation: 'pc133-titration',
          data: { traitement: 'bisoprolol', posologie: '2,5 mg', tolerance: 'bonne' },
        }),
      )
      .expectOpenTask('compte-rendu-titration', { due: 'J+12 23:59', responsible: ['infirmier'] })
      .at('J+13 09:00')
      .expectRupture('compte-rendu-titration', {
        segment: 'traitement',
        roles: ['infirmier'],
        due: 'J+12',
        open: true,
      })
      .expectOpenTask('compte-rendu-titration', { responsible: ['infirmier', 'cardiologue'] })
      // Sent on J+14: due end of J+12, 2 days late.
      .at('J+14 10:00', (s) => s.perform('compte-rendu-titration', { actor: idePc133 }))
      .expectRupture('compte-rendu-titration', { delayDays: 2, open: false })
      .run();
    const act = result.history.find(
      (e) => e.type === 'task.completed' && e.instance === 'consultation-titration#1',
    );
    expect(act?.type === 'task.completed' && act.by).toEqual({
      actor: 'ide-titration',
      role: 'infirmier',
      delegation: 'pc133-titration',
    });
  });

  it('refuses a nurse with 60 of the 100 hours of training, and a patient who has not consented', async () => {
    await discharged({ titrationNecessaire: true })
      .expectRefused('DELEGATION_REFUSED', (s) =>
        s.perform('consultation-titration', {
          actor: idePc133,
          delegation: 'pc133-titration',
          data: { traitement: 'bisoprolol', posologie: '2,5 mg', tolerance: 'bonne' },
        }),
      )
      .expect((_j, { history }) => expect(lastRefusal(history).message).toMatch(/consent.*consentementPc133/))
      .recordFacts({ consentementPc133: true })
      .expectRefused('DELEGATION_REFUSED', (s) =>
        s.perform('consultation-titration', {
          actor: ide60h,
          delegation: 'pc133-titration',
          data: { traitement: 'bisoprolol', posologie: '2,5 mg', tolerance: 'bonne' },
        }),
      )
      .expect((_j, { history }) =>
        expect(lastRefusal(history).message).toMatch(/60 h of training where 100 h are required/),
      )
      // Neither refusal is a hand-back: the task stays with the cardiologist.
      .expectOpenTask('consultation-titration', { responsible: ['cardiologue'] })
      .expectNoRupture()
      .expectNoOpenTask('reprise-cardiologue')
      .run();
  });

  it.each([
    ['a minor', { age: 16 }, 'Patient mineur'],
    ['a pregnant woman', { age: 34, grossesse: true }, 'Femme enceinte'],
  ] as const)(
    'hands %s back to the cardiologist: hand-back rupture, then the cardiologist takes over',
    async (_who, facts, reason) => {
      const result = await titration()
        .recordFacts(facts)
        .at('J+10 10:00')
        .expectRefused('DELEGATION_REFUSED', (s) =>
          s.perform('consultation-titration', {
            actor: idePc133,
            delegation: 'pc133-titration',
            data: { traitement: 'bisoprolol', posologie: '2,5 mg', tolerance: 'bonne' },
          }),
        )
        .expectRupture('reprise-cardiologue', {
          kind: 'hand-back',
          segment: 'traitement',
          roles: ['cardiologue'],
          open: true,
        })
        .expectOpenTask('reprise-cardiologue', { responsible: ['cardiologue'] })
        .at('J+11 09:00', (s) =>
          s.perform('reprise-cardiologue', { actor: drCoeur }).perform('consultation-titration', {
            actor: drCoeur,
            data: { traitement: 'bisoprolol', posologie: '2,5 mg', tolerance: 'bonne' },
          }),
        )
        .expectRupture('reprise-cardiologue', { kind: 'hand-back', delayDays: 1, open: false })
        .run();
      expect(handBacks(result.history)).toEqual([{ delegation: 'pc133-titration', reasons: [reason] }]);
    },
  );
});

describe('insuffisance cardiaque — readmission', () => {
  it('a new hospitalisation brings the journey back to the ward; the next discharge starts new windows', async () => {
    await discharged()
      .at('J+8 11:00', (s) => s.perform('consultation-mg', { actor: drMartin, data: { date: '2026-01-13' } }))
      .at('J+20 22:00', (s) => s.record('rehospitalisation'))
      .expectStep('hospitalisation')
      .expectNotInStep('suivi-post-sortie')
      .expectNoOpenTask('visite-ide-hebdomadaire')
      .at('J+30 10:00', (s) => s.record('sortie'))
      .expectStep('suivi-post-sortie')
      // Windows from the second discharge (J+30, 4 February).
      .expectOpenTask('consultation-mg#2', { due: 'J+37 23:59' })
      .expectOpenTask('lettre-liaison#2', { due: 'J+30 23:59' })
      .expectOpenTask('consultation-cardiologue', { due: 'J+89 23:59' })
      .run();
  });

  it('a readmission during the end-of-PRADO review goes back to the ward', async () => {
    const s = play(discharged(), [
      [8, '11:00', (x) => x.perform('consultation-mg', { actor: drMartin, data: { date: '2026-01-13' } })],
      [
        40,
        '14:00',
        (x) => x.perform('consultation-cardiologue', { actor: drCoeur, data: { date: '2026-02-14' } }),
      ],
    ]);
    await s
      .at('J+184 12:00')
      .expectStep('fin-prado')
      .at('J+186 10:00', (x) => x.record('rehospitalisation'))
      .expectStep('hospitalisation')
      .run();
  });
});

describe('insuffisance cardiaque — coverage of the scenarios', () => {
  it('exercises every step, exit, task, deadline and path of the protocol', () => {
    expect(uncovered(coverage), formatCoverage(coverage.report())).toEqual(FULL_COVERAGE);
  });
});
