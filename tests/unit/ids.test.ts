import { describe, expect, it } from 'vitest';
import { BOARD_ID_PATTERN, isValidBoardId, newBoardId, newItemId, randomId } from '../../shared/ids';

describe('board ids', () => {
  it('newBoardId is 22 URL-safe characters and a valid board id', () => {
    for (let i = 0; i < 200; i++) {
      const id = newBoardId();
      expect(id).toHaveLength(22);
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(isValidBoardId(id)).toBe(true);
    }
  });

  it('newBoardId is unique and uses the whole alphabet', () => {
    const ids = Array.from({ length: 5000 }, () => newBoardId());
    expect(new Set(ids).size).toBe(ids.length);
    const chars = new Set(ids.join(''));
    // 110,000 random draws from 64 symbols hit every one of them.
    expect(chars.size).toBe(64);
  });

  it('newItemId is 16 characters, unique', () => {
    const ids = Array.from({ length: 2000 }, () => newItemId());
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(randomId(5)).toHaveLength(5);
  });

  it.each(['a', 'A-b_9', 'x'.repeat(64), 'abcdefghijklmnopqrstuv'])('accepts %j', (id) => {
    expect(isValidBoardId(id)).toBe(true);
  });

  it.each([
    '',
    'x'.repeat(65),
    'has space',
    'slash/inside',
    'dot.dot',
    '..',
    'percent%20',
    'æøå',
    'emoji😀',
    'new\nline',
    'query?x=1',
  ])('rejects %j', (id) => {
    expect(isValidBoardId(id)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['abc'], { toString: () => 'abc' }]) {
      expect(isValidBoardId(v)).toBe(false);
    }
    expect(BOARD_ID_PATTERN.test('ok')).toBe(true);
  });
});
