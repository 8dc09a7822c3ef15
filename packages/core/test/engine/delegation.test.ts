import { createEngine, VirtualClock } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { refusal } from './helpers.js';
import { drMartin, expired, fewHours, kine, trained, untrained } from './kine.js';

async function setup(facts: Record<string, unknown>) {
  const engine = createEngine({ protocols: [kine], clock: new VirtualClock('2026-02-02T10:00:00+01:00') });
  const k = engine.for(kine);
  await k.start({ journeyId: 'p', facts: { age: 30, consentement: true, ...facts } });
  return { engine, k };
}

describe('delegations (protocoles de coopération)', () => {
  it('lets a trained physiotherapist act under the delegation, records it, and opens the obligation to inform the GP', async () => {
    const { engine, k } = await setup({});
    const { journey, events } = await k.perform('p', 'bilan-entorse', { actor: trained });
    expect(events[0]).toMatchObject({
      type: 'task.completed',
      by: { actor: 'mk-bernard', role: 'mk', delegation: 'entorse' },
    });
    const report = journey.task('compte-rendu')!;
    expect(report).toMatchObject({
      status: 'open',
      responsible: ['mk'],
      cause: { kind: 'obligation', delegation: 'entorse' },
    });
    expect(report.dueAt).toBe(Date.parse('2026-02-04T10:00:00+01:00'));
    // The satisfaction survey is optional: the journey reaches its end, the obligation stays due.
    expect(journey.inStep('fin')).toBe(true);
    expect(journey.status).toBe('completed');
    const history = await engine.history('p');
    expect(history.some((e) => e.type === 'task.opened' && e.task === 'compte-rendu')).toBe(true);
  });

  it.each([
    ['without the training', untrained, { reason: 'qualification' }, /does not hold the qualification/],
    ['with too few hours', fewHours, { reason: 'qualification' }, /6 h of training where 10 h are required/],
    ['with an expired training', expired, { reason: 'qualification' }, /expired on 2023-01-01/],
  ])('refuses a physiotherapist %s', async (_, actor, details, message) => {
    const { engine, k } = await setup({});
    const before = await k.get('p');
    const e = await refusal(k.perform('p', 'bilan-entorse', { actor }));
    expect(e.code).toBe('DELEGATION_REFUSED');
    expect(e.details).toMatchObject(details);
    expect(e.message).toMatch(message);
    const after = await k.get('p');
    expect(after.tasks).toEqual(before.tasks);
    expect(after.version).toBe(before.version + 1);
    const last = (await engine.history('p')).at(-1)!;
    expect(last).toMatchObject({
      type: 'command.refused',
      command: 'perform',
      code: 'DELEGATION_REFUSED',
      by: { actor: actor.id },
    });
  });

  it('refuses without recorded consent', async () => {
    const { k } = await setup({ consentement: false });
    const e = await refusal(k.perform('p', 'bilan-entorse', { actor: trained }));
    expect(e).toMatchObject({ code: 'DELEGATION_REFUSED', details: { reason: 'consent' } });
  });

  it('hands a patient outside the inclusion criteria back to the GP rather than leaving them nowhere', async () => {
    const { k } = await setup({ age: 62 });
    const e = await refusal(k.perform('p', 'bilan-entorse', { actor: trained }));
    expect(e).toMatchObject({
      code: 'DELEGATION_REFUSED',
      details: { reason: 'inclusion', handedBack: true },
    });
    const j = await k.get('p');
    expect(j.task('reprise-mg')?.status).toBe('open');
    expect(j.openRuptures[0]).toMatchObject({
      kind: 'hand-back',
      reason: "critères d'inclusion non remplis",
    });
  });

  it('hands the patient back to the GP on a red flag, as a new task, with a rupture saying why', async () => {
    const { engine, k } = await setup({ appuiImpossible24h: true });
    const e = await refusal(k.perform('p', 'bilan-entorse', { actor: trained }));
    expect(e).toMatchObject({
      code: 'DELEGATION_REFUSED',
      details: { reason: 'exclusion', handedBack: true },
    });
    expect(e.message).toMatch(/Appui impossible 24 h/);
    const j = await k.get('p');
    expect(j.task('reprise-mg')).toMatchObject({
      status: 'open',
      responsible: ['mg'],
      cause: { kind: 'hand-back', delegation: 'entorse' },
    });
    expect(j.openRuptures).toEqual([
      expect.objectContaining({
        kind: 'hand-back',
        roles: ['mg'],
        segment: 'diagnostic',
        reason: 'Appui impossible 24 h après le traumatisme',
      }),
    ]);
    const types = (await engine.history('p')).map((x) => x.type);
    expect(types.slice(-4)).toEqual([
      'delegation.handed-back',
      'task.opened',
      'rupture.opened',
      'command.refused',
    ]);
    // The GP takes the patient back: the hand-back rupture closes.
    const done = await k.perform('p', 'reprise-mg', { actor: drMartin });
    expect(done.journey.openRuptures).toEqual([]);
  });

  it('lets the delegate hand back on their own judgment', async () => {
    const { k } = await setup({});
    const { journey } = await k.handBack('p', 'entorse', {
      actor: trained,
      task: 'bilan-entorse',
      reason: 'Doute sur un risque thrombo-embolique',
    });
    expect(journey.task('reprise-mg')?.status).toBe('open');
    expect(journey.openRuptures[0]).toMatchObject({
      kind: 'hand-back',
      reason: 'Doute sur un risque thrombo-embolique',
    });
  });

  it('lets the GP perform the task directly, without delegation', async () => {
    const { k } = await setup({ plaie: true });
    const { events } = await k.perform('p', 'bilan-entorse', { actor: drMartin });
    expect(events[0]).toMatchObject({ by: { actor: 'dr-martin', role: 'mg' } });
    expect((events[0] as { by: { delegation?: string } }).by.delegation).toBeUndefined();
  });

  it('refuses an actor with no role for the task', async () => {
    const { k } = await setup({});
    const e = await refusal(k.perform('p', 'bilan-entorse', { actor: { id: 'x', roles: ['cpts'] } }));
    expect(e.code).toBe('NOT_ALLOWED_ROLE');
    expect(e.message).toMatch(/Médecin traitant, Masseur-kinésithérapeute \(délégation entorse\)/);
  });
});
