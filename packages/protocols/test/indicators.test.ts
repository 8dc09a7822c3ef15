/**
 * Indicators of the reference protocols computed by the engine (`engine.indicators`) over small
 * cohorts of scripted journeys, against values computed by hand.
 *
 * Each cohort runs on one engine and one virtual clock: the actions of all its journeys are played
 * in chronological order, the clock moving forward (firing what falls due) before each one, then up
 * to the end of the period. `J+n` counts from J0 = Monday 5 January 2026, 09:00 in Paris.
 */
import { createEngine, type Engine, MemoryStore, VirtualClock } from '@cpts/core';
import { resolveInstant } from '@cpts/testing';
import { describe, expect, it } from 'vitest';
import { bpco, insuffisanceCardiaque } from '../src/index.js';
import {
  chu,
  drCoeur,
  drMartin,
  drSouffle,
  ideDurand,
  patient,
  pharmacie,
  rehab,
} from './scenario-support.js';

const J0 = Date.parse('2026-01-05T09:00:00+01:00');
const at = (when: string) => resolveInstant(when, { start: J0, now: J0 });
/** The calendar date of `J+n HH:MM` (before 23:00 in Paris, the same day in UTC), for task data. */
const dateOf = (when: string) => new Date(at(when)).toISOString().slice(0, 10);

/** An action of a cohort: at `J+n HH:MM`, run a command. */
type Act = readonly [when: string, run: () => Promise<unknown>];

/** Plays the actions in chronological order on the engine's clock, then runs time up to `until`. */
async function play(engine: Engine, clock: VirtualClock, acts: readonly Act[], until: string): Promise<void> {
  const sorted = acts.map(([when, run]) => ({ t: at(when), run })).sort((a, b) => a.t - b.t);
  for (const { t, run } of sorted) {
    if (t > clock.now()) clock.set(t);
    await engine.runUntil(t);
    await run();
  }
  clock.set(Date.parse(until));
  await engine.runUntil(Date.parse(until));
}

/** Each indicator as `id → numerator/denominator` and the journeys of its numerator. */
function table(results: Awaited<ReturnType<Engine['indicators']>>) {
  return Object.fromEntries(
    results.map((r) => [
      r.id,
      { value: `${r.numerator}/${r.denominator}`, numerator: [...r.numeratorJourneys].sort() },
    ]),
  );
}

describe('insuffisance cardiaque — indicators over a cohort of 8 journeys', () => {
  /*
   * Period: journeys started from 5 January 2026 (J0 00:00) to 5 February 2026 (J+31 00:00), read
   * up to 5 February. Discharge at J+s 10:00; windows from the discharge end at the end of their day.
   *
   * | journey | discharge | letter P0D    | GP ≤ 7 d        | GP ≤ 15 d | nurse ≤ 15 d | cardio ≤ 2 M | readmitted | no rupture in town     |
   * | ------- | --------- | ------------- | --------------- | --------- | ------------ | ------------ | ---------- | ---------------------- |
   * | ic-a    | J+3       | ✓ J+3 16:00   | ✓ J+8           | ✓         | ✓ J+9        | ✓ J+25       |            | ✓                      |
   * | ic-b    | J+3       | ✗ J+4         | ✗ J+12          | ✓         | ✓ J+9        |              |            | ✗ GP late              |
   * | ic-c    | J+5       | ✓             | ✗ never         | ✗         | ✓ J+14 (late, ≤ J+20) | ✓ J+28 |        | ✗ GP, nurse #1         |
   * | ic-d    | J+2       | ✓             | ✓ J+9 11:00 (last day) | ✓  | ✗ never      |              | ✓ J+20     | ✗ nurse                |
   * | ic-e    | J+4, J+29 | ✓ (1st)       | ✗ J+14, 3 days late after the 1st discharge, none after the 2nd | ✓ | ✓ J+10 | | ✓ J+26 | ✗ GP late |
   * | ic-f    | J+3       | ✓             | ✓ J+10 23:00 (last minute) | ✓ | ✓ J+10    | ✓ J+20       |            | ✗ alert sign late      |
   * | ic-g    | —         | not discharged: in no denominator                                                                      |
   * | ic-h    | J-9       | started 26 December 2025, before the period: left out                                                  |
   *
   * Denominators (discharged): a, b, c, d, e, f = 6.
   * GP ≤ 7 d: a, d, f = 3/6 · GP ≤ 15 d: a, b, d, e, f = 5/6 · nurse ≤ 15 d: a, b, c, e, f = 5/6 ·
   * cardiologist ≤ 2 months: a, c, f = 3/6 · letter the same day: a, c, d, e, f = 5/6 ·
   * readmitted: d, e = 2/6 · no rupture in town: a = 1/6.
   */
  it('equals the hand-computed values', async () => {
    const clock = new VirtualClock(at('J-10'));
    const engine = createEngine({ protocols: [insuffisanceCardiaque], clock, store: new MemoryStore() });
    const ic = engine.for(insuffisanceCardiaque);
    const LETTRE = {
      remiseAuPatient: true,
      envoyeeAuMedecinTraitant: true,
      traitementsArretesOuModifies: [],
    };
    const start = (id: string, when = 'J0 09:00'): Act => [
      when,
      () => ic.start({ journeyId: id, facts: { age: 80, nyha: 2 } }),
    ];
    const sortie = (id: string, when: string): Act => [when, () => ic.recordEvent(id, 'sortie')];
    const lettre = (id: string, when: string): Act => [
      when,
      () => ic.perform(id, 'lettre-liaison', { actor: chu, data: LETTRE }),
    ];
    const mg = (id: string, when: string): Act => [
      when,
      () => ic.perform(id, 'consultation-mg', { actor: drMartin, data: { date: dateOf(when) } }),
    ];
    const cardio = (id: string, when: string): Act => [
      when,
      () => ic.perform(id, 'consultation-cardiologue', { actor: drCoeur, data: { date: dateOf(when) } }),
    ];
    const ide = (id: string, ...days: number[]): Act[] =>
      days.map((d) => [
        `J+${d} 10:00`,
        () => ic.perform(id, 'visite-ide-hebdomadaire', { actor: ideDurand, data: { poidsKg: 70 } }),
      ]);

    await play(
      engine,
      clock,
      [
        start('ic-a'),
        sortie('ic-a', 'J+3 10:00'),
        lettre('ic-a', 'J+3 16:00'),
        mg('ic-a', 'J+8 11:00'),
        ...ide('ic-a', 9, 16, 23),
        cardio('ic-a', 'J+25 14:00'),

        start('ic-b'),
        sortie('ic-b', 'J+3 10:00'),
        lettre('ic-b', 'J+4 09:00'),
        mg('ic-b', 'J+12 11:00'),
        ...ide('ic-b', 9, 16, 23),

        start('ic-c'),
        sortie('ic-c', 'J+5 10:00'),
        lettre('ic-c', 'J+5 15:00'),
        ...ide('ic-c', 14, 18, 25),
        cardio('ic-c', 'J+28 14:00'),

        start('ic-d'),
        sortie('ic-d', 'J+2 10:00'),
        lettre('ic-d', 'J+2 15:00'),
        mg('ic-d', 'J+9 11:00'),
        ['J+20 22:00', () => ic.recordEvent('ic-d', 'rehospitalisation')],

        start('ic-e'),
        sortie('ic-e', 'J+4 10:00'),
        lettre('ic-e', 'J+4 15:00'),
        ...ide('ic-e', 10, 17, 24),
        mg('ic-e', 'J+14 11:00'),
        ['J+26 03:00', () => ic.recordEvent('ic-e', 'rehospitalisation')],
        sortie('ic-e', 'J+29 10:00'),

        start('ic-f'),
        sortie('ic-f', 'J+3 10:00'),
        lettre('ic-f', 'J+3 15:00'),
        mg('ic-f', 'J+10 23:00'),
        ...ide('ic-f', 10, 17, 24),
        cardio('ic-f', 'J+20 14:00'),
        [
          'J+15 10:00',
          () => ic.recordEvent('ic-f', 'signe-alerte', { by: patient, data: { signe: 'oedemes' } }),
        ],
        [
          'J+17 10:00',
          () =>
            ic.perform('ic-f', 'prise-en-charge-signe-alerte', {
              actor: drMartin,
              data: { conduite: 'consultation' },
            }),
        ],

        start('ic-g'),
        [
          'J+1 10:00',
          () => ic.perform('ic-g', 'eligibilite-prado', { actor: chu, data: { eligible: false } }),
        ],

        start('ic-h', 'J-10 09:00'),
        sortie('ic-h', 'J-9 10:00'),
        lettre('ic-h', 'J-9 15:00'),
        mg('ic-h', 'J-5 11:00'),
      ],
      '2026-02-05T00:00:00+01:00',
    );

    const results = await engine.indicators(insuffisanceCardiaque, {
      from: '2026-01-05T00:00:00+01:00',
      to: '2026-02-05T00:00:00+01:00',
    });
    expect(
      results.every((r) => [...r.denominatorJourneys].sort().join() === 'ic-a,ic-b,ic-c,ic-d,ic-e,ic-f'),
    ).toBe(true);
    expect(table(results)).toEqual({
      'mg-7-jours': { value: '3/6', numerator: ['ic-a', 'ic-d', 'ic-f'] },
      'mg-15-jours': { value: '5/6', numerator: ['ic-a', 'ic-b', 'ic-d', 'ic-e', 'ic-f'] },
      'ide-15-jours': { value: '5/6', numerator: ['ic-a', 'ic-b', 'ic-c', 'ic-e', 'ic-f'] },
      'cardiologue-2-mois': { value: '3/6', numerator: ['ic-a', 'ic-c', 'ic-f'] },
      'lettre-liaison-jour-meme': { value: '5/6', numerator: ['ic-a', 'ic-c', 'ic-d', 'ic-e', 'ic-f'] },
      'rehospitalisation-pendant-suivi': { value: '2/6', numerator: ['ic-d', 'ic-e'] },
      'suivi-sans-rupture': { value: '1/6', numerator: ['ic-a'] },
    });
    expect(results.find((r) => r.id === 'mg-15-jours')).toMatchObject({
      value: 5 / 6,
      reference: { value: 0.859 },
    });
  });
});

describe('BPCO — the HAS indicators over a cohort of 7 journeys', () => {
  /*
   * Period: journeys started from 5 January 2026 (J0 00:00) to 1 July 2026 (J+177 00:00), read up to
   * 1 July. Discharge at J+s 10:00 after a hospitalisation for exacerbation.
   *
   * | journey | age, PY | screening spirometry | COPD follow-up | flu | yearly spiro | discharge | GP ≤ 7 d | pulmo ≤ 60 d | LABD ≤ 90 d | rehab ≤ 90 d | no rupture in town |
   * | ------- | ------- | -------------------- | -------------- | --- | ------------ | --------- | -------- | ------------ | ----------- | ------------ | ------------------ |
   * | p1      | 62, 30  | ✓ J+10, 0.58         | ✓              | ✓   | ✓ J+100      | J+45 (19 Feb) | ✓ J+50 (≤ J+52) | ✓ J+95 (≤ J+105) | ✓ J+52 | ✓ J+75 (dyspnoea) | ✓ |
   * | p2      | 70, 40  | ✓ J+5, 0.62          | ✓              |     |              | J+65 (11 Mar) | ✗ J+75 (> J+72) | ✗ J+130 (> J+125) | ✓ J+100 | ✗ not indicated | ✗ GP late, nurse visits |
   * | p3      | 55, 15  | ✓ J+20, 0.75         | not confirmed  |     |              |           |          |              |             |              |                    |
   * | p4      | 45, 25  | ✗ never              |                |     |              |           |          |              |             |              |                    |
   * | p5      | 35, 20  | not at risk (under 40): in no denominator                                                                                |
   * | p6      | 66, 50  | ✓ J+3, 0.50          | ✓              | ✓   |              | J+24 (29 Jan) | ✓ J+30 (≤ J+31) | ✓ J+80 (≤ J+84) | ✗ never (due J+114) | ✗ J+130 (> J+114) | ✓ (its ruptures are in "traitement" and "non-medicamenteux") |
   * | p7      | 58, 35  | ✓ J+2, 0.60          | ✓              | ✓   | ✓ J+150      |           |          |              |             |              |                    |
   *
   * 1 screening: p1 p2 p3 p6 p7 / p1 p2 p3 p4 p6 p7 = 5/6 · 2 flu: p1 p6 p7 / p1 p2 p6 p7 = 3/4 ·
   * 3 yearly spirometry: p1 p7 = 2/4 · 4 GP ≤ 7 d: p1 p6 / p1 p2 p6 = 2/3 · 5 pulmonologist ≤ 60 d:
   * p1 p6 = 2/3 · 6 bronchodilator ≤ 90 d: p1 p2 = 2/3 · 7 rehabilitation ≤ 90 d: p1 = 1/3 ·
   * no rupture in town after an exacerbation: p1 p6 = 2/3.
   */
  it('equals the hand-computed values', async () => {
    const clock = new VirtualClock(J0);
    const engine = createEngine({ protocols: [bpco], clock, store: new MemoryStore() });
    const b = engine.for(bpco);
    const start = (id: string, facts: { age: number; paquetsAnnees: number; stade?: number }): Act => [
      'J0 09:00',
      () => b.start({ journeyId: id, facts }),
    ];
    const spiro = (id: string, day: number, ratio: number): Act => [
      `J+${day} 10:00`,
      async () => {
        await b.perform(id, 'spirometrie-diagnostique', {
          actor: drSouffle,
          data: { date: dateOf(`J+${day}`), rapportVemsCvf: ratio, apresBronchodilatateur: true },
        });
        await b.recordFacts(id, { rapportVemsCvf: ratio });
      },
    ];
    const act = (day: number, run: () => Promise<unknown>): Act => [`J+${day} 10:00`, run];
    /** Hospitalised 5 days before `day`, discharged at J+day 10:00, letter sent the same afternoon. */
    const exacerbation = (id: string, day: number): Act[] => [
      [`J+${day - 5} 08:00`, () => b.recordEvent(id, 'hospitalisation-exacerbation')],
      [`J+${day} 10:00`, () => b.recordEvent(id, 'sortie')],
      [
        `J+${day} 15:00`,
        () =>
          b.perform(id, 'lettre-liaison', {
            actor: chu,
            data: { remiseAuPatient: true, envoyeeAuMedecinTraitant: true },
          }),
      ],
    ];
    const ide = (id: string, ...days: number[]): Act[] =>
      days.map((d) =>
        act(d, () =>
          b.perform(id, 'visite-ide-hebdomadaire', { actor: ideDurand, data: { dyspnee: false, spo2: 95 } }),
        ),
      );
    const date = { date: '2026-01-01' };

    await play(
      engine,
      clock,
      [
        start('p1', { age: 62, paquetsAnnees: 30, stade: 1 }),
        spiro('p1', 10, 0.58),
        act(11, () => b.recordFacts('p1', { dyspneePersistante: true })),
        act(12, () => b.perform('p1', 'vaccination-grippe', { actor: pharmacie, data: date })),
        ...exacerbation('p1', 45),
        act(50, () => b.perform('p1', 'consultation-mg-post-exacerbation', { actor: drMartin, data: date })),
        act(52, () => b.perform('p1', 'dispensation-bronchodilatateur', { actor: pharmacie, data: date })),
        act(75, () =>
          b.perform('p1', 'rehabilitation-respiratoire', { actor: rehab, data: { debut: '2026-01-01' } }),
        ),
        act(95, () => b.perform('p1', 'consultation-pneumologue', { actor: drSouffle, data: date })),
        act(100, () => b.perform('p1', 'spirometrie-annuelle', { actor: drSouffle, data: date })),
        // Stage I: weekly nurse visits for 2 months (due J+52 … J+101), then the monitoring ends.
        ...ide('p1', 51, 58, 65, 72, 79, 86, 93, 100),

        start('p2', { age: 70, paquetsAnnees: 40, stade: 2 }),
        spiro('p2', 5, 0.62),
        ...exacerbation('p2', 65),
        act(75, () => b.perform('p2', 'consultation-mg-post-exacerbation', { actor: drMartin, data: date })),
        act(100, () => b.perform('p2', 'dispensation-bronchodilatateur', { actor: pharmacie, data: date })),
        act(130, () => b.perform('p2', 'consultation-pneumologue', { actor: drSouffle, data: date })),

        start('p3', { age: 55, paquetsAnnees: 15 }),
        spiro('p3', 20, 0.75),

        start('p4', { age: 45, paquetsAnnees: 25 }),

        start('p5', { age: 35, paquetsAnnees: 20 }),

        start('p6', { age: 66, paquetsAnnees: 50, stade: 1 }),
        spiro('p6', 3, 0.5),
        act(4, () => b.recordFacts('p6', { intoleranceEffort: true })),
        act(10, () => b.perform('p6', 'vaccination-grippe', { actor: ideDurand, data: date })),
        ...exacerbation('p6', 24),
        act(30, () => b.perform('p6', 'consultation-mg-post-exacerbation', { actor: drMartin, data: date })),
        ...ide('p6', 30, 37, 44, 51, 58, 65, 72, 79),
        act(80, () => b.perform('p6', 'consultation-pneumologue', { actor: drSouffle, data: date })),
        act(130, () =>
          b.perform('p6', 'rehabilitation-respiratoire', { actor: rehab, data: { debut: '2026-01-01' } }),
        ),

        start('p7', { age: 58, paquetsAnnees: 35 }),
        spiro('p7', 2, 0.6),
        act(5, () => b.perform('p7', 'vaccination-grippe', { actor: pharmacie, data: date })),
        act(150, () => b.perform('p7', 'spirometrie-annuelle', { actor: drMartin, data: date })),
      ],
      '2026-07-01T00:00:00+02:00',
    );

    const results = await engine.indicators(bpco, {
      from: '2026-01-05T00:00:00+01:00',
      to: '2026-07-01T00:00:00+02:00',
    });
    expect(table(results)).toEqual({
      'has-1-depistage-spirometrie': { value: '5/6', numerator: ['p1', 'p2', 'p3', 'p6', 'p7'] },
      'has-2-vaccination-grippe': { value: '3/4', numerator: ['p1', 'p6', 'p7'] },
      'has-3-spirometrie-annuelle': { value: '2/4', numerator: ['p1', 'p7'] },
      'has-4-suivi-medical-7-jours': { value: '2/3', numerator: ['p1', 'p6'] },
      'has-5-pneumologue-60-jours': { value: '2/3', numerator: ['p1', 'p6'] },
      'has-6-bronchodilatateur-90-jours': { value: '2/3', numerator: ['p1', 'p2'] },
      'has-7-rehabilitation-90-jours': { value: '1/3', numerator: ['p1'] },
      'suivi-post-exacerbation-sans-rupture': { value: '2/3', numerator: ['p1', 'p6'] },
    });
    const denominators = Object.fromEntries(results.map((r) => [r.id, [...r.denominatorJourneys].sort()]));
    expect(denominators['has-1-depistage-spirometrie']).toEqual(['p1', 'p2', 'p3', 'p4', 'p6', 'p7']);
    expect(denominators['has-2-vaccination-grippe']).toEqual(['p1', 'p2', 'p6', 'p7']);
    expect(denominators['has-4-suivi-medical-7-jours']).toEqual(['p1', 'p2', 'p6']);
    // The ruptures of p6 are real, but outside the town segment the résultat indicator reads.
    const p6 = await b.get('p6');
    expect(p6.ruptures.map((r) => `${r.task} ${r.segment}`).sort()).toEqual([
      'dispensation-bronchodilatateur traitement',
      'rehabilitation-respiratoire non-medicamenteux',
    ]);
  });
});
