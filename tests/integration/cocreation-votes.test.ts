import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { cocreationMap, readRoundOf, ROUND_KEY } from '../../shared/cocreation/doc';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { createProtectedBoard } from '../helpers/access';
import { connectClient, waitConverged } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const voter = (n: number) => `test-voter-${String(n).padStart(10, '0')}`;

/** Dot voting against a real server: ballots stay on the server, results land in everyone's doc. */
describe('co-creation: dot-vote rounds', () => {
  const scope = useScope();

  async function setup(config: { trashDays?: number } = {}) {
    const srv = await startTestServer(scope, { config });
    const board = await createProtectedBoard(srv, { title: 'Ungepolitik' });
    const params = { k: board.editorKey };
    const a = connectClient(scope, srv.wsUrl, board.id, { params });
    const b = connectClient(scope, srv.wsUrl, board.id, { params });
    const c = connectClient(scope, srv.wsUrl, board.id, { params });
    await Promise.all([a.waitSynced(), b.waitSynced(), c.waitSynced()]);
    const i1 = createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Ungeråd' });
    const i2 = createItem(a.doc, { kind: 'idea', x: 300, y: 0, author: author('politician', 'Bo'), text: 'Gratis bus' });
    const i3 = createItem(a.doc, { kind: 'idea', x: 600, y: 0, author: author('business', 'Cem'), text: 'Praktikpladser' });
    await a.waitSaved();
    const base = `/api/boards/${board.id}/rounds`;
    return { srv, board, key: board.editorKey, a, b, c, i1, i2, i3, base };
  }

  it('ballots stay hidden while open, the dots limit holds across tabs and reconnects, reveal writes the same results for everyone', async () => {
    const { srv, key, a, b, c, i1, i2, i3, base, board } = await setup();
    const started = await api(srv, 'POST', base, { key, body: { dots: 3, equalWeight: true } });
    expect(started.status).toBe(201);
    const roundId = started.json.id as string;
    await waitFor(() => readRoundOf(b.doc)?.status === 'open', { message: 'the open round in B' });
    expect(readRoundOf(b.doc)).toMatchObject({ id: roundId, dots: 3, equalWeight: true, results: null });

    // Citizen votes 3 on i1 from tab 1; a second tab (same voter id) and a reconnect cannot add dots.
    expect((await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 3 } } })).status).toBe(200);
    const tab2 = await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 3, [i2]: 1 } } });
    expect(tab2.status).toBe(422);
    expect(tab2.json.error).toMatch(/more than the 3/);
    // Changing the allocation (same voter) replaces it.
    const changed = await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 2, [i3]: 1 } } });
    expect(changed.json).toEqual({ votes: { [i1]: 2, [i3]: 1 }, used: 3, dots: 3 });
    a.disconnect();
    a.connect();
    await a.waitSynced();
    const own = await api(srv, 'GET', `${base}/${roundId}/ballot`, { key, voter: voter(1) });
    expect(own.json).toEqual({ votes: { [i1]: 2, [i3]: 1 }, used: 3, dots: 3 });

    // Two politicians, one business.
    await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(2), body: { role: 'politician', votes: { [i2]: 3 } } });
    await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(3), body: { role: 'politician', votes: { [i2]: 2, [i1]: 1 } } });
    await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(4), body: { role: 'business', votes: { [i3]: 3 } } });

    // While open: everyone sees how many voted per role, and no ballot content anywhere in the doc.
    await waitFor(() => readRoundOf(c.doc)?.participation.voters === 4, { message: 'participation in C' });
    expect(readRoundOf(c.doc)?.participation.votersByRole).toEqual({ citizen: 1, politician: 2, business: 1 });
    const docJson = JSON.stringify(cocreationMap(c.doc).toJSON());
    expect(docJson).not.toContain(voter(1));
    expect(docJson).not.toContain(i1);
    expect(docJson).not.toContain('votes');
    const stored = Y.encodeStateAsUpdate(c.doc);
    expect(Buffer.from(stored).includes(Buffer.from(voter(2)))).toBe(false);

    // Closed: no more changes; revealed: the same results in every doc.
    expect((await api(srv, 'POST', `${base}/${roundId}/close`, { key })).json.status).toBe('closed');
    const late = await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(5), body: { role: 'citizen', votes: { [i1]: 1 } } });
    expect(late.status).toBe(409);
    const revealed = await api(srv, 'POST', `${base}/${roundId}/reveal`, { key });
    expect(revealed.status).toBe(200);
    await waitFor(() => readRoundOf(a.doc)?.status === 'revealed' && readRoundOf(b.doc)?.status === 'revealed' && readRoundOf(c.doc)?.status === 'revealed', { message: 'reveal in every doc' });
    await waitConverged([a.doc, b.doc, c.doc]);
    const results = readRoundOf(a.doc)?.results;
    expect(readRoundOf(b.doc)?.results).toEqual(results);
    expect(readRoundOf(c.doc)?.results).toEqual(results);
    expect(results?.dots).toBe(12);
    // The one citizen and the one business are "other roles" in the doc, never rows of their own
    // (shared/cocreation/smallRoles.ts): everyone can read the doc.
    expect(results?.votersByRole).toEqual({ politician: 2, merged: 2 });
    expect(results?.merged).toEqual(['citizen', 'business']);
    const byId = Object.fromEntries((results?.ideas ?? []).map((i) => [i.ideaId, i]));
    expect(byId[i1]).toMatchObject({ dots: 3, byRole: { politician: 1, merged: 2 }, roles: 2, broad: true, text: 'Ungeråd' });
    expect(byId[i2]).toMatchObject({ dots: 5, byRole: { politician: 5 }, roles: 1, broad: false });
    expect(byId[i3]).toMatchObject({ dots: 4, byRole: { merged: 4 }, roles: 1 });
    // Not even in the raw document (readers group again; the doc itself must not hold the rows).
    const raw = (cocreationMap(a.doc).get(ROUND_KEY) as { results: unknown }).results;
    expect(JSON.stringify(raw)).not.toMatch(/"(citizen|business)":/);
    // Equal weight per group (6 weighted dots each: the politicians, and the other roles together):
    // i2 5, i3 4, i1 3.
    expect(results?.ideas.map((i) => [i.ideaId, i.weighted])).toEqual([[i2, 5], [i3, 4], [i1, 3]]);
    // The server's answer equals the doc's.
    expect((await api(srv, 'GET', `${base}/${roundId}`, { key })).json.results).toEqual(results);

    // Ballots are in the server's own SQLite file, stored only under a hash of the voter id.
    const db = fs.readFileSync(path.join(srv.dataDir, 'cocreation.sqlite'));
    expect(db.includes(Buffer.from(voter(1)))).toBe(false);
    expect(board.id).toBeTruthy();
  });

  it('malformed and unauthorised requests get 4xx JSON and change nothing', async () => {
    const { srv, board, key, b, i1, base } = await setup();
    const bad = [
      await api(srv, 'POST', base, { key, body: { dots: 0 } }),
      await api(srv, 'POST', base, { key, body: { dots: 2.5 } }),
      await api(srv, 'POST', base, { key, body: { dots: 99 } }),
      await api(srv, 'POST', base, { key, body: {} }),
      await api(srv, 'POST', base, { key, body: [1] }),
      await api(srv, 'POST', base, { key, body: { dots: 3, equalWeight: 'yes' } }),
      await api(srv, 'POST', base, { key, raw: '{nope' }),
      await api(srv, 'POST', base, { key: board.observerKey, body: { dots: 3 } }),
      await api(srv, 'POST', base, { body: { dots: 3 } }),
      await api(srv, 'DELETE', base, { key }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 403, 401, 405]);
    for (const r of bad) {
      expect(r.type).toMatch(/application\/json/);
      expect(typeof r.json.error).toBe('string');
    }
    expect(readRoundOf(b.doc)).toBeNull();

    const roundId = (await api(srv, 'POST', base, { key, body: { dots: 2 } })).json.id as string;
    expect((await api(srv, 'POST', base, { key, body: { dots: 2 } })).status).toBe(409);
    const ballot = `${base}/${roundId}/ballot`;
    const badBallots = [
      await api(srv, 'PUT', ballot, { key, body: { role: 'citizen', votes: { [i1]: 1 } } }),
      await api(srv, 'PUT', ballot, { key, voter: 'short', body: { role: 'citizen', votes: { [i1]: 1 } } }),
      await api(srv, 'PUT', ballot, { key, voter: voter(1), body: { role: 'king', votes: { [i1]: 1 } } }),
      await api(srv, 'PUT', ballot, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: -1 } } }),
      await api(srv, 'PUT', ballot, { key, voter: voter(1), body: { role: 'citizen', votes: { nosuchidea: 1 } } }),
      await api(srv, 'PUT', ballot, { key, voter: voter(1), body: { role: 'citizen', votes: 'all' } }),
      await api(srv, 'PUT', ballot, { key: board.observerKey, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 1 } } }),
      await api(srv, 'PUT', `${base}/nosuchround/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 1 } } }),
    ];
    expect(badBallots.map((r) => r.status)).toEqual([400, 400, 400, 422, 422, 422, 403, 404]);
    for (const r of badBallots) expect(typeof r.json.error).toBe('string');
    expect((await api(srv, 'GET', ballot, { key, voter: voter(1) })).json).toEqual({ votes: {}, used: 0, dots: 2 });
    await waitFor(() => readRoundOf(b.doc)?.status === 'open', { message: 'round in B' });
    expect(readRoundOf(b.doc)?.participation.voters).toBe(0);
  });

  it('deleting a board erases its rounds and ballots from the ballot store', async () => {
    // Erased at once (no trash), as an operator's TRASH_DAYS=0 or a board's purge does.
    const { srv, key, i1, base, board } = await setup({ trashDays: 0 });
    const other = await createProtectedBoard(srv, { title: 'Anden tavle' });
    const o = connectClient(scope, srv.wsUrl, other.id, { params: { k: other.editorKey } });
    await o.waitSynced();
    const oi = createItem(o.doc, { kind: 'idea', x: 0, y: 0, author: author(), text: 'Bliver' });
    await o.waitSaved();
    const roundId = (await api(srv, 'POST', base, { key, body: { dots: 2 } })).json.id as string;
    await api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 2 } } });
    const otherRound = (await api(srv, 'POST', `/api/boards/${other.id}/rounds`, { key: other.editorKey, body: { dots: 2 } })).json.id as string;
    await api(srv, 'PUT', `/api/boards/${other.id}/rounds/${otherRound}/ballot`, { key: other.editorKey, voter: voter(2), body: { role: 'citizen', votes: { [oi]: 1 } } });

    const del = await api(srv, 'DELETE', `/api/boards/${board.id}`, { key, body: { confirm: board.id } });
    expect(del.status).toBe(200);
    const { SqliteBallotStore } = await import('../../server/votes/sqlite-store');
    const store = new SqliteBallotStore(srv.dataDir);
    try {
      expect(await store.round(board.id, roundId)).toBeNull();
      expect(await store.ballots(board.id, roundId)).toEqual([]);
      expect(await store.ballots(other.id, otherRound)).toHaveLength(1);
    } finally {
      await store.close();
    }
    const file = fs.readFileSync(path.join(srv.dataDir, 'cocreation.sqlite'));
    expect(file.includes(Buffer.from(board.id))).toBe(false);
  });

  it('many tabs of one voter sending at the same moment still end with one set of dots', async () => {
    const { srv, key, b, i1, i2, i3, base } = await setup();
    const roundId = (await api(srv, 'POST', base, { key, body: { dots: 3 } })).json.id as string;
    const ideas = [i1, i2, i3];
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, n) => api(srv, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(7), body: { role: 'citizen', votes: { [ideas[n % 3] as string]: 3 } } })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const own = await api(srv, 'GET', `${base}/${roundId}/ballot`, { key, voter: voter(7) });
    expect(own.json.used).toBe(3);
    await waitFor(() => readRoundOf(b.doc)?.participation.voters === 1, { message: 'one voter in B' });
    await api(srv, 'POST', `${base}/${roundId}/reveal`, { key });
    await waitFor(() => readRoundOf(b.doc)?.status === 'revealed', { message: 'reveal in B' });
    expect(readRoundOf(b.doc)?.results?.dots).toBe(3);
  });

  it('revealing an older round later never hides the round that is open now', async () => {
    const { srv, key, b, i1, base } = await setup();
    const old = (await api(srv, 'POST', base, { key, body: { dots: 2 } })).json.id as string;
    await api(srv, 'PUT', `${base}/${old}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 2 } } });
    await api(srv, 'POST', `${base}/${old}/close`, { key });
    const now = (await api(srv, 'POST', base, { key, body: { dots: 3 } })).json.id as string;
    await waitFor(() => readRoundOf(b.doc)?.id === now, { message: 'the new round in B' });

    // Someone reveals the old, closed round afterwards: its results are answered, the doc keeps the open round.
    const revealed = await api(srv, 'POST', `${base}/${old}/reveal`, { key });
    expect(revealed.status).toBe(200);
    expect(revealed.json.status).toBe('revealed');
    await b.waitSaved();
    expect(readRoundOf(b.doc)).toMatchObject({ id: now, status: 'open' });
    expect((await api(srv, 'PUT', `${base}/${now}/ballot`, { key, voter: voter(2), body: { role: 'politician', votes: { [i1]: 1 } } })).status).toBe(200);
    await waitFor(() => readRoundOf(b.doc)?.participation.voters === 1, { message: 'the open round keeps counting' });
  });
});
