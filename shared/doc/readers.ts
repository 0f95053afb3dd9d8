/**
 * The small readers every reader of remote document data uses, in one place
 * with one bound each (there were five copies, and two `isTime` with different
 * bounds). Remote data is untrusted: a reader answers yes only for a value it
 * can use as is.
 */

/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The largest time a Date can hold (ms since the epoch); beyond it date formatting breaks for everyone. */
export const MAX_TIME = 8.64e15;

/** A time in ms since the epoch that a Date can hold. */
export const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME;
