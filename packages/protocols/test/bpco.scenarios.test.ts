/**
 * Scenarios of the COPD protocol on the engine, on a virtual clock.
 *
 * J0 is Monday 5 January 2026, 09:00 in Paris. The spirometry at J+10 (15 January) confirms the
 * diagnosis; the yearly tasks then fall due at the end of J+375 (15 January 2027). The patient is
 * admitted for an exacerbation at J+40 and goes home at J+45 10:00 (Thursday 19 February), the J0
 * of PRADO BPCO; windows in days end at the end of their last local day:
 *
 * | task                               | window          | due (end of)                     |
 * | ---------------------------------- | --------------- | -------------------------------- |
 * | spirometrie-annuelle, vaccination  | 1/an from J+10  | J+375 (15 January 2027)          |
 * | lettre-liaison                     | P0D             | J+45 (19 February)               |
 * | consultation-mg-post-exacerbation  | P7D             | J+52 (26 February)               |
 * | consultation-pneumologue           | P2M             | J+104 (19 April)                 |
 * | visite-ide-hebdomadaire #k         | P1W, every P1W  | J+45+7k: J+52 … J+101 (#8)        |
 * | → ide-quinzaine (stades II–IV)     | 2 months        | at J+104 10:00                   |
 * | visite-ide-quinzaine #k            | every P2W       | J+104+14k: J+118 … J+216 (#8)     |
 * | dispensation-bronchodilatateur     | P90D            | J+135 (20 May)                   |
 * | rehabilitation-respiratoire        | P90D            | J+135 (20 May)                   |
 * | bilan-6-mois                       | P6M             | J+226 (19 August)                |
 * | → back to the stable state         | 6 months + bilan| at J+226 10:00 if the bilan is done |
 */
import { createCoverage, formatCoverage, type Scenario, scenario } from '@cpts/testing';
import '@cpts/testing/vitest';
import { describe, expect, it } from 'vitest';
import { bpco } from '../src/index.js';
import {
  cam,
  chu,
  drMartin,
  drSouffle,
  FULL_COVERAGE,
  ideDurand,
  kineForme,
  patient,
  pharmacie,
  rehab,
  uncovered,
} from './scenario-support.js';

type S = Scenario<typeof bpco>;
const coverage = createCoverage(bpco);

type Act = readonly [day: number, time: string, act: (s: S) => unknown];
function play(s: S, acts: readonly Act[]): S {
  const sorted = [...acts].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  for (const [day, time, act] of sorted) s.at(`J+${day} ${time}`, act);
  return s;
}

/** A smoker of 62 with 30 pack-years; the spirometry of J+10 finds FEV1/FVC 0.58: COPD confirmed. */
function confirmed(facts: Parameters<S['given']>[0] = {}): S {
  return scenario(bpco, { coverage })
    .given({ age: 62, paquetsAnnees: 30, fumeur: true, stade: 2, ...facts })
    .expectStep('diagnostic')
    .expectOpenTask('spirometrie-diagnostique', { responsible: ['medecin-traitant', 'pneumologue'] })
    .at('J+10 10:00', (s) =>
      s
        .perform('spirometrie-diagnostique', {
          actor: drSouffle,
          data: { date: '2026-01-15', rapportVemsCvf: 0.58, apresBronchodilatateur: true },
        })
        .recordFacts({ rapportVemsCvf: 0.58 }, { by: drSouffle }),
    )
    .expectStep('suivi-bpco');
}

/** Admitted at J+40 for an exacerbation; PRADO booked; home at J+45 10:00; letter sent at 15:00. */
function exacerbation(s: S): S {
  return s
    .at('J+40 08:00', (x) => x.record('hospitalisation-exacerbation'))
    .expectStep('hospitalisation')
    .at('J+41 10:00', (x) =>
      x
        .perform('eligibilite-prado-bpco', { actor: chu, data: { eligible: true } })
        .recordFacts({ eligiblePrado: true }, { by: chu }),
    )
    .at('J+43 10:00', (x) =>
      x.perform('adhesion-prado-bpco', {
        actor: cam,
        data: {
          rdvMedecinTraitant: '2026-02-24',
          rdvPneumologue: '2026-04-10',
          infirmierChoisi: 'IDE Durand',
          kinesitherapeuteChoisi: 'MK Lefèvre',
        },
      }),
    )
    .at('J+45 10:00', (x) => x.record('sortie'))
    .expectStep('post-exacerbation')
    .at('J+45 15:00', (x) =>
      x.perform('lettre-liaison', {
        actor: chu,
        data: { remiseAuPatient: true, envoyeeAuMedecinTraitant: true },
      }),
    );
}

const IDE_DATA = { dyspnee: false, spo2: 94 };
const weekly = (from: number, to: number): Act[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i): Act => [
      44 + 7 * (from + i),
      '10:00',
      (s) => s.perform('visite-ide-hebdomadaire', { actor: ideDurand, data: IDE_DATA }),
    ],
  );
const fortnightly = (from: number, to: number): Act[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i): Act => [
      103 + 14 * (from + i),
      '10:00',
      (s) => s.perform('visite-ide-quinzaine', { actor: ideDurand, data: IDE_DATA }),
    ],
  );

describe('BPCO — the journey that goes well', () => {
  it('diagnosis, yearly follow-up, an exacerbation followed as PRADO BPCO says, back to the usual follow-up', async () => {
    const s = exacerbation(
      confirmed({ dyspneePersistante: true })
        .expectOpenTask('spirometrie-annuelle', {
          due: 'J+375 23:59',
          responsible: ['pneumologue', 'medecin-traitant'],
        })
        .expectOpenTask('vaccination-grippe', { due: 'J+375 23:59' })
        .expectOpenTask('sevrage-tabagique')
        .at('J+12 10:00', (x) =>
          x
            .perform('sevrage-tabagique', { actor: pharmacie, data: { propose: true, accepte: true } })
            .perform('vaccination-grippe', { actor: pharmacie, data: { date: '2026-01-17' } })
            .perform('activite-physique-entretien', {
              actor: patient,
              data: { seancesParSemaine: 3, dureeMinutes: 30 },
            }),
        ),
    )
      .expectOpenTask('consultation-mg-post-exacerbation', {
        due: 'J+52 23:59',
        responsible: ['medecin-traitant'],
      })
      .expectOpenTask('consultation-pneumologue', { due: 'J+104 23:59', responsible: ['pneumologue'] })
      .expectOpenTask('bilan-6-mois', { due: 'J+226 23:59' })
      .expectOpenTask('visite-ide-hebdomadaire', { due: 'J+52 23:59', responsible: ['infirmier'] })
      .expectOpenTask('dispensation-bronchodilatateur', { due: 'J+135 23:59', responsible: ['pharmacien'] })
      .expectOpenTask('rehabilitation-respiratoire', { due: 'J+135 23:59' })
      // The yearly follow-up goes on during the exacerbation: its schedule does not restart.
      .expectOpenTask('spirometrie-annuelle', { due: 'J+375 23:59' });
    play(s, [
      [
        50,
        '11:00',
        (x) =>
          x.perform('consultation-mg-post-exacerbation', { actor: drMartin, data: { date: '2026-02-24' } }),
      ],
      [
        52,
        '10:00',
        (x) =>
          x.perform('dispensation-bronchodilatateur', { actor: pharmacie, data: { date: '2026-02-26' } }),
      ],
      [
        60,
        '10:00',
        (x) => x.perform('prescription-rehabilitation', { actor: drSouffle, data: { date: '2026-03-06' } }),
      ],
      [
        75,
        '09:00',
        (x) => x.perform('rehabilitation-respiratoire', { actor: rehab, data: { debut: '2026-03-21' } }),
      ],
      [80, '17:00', (x) => x.perform('kinesitherapie-respiratoire', { actor: kineForme })],
      [100, '11:00', (x) => x.perform('consultation-mg-2-mois', { actor: drMartin })],
      [
        95,
        '14:00',
        (x) => x.perform('consultation-pneumologue', { actor: drSouffle, data: { date: '2026-04-10' } }),
      ],
      [
        104,
        '12:00',
        (x) => x.expectStep('ide-quinzaine').expectOpenTask('visite-ide-quinzaine', { due: 'J+118 23:59' }),
      ],
      ...weekly(1, 8),
      ...fortnightly(1, 8),
      [220, '10:00', (x) => x.perform('bilan-6-mois', { actor: drSouffle, data: { date: '2026-08-13' } })],
      // Six months after the discharge (J+226 10:00), the bilan done: back to the usual follow-up.
      [226, '12:00', (x) => x.expectStep('etat-stable').expectNotInStep('post-exacerbation')],
      [
        300,
        '10:00',
        (x) => x.perform('spirometrie-annuelle', { actor: drSouffle, data: { date: '2026-11-01' } }),
      ],
      // Fixed yearly schedule: the next spirometry is due a year after the first due date.
      [300, '10:05', (x) => x.expectOpenTask('spirometrie-annuelle#2', { due: 'J+740 23:59' })],
      [380, '10:00', (x) => x.record('sortie-protocole')],
    ]);
    const result = await s.expectStep('fin-suivi').expectStatus('completed').expectNoRupture().run();
    expect(result.journey).toHaveStatus('completed');
    expect(result.journey).not.toHaveRupture();
  });

  it('a spirometry at FEV1/FVC ≥ 0.7 does not confirm COPD: the journey ends', async () => {
    await scenario(bpco, { coverage })
      .given({ age: 55, paquetsAnnees: 12 })
      .at('J+5 10:00', (s) =>
        s
          .perform('spirometrie-diagnostique', {
            actor: drMartin,
            data: { date: '2026-01-10', rapportVemsCvf: 0.74, apresBronchodilatateur: true },
          })
          .recordFacts({ rapportVemsCvf: 0.74 }),
      )
      .expectStep('bpco-non-confirmee')
      .expectStatus('completed')
      .run();
  });

  it('under 40 or under 10 pack-years, no screening spirometry opens', async () => {
    await scenario(bpco, { coverage })
      .given({ age: 38, paquetsAnnees: 20 })
      .expectNoOpenTask('spirometrie-diagnostique')
      .recordFacts({ age: 40, paquetsAnnees: 9 })
      .expectNoOpenTask('spirometrie-diagnostique')
      .recordFacts({ paquetsAnnees: 10 })
      .expectOpenTask('spirometrie-diagnostique')
      .run();
  });
});

describe('BPCO — ruptures (segment, roles, delay)', () => {
  it('lettre de liaison the next day: rupture in "sortie", escalated to the CPTS', async () => {
    await confirmed()
      .at('J+40 08:00', (s) => s.record('hospitalisation-exacerbation'))
      .at('J+45 10:00', (s) => s.record('sortie'))
      .at('J+46 08:00')
      .expectRupture('lettre-liaison', {
        segment: 'sortie',
        roles: ['equipe-hospitaliere'],
        due: 'J+45',
        open: true,
      })
      .expectOpenTask('lettre-liaison', { responsible: ['equipe-hospitaliere', 'coordinateur-cpts'] })
      // Sent on J+46 (20 February): due end of J+45, 1 day late.
      .at('J+46 11:00', (s) =>
        s.perform('lettre-liaison', {
          actor: chu,
          data: { remiseAuPatient: true, envoyeeAuMedecinTraitant: true },
        }),
      )
      .expectRupture('lettre-liaison', { delayDays: 1, open: false })
      .run();
  });

  it('GP after day 7 (HAS indicator 4): rupture in "suivi-ville", escalated to the CPTS', async () => {
    await exacerbation(confirmed())
      .at('J+53 08:00')
      .expectRupture('consultation-mg-post-exacerbation', {
        segment: 'suivi-ville',
        roles: ['medecin-traitant'],
        due: 'J+52',
        open: true,
      })
      .expectOpenTask('consultation-mg-post-exacerbation', {
        responsible: ['medecin-traitant', 'coordinateur-cpts'],
      })
      // Seen on J+55 (1 March): due end of J+52 (26 February), 3 days late.
      .at('J+55 10:00', (s) =>
        s.perform('consultation-mg-post-exacerbation', { actor: drMartin, data: { date: '2026-03-01' } }),
      )
      .expectRupture('consultation-mg-post-exacerbation', { delayDays: 3, open: false })
      .run();
  });

  it('pulmonologist after 2 months: rupture in "suivi-ville", escalated to the médecin traitant', async () => {
    await exacerbation(confirmed())
      .at('J+105 08:00')
      .expectRupture('consultation-pneumologue', {
        segment: 'suivi-ville',
        roles: ['pneumologue'],
        due: 'J+104',
      })
      .expectOpenTask('consultation-pneumologue', { responsible: ['pneumologue', 'medecin-traitant'] })
      // Seen on J+110 (25 April): due end of J+104 (19 April), 6 days late.
      .at('J+110 10:00', (s) =>
        s.perform('consultation-pneumologue', { actor: drSouffle, data: { date: '2026-04-25' } }),
      )
      .expectRupture('consultation-pneumologue', { delayDays: 6, open: false })
      .run();
  });

  it('the optional second GP visit at 2 months (SPLF ⚠) is never a rupture', async () => {
    await exacerbation(confirmed())
      .expectOpenTask('consultation-mg-2-mois', { due: 'J+104 23:59' })
      .at('J+110 10:00')
      .expectNoRupture('consultation-mg-2-mois')
      .run();
  });

  it('weekly nurse visit missed: rupture for the infirmier, the médecin traitant told; schedule kept', async () => {
    await exacerbation(confirmed())
      .at('J+53 08:00')
      .expectRupture('visite-ide-hebdomadaire', {
        segment: 'suivi-ville',
        roles: ['infirmier'],
        due: 'J+52',
        open: true,
      })
      .expectOpenTask('visite-ide-hebdomadaire#1', { responsible: ['infirmier', 'medecin-traitant'] })
      .expectOpenTask('visite-ide-hebdomadaire#2', { due: 'J+59 23:59' })
      // Done on J+53: 1 day late.
      .at('J+53 10:00', (s) => s.perform('visite-ide-hebdomadaire', { actor: ideDurand, data: IDE_DATA }))
      .expectRupture('visite-ide-hebdomadaire', { delayDays: 1, open: false })
      .run();
  });

  it('fortnightly nurse visit missed (stage II): rupture for the infirmier, 3 days late', async () => {
    await play(exacerbation(confirmed()), weekly(1, 8))
      .at('J+104 12:00')
      .expectStep('ide-quinzaine')
      .expectOpenTask('visite-ide-quinzaine', { due: 'J+118 23:59' })
      .at('J+119 08:00')
      .expectRupture('visite-ide-quinzaine', {
        segment: 'suivi-ville',
        roles: ['infirmier'],
        due: 'J+118',
        open: true,
      })
      .expectOpenTask('visite-ide-quinzaine#2', { due: 'J+132 23:59' })
      // Done on J+121 (6 May): due end of J+118 (3 May), 3 days late.
      .at('J+121 10:00', (s) => s.perform('visite-ide-quinzaine', { actor: ideDurand, data: IDE_DATA }))
      .expectRupture('visite-ide-quinzaine', { delayDays: 3, open: false })
      .run();
  });

  it('a worsening not reported within 48 hours: rupture in "suivi-ville", escalated to the CPTS', async () => {
    await exacerbation(confirmed())
      .at('J+60 14:00', (s) =>
        s.record('aggravation-constatee', { by: ideDurand, data: { dyspnee: true, spo2: 88 } }),
      )
      .expectOpenTask('transmission-medecin-traitant', { due: 'J+62 14:00', responsible: ['infirmier'] })
      .at('J+62 13:59')
      .expectNoRupture('transmission-medecin-traitant')
      .at('J+62 14:01')
      .expectRupture('transmission-medecin-traitant', {
        segment: 'suivi-ville',
        roles: ['infirmier'],
        due: 'J+62',
      })
      .expectOpenTask('transmission-medecin-traitant', { responsible: ['infirmier', 'coordinateur-cpts'] })
      // Reported on J+63 09:00: one calendar day after the due day.
      .at('J+63 09:00', (s) =>
        s.perform('transmission-medecin-traitant', { actor: ideDurand, data: { transmisLe: '2026-03-09' } }),
      )
      .expectRupture('transmission-medecin-traitant', { delayDays: 1, open: false })
      .run();
  });

  it('no long-acting bronchodilator within 90 days (HAS indicator 6): rupture in "traitement"', async () => {
    await exacerbation(confirmed())
      .at('J+136 08:00')
      .expectRupture('dispensation-bronchodilatateur', {
        segment: 'traitement',
        roles: ['pharmacien'],
        due: 'J+135',
        open: true,
      })
      .expectOpenTask('dispensation-bronchodilatateur', { responsible: ['pharmacien', 'medecin-traitant'] })
      // Dispensed on J+140 (25 May): due end of J+135 (20 May), 5 days late.
      .at('J+140 10:00', (s) =>
        s.perform('dispensation-bronchodilatateur', { actor: pharmacie, data: { date: '2026-05-25' } }),
      )
      .expectRupture('dispensation-bronchodilatateur', { delayDays: 5, open: false })
      .run();
  });

  it('rehabilitation not started within 90 days (HAS indicator 7): rupture in "non-medicamenteux"', async () => {
    await exacerbation(confirmed({ intoleranceEffort: true }))
      .expectOpenTask('prescription-rehabilitation', { responsible: ['pneumologue', 'medecin-traitant'] })
      .at('J+136 08:00')
      .expectRupture('rehabilitation-respiratoire', {
        segment: 'non-medicamenteux',
        roles: ['structure-rehabilitation', 'masseur-kinesitherapeute'],
        due: 'J+135',
        open: true,
      })
      .expectOpenTask('rehabilitation-respiratoire', {
        responsible: ['structure-rehabilitation', 'masseur-kinesitherapeute', 'pneumologue'],
      })
      // Started on J+150 (4 June): due end of J+135 (20 May), 15 days late.
      .at('J+150 09:00', (s) =>
        s.perform('rehabilitation-respiratoire', { actor: rehab, data: { debut: '2026-06-04' } }),
      )
      .expectRupture('rehabilitation-respiratoire', { delayDays: 15, open: false })
      .run();
  });

  it('without persistent dyspnoea or exercise intolerance, no rehabilitation task opens', async () => {
    await exacerbation(confirmed())
      .expectNoOpenTask('prescription-rehabilitation')
      .expectNoOpenTask('rehabilitation-respiratoire')
      .run();
  });

  it('6-month review late: rupture in "suivi-ville"; the follow-up goes back to the stable state once it is done', async () => {
    await exacerbation(confirmed())
      .at('J+226 12:00')
      // Six months have passed, but the review is not done: still in the post-exacerbation follow-up.
      .expectStep('post-exacerbation')
      .at('J+227 08:00')
      .expectRupture('bilan-6-mois', {
        segment: 'suivi-ville',
        roles: ['medecin-traitant', 'pneumologue'],
        due: 'J+226',
        open: true,
      })
      .expectOpenTask('bilan-6-mois', {
        responsible: ['medecin-traitant', 'pneumologue', 'coordinateur-cpts'],
      })
      // Done on J+230 (23 August): due end of J+226 (19 August), 4 days late.
      .at('J+230 10:00', (s) => s.perform('bilan-6-mois', { actor: drMartin, data: { date: '2026-08-23' } }))
      .expectRupture('bilan-6-mois', { delayDays: 4, open: false })
      .expectStep('etat-stable')
      .run();
  });

  it('yearly spirometry and flu vaccination late: ruptures in "suivi-ville" and "prevention-tertiaire"', async () => {
    await confirmed({ fumeur: false })
      .at('J+375 20:00')
      .expectNoRupture()
      .at('J+376 08:00')
      .expectRupture('spirometrie-annuelle', {
        segment: 'suivi-ville',
        roles: ['pneumologue', 'medecin-traitant'],
        due: 'J+375',
        open: true,
      })
      .expectRupture('vaccination-grippe', {
        segment: 'prevention-tertiaire',
        roles: ['medecin-traitant', 'infirmier', 'pharmacien'],
        due: 'J+375',
        open: true,
      })
      .expectOpenTask('spirometrie-annuelle#1', {
        responsible: ['pneumologue', 'medecin-traitant', 'coordinateur-cpts'],
      })
      // The next year's occurrences open at the miss, on the fixed schedule (J+740, 15 January 2028).
      .expectOpenTask('spirometrie-annuelle#2', { due: 'J+740 23:59' })
      // Vaccinated on J+377 (2 days late), spirometry on J+380 (5 days late).
      .at('J+377 10:00', (s) =>
        s.perform('vaccination-grippe', { actor: ideDurand, data: { date: '2027-01-17' } }),
      )
      .at('J+380 10:00', (s) =>
        s.perform('spirometrie-annuelle', { actor: drSouffle, data: { date: '2027-01-20' } }),
      )
      .expectRupture('vaccination-grippe', { delayDays: 2, open: false })
      .expectRupture('spirometrie-annuelle', { delayDays: 5, open: false })
      .run();
  });
});

describe('BPCO — nurse rhythm, new exacerbations, leaving the protocol', () => {
  it('stage I: the nurse monitoring ends at two months', async () => {
    await play(exacerbation(confirmed({ stade: 1 })), weekly(1, 8))
      .at('J+104 12:00')
      .expectStep('fin-surveillance-infirmiere')
      .expectNoOpenTask('visite-ide-hebdomadaire')
      .expectNoOpenTask('visite-ide-quinzaine')
      .run();
  });

  it('stage unknown: weekly visits go on after two months (the careful branch)', async () => {
    await play(exacerbation(confirmed({ stade: undefined })), weekly(1, 9))
      .at('J+110 12:00')
      .expectStep('ide-hebdomadaire')
      .expectOpenTask('visite-ide-hebdomadaire#10', { due: 'J+115 23:59' })
      .run();
  });

  it('a new exacerbation during the follow-up goes back to the ward; the next discharge starts new windows', async () => {
    await exacerbation(confirmed())
      .at('J+70 08:00', (s) => s.record('hospitalisation-exacerbation'))
      .expectStep('hospitalisation')
      .expectNotInStep('post-exacerbation')
      .expectStep('suivi-fonctionnel')
      .at('J+75 10:00', (s) => s.record('sortie'))
      // Windows from the second discharge (J+75, 21 March).
      .expectOpenTask('consultation-mg-post-exacerbation#2', { due: 'J+82 23:59' })
      .expectOpenTask('bilan-6-mois#2', { due: 'J+259 23:59' })
      .expectOpenTask('spirometrie-annuelle#1', { due: 'J+375 23:59' })
      .run();
  });

  it('leaving the protocol during a hospitalisation ends the journey', async () => {
    await confirmed()
      .at('J+40 08:00', (s) => s.record('hospitalisation-exacerbation'))
      .at('J+42 10:00', (s) => s.record('sortie-protocole'))
      .expectStep('fin-suivi')
      .expectStatus('completed')
      .expectNoOpenTask('spirometrie-annuelle')
      .run();
  });
});

describe('BPCO — coverage of the scenarios', () => {
  it('exercises every step, exit, task, deadline and path of the protocol', () => {
    expect(uncovered(coverage), formatCoverage(coverage.report())).toEqual(FULL_COVERAGE);
  });
});
