import { CptsError, createEngine, MemoryStore, VirtualClock } from '@cpts/core';
import { hopital, ideDupont, sortie } from './protocols.js';

/** The CptsError a promise rejects with (fails the test when it resolves or throws something else). */
export async function refusal(p: Promise<unknown>): Promise<CptsError> {
  try {
    await p;
  } catch (e) {
    if (CptsError.is(e)) return e;
    throw e;
  }
  throw new Error('expected the command to be refused');
}

/** A date on the test calendar: J+n at a local time (Europe/Paris, winter). */
export function day(n: number, time = '09:00'): string {
  return new Date(Date.parse(`2026-01-05T${time}:00+01:00`) + n * 86_400_000).toISOString();
}

/** The serialisable part of a journey view (its helper functions left out). */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/**
 * A journey with a history: acts, an accepted task, a refusal, a deadline missed as time passes,
 * new facts.
 */
export async function journeyWithHistory() {
  const clock = new VirtualClock(day(0));
  const store = new MemoryStore();
  const engine = createEngine({ protocols: [sortie], clock, store });
  const s = engine.for(sortie);
  await s.start({ journeyId: 'p', facts: { age: 80 } });
  await s.perform('p', 'lettre-liaison', { actor: hopital });
  await s.recordEvent('p', 'sortie');
  clock.set(day(4));
  await s.accept('p', 'visite-ide', { actor: ideDupont });
  await s.perform('p', 'visite-ide', { actor: ideDupont });
  await refusal(s.perform('p', 'consultation-mg', { actor: ideDupont }));
  clock.set(day(9));
  await engine.tick();
  await s.recordFacts('p', { vitSeul: true });
  return { clock, store, engine, s };
}
