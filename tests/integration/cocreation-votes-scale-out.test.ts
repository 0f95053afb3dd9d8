import { describe, expect, it } from 'vitest';
import { readRoundOf } from '../../shared/cocreation/doc';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { spawnReplicaPair } from '../helpers/replicas';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

const voter = (n: number) => `scale-voter-${String(n).padStart(10, '0')}`;

/**
 * Dot voting with two real server processes on PostgreSQL + Redis: the
 * ballots live in PostgreSQL, so one voter gets one set of dots whichever
 * instance each tab talks to, and both instances reveal the same results.
 */
describe('co-creation: dot voting in scale-out mode', () => {
  const scope = useScope();

  it('one set of dots per voter across instances; both instances reveal the same per-role results', async () => {
    const [s1, s2] = await spawnReplicaPair(scope);
    const created = await api(s1, 'POST', '/api/boards', { body: { title: 'Havnen' } });
    expect(created.status).toBe(201);
    const board = created.json as { id: string; editorKey: string };
    const key = board.editorKey;
    const params = { k: key };
    const a = connectClient(scope, s1.wsUrl, board.id, { params });
    const b = connectClient(scope, s2.wsUrl, board.id, { params });
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    const i1 = createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Badebro' });
    const i2 = createItem(a.doc, { kind: 'idea', x: 300, y: 0, author: author('volunteer-association', 'Bo'), text: 'Sejlerhus' });
    await a.waitSaved();
    // The ideas must have reached the other instance before it can accept dots on them.
    await waitFor(() => b.doc.getMap('items').size === 2, { message: 'ideas on instance 2' });

    const base = `/api/boards/${board.id}/rounds`;
    const started = await api(s2, 'POST', base, { key, body: { dots: 3 } });
    expect(started.status).toBe(201);
    const roundId = started.json.id as string;
    // A second round cannot be opened on the other instance while this one is open.
    expect((await api(s1, 'POST', base, { key, body: { dots: 2 } })).status).toBe(409);

    // Ten tabs of one voter, alternating instances, at the same moment; each allocation spends all 3 dots.
    const allocations = [{ [i1]: 3 }, { [i2]: 3 }, { [i1]: 1, [i2]: 2 }, { [i1]: 2, [i2]: 1 }];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        api(n % 2 ? s2 : s1, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(1), body: { role: 'citizen', votes: allocations[n % allocations.length] } }),
      ),
    );
    expect(answers.every((x) => x.status === 200)).toBe(true);
    const own1 = await api(s1, 'GET', `${base}/${roundId}/ballot`, { key, voter: voter(1) });
    const own2 = await api(s2, 'GET', `${base}/${roundId}/ballot`, { key, voter: voter(1) });
    expect(own1.json).toEqual(own2.json);
    expect(own1.json.used).toBe(3);

    // A second voter on instance 1 spends more than allowed: refused, nothing stored.
    expect((await api(s1, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(2), body: { role: 'politician', votes: { [i1]: 4 } } })).status).toBe(422);
    expect((await api(s1, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(2), body: { role: 'politician', votes: { [i2]: 3 } } })).status).toBe(200);

    await waitFor(() => readRoundOf(a.doc)?.participation.voters === 2 && readRoundOf(b.doc)?.participation.voters === 2, { message: 'two voters shown on both instances' });

    // Revealed on instance 1: both docs hold the same results, counted from every ballot in PostgreSQL.
    expect((await api(s1, 'POST', `${base}/${roundId}/reveal`, { key, body: {} })).status).toBe(200);
    await waitFor(() => readRoundOf(a.doc)?.status === 'revealed' && readRoundOf(b.doc)?.status === 'revealed', { message: 'revealed everywhere' });
    const ra = readRoundOf(a.doc);
    const rb = readRoundOf(b.doc);
    expect(ra?.results).toEqual(rb?.results);
    expect(ra?.results?.voters).toBe(2);
    // One citizen and one politician: no breakdown by role at all (shared/cocreation/smallRoles.ts).
    expect(ra?.results).toMatchObject({ votersByRole: {}, withheld: true });
    expect(ra?.results?.dots).toBe(6);
    // The round stays revealed: a late ballot is refused on either instance.
    expect((await api(s2, 'PUT', `${base}/${roundId}/ballot`, { key, voter: voter(3), body: { role: 'business', votes: { [i1]: 1 } } })).status).toBe(409);
    expect((await api(s2, 'GET', `${base}/${roundId}`, { key })).json.status).toBe('revealed');
  });
});
