import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createItem, listItems } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import { CloseCode } from '../../shared/protocol';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { DATABASE_URL } from '../helpers/postgres';
import { spawnReplicaPair } from '../helpers/replicas';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

/**
 * Deleting a board with several instances (issue 15): before, only the
 * instance that took the request closed the board; people on another instance
 * kept editing, and their edits were written back to PostgreSQL.
 */
describe('scale-out: deleting or trashing a board closes it on every instance', () => {
  const scope = useScope();

  it('a participant on the other instance is disconnected, and nothing of the board stays in PostgreSQL', async () => {
    const [s1, s2] = await spawnReplicaPair(scope, { env: { TRASH_DAYS: '0' } });
    const created = await api(s1, 'POST', '/api/boards', { body: { title: 'Slet mig' } });
    expect(created.status).toBe(201);
    const { id, path } = created.json as { id: string; path: string };
    const key = new URL(`http://x${path}`).searchParams.get('k') ?? '';
    const a = connectClient(scope, s1.wsUrl, id, { params: { k: key } });
    const b = connectClient(scope, s2.wsUrl, id, { params: { k: key } });
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    createItem(b.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Bodil'), text: 'før sletning' });
    await b.waitSaved();

    // Bo on the second instance keeps typing while Ann deletes the board on the first.
    let n = 0;
    const typing = setInterval(() => createItem(b.doc, { kind: 'idea', x: n, y: 1, author: author('citizen', 'Bodil'), text: `efter ${n++}` }), 10);
    scope.defer(() => clearInterval(typing));
    const del = await api(s1, 'DELETE', `/api/boards/${id}`, { key, body: { confirm: id } });
    expect(del.status).toBe(200);
    await waitFor(() => a.closes.some((c) => c.code === CloseCode.BoardDeleted), { message: 'Ann (first instance) to be told the board is gone' });
    await waitFor(() => b.closes.some((c) => c.code === CloseCode.BoardDeleted), { message: 'Bo (second instance) to be told the board is gone', timeoutMs: 5000 });
    clearInterval(typing);

    // Nothing of the board stays in the shared database (a stray edit in flight included).
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    scope.defer(() => db.end());
    await waitFor(
      async () => {
        const rows = await db.query<{ n: string }>('SELECT count(*) AS n FROM samskab_updates WHERE board = $1', [id]);
        return Number(rows.rows[0]?.n) === 0;
      },
      { message: 'no update rows of the deleted board in PostgreSQL', timeoutMs: 5000 },
    );
    // And it stays that way: Bo reconnects with his copy (edits the server never saw) on each instance,
    // is refused on both, and nothing is written again — the refusals are the barrier, not a sleep.
    for (const srv of [s2, s1]) {
      const again = connectClient(scope, srv.wsUrl, id, { params: { k: key }, doc: b.doc });
      await waitFor(() => again.closes.some((c) => c.code === CloseCode.BoardDeleted), { message: 'a reconnect with the old copy to be refused' });
    }
    const after = await db.query<{ n: string }>('SELECT count(*) AS n FROM samskab_updates WHERE board = $1', [id]);
    expect(Number(after.rows[0]?.n)).toBe(0);
    expect(n).toBeGreaterThan(0);
    // No row of any Samskab table mentions the board (updates, snapshots, trash, ballots, access).
    const tables = await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'samskab%'");
    expect(tables.rows.length).toBeGreaterThanOrEqual(5);
    for (const { table_name } of tables.rows) {
      const hits = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table_name} t WHERE t::text LIKE $1`, [`%${id}%`]);
      expect(Number(hits.rows[0]?.n), `${table_name} still mentions the board`).toBe(0);
    }
  });

  it('moving a board to the trash closes it on the other instance too, and it can be recovered there', async () => {
    const [s1, s2] = await spawnReplicaPair(scope);
    const created = await api(s1, 'POST', '/api/boards', { body: { title: 'Papirkurv' } });
    const { id, path } = created.json as { id: string; path: string };
    const key = new URL(`http://x${path}`).searchParams.get('k') ?? '';
    const b = connectClient(scope, s2.wsUrl, id, { params: { k: key } });
    await b.waitSynced();
    createItem(b.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Bodil'), text: 'bliver' });
    await b.waitSaved();
    const del = await api(s1, 'DELETE', `/api/boards/${id}`, { key, body: { confirm: id } });
    expect((del.json as { trashed?: string }).trashed).toBe(id);
    await waitFor(() => b.closes.some((c) => c.code === CloseCode.BoardTrashed), { message: 'Bo (second instance) to be told the board is in the trash', timeoutMs: 5000 });
    // The second instance refuses it too (the trash is shared), and recovers it for everyone.
    expect((await api(s2, 'GET', `/api/boards/${id}/export.md`, { key })).status).toBe(410);
    expect((await api(s2, 'POST', `/api/boards/${id}/recover`, { key })).status).toBe(200);
    const c = connectClient(scope, s1.wsUrl, id, { params: { k: key } });
    await c.waitSynced();
    await waitFor(() => listItems(c.doc).items.some((i) => readPlainText(i.body) === 'bliver'), { message: 'the recovered board to hold its card' });
  });
});
