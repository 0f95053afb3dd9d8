import { describe, expect, it } from 'vitest';
import { isRecord, isTime, MAX_TIME } from '../../shared/doc/readers';

describe('shared input readers', () => {
  it('isTime accepts exactly the times a Date can hold', () => {
    for (const ok of [0, 1, Date.UTC(2026, 11, 3), MAX_TIME]) expect(isTime(ok)).toBe(true);
    for (const bad of [-1, MAX_TIME + 1, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, '5', null, undefined, {}]) expect(isTime(bad)).toBe(false);
    // Every accepted time formats: the bound is Date's own.
    expect(new Date(MAX_TIME).toISOString()).toBe('+275760-09-13T00:00:00.000Z');
    expect(Number.isNaN(new Date(MAX_TIME + 1).getTime())).toBe(true);
  });

  it('isRecord accepts plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    for (const bad of [null, [], 'x', 1, undefined]) expect(isRecord(bad)).toBe(false);
  });

});
