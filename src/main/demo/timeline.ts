import type { NewEvent } from '../db/repositories/case-writer.repository';
import type { Rng } from './random';

/**
 * A case history is scheduled before it is written: the story engine decides when things happen
 * on a relative clock, and only when the whole story is known is it pinned to the calendar (so the
 * escalation lands exactly at the case's receipt). Texts quote dates, so each event is stored as a
 * render closure that runs after pinning.
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Times of day in UTC as [start, length]: batch jobs at night, agents by day, customers any waking hour. */
export const WINDOW = {
  system: [1.5 * HOUR, 3 * HOUR],
  cs: [6 * HOUR, 13.5 * HOUR],
  customer: [5.5 * HOUR, 16 * HOUR],
  office: [6.5 * HOUR, 9 * HOUR],
} as const;
export type Window = keyof typeof WINDOW;

export type EventBody = Omit<NewEvent, 'occurredAt' | 'sourceId'>;

export interface Draft {
  t: number;
  render: () => EventBody;
}

export class Timeline {
  /** Relative ms of the latest scheduled story event. */
  clock = 0;
  readonly drafts: Draft[] = [];

  constructor(private readonly rng: Rng) {}

  /** Moves the clock forward by whole days and picks a time of day in the window. */
  advance(minDays: number, maxDays: number, window: Window): number {
    const [start, length] = WINDOW[window];
    const day = Math.floor(this.clock / DAY) + this.rng.int(minDays, maxDays);
    let t = day * DAY + start + Math.floor(this.rng.next() * length);
    if (t <= this.clock) t = this.clock + (3 + this.rng.int(0, 40)) * MINUTE;
    this.clock = t;
    return t;
  }

  /** Moves the clock to at least `target`, at a time in the window. */
  advanceTo(target: number, window: Window): number {
    const [start, length] = WINDOW[window];
    const day = Math.floor(target / DAY);
    let t = day * DAY + start + Math.floor(this.rng.next() * length);
    if (t < target) t += DAY;
    if (t <= this.clock) t = this.clock + (3 + this.rng.int(0, 40)) * MINUTE;
    this.clock = t;
    return t;
  }

  /** A few minutes later: the system reaction to an agent's action, or a reply in the same session. */
  soon(minMinutes: number, maxMinutes: number): number {
    this.clock += this.rng.int(minMinutes, maxMinutes) * MINUTE;
    return this.clock;
  }

  add(t: number, render: () => EventBody): void {
    this.drafts.push({ t, render });
  }

  /** Adds at the current clock. */
  now(render: () => EventBody): void {
    this.drafts.push({ t: this.clock, render });
  }
}
