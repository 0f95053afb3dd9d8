import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { createProtectedBoard } from '../helpers/access';
import { author } from '../helpers/board';
import { REPO_ROOT } from '../helpers/child';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';

/**
 * `npm run erase -- --board <id>` (issue 15): an operator erases a board in
 * the trash at once, for an erasure request; nothing readable of it stays in
 * DATA_DIR and the running server refuses it. A board not in the trash is
 * left alone.
 */
describe('npm run erase', () => {
  const scope = useScope();

  function erase(dataDir: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/erase.ts', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
      proc.on('exit', (code) => resolve({ code, out }));
    });
  }

  it('erases a trashed board for good while the server runs; refuses a board that is not in the trash', async () => {
    const dataDir = scope.tempDir();
    const srv = await startTestServer(scope, { dataDir });
    const secret = 'SLET-MIG-NU-9001';
    const boards = await Promise.all([createProtectedBoard(srv, { title: 'Væk' }), createProtectedBoard(srv, { title: 'Bliver' })]);
    for (const [i, b] of boards.entries()) {
      const c = connectClient(scope, srv.wsUrl, b.id, { params: { k: b.editorKey } });
      await c.waitSynced();
      createItem(c.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', `Navn${i}-Hansen`), text: `${secret}-${i}` });
      await c.waitSaved();
    }
    const [gone, stays] = boards as [(typeof boards)[0], (typeof boards)[0]];
    const key = gone.editorKey;
    expect((await api(srv, 'POST', `/api/boards/${gone.id}/snapshots`, { key, body: { name: 'snap' } })).status).toBe(201);

    // Not in the trash: refused, nothing changes.
    const refused = await erase(dataDir, '--board', stays.id);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('not in the trash');
    expect(await erase(dataDir, '--board', '../etc')).toMatchObject({ code: 2 });

    expect((await api(srv, 'DELETE', `/api/boards/${gone.id}`, { key, body: { confirm: gone.id } })).status).toBe(200);
    const done = await erase(dataDir, '--board', gone.id);
    expect(done.code, done.out).toBe(0);

    // No trace of the erased board in any file; the other board is untouched.
    const files = fs
      .readdirSync(dataDir)
      .map((f) => path.join(dataDir, f))
      .filter((f) => fs.statSync(f).isFile())
      .map((f) => fs.readFileSync(f));
    for (const needle of [`${secret}-0`, 'Navn0-Hansen', gone.id]) {
      expect(files.some((buf) => buf.includes(Buffer.from(needle))), `"${needle}" left in the data directory`).toBe(false);
    }
    const stay = connectClient(scope, srv.wsUrl, stays.id, { params: { k: stays.editorKey } });
    await stay.waitSynced();
    expect(JSON.stringify(stay.doc.getMap('items').toJSON())).toContain(`${secret}-1`);
    // The running server refuses the erased id: nothing of it is served.
    const after = await api(srv, 'GET', `/api/boards/${gone.id}/export.md`, { key });
    expect([401, 403, 404]).toContain(after.status);
  });
});
