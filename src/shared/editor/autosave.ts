import { debounce } from 'lodash-es';

/** When an autosave happens: `delayMs` after the last change, and at least every `maxWaitMs` while typing goes on. */
export const AUTOSAVE_DELAY_MS = 400;
export const AUTOSAVE_MAX_WAIT_MS = 900;

export interface AutosaveOptions<T> {
  /** Writes `value` on top of `baseVersion`; resolves with the new version. */
  save: (value: T, baseVersion: number) => Promise<number>;
  baseVersion: number;
  onSaved?: (version: number, savedAt: Date) => void;
  /** A save failed (e.g. a version conflict); autosave stops until `resume`. */
  onError?: (error: unknown) => void;
  delayMs?: number;
  maxWaitMs?: number;
}

/**
 * Autosave for the decision editor, shared by the renderer and the kill-during-typing test so the
 * test exercises the real schedule. lodash's debounce with `maxWait` gives "within a second of
 * the last change" even while the user never stops typing; saves never overlap, each builds on
 * the version the previous one returned, and a change made during a save is saved right after.
 */
export class Autosaver<T> {
  private latest: { value: T } | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private baseVersion: number;
  private readonly trigger: ReturnType<typeof debounce>;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.baseVersion = options.baseVersion;
    this.trigger = debounce(() => void this.flush(), options.delayMs ?? AUTOSAVE_DELAY_MS, { maxWait: options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS });
  }

  /** The version the next save builds on. */
  get version(): number {
    return this.baseVersion;
  }

  get pending(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }

  change(value: T): void {
    this.latest = { value };
    if (!this.stopped) this.trigger();
  }

  /** Saves what is pending now (Ctrl+S, leaving the editor) and waits for it. */
  async flush(): Promise<void> {
    this.trigger.cancel();
    while (this.inFlight) await this.inFlight;
    if (this.stopped || !this.latest) return;
    const { value } = this.latest;
    this.latest = null;
    this.inFlight = (async () => {
      try {
        this.baseVersion = await this.options.save(value, this.baseVersion);
        this.options.onSaved?.(this.baseVersion, new Date());
      } catch (error) {
        this.stopped = true;
        this.latest ??= { value };
        this.options.onError?.(error);
      } finally {
        this.inFlight = null;
      }
    })();
    await this.inFlight;
    if (this.latest && !this.stopped) this.trigger();
  }

  /** Continues after a conflict was settled, on top of `baseVersion`. */
  resume(baseVersion: number): void {
    this.baseVersion = baseVersion;
    this.stopped = false;
    if (this.latest) this.trigger();
  }

  dispose(): void {
    this.trigger.cancel();
    this.stopped = true;
  }
}
