/**
 * Bounded waiting. Tests never sleep for a fixed time to "let things settle":
 * they poll a condition until it holds or a deadline passes, and a timeout
 * fails with a message that says what was awaited.
 */

export interface WaitOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Poll interval (default 5 ms). */
  intervalMs?: number;
  /** What we were waiting for; a function is evaluated only on timeout. */
  message?: string | (() => string);
}

export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

const describe = (m: WaitOptions['message'], fallback: string) =>
  typeof m === 'function' ? m() : (m ?? fallback);

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `fn` until it returns a truthy value (which is returned) or the
 * deadline passes. Errors thrown by `fn` count as "not yet" and the last one
 * is reported on timeout.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, opts: WaitOptions = {}): Promise<NonNullable<T>> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const intervalMs = opts.intervalMs ?? 5;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
      lastError = null;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const what = describe(opts.message, 'condition');
      const cause = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new WaitTimeoutError(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await delay(intervalMs);
  }
}

/**
 * Asserts that `cond` stays true for the whole period (polled). This is an
 * observation over time, not synchronisation: use it only to check that
 * something does NOT happen (e.g. a loaded room is not unloaded while in use).
 */
export async function holdsFor(cond: () => boolean, periodMs: number, message = 'condition'): Promise<void> {
  const end = Date.now() + periodMs;
  while (Date.now() < end) {
    if (!cond()) throw new Error(`${message} stopped holding`);
    await delay(5);
  }
  if (!cond()) throw new Error(`${message} stopped holding`);
}

/** Rejects if `promise` does not settle within `timeoutMs`. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WaitTimeoutError(`timed out after ${timeoutMs} ms waiting for ${message}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Yields to the event loop once (lets queued I/O callbacks run). */
export const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));
