/**
 * Scenarios of the direct-access physiotherapy protocol (two cooperation protocols: ankle sprain
 * and acute low back pain) on the engine, on a virtual clock.
 *
 * J0 is Monday 5 January 2026, 09:00 in Paris. The ankle is twisted at J0 08:00, so the sprain
 * must be seen within 24 hours (⚠ HAS): by J+1 08:00, an exact instant. The physiotherapist sees
 * the patient at J0 10:00: each delegated act opens the report to the médecin traitant, due at the
 * end of J+2 (2 days, a team choice); the reassessment is due at the end of J0 + 7 days = J+7.
 * A hand-back opens the médecin traitant's task, due 24 hours later (a team choice).
 *
 * The protocol sets no validity period for the 10-hour training: an expired training is one whose
 * certificate says so (`validUntil` of the actor's qualification).
 */
import { createCoverage, formatCoverage, type Scenario, scenario } from '@cpts/testing';
import '@cpts/testing/vitest';
import { describe, expect, it } from 'vitest';
import { accesDirectKine } from '../src/index.js';
import {
  cpts,
  drMartin,
  FULL_COVERAGE,
  handBacks,
  kine7h,
  kineCertificatExpire,
  kineForme,
  kineFormeePlusTard,
  kineNonForme,
  lastRefusal,
  uncovered,
} from './scenario-support.js';

type S = Scenario<typeof accesDirectKine>;
type Facts = Parameters<S['given']>[0];
const coverage = createCoverage(accesDirectKine);

const TRAUMA = '2026-01-05T08:00:00+01:00';
const BILAN_ENTORSE = {
  diagnostic: 'entorse-cheville',
  orthese: true,
  reposGlaceSurelevation: true,
  cannes: true,
  ottawaPositive: false,
} as const;
const BILAN_LOMBALGIE = { diagnostic: 'lombalgie-commune', drapeauxRougesRecherches: true } as const;

/** A sprain of J0 08:00, patient of 30 who consents, seen at J0 10:00. */
function entorse(facts: Facts = {}): S {
  return scenario(accesDirectKine, { coverage })
    .given({
      age: 30,
      motif: 'entorse-cheville',
      dateDebutSymptomes: TRAUMA,
      consentementCooperation: true,
      medecinTraitant: 'Dr Martin',
      ...facts,
    })
    .expectStep('entorse-cheville')
    .expectOpenTask('bilan-entorse', { due: 'J+1 08:00', responsible: ['medecin-traitant'] })
    .at('J0 10:00');
}

/** Acute low back pain since 2 January (3 days), patient of 40 who consents, seen at J0 10:00. */
function lombalgie(facts: Facts = {}): S {
  return scenario(accesDirectKine, { coverage })
    .given({
      age: 40,
      motif: 'lombalgie-aigue',
      dateDebutSymptomes: '2026-01-02',
      consentementCooperation: true,
      medecinTraitant: 'Dr Martin',
      ...facts,
    })
    .expectStep('lombalgie-aigue')
    .at('J0 10:00');
}

/** The physiotherapist's assessment of the sprain, under the delegation. */
const bilanEntorse = (s: S, actor = kineForme) =>
  s.perform('bilan-entorse', { actor, delegation: 'entorse-cheville', data: BILAN_ENTORSE });
const bilanLombalgie = (s: S, actor = kineForme) =>
  s.perform('bilan-lombalgie', { actor, delegation: 'lombalgie-aigue', data: BILAN_LOMBALGIE });

/** Sends every open report to the médecin traitant. */
const reports = (s: S, n: number, date: string) => {
  for (let i = 0; i < n; i++)
    s.perform('compte-rendu-medecin-traitant', {
      actor: kineForme,
      data: { envoyeLe: date, messagerieSecurisee: true },
    });
  return s;
};

describe('accès direct kiné — the journeys that go well', () => {
  it('ankle sprain: the trained physiotherapist assesses and treats under the delegation, reports each act, reassesses', async () => {
    const result = await entorse({ douleurMalleolaire: true })
      .expectOpenTask('prescription-radiographie', { responsible: ['medecin-traitant'] })
      .expect((_j, { history }) => expect(history.filter((e) => e.type === 'task.opened')).toHaveLength(6))
      .at('J0 10:00', (s) =>
        bilanEntorse(s)
          .perform('antalgique-entorse', {
            actor: kineForme,
            delegation: 'entorse-cheville',
            data: { posologie: '1 g × 3/j' },
          })
          .perform('prescription-radiographie', {
            actor: kineForme,
            delegation: 'entorse-cheville',
            data: { prescriteLe: '2026-01-05' },
          })
          .perform('arret-travail-entorse', {
            actor: kineForme,
            delegation: 'entorse-cheville',
            data: { jours: 3 },
          }),
      )
      // Each delegated act obliges a report to the médecin traitant, due at the end of J+2.
      .expectOpenTask('compte-rendu-medecin-traitant#4', {
        due: 'J+2 23:59',
        responsible: ['masseur-kinesitherapeute'],
      })
      .expectOpenTask('reevaluation-entorse', { due: 'J+7 23:59', responsible: ['masseur-kinesitherapeute'] })
      .at('J0 18:00', (s) => reports(s, 4, '2026-01-05'))
      .at('J+3 10:00', (s) =>
        s.perform('prescription-reeducation', {
          actor: kineForme,
          delegation: 'entorse-cheville',
          data: { seances: 8 },
        }),
      )
      .at('J+3 18:00', (s) => reports(s, 1, '2026-01-08'))
      .at('J+6 10:00', (s) =>
        s.perform('reevaluation-entorse', { actor: kineForme, data: { evolution: 'favorable' } }),
      )
      .expectStep('satisfaction')
      .expectOpenTask('enquete-satisfaction', { responsible: ['coordinateur-cpts'] })
      .at('J+7 10:00', (s) =>
        s.perform('enquete-satisfaction', { actor: cpts, data: { envoyeeLe: '2026-01-12' } }),
      )
      .expectStep('termine')
      .expectStatus('completed')
      .expectNoRupture()
      .run();
    expect(result.journey).toHaveStatus('completed');
    // The audit trail: every act names the physiotherapist, the role and the delegation.
    const delegated = result.history.filter(
      (e) => e.type === 'task.completed' && e.by?.delegation === 'entorse-cheville',
    );
    expect(delegated).toHaveLength(5);
  });

  it('acute low back pain: diagnosis, NSAID and a 3-day sick note under the delegation; a 6-day note is refused', async () => {
    await lombalgie()
      .at('J0 10:00', (s) =>
        bilanLombalgie(s).perform('antalgique-lombalgie', {
          actor: kineForme,
          delegation: 'lombalgie-aigue',
          data: { molecule: 'ains', posologie: 'ibuprofène 400 mg × 3/j, 5 jours' },
        }),
      )
      .expectRefused('INVALID_DATA', (s) =>
        s.perform('arret-travail-lombalgie', {
          actor: kineForme,
          delegation: 'lombalgie-aigue',
          data: { jours: 6 },
        }),
      )
      .at('J0 10:05', (s) =>
        s.perform('arret-travail-lombalgie', {
          actor: kineForme,
          delegation: 'lombalgie-aigue',
          data: { jours: 3 },
        }),
      )
      // The step stays open after the diagnosis until the report is sent: the prescriptions belong to it.
      .expectStep('lombalgie-aigue')
      .expectOpenTask('compte-rendu-medecin-traitant#3', { due: 'J+2 23:59' })
      .at('J+1 09:00', (s) => reports(s, 3, '2026-01-06'))
      .expectStep('satisfaction')
      .at('J+1 10:00', (s) =>
        s.perform('enquete-satisfaction', { actor: cpts, data: { envoyeeLe: '2026-01-06' } }),
      )
      .expectStatus('completed')
      .expectNoRupture()
      .run();
  });

  it('the journey waits for every report: the survey sent alone does not end it', async () => {
    await entorse()
      .at('J0 10:00', (s) => bilanEntorse(s))
      .at('J+5 10:00', (s) =>
        s.perform('reevaluation-entorse', { actor: kineForme, data: { evolution: 'favorable' } }),
      )
      .expectStep('satisfaction')
      .at('J+5 12:00', (s) =>
        s.perform('enquete-satisfaction', { actor: cpts, data: { envoyeeLe: '2026-01-10' } }),
      )
      .expectStep('satisfaction')
      .expectStatus('active')
      // The report was due at the end of J+2: sent on J+5, it closes its rupture (3 days) and the journey.
      .at('J+5 18:00', (s) => reports(s, 1, '2026-01-10'))
      .expectRupture('compte-rendu-medecin-traitant', { delayDays: 3, open: false })
      .expectStep('termine')
      .expectStatus('completed')
      .run();
  });

  it('the médecin traitant can always act himself (no delegation involved, no report owed)', async () => {
    await lombalgie({ consentementCooperation: false })
      .at('J0 17:00', (s) =>
        s
          .perform('bilan-lombalgie', { actor: drMartin, data: BILAN_LOMBALGIE })
          .perform('enquete-satisfaction', { actor: cpts, data: { envoyeeLe: '2026-01-05' } }),
      )
      .expectNoOpenTask('compte-rendu-medecin-traitant')
      .expectStatus('completed')
      .run();
  });
});

describe('accès direct kiné — refusals of the delegation (nothing changes, the task stays with the GP)', () => {
  it.each([
    [
      'no training at all',
      kineNonForme,
      /does not hold the qualification "Formation de 10 h au protocole « entorse de cheville »"/,
    ],
    ['7 of the 10 hours', kine7h, /7 h of training where 10 h are required/],
    ['a training certificate expired on 31 December 2025', kineCertificatExpire, /expired on 2025-12-31/],
    ['a training obtained only after the act', kineFormeePlusTard, /obtained only on 2026-02-20/],
  ] as const)('refuses a physiotherapist with %s', async (_what, kine, message) => {
    await entorse()
      .expectRefused('DELEGATION_REFUSED', (s) => bilanEntorse(s, kine))
      .expect((_j, { history }) => expect(lastRefusal(history).message).toMatch(message))
      .expectOpenTask('bilan-entorse', { responsible: ['medecin-traitant'] })
      .expectNoOpenTask('reprise-par-medecin')
      .expectNoOpenTask('compte-rendu-medecin-traitant')
      .expectNoRupture()
      // A trained physiotherapist can then act.
      .at('J0 11:00', (s) => bilanEntorse(s))
      .expectCompleted('bilan-entorse')
      .run();
  });

  it('refuses without the patient’s recorded consent, then accepts once it is recorded', async () => {
    await entorse({ consentementCooperation: undefined })
      .expectRefused('DELEGATION_REFUSED', (s) => bilanEntorse(s))
      .expect((_j, { history }) =>
        expect(lastRefusal(history).message).toMatch(
          /the patient's consent \("consentementCooperation"\) is not recorded/,
        ),
      )
      .expectNoOpenTask('reprise-par-medecin')
      .recordFacts({ consentementCooperation: true }, { by: kineForme })
      .at('J0 10:10', (s) => bilanEntorse(s))
      .expectCompleted('bilan-entorse')
      .run();
  });

  it('refuses an act under a delegation that does not cover it, and an actor with no role for it', async () => {
    await entorse()
      .expectRefused('DELEGATION_REFUSED', (s) =>
        s.perform('bilan-entorse', { actor: kineForme, delegation: 'lombalgie-aigue', data: BILAN_ENTORSE }),
      )
      .expect((_j, { history }) => expect(lastRefusal(history).message).toMatch(/does not cover/))
      .expectRefused('NOT_ALLOWED_ROLE', (s) =>
        s.perform('bilan-entorse', { actor: cpts, data: BILAN_ENTORSE }),
      )
      .expectOpenTask('bilan-entorse', { responsible: ['medecin-traitant'] })
      .expectNoRupture()
      .run();
  });
});

/** Expects the patient handed back to the médecin traitant for `reason`, then seen by him at J0 15:00. */
function expectHandedBack(
  s: S,
  delegation: 'entorse-cheville' | 'lombalgie-aigue',
  reasons: readonly string[],
): S {
  return s
    .expect((_j, { history }) => expect(handBacks(history)).toEqual([{ delegation, reasons: [...reasons] }]))
    .expectRupture('reprise-par-medecin', {
      kind: 'hand-back',
      segment: 'traitement',
      roles: ['medecin-traitant'],
      due: 'J0',
      open: true,
    })
    .expectOpenTask('reprise-par-medecin', { due: 'J+1 10:00', responsible: ['medecin-traitant'] })
    .expectStep('retour-medecin')
    .expectNoOpenTask('compte-rendu-medecin-traitant')
    .at('J0 15:00', (x) =>
      x.perform('reprise-par-medecin', {
        actor: drMartin,
        data: { modalite: 'teleconsultation', conduite: 'vu' },
      }),
    )
    .expectRupture('reprise-par-medecin', { kind: 'hand-back', delayDays: 0, open: false })
    .expectStep('satisfaction');
}

describe('accès direct kiné — ankle sprain: inclusion and exclusions hand the patient back', () => {
  it.each([
    ['17 years old', { age: 17 }],
    ['56 years old', { age: 56 }],
  ] as const)(
    'outside 18–55 years (%s): the act is refused and the patient handed back',
    async (_what, facts) => {
      const s = entorse(facts).expectRefused('DELEGATION_REFUSED', (x) => bilanEntorse(x));
      await expectHandedBack(s, 'entorse-cheville', ["critères d'inclusion non remplis"])
        .expectNoOpenTask('bilan-entorse')
        .run();
    },
  );

  it.each([
    ['a wound', { plaie: true }, 'Plaie'],
    ['multiple trauma', { polytraumatisme: true }, 'Polytraumatisme'],
    [
      'a thrombo-embolic risk or doubt',
      { risqueThromboembolique: true },
      'Risque thrombo-embolique ou doute',
    ],
  ] as const)('with %s: refused, handed back to the médecin traitant', async (_what, facts, reason) => {
    const s = entorse(facts).expectRefused('DELEGATION_REFUSED', (x) => bilanEntorse(x));
    await expectHandedBack(s, 'entorse-cheville', [reason]).run();
  });

  it('weight-bearing impossible: accepted 2 hours after the trauma, handed back once 24 hours have passed', async () => {
    await entorse({ appuiImpossible: true })
      .at('J0 10:00', (s) => bilanEntorse(s))
      .expectCompleted('bilan-entorse')
      .run();
    const late = await scenario(accesDirectKine, { coverage })
      .given({
        age: 30,
        motif: 'entorse-cheville',
        dateDebutSymptomes: '2026-01-04T08:00:00+01:00',
        consentementCooperation: true,
        appuiImpossible: true,
      })
      // Seen 25 hours after the trauma: the 24-hour window has passed (rupture) and the exclusion applies.
      .expectRupture('bilan-entorse', { segment: 'traitement', roles: ['medecin-traitant'], open: true })
      .at('J0 10:00')
      .expectRefused('DELEGATION_REFUSED', (s) => bilanEntorse(s))
      .expectRupture('reprise-par-medecin', { kind: 'hand-back', roles: ['medecin-traitant'] })
      .expectStep('retour-medecin')
      .run();
    expect(handBacks(late.history)).toEqual([
      { delegation: 'entorse-cheville', reasons: ['Appui impossible 24 h après le traumatisme'] },
    ]);
  });

  it('the physiotherapist can hand the patient back himself (a doubt), with his reason', async () => {
    const s = entorse().at('J0 10:00', (x) =>
      x.handBack('entorse-cheville', {
        actor: kineForme,
        task: 'bilan-entorse',
        reason: 'doute : fracture de la malléole ?',
      }),
    );
    await expectHandedBack(s, 'entorse-cheville', ['doute : fracture de la malléole ?']).run();
  });
});

describe('accès direct kiné — acute low back pain: inclusion and red flags hand the patient back', () => {
  it.each([
    ['19 years old', { age: 19 }, 'Début avant 20 ans ou après 55 ans'],
    ['56 years old', { age: 56 }, 'Début avant 20 ans ou après 55 ans'],
    ['pain for more than 4 weeks', { dateDebutSymptomes: '2025-12-01' }, "critères d'inclusion non remplis"],
  ] as const)('outside the inclusion criteria (%s): refused, handed back', async (_what, facts, reason) => {
    const s = lombalgie(facts).expectRefused('DELEGATION_REFUSED', (x) => bilanLombalgie(x));
    await expectHandedBack(s, 'lombalgie-aigue', [reason]).run();
  });

  it.each([
    ['douleurNonMecanique', 'Douleur non mécanique ou nocturne'],
    ['deficitNeurologique', 'Déficit neurologique, queue de cheval, troubles sphinctériens'],
    ['paresthesiesPerineales', 'Paresthésies du périnée'],
    ['traumatismeImportant', 'Traumatisme important'],
    ['pertePoidsInexpliquee', 'Perte de poids inexpliquée'],
    ['antecedentCancer', 'Antécédent de cancer'],
    ['fievre', 'Fièvre'],
    ['drogueIvOuCorticotherapie', 'Usage de drogues IV ou corticothérapie au long cours'],
    ['deformationStructurale', 'Déformation structurale'],
    ['douleurThoracique', 'Douleur thoracique'],
    ['alterationEtatGeneral', 'Altération de l’état général'],
  ] as const)('red flag %s: refused, handed back to the médecin traitant', async (fact, reason) => {
    const s = lombalgie({ [fact]: true } as Facts).expectRefused('DELEGATION_REFUSED', (x) =>
      bilanLombalgie(x),
    );
    await expectHandedBack(s, 'lombalgie-aigue', [reason]).run();
  });

  it('a red flag found after the diagnosis: the next delegated act is refused and the patient handed back', async () => {
    await lombalgie()
      .at('J0 10:00', (s) => bilanLombalgie(s).recordFacts({ fievre: true }, { by: kineForme }))
      .expectRefused('DELEGATION_REFUSED', (s) =>
        s.perform('antalgique-lombalgie', {
          actor: kineForme,
          delegation: 'lombalgie-aigue',
          data: { molecule: 'ains' },
        }),
      )
      .expectRupture('reprise-par-medecin', { kind: 'hand-back', roles: ['medecin-traitant'] })
      .expectStep('retour-medecin')
      .run();
  });
});

describe('accès direct kiné — ruptures (segment, roles, delay)', () => {
  it('sprain not seen within 24 hours: rupture in "traitement", escalated to the CPTS', async () => {
    await entorse()
      .at('J+1 07:59')
      .expectNoRupture()
      .at('J+1 08:01')
      .expectRupture('bilan-entorse', {
        segment: 'traitement',
        roles: ['medecin-traitant'],
        due: 'J+1',
        open: true,
      })
      .expectOpenTask('bilan-entorse', { responsible: ['medecin-traitant', 'coordinateur-cpts'] })
      // Seen at J+2 10:00: one calendar day after the due day (J+1).
      .at('J+2 10:00', (s) => bilanEntorse(s))
      .expectRupture('bilan-entorse', { delayDays: 1, open: false })
      .run();
  });

  it('report to the GP after 2 days: rupture in "diagnostic" for the physiotherapist, escalated to the CPTS', async () => {
    await entorse()
      .at('J0 10:00', (s) => bilanEntorse(s))
      .expectOpenTask('compte-rendu-medecin-traitant', { due: 'J+2 23:59' })
      .at('J+3 08:00')
      .expectRupture('compte-rendu-medecin-traitant', {
        segment: 'diagnostic',
        roles: ['masseur-kinesitherapeute'],
        due: 'J+2',
        open: true,
      })
      .expectOpenTask('compte-rendu-medecin-traitant', {
        responsible: ['masseur-kinesitherapeute', 'coordinateur-cpts'],
      })
      // Sent on J+4: 2 days late.
      .at('J+4 10:00', (s) => reports(s, 1, '2026-01-09'))
      .expectRupture('compte-rendu-medecin-traitant', { delayDays: 2, open: false })
      .run();
  });

  it('reassessment after 7 days: rupture in "traitement" for the physiotherapist, the GP told', async () => {
    await entorse()
      .at('J0 10:00', (s) => reports(bilanEntorse(s), 1, '2026-01-05'))
      .at('J+8 08:00')
      .expectRupture('reevaluation-entorse', {
        segment: 'traitement',
        roles: ['masseur-kinesitherapeute'],
        due: 'J+7',
        open: true,
      })
      .expectOpenTask('reevaluation-entorse', {
        responsible: ['masseur-kinesitherapeute', 'medecin-traitant'],
      })
      // Done on J+9: 2 days late.
      .at('J+9 10:00', (s) =>
        s.perform('reevaluation-entorse', {
          actor: kineForme,
          data: { evolution: 'defavorable', avisMedicalDemande: true },
        }),
      )
      .expectRupture('reevaluation-entorse', { delayDays: 2, open: false })
      .run();
  });

  it('patient handed back and not seen within 24 hours: a missed-deadline rupture too, escalated to the CPTS', async () => {
    await entorse({ plaie: true })
      .expectRefused('DELEGATION_REFUSED', (s) => bilanEntorse(s))
      .at('J+1 10:01')
      .expectRupture('reprise-par-medecin', {
        kind: 'missed-deadline',
        segment: 'diagnostic',
        roles: ['medecin-traitant'],
        due: 'J+1',
        open: true,
      })
      .expectOpenTask('reprise-par-medecin', { responsible: ['medecin-traitant', 'coordinateur-cpts'] })
      // Seen at J+2 09:00: the missed deadline closes 1 day late, the hand-back 2 days after it was made.
      .at('J+2 09:00', (s) =>
        s.perform('reprise-par-medecin', { actor: drMartin, data: { modalite: 'consultation' } }),
      )
      .expectRupture('reprise-par-medecin', { kind: 'missed-deadline', delayDays: 1, open: false })
      .expectRupture('reprise-par-medecin', { kind: 'hand-back', delayDays: 2, open: false })
      .run();
  });
});

describe('accès direct kiné — coverage of the scenarios', () => {
  it('exercises every step, exit, task, deadline and path of the protocol', () => {
    expect(uncovered(coverage), formatCoverage(coverage.report())).toEqual(FULL_COVERAGE);
  });
});
