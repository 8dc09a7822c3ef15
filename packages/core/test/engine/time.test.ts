import { createEngine, defineProtocol, VirtualClock } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { day } from './helpers.js';
import { dac, drMartin, hopital, ideDupont, sortie } from './protocols.js';

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

describe('recurrence and reminders', () => {
  it('opens the next occurrence when one is done, on a fixed schedule, up to its count', async () => {
    const clock = new VirtualClock(day(0));
    const engine = createEngine({ protocols: [sortie], clock });
    const s = engine.for(sortie);
    await s.start({ journeyId: 'p', facts: { age: 70 } });
    await s.perform('p', 'lettre-liaison', { actor: hopital });
    await s.recordEvent('p', 'sortie');
    const first = (await s.get('p')).task('visite-ide')!;
    expect(iso(first.dueAt)).toBe('2026-01-12T22:59:59.999Z');
    expect(iso(first.remindAt)).toBe('2026-01-10T22:59:59.999Z');
    clock.set(day(3));
    let j = (await s.perform('p', 'visite-ide', { actor: ideDupont })).journey;
    // Occurrence 2 is due a week after occurrence 1's due date, even though visit 1 was early.
    expect(iso(j.task('visite-ide')!.dueAt)).toBe('2026-01-19T22:59:59.999Z');
    expect(j.task('visite-ide')!.occurrence).toBe(2);
    // A missed occurrence is a rupture, and the next one opens all the same.
    clock.set(day(15));
    await engine.tick();
    j = await s.get('p');
    expect(j.ruptures.filter((r) => r.task === 'visite-ide').map((r) => r.instance)).toEqual([
      'visite-ide#2',
    ]);
    expect(j.openTasks.filter((t) => t.task === 'visite-ide').map((t) => t.id)).toEqual([
      'visite-ide#2',
      'visite-ide#3',
    ]);
    await s.perform('p', 'visite-ide#2', { actor: ideDupont });
    j = (await s.perform('p', 'visite-ide#3', { actor: ideDupont })).journey;
    // count: 3 — no fourth occurrence.
    expect(j.tasks.filter((t) => t.task === 'visite-ide')).toHaveLength(3);
  });

  it('perYear N recurs every 12/N months', async () => {
    const p = defineProtocol({
      id: 'rec',
      version: '1.0.0',
      title: { fr: 'Récurrence' },
      fiche: {},
      roles: [{ id: 'mg', label: { fr: 'MG' } }],
      steps: [
        {
          id: 'suivi',
          label: { fr: 'Suivi' },
          segment: 'suivi-ville',
          tasks: [{ id: 'hba1c', label: { fr: 'HbA1c' }, responsible: ['mg'], repeat: { perYear: 4 } }],
          exits: [{ to: 'fin', when: { task: 'hba1c', status: 'cancelled' } }],
        },
        { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
      ],
    });
    const clock = new VirtualClock('2026-01-15T10:00:00+01:00');
    const engine = createEngine({ protocols: [p], clock });
    const r = engine.for(p);
    await r.start({ journeyId: 'd', facts: {} });
    expect(iso((await r.get('d')).task('hba1c')!.dueAt)).toBe('2026-04-15T21:59:59.999Z');
    const { journey } = await r.perform('d', 'hba1c', { actor: drMartin });
    expect(iso(journey.task('hba1c')!.dueAt)).toBe('2026-07-15T21:59:59.999Z');
  });

  it('shows reminders in the worklist before the due date, then overdue items first', async () => {
    const clock = new VirtualClock(day(0));
    const engine = createEngine({ protocols: [sortie], clock });
    const s = engine.for(sortie);
    for (const id of ['a', 'b']) {
      await s.start({ journeyId: id, facts: { age: 70 } });
      await s.perform(id, 'lettre-liaison', { actor: hopital });
    }
    await s.recordEvent('a', 'sortie');
    clock.set(day(2));
    await s.recordEvent('b', 'sortie');
    const early = await engine.worklist({ role: 'ide', at: day(5, '10:00') });
    expect(early.map((w) => [w.journeyId, w.task, w.reminder, w.overdue])).toEqual([
      ['a', 'visite-ide', false, false],
      ['b', 'visite-ide', false, false],
    ]);
    const later = await engine.worklist({ role: 'ide', at: day(8, '10:00') });
    expect(later.map((w) => [w.journeyId, w.reminder, w.overdue])).toEqual([
      ['a', false, true],
      ['b', true, false],
    ]);
    expect(later[0]).toMatchObject({
      taskLabel: 'Visite IDE',
      stepLabel: 'Suivi IDE',
      protocolTitle: 'Sortie test',
      segment: 'suivi-ville',
      via: 'responsible',
    });
    const gp = await engine.worklist({ actor: drMartin, at: day(3) });
    expect(gp.map((w) => `${w.journeyId}:${w.task}`)).toEqual(['a:consultation-mg', 'b:consultation-mg']);
  });
});

describe('gradation of complexity', () => {
  it('is computed at start, recomputed when facts change, recorded, and routes forte cases to the DAC', async () => {
    const clock = new VirtualClock(day(0));
    const engine = createEngine({ protocols: [sortie], clock });
    const s = engine.for(sortie);
    const started = await s.start({ journeyId: 'p', facts: { age: 82 } });
    expect(started.journey.complexity).toBe('faible');
    await s.perform('p', 'lettre-liaison', { actor: hopital });
    await s.recordEvent('p', 'sortie');
    let j = (await s.recordFacts('p', { nyha: 3 })).journey;
    expect(j.complexity).toBe('moyenne');
    expect(j.inStep('suivi')).toBe(true);
    const { journey, events } = await s.recordFacts('p', { vitSeul: true }, { by: dac });
    j = journey;
    expect(j.complexity).toBe('forte');
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'facts.recorded',
        'complexity.changed',
        'step.exited',
        'step.entered',
        'task.opened',
      ]),
    );
    expect(events.find((e) => e.type === 'complexity.changed')).toMatchObject({
      from: 'moyenne',
      to: 'forte',
      rule: 0,
    });
    expect(j.inStep('coordination')).toBe(true);
    expect(j.task('pps')).toMatchObject({ status: 'open', responsible: ['dac'] });
    // Leaving the follow-up step cancelled its open tasks, with the reason.
    expect(j.task('consultation-mg')).toMatchObject({
      status: 'cancelled',
      reason: "sortie de l'étape suivi-mg",
    });
    const done = await s.perform('p', 'pps', { actor: dac });
    expect(done.journey.inStep('fin')).toBe(true);
    expect(done.journey.status).toBe('completed');
    expect(done.events.at(-1)).toMatchObject({ type: 'journey.completed', step: 'fin' });
  });

  it('ends the parallel follow-up when every required task of both branches is done', async () => {
    const clock = new VirtualClock(day(0));
    const engine = createEngine({ protocols: [sortie], clock });
    const s = engine.for(sortie);
    await s.start({ journeyId: 'p', facts: { age: 60 } });
    await s.perform('p', 'lettre-liaison', { actor: hopital });
    let j = (await s.recordEvent('p', 'sortie')).journey;
    expect(j.active).toEqual(['suivi', 'suivi-mg', 'suivi-ide']);
    await s.perform('p', 'consultation-mg', { actor: drMartin });
    for (let i = 0; i < 2; i++) j = (await s.perform('p', 'visite-ide', { actor: ideDupont })).journey;
    expect(j.inStep('suivi')).toBe(true);
    j = (await s.perform('p', 'visite-ide', { actor: ideDupont })).journey;
    expect(j.active).toEqual(['fin']);
  });
});

describe('timed exits', () => {
  it('leaves a step when time has elapsed, woken by the scheduler', async () => {
    const p = defineProtocol({
      id: 'timed',
      version: '1.0.0',
      title: { fr: 'Sortie après délai' },
      fiche: {},
      roles: [{ id: 'mg', label: { fr: 'MG' } }],
      steps: [
        {
          id: 'surveillance',
          label: { fr: 'Surveillance' },
          segment: 'suivi-ville',
          tasks: [{ id: 'bilan', label: { fr: 'Bilan' }, responsible: ['mg'], required: false }],
          exits: [{ to: 'fin', when: { elapsed: 'P6M', since: 'step-entry' } }],
        },
        { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
      ],
    });
    const clock = new VirtualClock('2026-01-15T10:00:00Z');
    const engine = createEngine({ protocols: [p], clock });
    await engine.for(p).start({ journeyId: 't', facts: {} });
    // Six months in the Paris calendar: 11:00 CET on 15 January → 11:00 CEST on 15 July (09:00 UTC).
    clock.set('2026-07-15T08:59:59Z');
    expect((await engine.tick()).journeys).toEqual([]);
    clock.set('2026-07-15T09:00:00Z');
    const t = await engine.tick();
    expect(t.journeys).toEqual(['t']);
    const j = await engine.get('t');
    expect(j.inStep('fin')).toBe(true);
    expect(j.task('bilan')?.status).toBe('cancelled');
  });

  it('runUntil dates each rupture at its due instant even after a long jump', async () => {
    const clock = new VirtualClock(day(0));
    const engine = createEngine({ protocols: [sortie], clock });
    const s = engine.for(sortie);
    await s.start({ journeyId: 'p', facts: { age: 70 } });
    await s.perform('p', 'lettre-liaison', { actor: hopital });
    await s.recordEvent('p', 'sortie');
    await engine.runUntil(day(60));
    const j = await s.get('p');
    for (const r of j.ruptures) expect(r.detectedAt).toBe(r.dueAt + 1);
    expect(j.ruptures.map((r) => r.instance)).toEqual([
      'consultation-mg#1',
      'visite-ide#1',
      'visite-ide#2',
      'visite-ide#3',
    ]);
  });
});
