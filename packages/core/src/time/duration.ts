import { add, type Duration as DateFnsDuration, sub } from 'date-fns';
import { CptsError } from '../errors.js';

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const cache = new Map<string, Readonly<DateFnsDuration>>();

/**
 * Parses an ISO 8601 duration (`P7D`, `PT48H`, `P2M`, `P1Y6M`) into its parts.
 * @throws {CptsError} `INVALID_COMMAND` when the text is not an ISO 8601 duration.
 */
export function parseDuration(iso: string): Readonly<DateFnsDuration> {
  const hit = cache.get(iso);
  if (hit) return hit;
  const m = PATTERN.exec(iso);
  if (!m) throw new CptsError('INVALID_COMMAND', `"${iso}" is not an ISO 8601 duration such as "P7D" or "PT48H"`);
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
export function addDuration(at: Date | number, iso: string, times = 1): Date {
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
