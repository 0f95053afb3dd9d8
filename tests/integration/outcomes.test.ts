import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createItem, deleteItem, initBoard, itemsMap, linkItems, listItems, moveItem, setTitle } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { author, bodyOf, projectBoard, typeInto } from '../helpers/board';
import { connectClient, waitConverged } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/** Snapshots, restore, exports, import and deletion against a real server. */
describe('outcomes: snapshots, restore, exports, import, delete', () => {
  const scope = useScope();

  /** A board with content, created through the API (so it has access links) and filled by a client. */
  async function board(srv: TestServer) {
    const created = await api(srv, 'POST', '/api/boards', { body: { title: 'Havnen', lang: 'da' } });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const key = new URL(`http://x${created.json.path as string}`).searchParams.get('k') ?? '';
    const a = connectClient(scope, srv.wsUrl, id, { params: key ? { k: key } : {} });
    await a.waitSynced();
    return { id, key, a, headers: key ? { 'x-samskab-key': key } : ({} as Record<string, string>) };
  }

  it('snapshot → edits → restore: everything is back, the edits are in the pre-restore snapshot, clients converge', async () => {
    const srv = await startTestServer(scope);
    const { id, key, a, headers } = await board(srv);
    const b = connectClient(scope, srv.wsUrl, id, { params: key ? { k: key } : {} });
    await b.waitSynced();
    const p = createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author(), text: 'Slidt havn' });
    const i = createItem(a.doc, { kind: 'idea', x: 300, y: 0, author: author('business', 'Bo'), text: 'Ny bro' });
    linkItems(a.doc, { kind: 'addresses', from: i, to: p });
    await waitConverged([a.doc, b.doc]);
    await a.waitSaved();
    const before = projectBoard(a.doc);

    const snap = await api(srv, 'POST', `/api/boards/${id}/snapshots`, { body: { name: 'Efter workshop 1', takenBy: 'Ann' }, headers });
    expect(snap.status).toBe(201);
    expect(snap.json).toMatchObject({ name: 'Efter workshop 1', takenBy: 'Ann', kind: 'manual' });

    // Edits after the snapshot, from both people.
    deleteItem(a.doc, i);
    moveItem(b.doc, p, 999, 999);
    typeInto(b.doc, p, 0, 'ÆNDRET ');
    const later = createItem(b.doc, { kind: 'idea', x: 0, y: 500, author: author(), text: 'efter snapshot' });
    setTitle(a.doc, 'Andet');
    await waitConverged([a.doc, b.doc]);
    await a.waitSaved();
    await b.waitSaved();
    const edited = projectBoard(a.doc);

    const restored = await api(srv, 'POST', `/api/boards/${id}/restore/${snap.json.id as string}`, { body: { by: 'Ann' }, headers });
    expect(restored.status).toBe(200);
    await waitFor(() => JSON.stringify(projectBoard(a.doc)) === JSON.stringify(before), { message: 'A to show the restored board' });
    await waitConverged([a.doc, b.doc]);
    expect(projectBoard(b.doc)).toEqual(before);
    expect(itemsMap(a.doc).has(later)).toBe(false);

    // The post-snapshot edits are recoverable from the automatic pre-restore snapshot.
    const list = await api(srv, 'GET', `/api/boards/${id}/snapshots`, { headers });
    const auto = (list.json.snapshots as Array<{ id: string; kind: string }>).find((s) => s.kind === 'before-restore');
    expect(auto).toBeDefined();
    const undo = await api(srv, 'POST', `/api/boards/${id}/restore/${auto?.id}`, { body: { by: 'Bo' }, headers });
    expect(undo.status).toBe(200);
    await waitFor(() => JSON.stringify(projectBoard(b.doc)) === JSON.stringify(edited), { message: 'the restore to be undone' });
    expect(bodyOf(b.doc, p).toString()).toContain('ÆNDRET');
  });

  it('export → import round-trips to an equal board; broken or foreign files are refused without a half board', async () => {
    const srv = await startTestServer(scope);
    const { id, a, headers } = await board(srv);
    const p = createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author(), text: 'Unge føler sig ikke hørt' });
    createItem(a.doc, { kind: 'perspective', x: 0, y: 300, author: author('politician', 'Mette'), text: 'Vi mangler kontakt', problemId: p });
    const i = createItem(a.doc, { kind: 'idea', x: 400, y: 0, author: author('citizen', 'Ali'), text: 'Ungeråd' });
    linkItems(a.doc, { kind: 'addresses', from: i, to: p });
    await a.waitSaved();

    const exported = await api(srv, 'GET', `/api/boards/${id}/export.json`, { headers });
    expect(exported.status).toBe(200);
    const imported = await api(srv, 'POST', '/api/boards/import', { body: exported.json });
    expect(imported.status).toBe(201);
    const newId = imported.json.id as string;
    expect(newId).not.toBe(id);
    const key = new URL(`http://x${imported.json.path as string}`).searchParams.get('k') ?? '';
    const c = connectClient(scope, srv.wsUrl, newId, { params: { k: key } });
    await c.waitSynced();
    expect(projectBoard(c.doc)).toEqual(projectBoard(a.doc));

    const dir = fs.readdirSync(srv.dataDir);
    for (const bad of [{ hello: 'world' }, { format: 'samskab.board', version: 1, state: 'AAAA////' }, [1, 2, 3]]) {
      const r = await api(srv, 'POST', '/api/boards/import', { body: bad });
      expect(r.status).toBe(422);
      expect(typeof r.json.error).toBe('string');
    }
    const notJson = await api(srv, 'POST', '/api/boards/import', { raw: '{oops' });
    expect(notJson.status).toBe(400);
    expect(fs.readdirSync(srv.dataDir)).toEqual(dir);
  });

  it('Markdown, CSV and SVG exports of the board and of a snapshot', async () => {
    const srv = await startTestServer(scope);
    const { id, a, headers } = await board(srv);
    const p = createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author('citizen', 'Hanne'), text: 'Ingen ved hvem der gør hvad' });
    createItem(a.doc, { kind: 'perspective', x: 0, y: 300, author: author('public-employee', 'Jonas'), text: 'For få hænder', problemId: p });
    const i1 = createItem(a.doc, { kind: 'idea', x: 400, y: 0, author: author('citizen', 'Ali'), text: '=HYPERLINK("x") gadevogtere, "én pr. gade"' });
    const i2 = createItem(a.doc, { kind: 'idea', x: 400, y: 200, author: author('business', 'Byg'), text: '<script>alert(1)</script> sms-varsling' });
    linkItems(a.doc, { kind: 'addresses', from: i1, to: p });
    linkItems(a.doc, { kind: 'addresses', from: i2, to: p });
    linkItems(a.doc, { kind: 'builds-on', from: i2, to: i1 });
    await a.waitSaved();

    const md = await api(srv, 'GET', `/api/boards/${id}/export.md?lang=da`, { headers });
    expect(md.type).toMatch(/text\/markdown/);
    expect(md.text).toContain('# Havnen');
    expect(md.text).toContain('## Problemer og visioner');
    expect(md.text).toContain('**Offentlig medarbejder** (Jonas): For få hænder');
    // Ranked: the idea others build on comes first.
    expect(md.text.indexOf('HYPERLINK')).toBeLessThan(md.text.indexOf('sms-varsling'));
    expect(md.text).not.toContain('<script>');

    const csv = await api(srv, 'GET', `/api/boards/${id}/export.csv?lang=en`, { headers });
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('id,text,author,role,role_label,addresses,builds_on,built_on_by,created_at');
    expect(rows).toHaveLength(3);
    // Formula injection is defused; quotes are escaped.
    expect(csv.text).toContain(`"'=HYPERLINK(""x"") gadevogtere, ""én pr. gade"""`);

    const svg = await api(srv, 'GET', `/api/boards/${id}/export.svg`, { headers });
    expect(svg.type).toMatch(/image\/svg\+xml/);
    expect(svg.text).toContain('&lt;script&gt;');
    expect(svg.text).not.toContain('<script>');

    const snap = await api(srv, 'POST', `/api/boards/${id}/snapshots`, { body: { name: 'v1' }, headers });
    deleteItem(a.doc, i2);
    await a.waitSaved();
    const snapMd = await api(srv, 'GET', `/api/boards/${id}/snapshots/${snap.json.id as string}/export.md?lang=en`, { headers });
    expect(snapMd.text).toContain('sms-varsling');
    const liveMd = await api(srv, 'GET', `/api/boards/${id}/export.md?lang=en`, { headers });
    expect(liveMd.text).not.toContain('sms-varsling');
    const thumb = await api(srv, 'GET', `/api/boards/${id}/snapshots/${snap.json.id as string}/thumbnail.svg`, { headers });
    expect(thumb.text.startsWith('<svg')).toBe(true);
  });

  it('an image of one frame holds the frame and what lies inside it, nothing else', async () => {
    const srv = await startTestServer(scope);
    const { id, a, headers } = await board(srv);
    const frame = createItem(a.doc, { kind: 'frame', x: 0, y: 0, w: 800, h: 600, author: author(), text: 'Fase 1: Idéer' });
    createItem(a.doc, { kind: 'idea', x: 40, y: 80, author: author(), text: 'Inde i rammen' });
    createItem(a.doc, { kind: 'idea', x: 1200, y: 80, author: author(), text: 'Uden for rammen' });
    await a.waitSaved();
    const svg = await api(srv, 'GET', `/api/boards/${id}/export.svg?frame=${frame}`, { headers });
    expect(svg.status).toBe(200);
    expect(svg.text).toContain('Fase 1: Idéer');
    expect(svg.text).toContain('Inde i rammen');
    expect(svg.text).not.toContain('Uden for rammen');
    const whole = await api(srv, 'GET', `/api/boards/${id}/export.svg`, { headers });
    expect(whole.text).toContain('Uden for rammen');
    const missing = await api(srv, 'GET', `/api/boards/${id}/export.svg?frame=nope`, { headers });
    expect(missing.status).toBe(404);
  });

  it('malformed requests get a clear 4xx JSON error and change nothing', async () => {
    const srv = await startTestServer(scope);
    const { id, headers } = await board(srv);
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', `/api/boards/${id}/snapshots`, {}, 400],
      ['POST', `/api/boards/${id}/snapshots`, { name: 'x'.repeat(500) }, 400],
      ['POST', `/api/boards/${id}/restore/nope`, {}, 404],
      ['GET', `/api/boards/${id}/snapshots/nope/export.md`, undefined, 404],
      ['GET', `/api/boards/${id}/export.md?lang=fr`, undefined, 400],
      ['DELETE', `/api/boards/${id}`, { confirm: 'wrong' }, 400],
      ['GET', `/api/boards/doesnotexist/export.md`, undefined, 404],
    ];
    for (const [method, p, body, status] of cases) {
      const r = await api(srv, method, p, { body, headers });
      expect(r.status, `${method} ${p}`).toBe(status);
      expect(typeof r.json?.error, `${method} ${p}`).toBe('string');
    }
    const list = await api(srv, 'GET', `/api/boards/${id}/snapshots`, { headers });
    expect(list.json.snapshots).toEqual([]);
  });

  it('delete erases the board, its snapshots and updates, disconnects people, and the board cannot come back', async () => {
    const srv = await startTestServer(scope, { config: { trashDays: 0 } });
    const { id, a, headers } = await board(srv);
    const secret = 'HEMMELIG-BORGERDATA-4711';
    createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Karen Jensen'), text: secret });
    await a.waitSaved();
    await api(srv, 'POST', `/api/boards/${id}/snapshots`, { body: { name: 'før sletning' }, headers });

    const del = await api(srv, 'DELETE', `/api/boards/${id}`, { body: { confirm: id }, headers });
    expect(del.status).toBe(200);
    await waitFor(() => a.closes.some((c) => c.code === CloseCode.BoardDeleted), { message: 'the open tab to be told the board is gone' });

    // No trace in the data directory: neither the text, the author, nor the board id.
    const haystack = fs
      .readdirSync(srv.dataDir)
      .map((f) => path.join(srv.dataDir, f))
      .filter((f) => fs.statSync(f).isFile())
      .map((f) => fs.readFileSync(f));
    for (const needle of [secret, 'Karen Jensen', id]) {
      expect(haystack.some((buf) => buf.includes(Buffer.from(needle))), `"${needle}" left in the data directory`).toBe(false);
    }
    // The open tab still holds the board and reconnects: it is refused, nothing is re-created.
    const again = await api(srv, 'GET', `/api/boards/${id}/export.md`, { headers });
    expect(again.status).toBeGreaterThanOrEqual(400);
    const probe = new Y.Doc();
    initBoard(probe, 'x');
    const c = connectClient(scope, srv.wsUrl, id);
    await waitFor(() => c.closes.some((x) => x.code === CloseCode.BoardDeleted), { message: 'a reconnect to be refused' });
    expect(listItems(probe).items).toHaveLength(0);
  });
});
