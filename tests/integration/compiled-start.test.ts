import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { createProtectedBoard } from '../helpers/access';
import { author, itemIds } from '../helpers/board';
import { REPO_ROOT, spawnServer } from '../helpers/child';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

/**
 * Production runs the compiled server (scripts/build-server.mjs →
 * dist/server/main.js) with plain Node, no tsx (issue 18). The build goes to
 * a temp "installation" that has nothing but the output, a node_modules link
 * and a stand-in client, and the server is started from another directory:
 * a relative import left pointing at the TypeScript sources, a dependency
 * bundled that must stay external, or a client directory found from the
 * working directory instead of the installation would all fail here.
 */

const scope = useScope();

/** Arguments of a process, from the kernel (not from what we think we spawned). */
function cmdline(pid: number): string[] {
  return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

/** Command lines of the direct children of `pid`. */
function childCommands(pid: number): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent pid; the name in ( ) may hold spaces.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(cmdline(Number(entry)).join(' '));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

describe('compiled server', () => {
  it('builds to plain JS that runs without tsx: health, static client, board API, sync, SIGTERM', { timeout: 30_000 }, async () => {
    const tmp = scope.tempDir('samskab-compiled-');
    const install = path.join(tmp, 'install');
    const outdir = path.join(install, 'dist/server');
    fs.mkdirSync(path.join(install, 'dist/client'), { recursive: true });
    // Dependencies resolve as in a real installation: node_modules next to dist/.
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(install, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(install, 'dist/client/index.html'), '<!doctype html><title>compiled-start marker</title>');
    const elsewhere = path.join(tmp, 'elsewhere');
    fs.mkdirSync(elsewhere);

    const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const main = path.join(outdir, 'main.js');
    expect(fs.existsSync(main)).toBe(true);

    const srv = await spawnServer(scope, {
      dataDir: path.join(tmp, 'data'),
      args: [main],
      cwd: elsewhere,
      // Empty CLIENT_DIR: the default, found from the compiled module. No NODE_OPTIONS that could
      // bring tsx in; and should tsx run anyway, no cache, so it must compile (and show, below).
      env: { CLIENT_DIR: '', NODE_OPTIONS: '', TSX_DISABLE_CACHE: '1', OPEN_BOARDS: 'false' },
    });

    // Plain node on the compiled file, no loader brought in through NODE_OPTIONS, and no
    // TypeScript compiled at runtime (tsx compiles in an esbuild service, a child process).
    expect(cmdline(srv.pid)).toEqual([process.execPath, main]);
    expect(fs.readFileSync(`/proc/${srv.pid}/environ`, 'utf8')).not.toMatch(/NODE_OPTIONS=[^\0]*tsx/);
    expect(childCommands(srv.pid)).toEqual([]);

    expect(await api(srv, 'GET', '/healthz')).toMatchObject({ status: 200, json: { status: 'ok' } });
    const page = await api(srv, 'GET', '/');
    expect(page.status, page.text).toBe(200);
    expect(page.text).toContain('compiled-start marker');

    const board = await createProtectedBoard(srv);
    const writer = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await writer.waitSynced();
    const id = createItem(writer.doc, { kind: 'idea', x: 0, y: 0, author: author(), text: 'compiled' });
    await writer.waitSaved();
    const reader = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await reader.waitSynced();
    await waitFor(() => itemIds(reader.doc).includes(id), { message: 'the second client to receive the idea' });

    expect(childCommands(srv.pid)).toEqual([]);
    expect(await srv.kill('SIGTERM'), srv.output().stderr).toEqual({ code: 0, signal: null });
  });
});
