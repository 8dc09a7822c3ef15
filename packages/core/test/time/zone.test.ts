import {
  addDurationInZone,
  calendarDaysBetween,
  dueInstant,
  fromWall,
  toMillis,
  zoneOffset,
} from '@cpts/core';
import { TZDate } from '@date-fns/tz';
import { add, differenceInCalendarDays, endOfDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The reference: date-fns on TZDate, slow but written by the date-fns team. Calendar parts are
// added to the wall-clock date as a whole (date-fns adding months then days on a zoned date can
// stop in the hour skipped in spring and keep the shift), then hours as exact time.
const reference = {
  add: (from: number, parts: Record<string, number>, zone: string) => {
    const w = new TZDate(from, zone);
    const wall = Date.UTC(
      w.getFullYear(),
      w.getMonth(),
      w.getDate(),
      w.getHours(),
      w.getMinutes(),
      w.getSeconds(),
      w.getMilliseconds(),
    );
    const { hours = 0, ...calendar } = parts;
    const n = add(new TZDate(wall, 'UTC'), calendar);
    const local = new TZDate(
      n.getFullYear(),
      n.getMonth(),
      n.getDate(),
      n.getHours(),
      n.getMinutes(),
      n.getSeconds(),
      n.getMilliseconds(),
      zone,
    );
    return local.getTime() + hours * 3_600_000;
  },
  endOfDay: (at: number, zone: string) => endOfDay(new TZDate(at, zone)).getTime(),
  days: (from: number, to: number, zone: string) =>
    differenceInCalendarDays(new TZDate(to, zone), new TZDate(from, zone)),
};

const zones = [
  'Europe/Paris',
  'America/New_York',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'Indian/Reunion',
  'America/Cayenne',
  'UTC',
];
const instant = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 0, 1) });
const duration = fc.record({
  years: fc.integer({ min: 0, max: 2 }),
  months: fc.integer({ min: 0, max: 14 }),
  weeks: fc.integer({ min: 0, max: 3 }),
  days: fc.integer({ min: 0, max: 40 }),
  hours: fc.integer({ min: 0, max: 72 }),
});
const iso = (d: { years: number; months: number; weeks: number; days: number; hours: number }) =>
  `P${d.years}Y${d.months}M${d.weeks}W${d.days}D${d.hours ? `T${d.hours}H` : ''}`;

describe('calendar arithmetic in a time zone', () => {
  it('adds durations exactly as date-fns does on TZDate, across DST, month ends and zones', () => {
    fc.assert(
      fc.property(instant, duration, fc.constantFrom(...zones), (from, d, zone) => {
        const ours = addDurationInZone(from, iso(d), zone);
        const theirs = reference.add(from, d, zone);
        if (ours === theirs) return;
        // The calendar part lands on a wall-clock time repeated when summer time ends: TZDate takes
        // the later instant, cpts the earlier (as Temporal's "compatible" rule and JavaScript's Date
        // do). Both read the same time there; the hours are then exact time on both sides.
        const calendar = { ...d, hours: 0 };
        const oursCalendar = addDurationInZone(from, iso(calendar), zone);
        const theirsCalendar = reference.add(from, calendar, zone);
        const wall = (t: number) => new TZDate(t, zone).toString().slice(0, 24);
        expect(wall(oursCalendar)).toBe(wall(theirsCalendar));
        expect(oursCalendar).toBeLessThan(theirsCalendar);
        expect(ours - oursCalendar).toBe(d.hours * 3_600_000);
        expect(theirs - theirsCalendar).toBe(d.hours * 3_600_000);
      }),
      {
        numRuns: 2000,
        // Found by a run: 10 months, 3 weeks and 22 days land on 02:00 of the night summer time
        // ends in Auckland (a repeated hour), then one more hour.
        examples: [
          [1903010400000, { years: 0, months: 10, weeks: 3, days: 22, hours: 1 }, 'Pacific/Auckland'],
        ],
      },
    );
  });

  it('ends a window in days at the end of its last local day, as date-fns endOfDay does', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...zones),
        (from, days, zone) => {
          const expected = reference.endOfDay(add(new TZDate(from, zone), { days }).getTime(), zone);
          expect(dueInstant(from, `P${days}D`, zone)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts calendar days as date-fns does', () => {
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(...zones), (a, b, zone) => {
        expect(calendarDaysBetween(a, b, zone)).toBe(reference.days(a, b, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    // Paris, spring forward on 29 March 2026 at 02:00 → 03:00; fall back on 25 October 2026 at 03:00 → 02:00.
    ['2026-03-28T12:00:00Z', 'P1D', '2026-03-29T11:00:00.000Z'],
    ['2026-10-24T12:00:00Z', 'P1D', '2026-10-25T13:00:00.000Z'],
    ['2026-01-31T09:00:00Z', 'P1M', '2026-02-28T09:00:00.000Z'],
    ['2028-01-31T09:00:00Z', 'P1M', '2028-02-29T09:00:00.000Z'],
    ['2026-03-28T12:00:00Z', 'PT24H', '2026-03-29T12:00:00.000Z'],
  ])('%s + %s in Paris is %s', (from, d, expected) => {
    expect(new Date(addDurationInZone(Date.parse(from), d, 'Europe/Paris')).toISOString()).toBe(expected);
  });

  it('reads wall-clock times in gaps forward and in overlaps as the earlier instant', () => {
    // 02:30 does not exist in Paris on 29 March 2026: it is 03:30 CEST.
    expect(new Date(fromWall(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Paris')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 happens twice on 25 October 2026: the first time, in CEST.
    expect(new Date(fromWall(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Paris')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(zoneOffset('Asia/Kolkata', 0)).toBe(5.5 * 3_600_000);
    expect(() => zoneOffset('Mars/Olympus', 0)).toThrow(/Unknown time zone/);
  });
});

describe('instants given as text', () => {
  it.each([
    ['2026-01-05'],
    ['2026-01-05T09:00:00+01:00'],
    ['2026-01-05T08:00:00Z'],
    ['2026-01-05T08:00:00.250Z'],
  ])('reads %s', (text) => {
    expect(toMillis(text)).toBe(Date.parse(text));
  });

  it.each([['12/01/2026'], ['J+7'], ['2026-01-05T09:00:00'], ['2026-02-30T09:00:00Z'], ['tomorrow']])(
    'refuses %s rather than guess',
    (text) => {
      expect(() => toMillis(text)).toThrow(expect.objectContaining({ code: 'INVALID_COMMAND' }));
    },
  );
});
