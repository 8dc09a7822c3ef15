import { createEngine, MemoryStore, VirtualClock } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { drMartin, hopital, sortie } from './protocols.js';

const J0 = '2026-01-05T09:00:00+01:00';
const day = (n: number, time = '09:00') => {
  const d = new Date(Date.parse(`2026-01-05T${time}:00+01:00`) + n * 86_400_000);
  return d.toISOString();
};

async function discharged() {
  const clock = new VirtualClock(J0);
  const engine = createEngine({ protocols: [sortie], clock, store: new MemoryStore() });
  const ic = engine.for(sortie);
  const { journey } = await ic.start({ facts: { age: 70 }, journeyId: 'p1' });
  await ic.perform('p1', 'lettre-liaison', { actor: hopital });
  await ic.recordEvent('p1', 'sortie');
  return { clock, engine, ic, journey };
}

describe('deadlines and ruptures', () => {
  it('a GP visit due 7 days after discharge is a rupture on day 8, exactly once, closed on day 10 with 3 days of delay', async () => {
    const { clock, engine, ic } = await discharged();
    const j = await ic.get('p1');
    expect(j.inStep('suivi-mg')).toBe(true);
    // Due all day on J+7 (Europe/Paris calendar).
    expect(new Date(j.task('consultation-mg')!.dueAt!).toISOString()).toBe('2026-01-12T22:59:59.999Z');

    for (let d = 1; d <= 7; d++) {
      clock.set(day(d, '23:00'));
      await engine.tick();
    }
    expect((await ic.get('p1')).ruptures.filter((r) => r.task === 'consultation-mg')).toHaveLength(0);

    clock.set(day(8, '00:30'));
    const t8 = await engine.tick();
    expect(
      t8.events.filter((e) => e.type === 'rupture.opened' && e.rupture.task === 'consultation-mg'),
    ).toHaveLength(1);
    clock.set(day(9));
    await engine.tick();
    const after = await ic.get('p1');
    const ruptures = after.ruptures.filter((r) => r.task === 'consultation-mg');
    expect(ruptures).toHaveLength(1);
    expect(ruptures[0]).toMatchObject({
      segment: 'suivi-ville',
      roles: ['mg'],
      kind: 'missed-deadline',
      closedAt: undefined,
    });
    // The miss policy escalates to the DAC.
    expect(after.task('consultation-mg')!.responsible).toEqual(['mg', 'dac']);

    clock.set(day(10));
    const { journey } = await ic.perform('p1', 'consultation-mg', { actor: drMartin });
    const closed = journey.ruptures.find((r) => r.task === 'consultation-mg')!;
    expect(closed.delayDays).toBe(3);
    expect(closed.closedAt).toBe(Date.parse(day(10)));
  });
});
