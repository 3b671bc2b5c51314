import { InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { describeIssues } from '../ipc/dispatch';
import { sessionUser } from '../services/session.service';
import type { ServiceContext } from '../services/context';
import { openCliStore } from './store';
import { calendarDateProblem } from '../../shared/domain/dates';

/**
 * What every command shares: the option parsers, the common options (`--db`, `--json`) and
 * `withStore`. A command module takes what it needs from here, so a new option that several
 * commands share is written once.
 */

/** `--db <path>`: the store file (OMBUD_DB or the per-user data folder when left out). */
export function dbOption(description = 'store file'): Option {
  return new Option('--db <path>', description);
}

/** `--json`: print JSON instead of lines for a person. */
export function jsonOption(description = 'print JSON'): Option {
  return new Option('--json', description);
}

export interface DbOpts {
  db?: string;
}

export interface JsonOpts {
  json?: boolean;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a whole number ≥ 0.`);
  return n;
}

export function isoDate(value: string): string {
  const problem = calendarDateProblem(value);
  if (problem) throw new InvalidArgumentError(`"${value}" ${problem}.`);
  return value;
}

/** Parses an option's value with a schema of the contract or the domain; the error names the option. */
export function parseWith<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: z.ZodError } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** A `--today YYYY-MM-DD` option as the services' clock (08:00 UTC that day), or the real clock. */
export function clockOf(today: string | undefined): (() => Date) | undefined {
  return today ? () => new Date(`${today}T08:00:00Z`) : undefined;
}

/** Today's calendar date in Stockholm, the default "as of" day of a demo store. */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

export function formatBytes(n: number): string {
  return n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

/** Prints a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Opens the store, acts as the store's ombudsman (the CLI is the ombudsman's own tool), closes. */
export async function withStore(db: string | undefined, work: (ctx: ServiceContext) => Promise<void>, options: { create?: boolean } = {}): Promise<void> {
  const store = await openCliStore(db, { create: options.create ?? false });
  try {
    await work({ store, user: await sessionUser(store) });
  } finally {
    await store.close();
  }
}
