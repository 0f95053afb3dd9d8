import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MARK = Buffer.from('\u00a7');
const marker = (s: string) => Buffer.concat([MARK, Buffer.from(s), MARK]);

/** scanMarkers of scripts/bench/load.ts on each frame, run as the bench runs it (tests do not import scripts/). */
function scan(frames: Buffer[]): string[][] {
  const code = `import { scanMarkers } from './scripts/bench/load.ts';
const frames = ${JSON.stringify(frames.map((f) => f.toString('hex')))};
process.stdout.write(JSON.stringify(frames.map((h) => scanMarkers(Buffer.from(h, 'hex')))));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' })) as string[][];
}

/** The load generator's receipt counting (bench:sync) must not lose markers to a stray § byte pair in binary data. */
describe('bench marker scan', () => {
  it('finds every marker, also after a stray § in the binary parts of a frame; a stray right before a marker; none at all', () => {
    const stray = Buffer.from([0xc2, 0xa7]);
    expect(
      scan([
        Buffer.concat([Buffer.from([0, 2, 0x10]), marker('1:1'), stray, Buffer.from([5, 0x99]), marker('2:7'), Buffer.from([7]), marker('910:1'), stray]),
        Buffer.concat([stray, Buffer.from([1, 2]), marker('3:4')]),
        Buffer.from([0, 2, 1, 2, 3]),
      ]),
    ).toEqual([['1:1', '2:7', '910:1'], ['3:4'], []]);
  });
});
