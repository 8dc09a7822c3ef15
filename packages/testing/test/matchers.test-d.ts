// Type tests of the matchers, as `@cpts/testing/vitest` declares them on vitest's `expect`:
// levels, statuses, error codes and options are typed; task and step names are plain strings.
import '@cpts/testing/vitest';
import type { CommandResult, JourneyView } from '@cpts/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { ScenarioResult } from '../src/index.js';
import type { sortieIc } from './fixtures.js';

type Sortie = typeof sortieIc;
declare const journey: JourneyView<Sortie>;
declare const result: CommandResult<Sortie>;
declare const run: ScenarioResult<Sortie>;
declare const command: Promise<CommandResult<Sortie>>;

describe('the matchers are declared on expect(...) and on .not', () => {
  test('journey matchers take a view, a command result or a scenario result', () => {
    expect(journey).toBeInStep('suivi');
    expect(result).not.toBeInStep('hospitalisation');
    expect(run).toHaveOpenTask('consultation-mg');
    expect(journey).not.toHaveRupture();
    expect(journey).toHaveCompletedTask('lettre-liaison');
    expectTypeOf(expect(journey).toBeInStep).returns.toEqualTypeOf<void>();
  });

  test('step and task names are strings (not read from the protocol)', () => {
    expect(journey).toBeInStep('any-step');
    expect(journey).toHaveOpenTask('any-task');
    // @ts-expect-error a step is a string
    expect(journey).toBeInStep(2);
    // @ts-expect-error a task is a string
    expect(journey).toHaveCompletedTask({ id: 'pps' });
  });
});

describe('typed arguments', () => {
  test('toHaveComplexity takes a level of the gradation, or undefined', () => {
    expect(journey).toHaveComplexity('faible');
    expect(journey).not.toHaveComplexity(undefined);
    // @ts-expect-error not a level
    expect(journey).toHaveComplexity('haute');
  });

  test('toHaveStatus takes a journey status', () => {
    expect(journey).toHaveStatus('closed');
    // @ts-expect-error not a status
    expect(journey).toHaveStatus('done');
  });

  test('toHaveOpenTask options: instants and responsible roles', () => {
    expect(journey).toHaveOpenTask('consultation-mg', {
      dueAt: '2026-01-12T23:59:00+01:00',
      dueBy: new Date(),
      responsible: ['mg'],
    });
    expect(journey).toHaveOpenTask('consultation-mg', { dueBy: 1_768_258_740_000 });
    // @ts-expect-error an instant is a number, a Date or a string
    expect(journey).toHaveOpenTask('consultation-mg', { dueBy: true });
    // @ts-expect-error `due` is the scenario's option; the matcher's are dueAt and dueBy
    expect(journey).toHaveOpenTask('consultation-mg', { due: 'J+7' });
    // @ts-expect-error roles are a list
    expect(journey).toHaveOpenTask('consultation-mg', { responsible: 'mg' });
  });

  test('toHaveRupture options: kind, segment, delay, open, roles', () => {
    expect(journey).toHaveRupture('consultation-mg', {
      kind: 'missed-deadline',
      segment: 'suivi-ville',
      delayDays: 3,
      open: false,
      roles: ['mg'],
    });
    expect(journey).toHaveRupture(undefined, { kind: 'hand-back' });
    // @ts-expect-error not a kind of rupture
    expect(journey).toHaveRupture('consultation-mg', { kind: 'late' });
    // @ts-expect-error the delay is in days, a number
    expect(journey).toHaveRupture('consultation-mg', { delayDays: '3' });
    // @ts-expect-error unknown option
    expect(journey).toHaveRupture('consultation-mg', { delay: 3 });
  });

  test('toBeRefusedWith takes an error code and a message, and must be awaited', async () => {
    await expect(command).toBeRefusedWith('NOT_ALLOWED_ROLE');
    await expect(() => command).toBeRefusedWith('TASK_NOT_OPEN', /ouverte/);
    await expect(command).not.toBeRefusedWith('CONFLICT', 'version');
    expectTypeOf(expect(command).toBeRefusedWith('CONFLICT')).toEqualTypeOf<Promise<void>>();
    // @ts-expect-error not an error code
    await expect(command).toBeRefusedWith('NOT_ALLOWED');
    // @ts-expect-error a message is a string or a RegExp
    await expect(command).toBeRefusedWith('CONFLICT', 409);
  });
});
