import { z } from 'zod';

/**
 * Real calendar dates at the boundary. A pattern alone lets `2026-02-30` or `0000-00-00` through,
 * and such a value later breaks every screen that computes with it; these schemas accept only a
 * date that exists in the Gregorian calendar, in a year a complaint, purchase or deadline can
 * plausibly fall in. Every date and instant in the IPC contract, the case exchange format and
 * the monthly CSV goes through them.
 */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not a real calendar date YYYY-MM-DD in MIN_YEAR..MAX_YEAR, or null when it is. */
export function calendarDateProblem(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return 'must be a date YYYY-MM-DD';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return `must be a date between ${MIN_YEAR} and ${MAX_YEAR}`;
  if (mo < 1 || mo > 12) return `must be a real calendar date (there is no month ${m[2]})`;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > last) return `must be a real calendar date (${value} does not exist)`;
  return null;
}

export function isCalendarDate(value: string): boolean {
  return calendarDateProblem(value) === null;
}

/** YYYY-MM-DD that exists in the calendar, year MIN_YEAR..MAX_YEAR. */
export const calendarDateSchema = z.string().superRefine((value, ctx) => {
  const problem = calendarDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * An RFC 3339 date-time with offset whose date part is a real calendar date and whose instant,
 * in UTC, still lies in MIN_YEAR..MAX_YEAR (so `9999-12-31T23:00:00-05:00` cannot become year 10000).
 */
export function calendarInstantSchema(error = 'must be an RFC 3339 date-time with offset, e.g. 2026-03-02T09:14:00+01:00') {
  return z.iso.datetime({ offset: true, error }).superRefine((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return; // the format's own message says it
    const problem = calendarDateProblem(value.slice(0, 10));
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return;
    }
    const utcYear = new Date(value).getUTCFullYear();
    if (!(utcYear >= MIN_YEAR && utcYear <= MAX_YEAR)) ctx.addIssue({ code: 'custom', message: `must be a date-time between ${MIN_YEAR} and ${MAX_YEAR}` });
  });
}

/** A calendar month YYYY-MM in MIN_YEAR..MAX_YEAR (the monthly figures and the zero-complaints months). */
export const calendarMonthSchema = z.string().superRefine((value, ctx) => {
  const problem = calendarDateProblem(`${value}-01`);
  if (problem || !/^\d{4}-\d{2}$/.test(value)) {
    ctx.addIssue({ code: 'custom', message: /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? `must be a month between ${MIN_YEAR} and ${MAX_YEAR}` : 'must be a month YYYY-MM, e.g. 2026-03' });
  }
});
