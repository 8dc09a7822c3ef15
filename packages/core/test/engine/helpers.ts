import { CptsError } from '@cpts/core';

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
