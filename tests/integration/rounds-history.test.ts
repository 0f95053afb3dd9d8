import { describe, expect, it } from 'vitest';
import { readRoundHistory, latestRevealed } from '../../shared/cocreation/rounds';
import { readRoundOf } from '../../shared/cocreation/doc';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { createProtectedBoard } from '../helpers/access';
import { connectClient, waitConverged } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const voter = (n: number) => `test-voter-${String(n).padStart(10, '0')}`;

/** Issue 16: starting a new vote round never hides an earlier one — in the doc, over HTTP, after a restart. */
describe('every vote round is kept', () => {
  const scope = useScope();

  it('a revealed round stays with its results when the next round opens, and survives a restart', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv, { title: 'Ungepolitik' });
    const key = board.editorKey;
    const params = { k: key };
    const a = connectClient(scope, srv.wsUrl, board.id, { params });
    const b = connectClient(scope, srv.wsUrl, board.id, { params });
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    const i1 = createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Ungeråd' });
    const i2 = createItem(a.doc, { kind: 'idea', x: 300, y: 0, author: author('politician', 'Bo'), text: 'Gratis bus' });
    await a.waitSaved();
    const base = `/api/boards/${board.id}/rounds`;

    const r1 = (await api(srv, 'POST', base, { key, body: { dots: 3 } })).json.id as string;
    await api(srv, 'PUT', `${base}/${r1}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i1]: 3 } } });
    await api(srv, 'PUT', `${base}/${r1}/ballot`, { key, voter: voter(2), body: { role: 'politician', votes: { [i1]: 1, [i2]: 2 } } });
    expect((await api(srv, 'POST', `${base}/${r1}/reveal`, { key })).status).toBe(200);
    const r2 = (await api(srv, 'POST', base, { key, body: { dots: 5, equalWeight: true } })).json.id as string;
    await api(srv, 'PUT', `${base}/${r2}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: { [i2]: 5 } } });

    // Every replica: the current round is the new one, and the history holds both with round 1's results.
    await waitFor(() => readRoundOf(b.doc)?.id === r2 && readRoundOf(b.doc)?.participation.voters === 1, { message: 'round 2 with its vote in B' });
    await waitConverged([a.doc, b.doc]);
    for (const doc of [a.doc, b.doc]) {
      const rounds = readRoundHistory(doc);
      expect(rounds.map((r) => [r.id, r.status, r.dots])).toEqual([
        [r1, 'revealed', 3],
        [r2, 'open', 5],
      ]);
      expect(latestRevealed(rounds)?.results?.ideas.map((i) => [i.ideaId, i.dots])).toEqual([
        [i1, 4],
        [i2, 2],
      ]);
      // Round 2's ballots are secret while it is open: no results, only participation.
      expect(rounds[1]?.results).toBeNull();
    }

    // Over HTTP: every round, oldest first, each as the doc shows it (observers may read it).
    const listed = await api(srv, 'GET', base, { key: board.observerKey });
    expect(listed.status).toBe(200);
    const list = listed.json.rounds as Array<{ id: string; status: string; results: { dots: number } | null }>;
    expect(list.map((r) => [r.id, r.status])).toEqual([
      [r1, 'revealed'],
      [r2, 'open'],
    ]);
    expect(list[0]?.results?.dots).toBe(6);
    expect(list[1]?.results).toBeNull();

    // Round 2 revealed too: both results stay, each its own.
    await api(srv, 'POST', `${base}/${r2}/reveal`, { key });
    await waitFor(() => readRoundHistory(b.doc).every((r) => r.status === 'revealed'), { message: 'both revealed in B' });
    expect(readRoundHistory(b.doc).map((r) => r.results?.dots)).toEqual([6, 5]);

    // A fresh server process on the same data: the history is in the stored document.
    await a.waitSaved();
    a.disconnect();
    b.disconnect();
    await srv.close();
    const again = await startTestServer(scope, { dataDir: srv.dataDir });
    const c = connectClient(scope, again.wsUrl, board.id, { params });
    await c.waitSynced();
    expect(readRoundHistory(c.doc).map((r) => [r.id, r.status, r.results?.dots])).toEqual([
      [r1, 'revealed', 6],
      [r2, 'revealed', 5],
    ]);
  });
});
