import { add, type Duration as DateFnsDuration, sub } from 'date-fns';
import { CptsError } from '../errors.js';
import { addInZone, endOfLocalDay, localDayNumber } from './zone.js';

const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const cache = new Map<string, Readonly<DateFnsDuration>>();

/**
 * Parses an ISO 8601 duration (`P7D`, `PT48H`, `P2M`, `P1Y6M`) into its parts.
 * @throws {CptsError} `INVALID_COMMAND` when the text is not an ISO 8601 duration.
 */
export function parseDuration(iso: string): Readonly<DateFnsDuration> {
  const hit = cache.get(iso);
  if (hit) return hit;
  const m = PATTERN.exec(iso);
  if (!m)
    throw new CptsError('INVALID_COMMAND', `"${iso}" is not an ISO 8601 duration such as "P7D" or "PT48H"`);
  const n = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const parts: DateFnsDuration = {};
  const [, years, months, weeks, days, hours, minutes, seconds] = m;
  for (const [k, v] of [
    ['years', years],
    ['months', months],
    ['weeks', weeks],
    ['days', days],
    ['hours', hours],
    ['minutes', minutes],
    ['seconds', seconds],
  ] as const) {
    if (v !== undefined) parts[k] = n(v)!;
  }
  const frozen = Object.freeze(parts);
  if (cache.size < 10_000) cache.set(iso, frozen);
  return frozen;
}

/** Adds an ISO 8601 duration to an instant, calendar-aware (`P1M` from 31 Jan is 28/29 Feb). */
export function addDuration<D extends Date>(at: D | number, iso: string, times = 1): Date {
  if (times === 1) return add(at, parseDuration(iso));
  const parts = parseDuration(iso);
  const scaled: DateFnsDuration = {};
  for (const [k, v] of Object.entries(parts) as [keyof DateFnsDuration, number][]) scaled[k] = v * times;
  return add(at, scaled);
}

/** Subtracts an ISO 8601 duration from an instant. */
export function subtractDuration(at: Date | number, iso: string): Date {
  return sub(at, parseDuration(iso));
}

const UNITS_FR: [keyof DateFnsDuration, string, string][] = [
  ['years', 'an', 'ans'],
  ['months', 'mois', 'mois'],
  ['weeks', 'semaine', 'semaines'],
  ['days', 'jour', 'jours'],
  ['hours', 'heure', 'heures'],
  ['minutes', 'minute', 'minutes'],
  ['seconds', 'seconde', 'secondes'],
];

/** An ISO 8601 duration in French words: `P7D` → `7 jours`, `PT48H` → `48 heures`. */
export function formatDurationFr(iso: string): string {
  const parts = parseDuration(iso);
  const words = UNITS_FR.filter(([k]) => parts[k] !== undefined && parts[k] !== 0).map(
    ([k, one, many]) => `${parts[k]} ${parts[k] === 1 ? one : many}`,
  );
  return words.length === 0 ? '0 jour' : words.join(' ');
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Whole days (rounded down) from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

/** Default time zone of due dates: the territory's calendar decides what "within 7 days" means. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Whether an ISO 8601 duration counts in hours, minutes or seconds (rather than whole days). */
export function hasTimePart(iso: string): boolean {
  return iso.includes('T');
}

/**
 * The due instant of a window: `within` (× `times`) after `from`, in the calendar of `timeZone`.
 * A window in days, weeks, months or years runs to the end of its last day (23:59:59.999 local):
 * a GP visit "within 7 days" of a discharge on Monday morning is on time all day the next Monday.
 * A window in hours (`PT48H`) ends at the exact instant.
 *
 * @example
 * dueInstant(Date.parse('2026-01-05T09:00:00Z'), 'P7D', 'Europe/Paris'); // 2026-01-12T22:59:59.999Z
 */
export function dueInstant(from: number, within: string, timeZone: string, times = 1): number {
  const shifted = addDurationInZone(from, within, timeZone, times);
  return hasTimePart(within) ? shifted : endOfLocalDay(shifted, timeZone);
}

/**
 * An instant plus an ISO 8601 duration (× `times`) in the calendar of a time zone, in epoch
 * milliseconds: `P1D` across a change to summer time is 23 hours; `P1M` from 31 January is the
 * end of February (the rules of date-fns `add`).
 *
 * @example
 * addDurationInZone(Date.parse('2026-03-28T12:00:00Z'), 'P1D', 'Europe/Paris'); // 2026-03-29T11:00:00.000Z
 */
export function addDurationInZone(from: number, iso: string, timeZone: string, times = 1): number {
  if (times !== 1) return addScaledInZone(from, iso, timeZone, times);
  // Guards and wake-up times ask for the same (anchor, duration) on every event of a journey.
  const byFrom = memo.get(timeZone)?.get(iso);
  const hit = byFrom?.get(from);
  if (hit !== undefined) return hit;
  const until = addScaledInZone(from, iso, timeZone, 1);
  // Only valid durations and zones get here (the computation throws on others).
  if (byFrom === undefined) {
    let byIso = memo.get(timeZone);
    if (byIso === undefined) {
      byIso = new Map();
      memo.set(timeZone, byIso);
    }
    if (byIso.size >= MEMO_SIZE) byIso.clear();
    byIso.set(iso, new Map([[from, until]]));
  } else {
    if (byFrom.size >= MEMO_SIZE) byFrom.clear();
    byFrom.set(from, until);
  }
  return until;
}

/** Results of {@link addDurationInZone} by zone, duration and instant (each level bounded). */
const memo = new Map<string, Map<string, Map<number, number>>>();
const MEMO_SIZE = 50_000;

function addScaledInZone(from: number, iso: string, timeZone: string, times: number): number {
  const p = parseDuration(iso);
  const months = ((p.years ?? 0) * 12 + (p.months ?? 0)) * times;
  const days = ((p.weeks ?? 0) * 7 + (p.days ?? 0)) * times;
  const ms = (((p.hours ?? 0) * 60 + (p.minutes ?? 0)) * 60 + (p.seconds ?? 0)) * 1000 * times;
  return addInZone(from, timeZone, months, days, ms);
}

/** Calendar days from `from` to `to` in a time zone (0 on the same local day). */
export function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  return localDayNumber(to, timeZone) - localDayNumber(from, timeZone);
}
