/**
 * Instants of a scenario, written the way a protocol is read: `J0`, `J+5`, `J+7 09:30`,
 * `+2 months`, `+P3W`, or an ISO 8601 date-time. Days count in the journey's time zone.
 * @module
 */
import { addDuration, CptsError, toMillis } from '@cpts/core';

/** An instant of a scenario: `J+5`, `J+7 14:00`, `+2 months`, `+P7D`, an ISO date-time, a Date or epoch ms. */
export type ScenarioInstant = string | number | Date;

/** Time zone used when a history does not say (the engine's default). */
export const SCENARIO_TIME_ZONE = 'Europe/Paris';

const UNITS: Record<string, string> = {
  minute: 'TM',
  minutes: 'TM',
  min: 'TM',
  hour: 'TH',
  hours: 'TH',
  h: 'TH',
  heure: 'TH',
  heures: 'TH',
  day: 'D',
  days: 'D',
  d: 'D',
  jour: 'D',
  jours: 'D',
  j: 'D',
  week: 'W',
  weeks: 'W',
  w: 'W',
  semaine: 'W',
  semaines: 'W',
  month: 'M',
  months: 'M',
  mois: 'M',
  year: 'Y',
  years: 'Y',
  y: 'Y',
  an: 'Y',
  ans: 'Y',
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant in a time zone. */
export function wallTime(
  at: number,
  timeZone: string,
): { y: number; m: number; d: number; hh: number; mm: number } {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, m: p.month!, d: p.day!, hh: p.hour!, mm: p.minute! };
}

/** The instant of a wall-clock time in a time zone (days may overflow: 32 January is 1 February). */
export function fromWallTime(
  y: number,
  m: number,
  d: number,
  hh: number,
  mm: number,
  timeZone: string,
): number {
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const offset = (t: number) => {
    const w = wallTime(t, timeZone);
    return Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm) - Math.floor(t / 60_000) * 60_000;
  };
  const first = naive - offset(naive);
  const second = naive - offset(first);
  return second;
}

/** A relative instant (`+2 months`, `+P7D`) as an ISO 8601 duration, or `undefined` if it is not one. */
export function relativeDuration(text: string): string | undefined {
  const t = text.trim();
  if (!t.startsWith('+')) return undefined;
  const rest = t.slice(1).trim();
  if (/^P/.test(rest)) return rest;
  const m = /^(\d+)\s*([a-zA-Zé]+)$/.exec(rest);
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()];
  if (!unit) return undefined;
  return unit.startsWith('T') ? `PT${m[1]}${unit.slice(1)}` : `P${m[1]}${unit}`;
}

/**
 * Resolves a scenario instant to epoch milliseconds.
 * - `J0`, `J+5`, `J-1`: calendar days from the start of the journey, at the start's time of day;
 *   `J+5 14:30`: at that local time (in `timeZone`, default Europe/Paris);
 * - `+2 months`, `+10 days`, `+48 hours`, `+P7D`: after the current instant (calendar-aware);
 * - an ISO 8601 date-time, a Date or epoch milliseconds: that instant.
 *
 * @throws {CptsError} `INVALID_COMMAND` for text that is none of these.
 * @example
 * const start = Date.parse('2026-01-05T08:00:00Z'); // Monday 09:00 in Paris
 * resolveInstant('J+7 09:30', { start, now: start }); // Date.parse('2026-01-12T08:30:00Z')
 */
export function resolveInstant(
  at: ScenarioInstant,
  context: { start: number; now: number; timeZone?: string },
): number {
  if (typeof at === 'number' || at instanceof Date) return toMillis(at);
  const tz = context.timeZone ?? SCENARIO_TIME_ZONE;
  const text = at.trim();
  const j = /^J(?:0|\s*([+-])\s*(\d+))(?:\s+(\d{1,2})[:h](\d{2}))?$/i.exec(text);
  if (j) {
    const days = j[2] === undefined ? 0 : Number(j[2]) * (j[1] === '-' ? -1 : 1);
    const s = wallTime(context.start, tz);
    if (j[3] === undefined)
      return fromWallTime(s.y, s.m, s.d + days, s.hh, s.mm, tz) + (context.start % 60_000);
    const hours = Number(j[3]);
    const minutes = Number(j[4]);
    if (hours > 23 || minutes > 59) throw invalid(at);
    return fromWallTime(s.y, s.m, s.d + days, hours, minutes, tz);
  }
  const rel = relativeDuration(text);
  if (rel !== undefined) {
    try {
      return addDuration(context.now, rel).getTime();
    } catch {
      throw invalid(at);
    }
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return toMillis(text);
  throw invalid(at);
}

function invalid(at: string): CptsError {
  return new CptsError(
    'INVALID_COMMAND',
    `"${at}" is not a scenario instant: write "J0", "J+5", "J+7 09:30", "+2 months", "+P7D" or an ISO date-time`,
  );
}

/**
 * `J+n HH:MM` for an instant of a journey started at `start`: n counts calendar days and the time
 * is local, in `timeZone` (default Europe/Paris).
 *
 * @example
 * formatJourneyDay(Date.parse('2026-01-12T08:00:00Z'), Date.parse('2026-01-05T13:00:00Z')); // 'J+7 09:00'
 */
export function formatJourneyDay(at: number, start: number, timeZone = SCENARIO_TIME_ZONE): string {
  const a = wallTime(at, timeZone);
  const s = wallTime(start, timeZone);
  const days = Math.round((Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(s.y, s.m - 1, s.d)) / 86_400_000);
  const j = days === 0 ? 'J0' : days > 0 ? `J+${days}` : `J${days}`;
  return `${j} ${String(a.hh).padStart(2, '0')}:${String(a.mm).padStart(2, '0')}`;
}
