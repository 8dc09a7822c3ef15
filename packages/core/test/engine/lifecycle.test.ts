import {
  compileRuntime,
  createEngine,
  dataProblem,
  MemoryStore,
  parseProtocol,
  VirtualClock,
} from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { day, plain, refusal } from './helpers.js';
import { dac, drMartin, hopital, ideDupont, ideLeroy, sortie } from './protocols.js';

async function inFollowUp(facts: Record<string, unknown> = { age: 70 }) {
  const clock = new VirtualClock(day(0));
  const store = new MemoryStore();
  const engine = createEngine({ protocols: [sortie], clock, store });
  const s = engine.for(sortie);
  await s.start({ journeyId: 'p', facts });
  await s.perform('p', 'lettre-liaison', { actor: hopital });
  await s.recordEvent('p', 'sortie');
  return { clock, store, engine, s };
}

describe('task lifecycle', () => {
  it('a task accepted by one nurse is taken for the others, and once released another can accept and do it', async () => {
    const { s, engine } = await inFollowUp();
    await s.accept('p', 'visite-ide', { actor: ideDupont });
    const taken = await refusal(s.perform('p', 'visite-ide', { actor: ideLeroy }));
    expect(taken.code).toBe('TASK_TAKEN');
    expect(taken.message).toMatch(/taken by ide-dupont/);
    expect((await engine.worklist({ actor: ideLeroy })).map((w) => w.task)).not.toContain('visite-ide');
    expect((await engine.worklist({ actor: ideDupont })).find((w) => w.task === 'visite-ide')?.via).toBe(
      'accepted',
    );

    expect((await refusal(s.release('p', 'visite-ide', { actor: ideLeroy }))).code).toBe('TASK_TAKEN');
    await s.release('p', 'visite-ide', { actor: ideDupont, reason: 'congés' });
    await s.accept('p', 'visite-ide', { actor: ideLeroy });
    const { journey } = await s.perform('p', 'visite-ide', { actor: ideLeroy });
    expect(journey.tasks.find((t) => t.id === 'visite-ide#1')).toMatchObject({
      status: 'completed',
      closedBy: 'ide-leroy',
    });
  });

  it('a waived task, with its justification, is not a rupture', async () => {
    const { s, clock, engine } = await inFollowUp();
    const missing = await refusal(s.waive('p', 'consultation-mg', { actor: drMartin, justification: ' ' }));
    expect(missing.code).toBe('INVALID_COMMAND');
    await s.waive('p', 'consultation-mg', {
      actor: drMartin,
      justification: 'Vu en consultation de cardiologie le même jour',
    });
    clock.set(day(30));
    await engine.tick();
    const j = await s.get('p');
    expect(j.task('consultation-mg')).toMatchObject({
      status: 'waived',
      reason: 'Vu en consultation de cardiologie le même jour',
    });
    expect(j.ruptures.filter((r) => r.task === 'consultation-mg')).toEqual([]);
  });

  it('only a responsible role may waive or cancel', async () => {
    const { s } = await inFollowUp();
    expect(
      (await refusal(s.waive('p', 'consultation-mg', { actor: ideDupont, justification: 'x' }))).code,
    ).toBe('NOT_ALLOWED_ROLE');
    expect(
      (await refusal(s.cancelTask('p', 'consultation-mg', { actor: ideDupont, reason: 'x' }))).code,
    ).toBe('NOT_ALLOWED_ROLE');
    const { journey } = await s.cancelTask('p', 'consultation-mg', {
      actor: drMartin,
      reason: 'Patient hospitalisé de nouveau',
    });
    expect(journey.task('consultation-mg')).toMatchObject({
      status: 'cancelled',
      reason: 'Patient hospitalisé de nouveau',
    });
  });

  it('an observation from an integration satisfies a task, with its source in the history', async () => {
    const { s, engine } = await inFollowUp();
    const missing = await refusal(s.observe('p', 'consultation-mg', { source: '' }));
    expect(missing.code).toBe('INVALID_COMMAND');
    await s.observe('p', 'consultation-mg', { source: 'sniiram-feed', data: { poids: 71 } });
    const done = (await engine.history('p')).find(
      (e) => e.type === 'task.completed' && e.instance === 'consultation-mg#1',
    );
    expect(done).toMatchObject({ source: 'sniiram-feed', data: { poids: 71 } });
    expect((await s.get('p')).task('consultation-mg')?.closedBy).toBe('source:sniiram-feed');
  });

  it('refuses bad input with a code and a readable message, changing nothing', async () => {
    const { s, engine } = await inFollowUp();
    const before = await s.get('p');
    const cases = [
      [s.perform('p', 'nope' as never, { actor: drMartin }), 'UNKNOWN_TASK', /Task "nope" does not exist/],
      [s.perform('p', 'nope#1' as never, { actor: drMartin }), 'UNKNOWN_TASK', /Task "nope" does not exist/],
      [
        s.perform('p', 'consultation-mg#7', { actor: drMartin }),
        'UNKNOWN_TASK',
        /"consultation-mg#7" was never opened/,
      ],
      [
        s.perform('p', 'consultation-mg#x' as never, { actor: drMartin }),
        'UNKNOWN_TASK',
        /"consultation-mg#x" was never opened/,
      ],
      [
        s.perform('p', 'lettre-liaison', { actor: hopital }),
        'TASK_NOT_OPEN',
        /completed \(déjà réalisée\) by chu/,
      ],
      [s.perform('p', 'pps', { actor: dac }), 'TASK_NOT_OPEN', /is not open in this journey/],
      [
        s.perform('p', 'consultation-mg', { actor: drMartin, data: { poids: 5 } }),
        'INVALID_DATA',
        /poids: must be >= 20/,
      ],
      [
        s.perform('p', 'consultation-mg', { actor: drMartin, as: 'cardio' }),
        'NOT_ALLOWED_ROLE',
        /does not hold the role "Cardiologue"/,
      ],
      [
        s.perform('p', 'consultation-mg', { actor: drMartin, as: 'chef' as never }),
        'UNKNOWN_ROLE',
        /Role "chef" does not exist/,
      ],
      [s.recordFacts('p', { age: -3 }), 'INVALID_FACTS', /age: must be >= 0/],
      [s.recordFacts('p', { poids: 3 } as never), 'INVALID_FACTS', /Unknown fact poids/],
      [s.recordEvent('p', 'chute' as never), 'UNKNOWN_EVENT', /Event "chute" does not exist/],
      [s.recordEvent('p', 'prise-de-poids', { data: { kg: 'deux' } }), 'INVALID_DATA', /kg: must be number/],
      [
        s.recordEvent('p', 'sortie', { data: { service: 'cardiologie' } }),
        'INVALID_DATA',
        /Event "sortie" records no data \(the protocol declares none for it\), got service/,
      ],
      [
        s.recordEvent('p', 'prise-de-poids', { data: [2.5] as never }),
        'INVALID_DATA',
        /The data of event "prise-de-poids" must be an object/,
      ],
      [
        s.perform('p', 'consultation-mg', { actor: drMartin, at: day(-1) }),
        'INVALID_COMMAND',
        /before the journey's latest event/,
      ],
      [
        s.perform('p', 'consultation-mg', { actor: drMartin, expectedVersion: 1 }),
        'CONFLICT',
        /at version \d+, not 1/,
      ],
      [s.get('nobody'), 'UNKNOWN_JOURNEY', /No journey nobody/],
    ] as const;
    for (const [promise, code, message] of cases) {
      const e = await refusal(promise);
      expect(e.code, e.message).toBe(code);
      expect(e.message).toMatch(message);
    }
    const after = await s.get('p');
    expect(plain({ ...after, version: 0 })).toEqual(plain({ ...before, version: 0 }));
    const refused = (await engine.history('p')).filter((e) => e.type === 'command.refused');
    // Every refusal on this journey is in its history, but a stale write (CONFLICT) writes nothing.
    expect(refused).toHaveLength(16);
  });

  it('refuses a second journey with the same id, and any command on a closed journey', async () => {
    const { s } = await inFollowUp();
    expect((await refusal(s.start({ journeyId: 'p', facts: { age: 1 } }))).code).toBe('JOURNEY_EXISTS');
    expect((await refusal(s.start({ facts: { age: 'old' } as never }))).code).toBe('INVALID_FACTS');
    expect((await refusal(s.start({ facts: {} }))).message).toMatch(
      /age: must have required property 'age'|age/,
    );
    const { journey } = await s.close('p', { reason: 'Déménagement' });
    expect(journey.status).toBe('closed');
    expect(journey.openTasks).toEqual([]);
    expect((await refusal(s.perform('p', 'consultation-mg', { actor: drMartin }))).code).toBe(
      'JOURNEY_CLOSED',
    );
  });

  it('a clinician may take another exit than the protocol says, with a justification', async () => {
    const { s } = await inFollowUp();
    expect((await refusal(s.reroute('p', 'coordination', { actor: hopital, justification: 'x' }))).code).toBe(
      'NOT_ALLOWED_ROLE',
    );
    const { journey, events } = await s.reroute('p', 'coordination', {
      actor: drMartin,
      justification: 'Situation sociale dégradée',
    });
    expect(journey.inStep('coordination')).toBe(true);
    expect(journey.task('consultation-mg')?.status).toBe('cancelled');
    expect(events[0]).toMatchObject({
      type: 'journey.rerouted',
      to: 'coordination',
      by: { actor: 'dr-martin', role: 'mg' },
    });
  });
});

describe('optimistic concurrency', () => {
  it('two writers with the same expected version: one CONFLICT, nothing lost', async () => {
    const store = new MemoryStore();
    const clock = new VirtualClock(day(0));
    const a = createEngine({ protocols: [sortie], clock, store });
    const b = createEngine({ protocols: [sortie], clock, store });
    await a.for(sortie).start({ journeyId: 'p', facts: { age: 80 } });
    const seenByA = await a.get('p');
    const seenByB = await b.get('p');
    expect(seenByB.version).toBe(seenByA.version);
    await a.perform('p', 'lettre-liaison', { actor: hopital, expectedVersion: seenByA.version });
    const e = await refusal(b.recordFacts('p', { vitSeul: true }, { expectedVersion: seenByB.version }));
    expect(e.code).toBe('CONFLICT');
    // B did not even have the new version in memory: its own write is checked by the store too.
    const c = createEngine({ protocols: [sortie], clock, store });
    await c.get('p');
    await a.recordFacts('p', { nyha: 2 });
    const stale = await refusal(c.recordFacts('p', { vitSeul: true }));
    expect(stale.code).toBe('CONFLICT');
    // Reloaded, the retry goes through and nothing written by A is lost.
    const retried = await c.recordFacts('p', { vitSeul: true });
    expect(retried.journey.facts).toEqual({ age: 80, nyha: 2, vitSeul: true });
    expect(retried.journey.task('lettre-liaison')?.status).toBe('completed');
    const history = await c.history('p');
    expect(history.map((x) => x.seq)).toEqual(history.map((_, i) => i + 1));
  });
});

describe('dataProblem', () => {
  it('says why recorded data would be refused, as the engine checks it', () => {
    const { runtime } = compileRuntime(parseProtocol(sortie));
    const weight = runtime.validateEventData.get('prise-de-poids');
    expect(dataProblem(weight, { kg: 2.5 })).toBeUndefined();
    expect(dataProblem(weight, { kg: 'deux' })).toEqual({
      kind: 'invalid',
      errors: expect.stringMatching(/kg: must be number/),
    });
    expect(dataProblem(weight, [2.5])).toEqual({ kind: 'not-an-object' });
    expect(dataProblem(undefined, { service: 'cardiologie' })).toEqual({
      kind: 'unexpected',
      keys: ['service'],
    });
    expect(dataProblem(undefined, {})).toBeUndefined();
    expect(dataProblem(undefined, undefined)).toBeUndefined();
  });
});
