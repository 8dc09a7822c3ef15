import { describe, expect, it } from 'vitest';
import { createCoverage, formatJourneyDay, resolveInstant, ScenarioError, scenario } from '../src/index.js';
import { chu, dac, drCoeur, drMartin, ideDurand, sortieIc } from './fixtures.js';

const J0 = Date.parse('2026-01-05T09:00:00+01:00');

describe('scenario instants', () => {
  const ctx = { start: J0, now: J0 + 3 * 86_400_000 };
  it('reads J0, J+n, J+n HH:MM in the journey time zone, and relative durations', () => {
    expect(resolveInstant('J0', ctx)).toBe(J0);
    expect(new Date(resolveInstant('J+7', ctx)).toISOString()).toBe('2026-01-12T08:00:00.000Z');
    expect(new Date(resolveInstant('J+7 14:30', ctx)).toISOString()).toBe('2026-01-12T13:30:00.000Z');
    // Summer time: J+90 09:00 in Paris is 07:00 UTC.
    expect(new Date(resolveInstant('J+90 09:00', ctx)).toISOString()).toBe('2026-04-05T07:00:00.000Z');
    expect(new Date(resolveInstant('+2 months', ctx)).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(resolveInstant('+48 hours', ctx)).toBe(ctx.now + 2 * 86_400_000);
    expect(resolveInstant('+P1W', ctx)).toBe(ctx.now + 7 * 86_400_000);
    expect(resolveInstant('2026-02-01T10:00:00Z', ctx)).toBe(Date.parse('2026-02-01T10:00:00Z'));
  });

  it('refuses what it cannot read with INVALID_COMMAND and says what it accepts', () => {
    for (const bad of ['J+', 'demain', '+3 fortnights', 'J+2 25:00']) {
      expect(() => resolveInstant(bad, ctx)).toThrow(
        expect.objectContaining({ code: 'INVALID_COMMAND', message: expect.stringContaining('"J+5"') }),
      );
    }
  });

  it('formats instants as J+n HH:MM', () => {
    expect(formatJourneyDay(J0, J0)).toBe('J0 09:00');
    expect(formatJourneyDay(J0 + 8 * 86_400_000 - 9 * 3_600_000, J0)).toBe('J+8 00:00');
  });
});

describe('scenario', () => {
  it('runs a discharge on time: GP by J+5, cardiologist by J+40, journey completed', async () => {
    const result = await scenario(sortieIc)
      .given({ age: 70, nyha: 2 })
      .expectStep('hospitalisation')
      .expectComplexity('faible')
      .at('J+2', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
      .expectStep('suivi-mg')
      .expectOpenTask('consultation-mg', { due: 'J+9', responsible: ['mg'] })
      .at('J+5', (s) => s.perform('consultation-mg', { actor: drMartin }))
      .expectNoRupture()
      .at('J+40', (s) => s.perform('consultation-cardio', { actor: drCoeur }))
      .expectStatus('completed')
      .expectStep('fin')
      .run();
    expect(result.journey.status).toBe('completed');
    expect(result.history[0]?.type).toBe('journey.started');
    expect(result.timeline()).toMatch(
      /J\+5 09:00 +task\.completed +consultation-mg#1 by dr-martin as Médecin traitant/,
    );
  });

  it('dates a missed GP visit exactly, escalates it and measures its delay once done', async () => {
    const result = await scenario(sortieIc)
      .given({ age: 70 })
      .at('J0', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
      .at('J+6')
      .expectNoRupture('consultation-mg')
      .at('J+8 10:00')
      .expectRupture('consultation-mg', { segment: 'suivi-ville', open: true, roles: ['mg'], due: 'J+7' })
      .expectOpenTask('consultation-mg', { responsible: ['mg', 'dac'] })
      .at('J+10', (s) => s.perform('consultation-mg', { actor: dac }))
      .expectRupture('consultation-mg', { delayDays: 3, open: false })
      .run();
    const opened = result.history.find((e) => e.type === 'rupture.opened');
    // Found by the tick at the due date (end of J+7, Paris time), not when the clock next moved.
    expect(opened?.at).toBe(Date.parse('2026-01-12T23:00:00.000Z'));
    expect(result.timeline()).toMatch(
      /J\+8 00:00 +rupture\.opened +consultation-mg \(suivi-ville, Médecin traitant\) due J\+7 23:59/,
    );
  });

  it('expects refusals by code and keeps the journey unchanged', async () => {
    const result = await scenario(sortieIc)
      .given({ age: 80, vitSeul: true })
      .expectComplexity('forte')
      .expectRefused('NOT_ALLOWED_ROLE', (s) => s.perform('lettre-liaison', { actor: ideDurand }))
      .expectRefused('TASK_NOT_OPEN', (s) => s.perform('consultation-mg', { actor: drMartin }))
      .expectStep('hospitalisation')
      .run();
    expect(result.refusals.map((r) => r.code)).toEqual(['NOT_ALLOWED_ROLE', 'TASK_NOT_OPEN']);
    expect(result.history.filter((e) => e.type === 'command.refused')).toHaveLength(2);
  });

  it('fails an expected refusal that is accepted', async () => {
    const run = scenario(sortieIc)
      .given({ age: 70 })
      .expectRefused('NOT_ALLOWED_ROLE', (s) => s.perform('lettre-liaison', { actor: chu }))
      .run();
    await expect(run).rejects.toThrow(
      /expected perform\(lettre-liaison\) to be refused with NOT_ALLOWED_ROLE, it was accepted/,
    );
  });

  it('fails on an unexpected refusal with its code, where it happened, and the timeline', async () => {
    const error = await scenario(sortieIc)
      .given({ age: 70 })
      .at('J+1', (s) => s.perform('consultation-mg', { actor: drMartin }))
      .run()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as ScenarioError).message;
    expect(message).toContain('unexpected refusal TASK_NOT_OPEN');
    expect(message).toContain('at J+1 09:00 · perform(consultation-mg)');
    expect(message).toMatch(
      /History of the journey:\n +J0 09:00 +journey\.started +sortie-ic-test 1\.0\.0 — age=70/,
    );
    expect(message).toMatch(/J\+1 09:00 +command\.refused +perform: TASK_NOT_OPEN/);
  });

  it('a failing expectation prints the history as a timeline', async () => {
    const error = await scenario(sortieIc)
      .given({ age: 70 })
      .at('J0', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
      .at('J+9')
      .expectNoRupture('consultation-mg')
      .run()
      .then(
        () => undefined,
        (e: unknown) => e as ScenarioError,
      );
    if (!error) throw new Error('the scenario should have failed');
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.step).toBe('J+9 09:00 · expectNoRupture(consultation-mg)');
    expect(error.message).toContain(
      'expected no rupture on "consultation-mg"; found consultation-mg (suivi-ville)',
    );
    expect(error.timeline).toMatch(/rupture\.opened +consultation-mg/);
    expect(error.timeline).toMatch(/task\.escalated +consultation-mg#1 → DAC/);
  });

  it('keeps vitest assertion errors (and their diff) and adds the timeline to them', async () => {
    const error = await scenario(sortieIc)
      .given({ age: 70 })
      .expect((j) => expect(j.active).toEqual(['suivi']))
      .run()
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    if (!error) throw new Error('the scenario should have failed');
    expect(error.name).toBe('AssertionError');
    expect(error.message).toContain("expected [ 'hospitalisation' ] to deeply equal [ 'suivi' ]");
    expect(error.message).toContain('History of the journey:');
  });

  it('lets an expectation read the journey, its history and instants', async () => {
    await scenario(sortieIc, { journeyId: 'p-42' })
      .given({ age: 70 })
      .at('J0', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
      .expect((j, ctx) => {
        expect(j.journeyId).toBe('p-42');
        expect(j.task('consultation-mg')?.dueAt).toBe(ctx.instant('J+7 23:59') + 59_999);
        expect(ctx.history.some((e) => e.type === 'event.recorded')).toBe(true);
        expect(ctx.timeline()).toContain('event.recorded');
      })
      .run();
  });

  it('refuses to go back in time', async () => {
    const run = scenario(sortieIc).given({ age: 70 }).at('J+5').at('J+2').run();
    await expect(run).rejects.toThrow(/CLOCK_BACKWARDS|cannot go back/);
  });

  it('records what it exercised into a coverage collector, passed or failed', async () => {
    const coverage = createCoverage(sortieIc);
    await scenario(sortieIc, { coverage })
      .given({ age: 70 })
      .at('J0', (s) => s.perform('lettre-liaison', { actor: chu }).record('sortie'))
      .run();
    await scenario(sortieIc, { coverage })
      .given({ age: 70 })
      .expectStep('fin')
      .run()
      .catch(() => undefined);
    expect(coverage.report().journeys).toBe(2);
    expect(coverage.report().steps.missed).toEqual(['coordination', 'fin']);
  });
});
