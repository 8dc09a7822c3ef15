// A failing scenario prints the journey's history as a timeline: J+n HH:MM, entry type, what
// happened with the protocol's labels. These tests pin the text a reader gets.
import { CptsError, type HistoryEvent } from '@cpts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTimeline, ScenarioError, scenario } from '../src/index.js';
import { chu, drMartin, sortieIc } from './fixtures.js';

async function scenarioError(run: Promise<unknown>): Promise<ScenarioError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ScenarioError)) throw new Error(`expected a ScenarioError, got ${String(error)}`);
  return error;
}

describe('a failing scenario expectation prints the timeline', () => {
  it('the whole message: what failed, where in the script, then the history with labels', async () => {
    const error = await scenarioError(
      scenario(sortieIc, { journeyId: 'mme-l' })
        .given({ age: 78, nyha: 3 })
        .at('J0', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
        .at('J+10', (s) => s.perform('consultation-mg', { actor: drMartin }))
        .expectRupture('consultation-mg', { delayDays: 2 })
        .run(),
    );
    expect(error.step).toBe('J+10 09:00 · expectRupture(consultation-mg)');
    expect(
      error.message,
    ).toBe(`expected a rupture on "consultation-mg" matching {"delayDays":2}; found R1: delay 3 days, not 2

  at J+10 09:00 · expectRupture(consultation-mg)

History of the journey:
  J0 09:00    journey.started     sortie-ic-test 1.0.0 — age=78, nyha=3
  J0 09:00    complexity.changed  — → moyenne (rule 2)
  J0 09:00    step.entered        hospitalisation (Hospitalisation)
  J0 09:00    task.opened         lettre-liaison#1 (hospitalisation, Équipe hospitalière) no due date
  J0 09:00    task.completed      lettre-liaison#1 by chu as Équipe hospitalière
  J0 09:00    event.recorded      sortie (Sortie)
  J0 09:00    step.exited         hospitalisation (Hospitalisation)
  J0 09:00    step.entered        suivi (Suivi en ville)
  J0 09:00    step.entered        suivi-mg (Suivi MG)
  J0 09:00    task.opened         consultation-mg#1 (suivi-ville, Médecin traitant) due J+7 23:59
  J0 09:00    step.entered        suivi-cardio (Suivi cardiologique)
  J0 09:00    task.opened         consultation-cardio#1 (suivi-ville, Cardiologue) due J+59 23:59
  J+8 00:00   clock.advanced
  J+8 00:00   rupture.opened      consultation-mg (suivi-ville, Médecin traitant) due J+7 23:59 [R1]
  J+8 00:00   task.escalated      consultation-mg#1 → DAC
  J+10 09:00  task.completed      consultation-mg#1 by dr-martin as Médecin traitant
  J+10 09:00  rupture.closed      R1 after 3 days late`);
    // The timeline alone, as the error carries it.
    expect(error.timeline.split('\n').at(-1)).toBe('J+10 09:00  rupture.closed      R1 after 3 days late');
  });

  it('stops at the first failing expectation: the history is the journey at that point', async () => {
    const error = await scenarioError(
      scenario(sortieIc)
        .given({ age: 70 })
        .at('J+1', (s) => s.perform('lettre-liaison', { actor: chu }))
        .expectStep('suivi-mg')
        .at('J+2', (s) => s.record('sortie'))
        .run(),
    );
    expect(error.message.split('\n')).toEqual([
      'expected the journey to be in step "suivi-mg", it is in hospitalisation',
      '',
      '  at J+1 09:00 · expectStep(suivi-mg)',
      '',
      'History of the journey:',
      '  J0 09:00   journey.started     sortie-ic-test 1.0.0 — age=70',
      '  J0 09:00   complexity.changed  — → faible (default)',
      '  J0 09:00   step.entered        hospitalisation (Hospitalisation)',
      '  J0 09:00   task.opened         lettre-liaison#1 (hospitalisation, Équipe hospitalière) no due date',
      '  J+1 09:00  task.completed      lettre-liaison#1 by chu as Équipe hospitalière',
    ]);
  });

  it('a due date that differs names both days', async () => {
    const error = await scenarioError(
      scenario(sortieIc)
        .given({ age: 70 })
        .at('J0', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
        .expectOpenTask('consultation-mg', { due: 'J+5' })
        .run(),
    );
    const lines = error.message.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'expected "consultation-mg" due J+5, it is due J+7 23:59',
      '',
      '  at J0 09:00 · expectOpenTask(consultation-mg)',
    ]);
    expect(lines).toContain(
      '  J0 09:00  task.opened         consultation-mg#1 (suivi-ville, Médecin traitant) due J+7 23:59',
    );
  });

  it('an unexpected refusal prints the refusal in the timeline', async () => {
    const error = await scenarioError(
      scenario(sortieIc)
        .given({ age: 70 })
        .at('J+3 14:30', (s) => s.perform('consultation-mg', { actor: drMartin }))
        .run(),
    );
    expect(error.step).toBe('J+3 14:30 · perform(consultation-mg)');
    const last = error.message.split('\n').at(-1);
    expect(last).toMatch(/^ {2}J\+3 14:30 {2}command\.refused {5}perform: TASK_NOT_OPEN — /);
    expect(CptsError.is(error.cause) && error.cause.code).toBe('TASK_NOT_OPEN');
  });
});

describe('formatTimeline', () => {
  let history: readonly HistoryEvent[];
  beforeAll(async () => {
    history = (
      await scenario(sortieIc)
        .given({ age: 70 })
        .at('J0', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
        .at('J+9')
        .run()
    ).history;
  });

  it('without the protocol, prints ids', () => {
    expect(formatTimeline(history).split('\n').slice(-3)).toEqual([
      'J+8 00:00  clock.advanced',
      'J+8 00:00  rupture.opened      consultation-mg (suivi-ville, mg) due J+7 23:59 [R1]',
      'J+8 00:00  task.escalated      consultation-mg#1 → dac',
    ]);
  });

  it('compact leaves out clock ticks; last keeps the latest entries and says how many were left out', () => {
    expect(formatTimeline(history, { compact: true, last: 3 })).toBe(
      [
        '… 11 earlier entries',
        'J0 09:00   task.opened     consultation-cardio#1 (cardio) due J+59 23:59',
        'J+8 00:00  rupture.opened  consultation-mg (suivi-ville, mg) due J+7 23:59 [R1]',
        'J+8 00:00  task.escalated  consultation-mg#1 → dac',
      ].join('\n'),
    );
  });

  it('counts days from the given start for a part of a history', () => {
    const tail = history.slice(-2);
    expect(formatTimeline(tail).split('\n')[0]).toMatch(/^J0 00:00 /);
    expect(formatTimeline(tail, { start: history[0]!.at }).split('\n')).toEqual([
      'J+8 00:00  rupture.opened  consultation-mg (suivi-ville, mg) due J+7 23:59 [R1]',
      'J+8 00:00  task.escalated  consultation-mg#1 → dac',
    ]);
  });

  it('reads the days in the journey time zone, or the one given', () => {
    // 09:00 in Paris is 08:00 UTC; the rupture at midnight in Paris is 23:00 UTC the day before.
    expect(formatTimeline(history, { timeZone: 'UTC' }).split('\n').at(-1)).toBe(
      'J+7 23:00  task.escalated      consultation-mg#1 → dac',
    );
    expect(formatTimeline([])).toBe('(empty history)');
  });
});
