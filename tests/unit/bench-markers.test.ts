import { describe, expect, it } from 'vitest';
import { scanMarkers } from '../../scripts/bench/load';

const MARK = Buffer.from('\u00a7');
const marker = (s: string) => Buffer.concat([MARK, Buffer.from(s), MARK]);

/** The load generator's receipt counting (bench:sync) must not lose markers to a stray § byte pair in binary data. */
describe('bench marker scan', () => {
  it('finds every marker, also after a stray § in the binary parts of a frame', () => {
    const frame = Buffer.concat([Buffer.from([0, 2, 0x10]), marker('1:1'), Buffer.from([0xc2, 0xa7, 0x05, 0x99]), marker('2:7'), Buffer.from([7]), marker('910:1'), Buffer.from([0xc2, 0xa7])]);
    expect(scanMarkers(frame)).toEqual(['1:1', '2:7', '910:1']);
  });

  it('a stray § right before a marker, and none at all', () => {
    expect(scanMarkers(Buffer.concat([Buffer.from([0xc2, 0xa7, 1, 2]), marker('3:4')]))).toEqual(['3:4']);
    expect(scanMarkers(Buffer.from([0, 2, 1, 2, 3]))).toEqual([]);
  });
});
