/**
 * The numbers and criteria of the reference protocols, checked against the domain reference
 * (`/work/shared/domain/protocols.md`): each assertion names the fact and the source it comes from.
 * Conditions are evaluated with the condition language, not read as text.
 */
import { type Condition, complexityOf, evaluateCondition } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { context, delegation, exitTo, protocol, step, task } from './support.js';

const holds = (c: Condition | undefined, ...args: Parameters<typeof context>) => {
  if (!c) throw new Error('no condition');
  return evaluateCondition(c, context(...args));
};

describe('insuffisance cardiaque (PRADO IC, PC133, décret lettre de liaison)', () => {
  const ic = protocol('insuffisance-cardiaque');
  const sortie = '2026-01-05T10:00:00+01:00';

  it('GP within 7 days and cardiologist within 2 months of discharge (fiche PRADO IC), escalated to the adviser', () => {
    expect(task(ic, 'consultation-mg').due).toMatchObject({
      within: 'P7D',
      from: { event: 'sortie' },
      source: 'prado-ic',
    });
    expect(task(ic, 'consultation-cardiologue').due).toMatchObject({
      within: 'P2M',
      from: { event: 'sortie' },
      source: 'prado-ic',
    });
    expect(task(ic, 'consultation-mg').onMiss?.escalateTo).toBe('conseiller-am');
  });

  it('lettre de liaison the same day as discharge (décret 2016-995)', () => {
    expect(task(ic, 'lettre-liaison').due).toMatchObject({
      within: 'P0D',
      from: { event: 'sortie' },
      source: 'decret-lettre-liaison',
    });
    expect(task(ic, 'lettre-liaison').data?.required).toContain('traitementsArretesOuModifies');
  });

  it('nurse weekly for 2 months, then every 2 weeks for 4 months only for NYHA III–IV, for 6 months in all', () => {
    expect(task(ic, 'visite-ide-hebdomadaire').repeat).toMatchObject({
      every: 'P1W',
      source: 'prado-ic-rythme-ide',
    });
    expect(task(ic, 'visite-ide-quinzaine').repeat).toMatchObject({
      every: 'P2W',
      source: 'prado-ic-rythme-ide',
    });
    const toFortnightly = exitTo(ic, 'ide-hebdomadaire', 'ide-quinzaine').when;
    const toEnd = exitTo(ic, 'ide-hebdomadaire', 'fin-suivi-infirmier').when;
    const at = (now: string, nyha?: number) =>
      [nyha === undefined ? {} : { nyha }, { now, events: { sortie } }] as const;
    expect(holds(toFortnightly, ...at('2026-03-04T10:00:00+01:00', 3))).toBe(false);
    expect(holds(toFortnightly, ...at('2026-03-05T10:00:00+01:00', 3))).toBe(true);
    expect(holds(toFortnightly, ...at('2026-03-05T10:00:00+01:00', 4))).toBe(true);
    expect(holds(toFortnightly, ...at('2026-03-05T10:00:00+01:00', 2))).toBe(false);
    expect(holds(toEnd, ...at('2026-03-05T10:00:00+01:00', 2))).toBe(true);
    // NYHA not recorded: neither exit, the weekly visits go on.
    expect(holds(toFortnightly, ...at('2026-03-05T10:00:00+01:00'))).toBe(false);
    expect(holds(toEnd, ...at('2026-03-05T10:00:00+01:00'))).toBe(false);
    const end = exitTo(ic, 'suivi-post-sortie', 'fin-prado').when;
    expect(holds(end, {}, { now: '2026-07-04T10:00:00+02:00', events: { sortie } })).toBe(false);
    expect(holds(end, {}, { now: '2026-07-05T10:00:00+02:00', events: { sortie } })).toBe(true);
  });

  it('an EPOF alert sign opens an urgent task; the window is a team choice and says so', () => {
    const alerte = task(ic, 'prise-en-charge-signe-alerte');
    expect(alerte.start).toEqual({ event: 'signe-alerte' });
    expect(alerte.when).toEqual({ event: 'sortie' });
    expect(alerte.due).toMatchObject({
      within: 'PT24H',
      from: { event: 'signe-alerte' },
      source: 'consensus-equipe',
    });
    expect(alerte.onMiss).toMatchObject({ escalateTo: 'cardiologue', open: ['admission-directe'] });
    const event = ic.events.find((e) => e.id === 'signe-alerte')!;
    expect(event.alert).toBe(true);
    expect(event.data?.properties?.signe).toMatchObject({
      enum: ['essoufflement', 'prise-de-poids', 'oedemes', 'fatigue'],
    });
  });

  it('daily weighing from an unverified source is optional, so it can never be a rupture', () => {
    const pesee = task(ic, 'pesee-quotidienne');
    expect(pesee.required).toBe(false);
    expect(pesee.repeat).toMatchObject({ every: 'P1D', source: 'hopital-pesee-quotidienne' });
    expect(ic.fiche.sources.find((s) => s.id === 'hopital-pesee-quotidienne')?.caveat).toMatch(/^⚠/);
  });

  it('titration delegated under PC133: nurse with 100 h of training, every 15 days, not for minors or pregnant women', () => {
    const pc133 = delegation(ic, 'pc133-titration');
    expect(pc133).toMatchObject({
      delegating: 'cardiologue',
      delegate: 'infirmier',
      tasks: ['consultation-titration'],
    });
    expect(pc133.qualification).toMatchObject({ minHours: 100, source: 'pc133' });
    expect(task(ic, 'consultation-titration').repeat).toMatchObject({ every: 'P15D', source: 'pc133' });
    const excluded = (facts: Record<string, unknown>) =>
      pc133.exclusions.filter((x) => evaluateCondition(x.when, context(facts))).map((x) => x.id);
    expect(excluded({ age: 17 })).toEqual(['patient-mineur']);
    expect(excluded({ age: 18 })).toEqual([]);
    expect(excluded({ age: 40, grossesse: true })).toEqual(['grossesse']);
    expect(pc133.handBack?.task).toBe('reprise-cardiologue');
    expect(task(ic, 'reprise-cardiologue').responsible).toEqual(['cardiologue']);
  });

  it('routes a situation of complexity forte to the DAC', () => {
    expect(exitTo(ic, 'coordination-equipe', 'appui-dac').when).toEqual({ complexity: 'forte' });
    expect(complexityOf(ic, { interventionSociale: true, isolementSocial: true })).toBe('forte');
    expect(task(ic, 'plan-personnalise-sante').responsible).toEqual(['coordinateur-dac']);
  });

  it('compares with the 2019 PRADO evaluation in its own windows (day 15, 2 months)', () => {
    const refs = Object.fromEntries(
      ic.indicators.filter((i) => i.reference).map((i) => [i.id, i.reference!.value]),
    );
    expect(refs).toEqual({ 'mg-15-jours': 0.859, 'ide-15-jours': 0.715, 'cardiologue-2-mois': 0.559 });
  });
});

describe('BPCO (HAS indicators, PRADO BPCO, diagnosis)', () => {
  const b = protocol('bpco');

  it('screens with spirometry from 40 years with at least 10 pack-years', () => {
    const when = task(b, 'spirometrie-diagnostique').when;
    expect(holds(when, { age: 40, paquetsAnnees: 10 })).toBe(true);
    expect(holds(when, { age: 39, paquetsAnnees: 30 })).toBe(false);
    expect(holds(when, { age: 60, paquetsAnnees: 9 })).toBe(false);
  });

  it('confirms COPD when FEV1/FVC < 0.7 after bronchodilator', () => {
    expect(holds(exitTo(b, 'diagnostic', 'suivi-bpco').when, { rapportVemsCvf: 0.69 })).toBe(true);
    expect(holds(exitTo(b, 'diagnostic', 'suivi-bpco').when, { rapportVemsCvf: 0.7 })).toBe(false);
    expect(holds(exitTo(b, 'diagnostic', 'bpco-non-confirmee').when, { rapportVemsCvf: 0.7 })).toBe(true);
    expect(holds(exitTo(b, 'diagnostic', 'suivi-bpco').when, {})).toBe(false);
  });

  it('after an exacerbation: GP ≤ 7 days, pulmonologist ≤ 2 months (PRADO BPCO), bronchodilator and rehabilitation ≤ 90 days (HAS)', () => {
    expect(task(b, 'consultation-mg-post-exacerbation').due).toMatchObject({
      within: 'P7D',
      source: 'prado-bpco',
    });
    expect(task(b, 'consultation-pneumologue').due).toMatchObject({ within: 'P2M', source: 'prado-bpco' });
    expect(task(b, 'dispensation-bronchodilatateur').due).toMatchObject({
      within: 'P90D',
      source: 'has-indicateurs-bpco',
    });
    expect(task(b, 'rehabilitation-respiratoire').due).toMatchObject({
      within: 'P90D',
      source: 'has-indicateurs-bpco',
    });
    expect(task(b, 'transmission-medecin-traitant').due).toMatchObject({
      within: 'PT48H',
      from: { event: 'aggravation-constatee' },
      source: 'surveillance-infirmiere-bpco',
    });
  });

  it('prescribes rehabilitation only when dyspnoea or exercise intolerance persists', () => {
    const when = task(b, 'prescription-rehabilitation').when;
    expect(holds(when, { dyspneePersistante: true })).toBe(true);
    expect(holds(when, { intoleranceEffort: true })).toBe(true);
    expect(holds(when, { dyspneePersistante: false, intoleranceEffort: false })).toBe(false);
  });

  it('carries the seven HAS quality indicators of the COPD pathway with their national results', () => {
    const has = b.indicators.filter((i) => i.source === 'has-indicateurs-bpco');
    expect(has.map((i) => [i.id, i.reference?.value])).toEqual([
      ['has-1-depistage-spirometrie', 0.213],
      ['has-2-vaccination-grippe', 0.527],
      ['has-3-spirometrie-annuelle', 0.342],
      ['has-4-suivi-medical-7-jours', 0.419],
      ['has-5-pneumologue-60-jours', 0.309],
      ['has-6-bronchodilatateur-90-jours', 0.74],
      ['has-7-rehabilitation-90-jours', 0.311],
    ]);
    const windows = has
      .flatMap((i) => ('all' in i.numerator ? i.numerator.all : []))
      .flatMap((c) => ('within' in c ? [c.within] : []));
    expect(windows).toEqual(['P7D', 'P60D', 'P90D', 'P90D']);
    for (const i of has) expect(i.note, i.id).toMatch(/⚠/);
  });
});

describe('diabète de type 2 (HAS 2013, IWGDF, ameli)', () => {
  const d = protocol('diabete-type-2');

  it('HbA1c 4 times a year; biology, kidney and ECG every year', () => {
    expect(task(d, 'hba1c').repeat).toMatchObject({ perYear: 4, source: 'has-diabete-2013' });
    expect(task(d, 'bilan-biologique-annuel').repeat).toMatchObject({
      perYear: 1,
      source: 'has-diabete-2013',
    });
    expect(task(d, 'bilan-biologique-annuel').data?.required).toEqual(
      expect.arrayContaining(['microalbuminurie', 'creatinineClairance']),
    );
    expect(task(d, 'ecg-repos').repeat).toMatchObject({ perYear: 1 });
  });

  it('offers the four HbA1c targets of the HAS', () => {
    expect(task(d, 'definir-cible-hba1c').data?.properties?.cibleHba1c).toEqual({
      type: 'number',
      enum: [6.5, 7, 8, 9],
    });
  });

  it('examines the fundus every year, every 2 years only without retinopathy or insulin and at target', () => {
    expect(task(d, 'fond-oeil').repeat).toMatchObject({ perYear: 1 });
    expect(task(d, 'fond-oeil-espace').repeat).toMatchObject({ every: 'P2Y', source: 'has-2010-fond-oeil' });
    const biennial = exitTo(d, 'fond-oeil-annuel', 'fond-oeil-biennal').when;
    const ok = { retinopathie: false, insuline: false, hba1cACible: true, pressionArterielleACible: true };
    expect(holds(biennial, ok)).toBe(true);
    for (const broken of [
      { retinopathie: true },
      { insuline: true },
      { hba1cACible: false },
      { pressionArterielleACible: false },
    ])
      expect(holds(biennial, { ...ok, ...broken }), JSON.stringify(broken)).toBe(false);
    expect(holds(biennial, { insuline: false, hba1cACible: true, pressionArterielleACible: true })).toBe(
      false,
    );
  });

  it('reads the IWGDF grade from the findings and routes podiatric care by grade', () => {
    const done = { requiredTasksDone: () => true };
    const route = (facts: Record<string, unknown>) =>
      step(d, 'gradation-podologique')
        .exits.filter((x) => x.when && evaluateCondition(x.when, { ...context(facts), ...done }))
        .map((x) => x.to);
    expect(route({ neuropathie: false })).toEqual(['pied-grade-0-1']);
    expect(route({ neuropathie: true })).toEqual(['pied-grade-0-1']);
    expect(route({ neuropathie: true, arteriopathie: true })).toEqual(['pied-grade-2']);
    expect(route({ neuropathie: true, deformation: true })).toEqual(['pied-grade-2']);
    expect(route({ neuropathie: false, arteriopathie: true })).toEqual(['pied-grade-0-1']);
    expect(route({ neuropathie: true, antecedentUlcere: true })).toEqual(['pied-grade-3']);
    expect(route({ antecedentAmputation: true })).toEqual(['pied-grade-3']);
    // Nothing recorded: the patient stays to be graded rather than being taken for grade 0.
    expect(route({})).toEqual([]);
  });

  it('podiatrist: 5 sessions a year for grade 2; 8 while a wound heals, 6 otherwise, for grade 3 (ameli)', () => {
    expect(task(d, 'seance-podologie-grade-2').repeat).toMatchObject({
      perYear: 5,
      source: 'ameli-podologie',
    });
    expect(task(d, 'seance-podologie-plaie').repeat).toMatchObject({ perYear: 8, source: 'ameli-podologie' });
    expect(task(d, 'seance-podologie-grade-3').repeat).toMatchObject({
      perYear: 6,
      source: 'ameli-podologie',
    });
    expect(holds(exitTo(d, 'grade-3-sans-plaie', 'grade-3-plaie').when, { plaieEnCours: true })).toBe(true);
    expect(holds(exitTo(d, 'grade-3-plaie', 'grade-3-sans-plaie').when, { plaieEnCours: false })).toBe(true);
    expect(task(d, 'evaluation-annuelle-pied')).toMatchObject({
      responsible: ['medecin-traitant'],
      repeat: { perYear: 1 },
    });
  });

  it('offers sophia to adults in ALD with a médecin traitant and at least 3 antidiabetic dispensings a year', () => {
    const when = task(d, 'proposer-sophia').when;
    const eligible = { age: 60, ald: true, medecinTraitant: 'Dr A', delivrancesAntidiabetiquesParAn: 3 };
    expect(holds(when, eligible)).toBe(true);
    expect(holds(when, { ...eligible, delivrancesAntidiabetiquesParAn: 2 })).toBe(false);
    expect(holds(when, { ...eligible, medecinTraitant: undefined })).toBe(false);
    expect(holds(when, { ...eligible, age: 17 })).toBe(false);
  });
});

describe('sortie de la personne âgée (Passerelle, PRADO, HAS 2013, TRST)', () => {
  const pa = protocol('sortie-personne-agee');
  const sortie = '2026-01-05T10:00:00+01:00';

  it('includes from 75 years', () => {
    expect(holds(exitTo(pa, 'reperage', 'accompagnement').when, { age: 75 })).toBe(true);
    expect(holds(exitTo(pa, 'reperage', 'accompagnement').when, { age: 74 })).toBe(false);
    expect(holds(exitTo(pa, 'reperage', 'non-inclus').when, { age: 74 })).toBe(true);
  });

  it('screens readmission risk within 48 h of admission (⚠ TRST) and offers PRADO when the TRST is ≥ 2/5', () => {
    expect(task(pa, 'depistage-risque-rehospitalisation').due).toMatchObject({
      within: 'PT48H',
      source: 'trst',
    });
    expect(holds(task(pa, 'proposer-prado').when, { scoreTrst: 2 })).toBe(true);
    expect(holds(task(pa, 'proposer-prado').when, { scoreTrst: 1 })).toBe(false);
  });

  it('looks for a médecin traitant only when the patient has none', () => {
    expect(holds(task(pa, 'trouver-medecin-traitant').when, {})).toBe(true);
    expect(holds(task(pa, 'trouver-medecin-traitant').when, { medecinTraitant: 'Dr B' })).toBe(false);
  });

  it('watches readmissions for 30 days after discharge (HAS 2013)', () => {
    const after30 = exitTo(pa, 'retour-domicile', 'suivi-a-domicile').when;
    expect(holds(after30, {}, { now: '2026-02-03T10:00:00+01:00', events: { sortie } })).toBe(false);
    expect(holds(after30, {}, { now: '2026-02-04T10:00:00+01:00', events: { sortie } })).toBe(true);
    expect(exitTo(pa, 'retour-domicile', 'rehospitalisation-precoce').on).toBe('admission');
    const indicator = pa.indicators.find((i) => i.id === 'rehospitalisation-30-jours')!;
    expect(indicator.reference?.value).toBe(0.16);
  });

  it('routes by complexity: information, advice from the DAC, or DAC case management', () => {
    expect(exitTo(pa, 'information-conseil', 'avis-dac').when).toEqual({ complexity: 'moyenne' });
    expect(exitTo(pa, 'information-conseil', 'gestion-de-cas-dac').when).toEqual({ complexity: 'forte' });
  });
});

describe('accès direct kiné (protocoles de coopération)', () => {
  const k = protocol('acces-direct-kine');
  const entorse = delegation(k, 'entorse-cheville');
  const lombalgie = delegation(k, 'lombalgie-aigue');

  it('is delegated by the médecin traitant to a physiotherapist trained 10 hours, with the patient’s consent', () => {
    for (const d of [entorse, lombalgie]) {
      expect(d).toMatchObject({ delegating: 'medecin-traitant', delegate: 'masseur-kinesitherapeute' });
      expect(d.qualification?.minHours).toBe(10);
      expect(d.consent).toEqual({ fact: 'consentementCooperation' });
      expect(d.handBack).toEqual({ task: 'reprise-par-medecin' });
      expect(d.obligations).toEqual([{ task: 'compte-rendu-medecin-traitant' }]);
    }
  });

  it.each([
    [17, false],
    [18, true],
    [55, true],
    [56, false],
  ])('includes an ankle sprain at %i years: %s', (age, included) => {
    expect(holds(entorse.inclusion, { age, motif: 'entorse-cheville' })).toBe(included);
  });

  it.each([
    [19, '2026-01-04', false],
    [20, '2026-01-04', true],
    [55, '2026-01-04', true],
    [56, '2026-01-04', false],
    [30, '2025-12-09', true],
    [30, '2025-12-07', false],
  ])('includes acute low back pain at %i years, started %s: %s', (age, start, included) => {
    const facts = { age, motif: 'lombalgie-aigue', dateDebutSymptomes: `${start}T10:00:00+01:00` };
    expect(holds(lombalgie.inclusion, facts, { now: '2026-01-05T12:00:00+01:00' })).toBe(included);
  });

  it('does not include low back pain whose start is unknown', () => {
    expect(
      holds(lombalgie.inclusion, { age: 30, motif: 'lombalgie-aigue' }, { now: '2026-01-05T12:00:00+01:00' }),
    ).toBe(false);
  });

  it('hands an ankle sprain back when weight-bearing is still impossible 24 h after the trauma', () => {
    const x = entorse.exclusions.find((e) => e.id === 'appui-impossible-24h')!;
    const facts = { appuiImpossible: true, dateDebutSymptomes: '2026-01-05T08:00:00+01:00' };
    expect(holds(x.when, facts, { now: '2026-01-06T07:59:00+01:00' })).toBe(false);
    expect(holds(x.when, facts, { now: '2026-01-06T08:00:00+01:00' })).toBe(true);
    expect(entorse.exclusions.map((e) => e.id)).toEqual([
      'plaie',
      'polytraumatisme',
      'appui-impossible-24h',
      'risque-thromboembolique',
    ]);
  });

  it('hands low back pain back on each red flag of the HAS (2019)', () => {
    const redFlags: Record<string, Record<string, unknown>> = {
      'douleur-non-mecanique': { douleurNonMecanique: true },
      'deficit-neurologique': { deficitNeurologique: true },
      'paresthesies-perineales': { paresthesiesPerineales: true },
      'traumatisme-important': { traumatismeImportant: true },
      'perte-poids': { pertePoidsInexpliquee: true },
      'antecedent-cancer': { antecedentCancer: true },
      fievre: { fievre: true },
      'drogue-iv-corticotherapie': { drogueIvOuCorticotherapie: true },
      'deformation-structurale': { deformationStructurale: true },
      'douleur-thoracique': { douleurThoracique: true },
      'age-debut': { age: 56 },
      'alteration-etat-general': { alterationEtatGeneral: true },
    };
    const flagged = (facts: Record<string, unknown>) =>
      lombalgie.exclusions
        .filter((x) => evaluateCondition(x.when, context({ age: 40, ...facts })))
        .map((x) => x.id);
    expect(lombalgie.exclusions.map((x) => x.id).sort()).toEqual(Object.keys(redFlags).sort());
    expect(flagged({})).toEqual([]);
    for (const [id, facts] of Object.entries(redFlags)) expect(flagged(facts), id).toEqual([id]);
    expect(flagged({ age: 19 })).toEqual(['age-debut']);
  });

  it('sees a sprain within 24 h of the trauma (⚠ HAS) and reassesses 7 days after the assessment', () => {
    expect(task(k, 'bilan-entorse').due).toMatchObject({
      within: 'PT24H',
      from: { fact: 'dateDebutSymptomes' },
    });
    expect(task(k, 'reevaluation-entorse').due).toMatchObject({
      within: 'P7D',
      from: { task: 'bilan-entorse' },
    });
  });

  it('keeps the prescriptions within the source’s bounds: 6–10 sessions, sick leave of 1–5 days for low back pain', () => {
    expect(task(k, 'prescription-reeducation').data?.properties?.seances).toMatchObject({
      minimum: 6,
      maximum: 10,
    });
    expect(task(k, 'arret-travail-lombalgie').data?.properties?.jours).toMatchObject({
      minimum: 1,
      maximum: 5,
    });
    expect(task(k, 'arret-travail-lombalgie').required).toBe(false);
    expect(task(k, 'antalgique-lombalgie').required).toBe(false);
  });

  it('orders an X-ray on any Ottawa criterion', () => {
    const when = task(k, 'prescription-radiographie').when;
    expect(holds(when, {})).toBe(false);
    for (const fact of [
      'douleurMalleolaire',
      'douleurBaseCinquiemeMetatarsien',
      'douleurNaviculaire',
      'incapaciteQuatrePas',
    ])
      expect(holds(when, { [fact]: true }), fact).toBe(true);
  });
});

describe('situation complexe (DAC, PPS, Lab’parcours)', () => {
  const s = protocol('situation-complexe');

  it.each([
    [{}, 'faible'],
    [{ interventionSociale: true }, 'moyenne'],
    [{ troublesCognitifs: true }, 'moyenne'],
    [{ interventionMedicoSociale: true, epuisementAidant: true }, 'forte'],
    [{ interventionSociale: true, isolementSocial: true }, 'forte'],
  ] as const)('grades %j as %s (team rules)', (facts, level) => {
    expect(complexityOf(s, facts)).toBe(level);
    expect(s.complexity?.source).toBe('consensus-equipe');
  });

  it('orients by level after the assessment', () => {
    const done = { requiredTasksDone: () => true };
    const route = (complexity: 'faible' | 'moyenne' | 'forte') =>
      step(s, 'evaluation')
        .exits.filter((x) => x.when && evaluateCondition(x.when, { ...context({}, { complexity }), ...done }))
        .map((x) => x.to);
    expect(route('faible')).toEqual(['information-conseil']);
    expect(route('moyenne')).toEqual(['orientation']);
    expect(route('forte')).toEqual(['gestion-de-cas']);
  });

  it('holds a synthèse interprofessionnelle concertée twice a year (Lab’parcours)', () => {
    expect(task(s, 'synthese-interprofessionnelle').repeat).toMatchObject({
      perYear: 2,
      source: 'lab-parcours',
    });
  });

  it('reviews the PPS at 6 months and at least yearly (HAS 2014)', () => {
    expect(task(s, 'revue-pps-6-mois').due).toMatchObject({
      within: 'P6M',
      from: { task: 'rediger-pps' },
      source: 'pps-has-2014',
    });
    expect(task(s, 'reevaluation-annuelle-pps').repeat).toMatchObject({ perYear: 1, source: 'pps-has-2014' });
    expect(task(s, 'reevaluation-apres-evenement').start).toEqual({ event: 'evenement-significatif' });
    expect(task(s, 'rediger-pps').data?.required).toEqual([
      'problemes',
      'objectifs',
      'interventions',
      'procedureAlerte',
    ]);
  });
});
