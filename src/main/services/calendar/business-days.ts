import Holidays from 'date-holidays';
import { MARKET_INFO, type Market } from '../../../shared/domain/market';

/**
 * Business days per market: weekdays on which banks are open. Public holidays come from
 * date-holidays (maintained, correct across years, Easter-based rules included); the eves and
 * bank holidays on which banks close are added here where the library counts them only as
 * observances.
 */

interface CalendarRules {
  /** date-holidays types that close banks. */
  closedTypes: readonly string[];
  /** Extra closing days in date-holidays rule syntax, with their names. */
  extra: readonly { rule: string; name: string }[];
}

const RULES: Record<Market, CalendarRules> = {
  // Swedish banks close on public holidays and on Midsummer Eve, Christmas Eve and New Year's Eve
  // (date-holidays types those three as "bank").
  SE: { closedTypes: ['public', 'bank'], extra: [] },
  // Danish banks also close on Constitution Day, Christmas Eve, New Year's Eve and the Friday after
  // Ascension Day (Danmarks Nationalbank's banking-day calendar); the library has them as observances or not at all.
  DK: {
    closedTypes: ['public', 'bank'],
    extra: [
      { rule: '06-05', name: 'Grundlovsdag' },
      { rule: '12-24', name: 'Juleaftensdag' },
      { rule: '12-31', name: 'Nytårsaftensdag' },
      { rule: 'easter 40', name: 'Fredag efter Kristi Himmelfartsdag' },
    ],
  },
};

const calendars = new Map<Market, Holidays>();
/** Per market and year: every weekday on which banks close, with the holiday's name. */
const closedByYear = new Map<string, Map<string, string>>();

function calendar(market: Market): Holidays {
  let hd = calendars.get(market);
  if (!hd) {
    hd = new Holidays(market);
    for (const { rule, name } of RULES[market].extra) hd.setHoliday(rule, { name: { [market === 'DK' ? 'da' : 'sv']: name }, type: 'bank' });
    calendars.set(market, hd);
  }
  return hd;
}

function closedWeekdays(market: Market, year: number): Map<string, string> {
  const key = `${market}:${year}`;
  let days = closedByYear.get(key);
  if (!days) {
    days = new Map();
    for (const h of calendar(market).getHolidays(year)) {
      if (!RULES[market].closedTypes.includes(h.type)) continue;
      const date = h.date.slice(0, 10);
      const weekday = toDay(date).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !days.has(date)) days.set(date, h.name);
    }
    closedByYear.set(key, days);
  }
  return days;
}

/** Parses YYYY-MM-DD as a calendar day (UTC noon, so no time zone can move it to another day). */
function toDay(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date YYYY-MM-DD`);
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new Error(`"${date}" is not a calendar date`);
  return d;
}

// Deadline walks ask the weekday of the same few thousand days millions of times in an import.
const weekdays = new Map<string, number>();
function weekday(date: string): number {
  let day = weekdays.get(date);
  if (day === undefined) {
    day = toDay(date).getUTCDay();
    if (weekdays.size >= 100_000) weekdays.clear();
    weekdays.set(date, day);
  }
  return day;
}

function fromDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The calendar day `days` after (or before, when negative) `date`. */
export function addCalendarDays(date: string, days: number): string {
  const d = toDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDay(d);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toDay(to).getTime() - toDay(from).getTime()) / 86_400_000);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in a time zone. One formatter per zone is
 * kept: building an Intl.DateTimeFormat costs about a quarter of a millisecond, so building one
 * per history event was most of the time of a draft save or a letter.
 */
export function dayInZone(instant: string | Date, timeZone: string): string {
  let format = zoneFormats.get(timeZone);
  if (!format) zoneFormats.set(timeZone, (format = new Intl.DateTimeFormat('sv-SE', { timeZone })));
  return format.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the market's time zone. */
export function marketDay(instant: string, market: Market): string {
  return dayInZone(instant, MARKET_INFO[market].timeZone);
}

/** The reason banks are closed on `date` in `market` (weekend or the holiday's name), or null. */
export function closedReason(market: Market, date: string): string | null {
  const day = weekday(date);
  if (day === 0 || day === 6) return 'weekend';
  return closedWeekdays(market, Number(date.slice(0, 4))).get(date) ?? null;
}

export function isBusinessDay(market: Market, date: string): boolean {
  return closedReason(market, date) === null;
}

/**
 * The N-th business day after `from` (which itself is day 0, whatever kind of day it is).
 * N = 0 returns `from`.
 */
export function addBusinessDays(market: Market, from: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`business days must be a whole number ≥ 0, got ${n}`);
  // A pure function of its arguments, called for every deadline of every case an import or the
  // demo writes; the same (market, day, n) recurs constantly, so the walk is remembered.
  return addedDays(`${market}|${from}|${n}`, () => walkBusinessDays(market, from, n));
}

/**
 * Remembers the results of a pure function by key, at most `limit` of them (all are forgotten
 * when full: the keys that matter come back at once).
 */
function remembered<V>(limit: number): (key: string, compute: () => V) => V {
  const known = new Map<string, V>();
  return (key, compute) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    if (known.size >= limit) known.clear();
    const value = compute();
    known.set(key, value);
    return value;
  };
}

const addedDays = remembered<string>(200_000);

function walkBusinessDays(market: Market, from: string, n: number): string {
  let date = fromDay(toDay(from));
  let left = n;
  while (left > 0) {
    date = addCalendarDays(date, 1);
    if (isBusinessDay(market, date)) left -= 1;
  }
  return date;
}

/** Weekdays (Monday to Friday) after `from` up to and including `to`, for `from` ≤ `to`. */
function weekdaysBetween(from: string, to: string): number {
  const a = toDay(from);
  const days = Math.round((toDay(to).getTime() - a.getTime()) / 86_400_000);
  let count = Math.floor(days / 7) * 5;
  for (let i = 1, weekday = a.getUTCDay(); i <= days % 7; i++) {
    const d = (weekday + i) % 7;
    if (d !== 0 && d !== 6) count += 1;
  }
  return count;
}

/**
 * Business days after `from` up to and including `to`: the days left until a deadline.
 * Negative when `to` lies before `from`: then it counts the business days after `to` up to and
 * including `from`, i.e. how many business days a deadline is overdue. Computed from weekday
 * arithmetic and each year's closing days, so a deadline years away costs no more than one next week.
 */
export function businessDaysBetween(market: Market, from: string, to: string): number {
  // An inbox page asks this for each row's deadline, and every page and refresh asks again for
  // the same few hundred (market, today, deadline) triples: remembered, as addBusinessDays is.
  return daysBetween(`${market}|${from}|${to}`, () => countBusinessDays(market, from, to));
}

const daysBetween = remembered<number>(100_000);

function countBusinessDays(market: Market, from: string, to: string): number {
  if (to < from) {
    const overdue = countBusinessDays(market, to, from);
    return overdue === 0 ? 0 : -overdue; // never -0
  }
  let count = weekdaysBetween(from, to);
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const date of closedWeekdays(market, year).keys()) if (date > from && date <= to) count -= 1;
  }
  return count;
}
