// The vitest matchers, registered the way users register them: by importing the setup module.
import '@cpts/testing/vitest';
import {
  type CommandResult,
  CptsError,
  createEngine,
  type JourneyView,
  MemoryStore,
  VirtualClock,
} from '@cpts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cptsMatchers, type ScenarioResult, scenario } from '../src/index.js';
import { chu, drCoeur, drMartin, ideDurand, sortieIc } from './fixtures.js';

type Sortie = typeof sortieIc;

/** The message of the assertion error `assertion` throws; fails the test if it passes. */
function failure(assertion: () => unknown): string {
  try {
    assertion();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the assertion passed, it should have failed');
}

async function asyncFailure(assertion: () => Promise<unknown>): Promise<string> {
  try {
    await assertion();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the assertion passed, it should have failed');
}

const at = (iso: string) => Date.parse(iso);

// One patient on the discharge protocol, J0 = Monday 5 January 2026, 09:00 in Paris:
// discharged at J0 (GP visit due J+7 23:59, cardiologist J+59 23:59), GP visit missed (rupture at
// J+8 00:00, escalated to the DAC), done at J+10 (3 days late), cardiologist at J+12: completed.
let discharged: CommandResult<Sortie>;
let late: JourneyView<Sortie>;
let caughtUp: CommandResult<Sortie>;
let finished: CommandResult<Sortie>;
let frail: JourneyView<Sortie>;
let engine: ReturnType<typeof createEngine>;

beforeAll(async () => {
  const clock = new VirtualClock('2026-01-05T09:00:00+01:00');
  engine = createEngine({ protocols: [sortieIc], clock, store: new MemoryStore() });
  const ic = engine.for(sortieIc);
  await ic.start({ facts: { age: 70 }, journeyId: 'p1' });
  await ic.perform('p1', 'lettre-liaison', { actor: chu });
  discharged = await ic.recordEvent('p1', 'sortie');
  clock.set(at('2026-01-13T10:00:00+01:00'));
  await engine.runUntil(clock.now());
  late = await ic.get('p1');
  clock.set(at('2026-01-15T09:00:00+01:00'));
  caughtUp = await ic.perform('p1', 'consultation-mg', { actor: drMartin });
  clock.set(at('2026-01-17T09:00:00+01:00'));
  finished = await ic.perform('p1', 'consultation-cardio', { actor: drCoeur });
  frail = (await ic.start({ facts: { age: 82, vitSeul: true }, journeyId: 'p2' })).journey;
});

// What a failure prints after its first line: the journey at that point.
const LATE = `journey p1 (sortie-ic-test 1.0.0), active, at J+8 00:00
  steps: suivi, suivi-mg, suivi-cardio
  complexity: faible
  open tasks: consultation-mg#1 (open, mg+dac, due J+7 23:59); consultation-cardio#1 (open, cardio, due J+59 23:59)
  ruptures: consultation-mg (suivi-ville, open)`;

const FRAIL = `journey p2 (sortie-ic-test 1.0.0), active, at J0 09:00
  steps: hospitalisation
  complexity: forte
  open tasks: lettre-liaison#1 (open, hopital, no due date)
  ruptures: (none)`;

describe('the matchers are registered by @cpts/testing/vitest', () => {
  it('on expect, all seven of them', () => {
    expect(Object.keys(cptsMatchers).sort()).toEqual([
      'toBeInStep',
      'toBeRefusedWith',
      'toHaveCompletedTask',
      'toHaveComplexity',
      'toHaveOpenTask',
      'toHaveRupture',
      'toHaveStatus',
    ]);
    for (const name of Object.keys(cptsMatchers))
      expect(typeof (expect(late) as unknown as Record<string, unknown>)[name]).toBe('function');
  });
});

describe('toBeInStep', () => {
  it('passes for an active step, nested or outer, on a view or a command result', () => {
    expect(late).toBeInStep('suivi-mg');
    expect(late).toBeInStep('suivi');
    expect(discharged).toBeInStep('suivi-cardio');
    expect(late).not.toBeInStep('hospitalisation');
  });

  it('fails with the steps it is in and the journey', () => {
    expect(failure(() => expect(late).toBeInStep('coordination'))).toBe(
      `expected the journey to be in step "coordination", but it is in suivi, suivi-mg, suivi-cardio\n\n${LATE}`,
    );
    expect(failure(() => expect(late).not.toBeInStep('suivi-mg'))).toBe(
      `expected the journey not to be in step "suivi-mg"\n\n${LATE}`,
    );
  });

  it('prints the events of a command counted from the journey start (J+10, not J0)', () => {
    expect(failure(() => expect(caughtUp).toBeInStep('fin'))).toBe(
      `expected the journey to be in step "fin", but it is in suivi, suivi-mg, suivi-cardio

journey p1 (sortie-ic-test 1.0.0), active, at J+10 09:00
  steps: suivi, suivi-mg, suivi-cardio
  complexity: faible
  open tasks: consultation-cardio#1 (open, cardio, due J+59 23:59)
  ruptures: consultation-mg (suivi-ville, closed after 3 days)
  events of the command:
    J+10 09:00  task.completed  consultation-mg#1 by dr-martin as mg
    J+10 09:00  rupture.closed  R1 after 3 days late`,
    );
  });
});

describe('toHaveOpenTask', () => {
  it('passes for an open task, by task id or occurrence, with its due date and responsible roles', () => {
    expect(late).toHaveOpenTask('consultation-mg');
    expect(late).toHaveOpenTask('consultation-mg#1');
    expect(late).toHaveOpenTask('consultation-mg', {
      dueAt: '2026-01-12T23:59:00+01:00',
      dueBy: at('2026-01-13T00:00:00+01:00'),
      responsible: ['dac', 'mg'],
    });
    expect(discharged).toHaveOpenTask('consultation-cardio', {
      dueBy: new Date('2026-03-06T00:00:00+01:00'),
    });
    expect(caughtUp).not.toHaveOpenTask('consultation-mg');
  });

  it('fails with what differs: due date, responsible roles, or the status of a task not open', () => {
    expect(
      failure(() =>
        expect(late).toHaveOpenTask('consultation-mg', {
          dueBy: '2026-01-12T12:00:00+01:00',
          responsible: ['mg'],
        }),
      ),
    ).toBe(
      `expected task "consultation-mg" to be open {"dueBy":"2026-01-12T12:00:00+01:00","responsible":["mg"]}, but consultation-mg#1 is due J+7 23:59, after J+7 12:00; consultation-mg#1 is for mg, dac, not mg\n\n${LATE}`,
    );
    expect(
      failure(() => expect(late).toHaveOpenTask('consultation-mg', { dueAt: '2026-01-11T23:59:00+01:00' })),
    ).toBe(
      `expected task "consultation-mg" to be open {"dueAt":"2026-01-11T23:59:00+01:00"}, but consultation-mg#1 is due J+7 23:59, not J+6 23:59\n\n${LATE}`,
    );
    expect(failure(() => expect(late).toHaveOpenTask('lettre-liaison'))).toBe(
      `expected task "lettre-liaison" to be open, but it is not open (completed)\n\n${LATE}`,
    );
    expect(failure(() => expect(late).toHaveOpenTask('pps'))).toBe(
      `expected task "pps" to be open, but it is not open (never opened)\n\n${LATE}`,
    );
    // A task without a deadline is due neither at nor by any instant.
    expect(
      failure(() =>
        expect(frail).toHaveOpenTask('lettre-liaison', {
          dueAt: '2026-01-17T09:00:00+01:00',
          dueBy: '2026-01-18T09:00:00+01:00',
        }),
      ),
    ).toBe(
      `expected task "lettre-liaison" to be open {"dueAt":"2026-01-17T09:00:00+01:00","dueBy":"2026-01-18T09:00:00+01:00"}, but lettre-liaison#1 has no due date, not J0 09:00; lettre-liaison#1 has no due date, not by J+1 09:00\n\n${FRAIL}`,
    );
    expect(failure(() => expect(late).not.toHaveOpenTask('consultation-cardio'))).toBe(
      `expected task "consultation-cardio" not to be open\n\n${LATE}`,
    );
  });

  it('refuses an unreadable instant instead of comparing with NaN (which would pass)', () => {
    const error = (() => {
      try {
        expect(late).toHaveOpenTask('consultation-mg', { dueBy: 'J+7' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(CptsError.is(error)).toBe(true);
    expect((error as CptsError).code).toBe('INVALID_COMMAND');
    expect((error as CptsError).message).toBe(
      'toHaveOpenTask dueBy: "J+7" is not an instant; give an ISO 8601 date-time with its offset ("2026-01-12T23:59:00+01:00"), epoch milliseconds or a Date',
    );
    expect(() => expect(late).not.toHaveOpenTask('consultation-mg', { dueAt: new Date('nope') })).toThrow(
      'toHaveOpenTask dueAt: an invalid Date is not an instant',
    );
    // Without an offset, the machine's time zone would decide the instant.
    expect(() => expect(late).toHaveOpenTask('consultation-mg', { dueAt: '2026-01-12T23:59' })).toThrow(
      'toHaveOpenTask dueAt: "2026-01-12T23:59" is not an instant',
    );
  });
});

describe('toHaveRupture', () => {
  it('passes for a rupture matching segment, kind, roles, open or closed and delay', () => {
    expect(late).toHaveRupture();
    expect(late).toHaveRupture('consultation-mg', {
      segment: 'suivi-ville',
      kind: 'missed-deadline',
      roles: ['mg'],
      open: true,
    });
    expect(caughtUp).toHaveRupture('consultation-mg', { open: false, delayDays: 3 });
    expect(discharged).not.toHaveRupture();
    expect(late).not.toHaveRupture('consultation-cardio');
  });

  it('fails with the ruptures found and how they differ', () => {
    expect(
      failure(() =>
        expect(late).toHaveRupture('consultation-mg', { open: false, delayDays: 3, roles: ['dac'] }),
      ),
    ).toBe(
      `expected a rupture on "consultation-mg" {"open":false,"delayDays":3,"roles":["dac"]}, but found consultation-mg: still open (no delay yet), still open, roles mg\n\n${LATE}`,
    );
    expect(failure(() => expect(late).toHaveRupture('consultation-cardio'))).toBe(
      `expected a rupture on "consultation-cardio", but there is none\n\n${LATE}`,
    );
    expect(failure(() => expect(late).not.toHaveRupture())).toBe(`expected no rupture\n\n${LATE}`);
    expect(failure(() => expect(late).not.toHaveRupture('consultation-mg', { open: true }))).toBe(
      `expected no rupture on "consultation-mg" {"open":true}\n\n${LATE}`,
    );
  });
});

describe('toHaveComplexity', () => {
  it('passes for the level of the gradation', () => {
    expect(late).toHaveComplexity('faible');
    expect(frail).toHaveComplexity('forte');
    expect(frail).not.toHaveComplexity('faible');
  });

  it('fails with the level it is', () => {
    expect(failure(() => expect(frail).toHaveComplexity('moyenne'))).toBe(
      `expected the complexity to be moyenne, but it is forte\n\n${FRAIL}`,
    );
    expect(failure(() => expect(frail).not.toHaveComplexity('forte'))).toBe(
      `expected the complexity not to be forte\n\n${FRAIL}`,
    );
    expect(failure(() => expect(frail).toHaveComplexity(undefined))).toBe(
      `expected the complexity to be (none), but it is forte\n\n${FRAIL}`,
    );
  });
});

describe('toHaveCompletedTask', () => {
  it('passes when the latest occurrence is completed', () => {
    expect(late).toHaveCompletedTask('lettre-liaison');
    expect(caughtUp).toHaveCompletedTask('consultation-mg');
    expect(caughtUp).toHaveCompletedTask('consultation-mg#1');
    expect(late).not.toHaveCompletedTask('consultation-mg');
  });

  it('fails with its status, or says it was never opened', () => {
    expect(failure(() => expect(late).toHaveCompletedTask('consultation-mg'))).toBe(
      `expected task "consultation-mg" to be completed, but it is open\n\n${LATE}`,
    );
    expect(failure(() => expect(late).toHaveCompletedTask('pps'))).toBe(
      `expected task "pps" to be completed, but it is never opened\n\n${LATE}`,
    );
    expect(failure(() => expect(late).not.toHaveCompletedTask('lettre-liaison'))).toBe(
      `expected task "lettre-liaison" not to be completed\n\n${LATE}`,
    );
  });
});

describe('toHaveStatus', () => {
  it('passes for the journey status', () => {
    expect(late).toHaveStatus('active');
    expect(finished).toHaveStatus('completed');
    expect(finished).not.toHaveStatus('active');
  });

  it('fails with the status it has', () => {
    expect(failure(() => expect(late).toHaveStatus('completed'))).toBe(
      `expected the journey to be completed, but it is active\n\n${LATE}`,
    );
    expect(failure(() => expect(late).not.toHaveStatus('active'))).toBe(
      `expected the journey not to be active\n\n${LATE}`,
    );
  });
});

describe('a scenario result is a subject too, and its failures print the whole history', () => {
  let result: ScenarioResult<Sortie>;
  beforeAll(async () => {
    result = await scenario(sortieIc, { journeyId: 's1' })
      .given({ age: 70, nyha: 3 })
      .at('J+1', (s) => s.perform('lettre-liaison', { actor: chu }))
      .run();
  });

  it('passes and fails like a journey view', () => {
    expect(result).toBeInStep('hospitalisation');
    expect(result).toHaveComplexity('moyenne');
    expect(failure(() => expect(result).toHaveOpenTask('consultation-mg'))).toBe(
      `expected task "consultation-mg" to be open, but it is not open (never opened)

journey s1 (sortie-ic-test 1.0.0), active, at J+1 09:00
  steps: hospitalisation
  complexity: moyenne
  open tasks: (none)
  ruptures: (none)
  history:
    J0 09:00   journey.started     sortie-ic-test 1.0.0 — age=70, nyha=3
    J0 09:00   complexity.changed  — → moyenne (rule 2)
    J0 09:00   step.entered        hospitalisation
    J0 09:00   task.opened         lettre-liaison#1 (hopital) no due date
    J+1 09:00  task.completed      lettre-liaison#1 by chu as hopital`,
    );
  });
});

describe('a subject that is no journey fails in both forms', () => {
  it('says what it received', () => {
    const expected =
      'toBeInStep expects a journey view, a command result { journey } or a scenario result { journey, history }; received ';
    expect(failure(() => expect(undefined).toBeInStep('suivi'))).toBe(`${expected}undefined`);
    // `.not` must not turn a mistake into a pass.
    expect(failure(() => expect(undefined).not.toBeInStep('suivi'))).toBe(`${expected}undefined`);
    expect(failure(() => expect({ id: 'p1' }).not.toHaveRupture())).toBe(
      'toHaveRupture expects a journey view, a command result { journey } or a scenario result { journey, history }; received an object with keys id',
    );
    expect(failure(() => expect('p1').not.toHaveOpenTask('consultation-mg'))).toMatch(
      /; received the string "p1"$/,
    );
    expect(failure(() => expect([late]).not.toHaveStatus('active'))).toMatch(
      /; received an array of 1 item$/,
    );
    expect(failure(() => expect(42).not.toHaveComplexity('faible'))).toMatch(/; received the number 42$/);
    expect(failure(() => expect(null).not.toHaveCompletedTask('pps'))).toMatch(/; received null$/);
  });
});

describe('toBeRefusedWith', () => {
  const ic = () => engine.for(sortieIc);
  // The engine's own wording, read from the refusal itself, so that only the matcher's is pinned here.
  const refusal = async (command: () => Promise<unknown>) => {
    try {
      await command();
    } catch (e) {
      if (CptsError.is(e)) return e;
    }
    throw new Error('the command should have been refused');
  };

  it('passes for a refused command: a promise, a function, or the error', async () => {
    await expect(ic().perform('p2', 'lettre-liaison', { actor: ideDurand })).toBeRefusedWith(
      'NOT_ALLOWED_ROLE',
    );
    await expect(() => ic().perform('p2', 'consultation-mg', { actor: drMartin })).toBeRefusedWith(
      'TASK_NOT_OPEN',
    );
    await expect(new CptsError('JOURNEY_CLOSED', 'journey p9 is closed')).toBeRefusedWith(
      'JOURNEY_CLOSED',
      /p9/,
    );
    await expect(
      Promise.reject(new CptsError('NOT_ALLOWED_ROLE', 'ide-durand may not perform it')),
    ).toBeRefusedWith('NOT_ALLOWED_ROLE', 'may not perform');
    // A synchronous throw counts too.
    await expect(() => {
      throw new CptsError('INVALID_FACTS', 'age must be a number');
    }).toBeRefusedWith('INVALID_FACTS');
  });

  it('fails with the code and message it was refused with', async () => {
    const refused = await refusal(() => ic().perform('p2', 'lettre-liaison', { actor: ideDurand }));
    expect(refused.code).toBe('NOT_ALLOWED_ROLE');
    expect(
      await asyncFailure(() =>
        expect(ic().perform('p2', 'lettre-liaison', { actor: ideDurand })).toBeRefusedWith('TASK_NOT_OPEN'),
      ),
    ).toBe(
      `expected the command to be refused with TASK_NOT_OPEN, but it was refused with NOT_ALLOWED_ROLE: ${refused.message}`,
    );
    expect(
      await asyncFailure(() =>
        expect(new CptsError('NOT_ALLOWED_ROLE', 'ide-durand may not perform it')).toBeRefusedWith(
          'NOT_ALLOWED_ROLE',
          /cardiologue/,
        ),
      ),
    ).toBe(
      'expected the command to be refused with NOT_ALLOWED_ROLE and a message matching /cardiologue/, but it was refused with NOT_ALLOWED_ROLE: ide-durand may not perform it',
    );
  });

  it('fails when the command is accepted', async () => {
    const { journeyId } = (await ic().start({ facts: { age: 70 } })).journey;
    expect(
      await asyncFailure(() =>
        expect(ic().perform(journeyId, 'lettre-liaison', { actor: chu })).toBeRefusedWith('NOT_ALLOWED_ROLE'),
      ),
    ).toBe('expected the command to be refused with NOT_ALLOWED_ROLE, but it was accepted');
    expect((await ic().get(journeyId)).task('lettre-liaison')?.status).toBe('completed');
  });

  it('.not: passes when accepted or refused with another code, fails when refused with this one', async () => {
    const { journeyId } = (await ic().start({ facts: { age: 70 } })).journey;
    await expect(ic().perform(journeyId, 'lettre-liaison', { actor: chu })).not.toBeRefusedWith(
      'NOT_ALLOWED_ROLE',
    );
    await expect(ic().perform(journeyId, 'lettre-liaison', { actor: chu })).not.toBeRefusedWith(
      'NOT_ALLOWED_ROLE',
    );
    expect(
      await asyncFailure(() =>
        expect(new CptsError('TASK_NOT_OPEN', 'lettre-liaison#1 is completed')).not.toBeRefusedWith(
          'TASK_NOT_OPEN',
          'completed',
        ),
      ),
    ).toBe(
      'expected the command not to be refused with TASK_NOT_OPEN (completed), but it was: lettre-liaison#1 is completed',
    );
  });

  it('a crash is no refusal: it fails in both forms', async () => {
    const crash = () => Promise.reject(new TypeError('boom'));
    expect(await asyncFailure(() => expect(crash()).toBeRefusedWith('NOT_ALLOWED_ROLE'))).toBe(
      'expected the command to be refused with NOT_ALLOWED_ROLE, but it failed with TypeError: boom (not a CptsError)',
    );
    expect(await asyncFailure(() => expect(crash()).not.toBeRefusedWith('NOT_ALLOWED_ROLE'))).toBe(
      'expected the command not to be refused with NOT_ALLOWED_ROLE, but it failed with TypeError: boom (not a CptsError)',
    );
  });

  it('something that is no command fails in both forms', async () => {
    const expected = 'toBeRefusedWith expects a promise, a function or an error; received the number 42';
    expect(await asyncFailure(() => expect(42).toBeRefusedWith('CONFLICT'))).toBe(expected);
    expect(await asyncFailure(() => expect(42).not.toBeRefusedWith('CONFLICT'))).toBe(expected);
  });
});
