/**
 * The people of the scenario tests (one role each, so that an actor fits every protocol that
 * declares the role) and small helpers to read a journey's history.
 *
 * Every scenario starts at J0 = Monday 5 January 2026, 09:00 in Paris (the default of
 * `scenario()`), so `J+n` is 5 January + n days: J+26 is 31 January, J+27 is 1 February, J+55 is
 * 1 March, J+86 is 1 April, J+116 is 1 May, J+147 is 1 June, J+177 is 1 July, J+365 is
 * 5 January 2027. Paris moves to summer time on 29 March 2026 (J+83).
 */
import { allTasks, type HistoryEvent } from '@cpts/core';
import { actor, type ProtocolCoverage } from '@cpts/testing';

export const drMartin = actor('dr-martin', ['medecin-traitant'], { name: 'Dr Martin' });
export const ideDurand = actor('ide-durand', ['infirmier'], { name: 'IDE Durand' });
export const drCoeur = actor('dr-coeur', ['cardiologue'], { name: 'Dr Cœur' });
export const drSouffle = actor('dr-souffle', ['pneumologue'], { name: 'Dr Souffle' });
export const pharmacie = actor('pharmacie-du-centre', ['pharmacien']);
export const chu = actor('chu-cardiologie', ['equipe-hospitaliere']);
export const celluleSortie = actor('chu-cellule-sortie', ['cellule-sortie']);
export const cam = actor('cam-dupont', ['conseiller-am'], { name: 'Conseiller AM Dupont' });
export const cpts = actor('cpts-coordination', ['coordinateur-cpts']);
export const dac = actor('dac-bernard', ['coordinateur-dac'], { name: 'DAC Bernard' });
export const patient = actor('patient', ['patient']);
export const podologue = actor('podologue-leroy', ['podologue']);
export const ophtalmo = actor('dr-vue', ['ophtalmologiste']);
export const rehab = actor('ssr-respiratoire', ['structure-rehabilitation']);
export const psychologue = actor('psy-moreau', ['psychologue']);
export const dieteticienne = actor('diet-petit', ['dieteticien']);
export const enseignantApa = actor('apa-roux', ['enseignant-apa']);

/** A physiotherapist without any cooperation training. */
export const kineNonForme = actor('mk-sans-formation', ['masseur-kinesitherapeute']);

/**
 * A physiotherapist trained for both direct-access protocols: 10 hours each, obtained before the
 * scenarios start (the protocol requires 10 hours; it sets no validity period).
 */
export const kineForme = actor('mk-forme', ['masseur-kinesitherapeute'], {
  name: 'MK Lefèvre',
  qualifications: [
    { id: 'formation-cooperation-entorse', hours: 10, obtainedOn: '2025-09-15' },
    { id: 'formation-cooperation-lombalgie', hours: 10, obtainedOn: '2025-09-15' },
  ],
});

/** Trained only 7 hours for each protocol (10 are required). */
export const kine7h = actor('mk-7h', ['masseur-kinesitherapeute'], {
  qualifications: [
    { id: 'formation-cooperation-entorse', hours: 7, obtainedOn: '2025-09-15' },
    { id: 'formation-cooperation-lombalgie', hours: 7, obtainedOn: '2025-09-15' },
  ],
});

/** 10 hours, but the certificate says it ran out on 31 December 2025, before the scenarios. */
export const kineCertificatExpire = actor('mk-expire', ['masseur-kinesitherapeute'], {
  qualifications: [
    { id: 'formation-cooperation-entorse', hours: 10, obtainedOn: '2023-01-10', validUntil: '2025-12-31' },
    { id: 'formation-cooperation-lombalgie', hours: 10, obtainedOn: '2023-01-10', validUntil: '2025-12-31' },
  ],
});

/** 10 hours, but obtained only in February 2026, after the acts of the scenarios. */
export const kineFormeePlusTard = actor('mk-futur', ['masseur-kinesitherapeute'], {
  qualifications: [
    { id: 'formation-cooperation-entorse', hours: 10, obtainedOn: '2026-02-20' },
    { id: 'formation-cooperation-lombalgie', hours: 10, obtainedOn: '2026-02-20' },
  ],
});

/** A nurse trained 100 hours for the titration cooperation protocol PC133. */
export const idePc133 = actor('ide-titration', ['infirmier'], {
  name: 'IDE Garnier',
  qualifications: [{ id: 'formation-pc133', hours: 100, obtainedOn: '2025-06-01' }],
});

/** A nurse who followed 60 of the 100 hours of the PC133 training. */
export const ide60h = actor('ide-60h', ['infirmier'], {
  qualifications: [{ id: 'formation-pc133', hours: 60, obtainedOn: '2025-06-01' }],
});

/** The latest refused command of a history (its code and the message a coordinator reads). */
export function lastRefusal(history: readonly HistoryEvent[]): { code: string; message: string } {
  const last = history.filter((e) => e.type === 'command.refused').at(-1);
  if (last?.type !== 'command.refused') throw new Error('no command was refused');
  return { code: last.code, message: last.message };
}

/** The reasons of every hand-back recorded in a history, in order. */
export function handBacks(history: readonly HistoryEvent[]): { delegation: string; reasons: string[] }[] {
  const out: { delegation: string; reasons: string[] }[] = [];
  for (const e of history)
    if (e.type === 'delegation.handed-back') out.push({ delegation: e.delegation, reasons: [...e.reasons] });
  return out;
}

/** The instances of a task opened in a history, with their due instants, in order. */
export function openings(
  history: readonly HistoryEvent[],
  task: string,
): { instance: string; dueAt?: number }[] {
  const out: { instance: string; dueAt?: number }[] = [];
  for (const e of history)
    if (e.type === 'task.opened' && e.task === task)
      out.push({ instance: e.instance, ...(e.dueAt !== undefined && { dueAt: e.dueAt }) });
  return out;
}

/**
 * What the scenarios of a protocol left out: the steps, exits, tasks opened and completed and paths
 * of its coverage report, and the required tasks with a window or a recurrence that no scenario let
 * fall due (a stricter reading than the report's, which counts only tasks with a `due`).
 */
export function uncovered(coverage: ProtocolCoverage): Record<string, string[]> {
  const report = coverage.report();
  const missed = new Set(coverage.toJSON().missed);
  return {
    steps: [...report.steps.missed],
    exits: report.exits.missed.map((x) => `${x.from} → ${x.to}`),
    tasksOpened: [...report.tasksOpened.missed],
    tasksCompleted: [...report.tasksCompleted.missed],
    deadlinesMissed: allTasks(coverage.protocol)
      .filter(({ task }) => task.required && (task.due !== undefined || task.repeat !== undefined))
      .map(({ task }) => task.id)
      .filter((id) => !missed.has(id)),
    paths: report.paths.missed.map((p) => `${p.region ? `[${p.region}] ` : ''}${p.steps.join(' → ')}`),
  };
}

/** What {@link uncovered} returns for a complete coverage. */
export const FULL_COVERAGE = {
  steps: [],
  exits: [],
  tasksOpened: [],
  tasksCompleted: [],
  deadlinesMissed: [],
  paths: [],
} as const;
