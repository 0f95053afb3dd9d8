import { describe, expect, it } from 'vitest';
import { createProtectedBoard } from '../helpers/access';
import { spawnServer, type ChildServer } from '../helpers/child';
import { connectClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

/**
 * Issue 19 (memory): a server on its embedded SQLite loads neither the PostgreSQL and Redis
 * clients nor the Word library; docx is loaded by the first Word export. (They were 21 MB of an
 * idle compiled server's 87 MB resident memory; the figures are in docs/performance.md.)
 */
async function loadedPackages(server: ChildServer): Promise<string[]> {
  const before = server.output().stdout.length;
  server.proc.kill('SIGUSR2');
  const line = await waitFor(() => /LOADED-PACKAGES (\[.*\])\n/.exec(server.output().stdout.slice(before)), { message: 'the loaded packages' });
  return JSON.parse(line[1] as string) as string[];
}

describe('packages loaded only when used', () => {
  const scope = useScope();

  it('an open board on SQLite loads no pg, ioredis or docx; a Word export loads docx', async () => {
    const server = await spawnServer(scope, { dataDir: scope.tempDir(), args: ['--import', 'tsx', '--import', './tests/helpers/loaded-packages.mjs', 'server/main.ts'] });
    const board = await createProtectedBoard(server, { title: 'Lazy' });
    const client = connectClient(scope, server.wsUrl, board.id, { params: { k: board.editorKey } });
    await client.waitSynced();

    const atWork = await loadedPackages(server);
    // The report sees both kinds of module: CommonJS (better-sqlite3) and ES modules (yjs).
    expect(atWork).toEqual(expect.arrayContaining(['better-sqlite3', 'yjs', 'ws']));
    expect(atWork).not.toContain('pg');
    expect(atWork).not.toContain('ioredis');
    expect(atWork).not.toContain('docx');

    const res = await fetch(`${server.httpUrl}/api/boards/${board.id}/export.docx`, { headers: { 'X-Samskab-Key': board.editorKey } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(await loadedPackages(server)).toContain('docx');
  });
});
