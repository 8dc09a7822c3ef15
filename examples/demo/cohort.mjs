// The demo's territory cohort for the heart-failure reference protocol.
//
// Every number below is an ASSUMPTION OF THE DEMO, not a clinical fact: the shape of a population
// and of professional behaviour, chosen to exercise the protocol. A CPTS replaces them with its
// own data (territorial diagnosis, PMSI, claims data) before reading anything into the result.
// The protocol's own deadlines (GP within 7 days, cardiologist within 2 months…) come from its
// sources (fiche.sources of the definition), not from here.

/** Facts drawn per patient (only those the protocol declares are used). */
const FACTS = {
  age: { kind: 'normal', mean: 78, sd: 10, min: 40, max: 100 },
  nyha: {
    kind: 'categorical',
    values: [
      { value: 1, weight: 1 },
      { value: 2, weight: 4 },
      { value: 3, weight: 4 },
      { value: 4, weight: 1 },
    ],
  },
  fractionEjection: {
    kind: 'categorical',
    values: [
      { value: 'reduite', weight: 1 },
      { value: 'preservee', weight: 1 },
    ],
  },
  eligiblePrado: { kind: 'bernoulli', p: 0.7 },
  titrationNecessaire: { kind: 'bernoulli', p: 0.3 },
  consentementPc133: { kind: 'bernoulli', p: 0.8 },
  grossesse: { kind: 'fixed', value: false },
  interventionSociale: { kind: 'bernoulli', p: 0.15 },
  interventionMedicoSociale: { kind: 'bernoulli', p: 0.2 },
  isolementSocial: { kind: 'bernoulli', p: 0.3 },
  epuisementAidant: { kind: 'bernoulli', p: 0.1 },
  troublesCognitifs: { kind: 'bernoulli', p: 0.15 },
  perteAutonomieRecente: { kind: 'bernoulli', p: 0.1 },
};

/** When events happen, in days after the journey starts (admission) or as yearly rates. */
const EVENTS = {
  sortie: { after: { kind: 'lognormal', median: 7, sigma: 0.4, max: 30 } },
  // The sign reported (the protocol requires one; which one does not change the pathway).
  'signe-alerte': { perYear: 1, data: { signe: 'essoufflement' } },
  rehospitalisation: { perYear: 0.3 },
  'titration-terminee': { after: { kind: 'uniform', min: 60, max: 120 }, probability: 0.6 },
};

/** How professionals behave: delays in days from when a task can be done. */
const BEHAVIOUR = {
  default: { probability: 0.95 },
  tasks: {
    'eligibilite-prado': { probability: 1, delay: { kind: 'uniform', min: 0, max: 2 } },
    'lettre-liaison': { probability: 0.97, delay: { kind: 'uniform', min: 0, max: 0.9 } },
    'consultation-mg': { probability: 0.93, delay: { kind: 'lognormal', median: 4, sigma: 0.6 } },
    'consultation-cardiologue': { probability: 0.85, delay: { kind: 'lognormal', median: 35, sigma: 0.5 } },
    // Daily self-weighing (optional) is not simulated: 365 entries a patient a year would drown the rest.
    'pesee-quotidienne': { probability: 0 },
  },
};

/** Acts per week for the whole territory (demo assumption for 10 000 patients a year). */
const CAPACITY = { 'medecin-traitant': 450, cardiologue: 140 };

/**
 * The cohort options for a protocol: facts, events and behaviour the protocol does not declare
 * are left out, so the same file fits the reference protocol as it evolves.
 */
export function cohortOptions(protocol, { patients, horizon, seed, threads }) {
  const facts = Object.fromEntries(
    Object.entries(FACTS).filter(([k]) => k in (protocol.facts?.properties ?? {})),
  );
  const eventIds = new Set((protocol.events ?? []).map((e) => e.id));
  const events = Object.fromEntries(Object.entries(EVENTS).filter(([k]) => eventIds.has(k)));
  const taskIds = new Set();
  const roles = new Set((protocol.roles ?? []).map((r) => r.id));
  const visit = (steps) => {
    for (const s of steps ?? []) {
      for (const t of s.tasks ?? []) taskIds.add(t.id);
      visit(s.steps);
    }
  };
  visit(protocol.steps);
  const tasks = Object.fromEntries(Object.entries(BEHAVIOUR.tasks).filter(([k]) => taskIds.has(k)));
  const capacity = Object.fromEntries(
    Object.entries(CAPACITY)
      .filter(([k]) => roles.has(k))
      .map(([k, v]) => [k, Math.max(1, Math.round((v * patients) / 10_000))]),
  );
  return {
    patients,
    horizon,
    seed,
    ...(threads !== undefined && { threads }),
    facts,
    events,
    behaviour: { default: BEHAVIOUR.default, tasks },
    capacity,
  };
}
