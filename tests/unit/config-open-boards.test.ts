import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';

describe('OPEN_BOARDS', () => {
  it('is off unless switched on (npm start serves only boards made through the API), and junk is refused', () => {
    expect(configFromEnv({}).openBoards).toBe(false);
    expect(configFromEnv({ OPEN_BOARDS: 'true' }).openBoards).toBe(true);
    expect(configFromEnv({ OPEN_BOARDS: '1' }).openBoards).toBe(true);
    expect(configFromEnv({ OPEN_BOARDS: 'false' }).openBoards).toBe(false);
    expect(() => configFromEnv({ OPEN_BOARDS: 'yes please' })).toThrow(/OPEN_BOARDS must be true or false/);
  });
});
