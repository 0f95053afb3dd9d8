import { describe, expect, it } from 'vitest';
import {
  applyProposal,
  consent,
  presentPeople,
  propose,
  readSession,
  sessionMap,
  setReady,
  type Person,
  type PresenceEntry,
} from '../../shared/cocreation/session';
import { isRoleId, type RoleId } from '../../shared/roles';
import { connectClient, waitConverged, type TestClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const scope = useScope();

describe('GET /api/time', () => {
  it('answers the server clock as JSON, uncached, without board access', async () => {
    const srv = await startTestServer(scope);
    const before = Date.now();
    const res = await api(srv, 'GET', '/api/time');
    const after = Date.now();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = res.json as { now: number };
    expect(Object.keys(body)).toEqual(['now']);
    expect(body.now).toBeGreaterThanOrEqual(before);
    expect(body.now).toBeLessThanOrEqual(after);
    // Only GET: anything else is not a route.
    expect((await api(srv, 'POST', '/api/time')).status).toBe(404);
  });
});

const person = (n: number, role: RoleId): Person => ({ key: `person-key-${String(n).padStart(8, '0')}`, role, name: `P${n}`, roleText: '' });

/** A client whose presence says who it is, as the browser's does (client/src/pages/BoardPage.tsx). */
function join(c: TestClient, p: Person, editor = true) {
  c.provider.awareness.setLocalStateField('user', { name: p.name, role: p.role, roleText: '', color: '#fff', person: p.key, editor });
}

/** Presence as this client sees it, read the way client/src/board/presence.ts reads it. */
function presenceOf(c: TestClient): PresenceEntry[] {
  const out: PresenceEntry[] = [];
  c.provider.awareness.getStates().forEach((state) => {
    const u = state.user as Record<string, unknown> | undefined;
    if (!u || typeof u.name !== 'string' || !isRoleId(u.role)) return;
    out.push({ person: typeof u.person === 'string' ? u.person : null, canEdit: u.editor !== false, role: u.role, name: u.name, roleText: '' });
  });
  return out;
}

const verdict = (c: TestClient) => {
  const s = readSession(c.doc);
  return s.proposal ? consent(s.proposal, s.ready, presentPeople(presenceOf(c))) : null;
};

describe('phases by consent through a real server', () => {
  it('moves on only when everyone present is ready; clients applying it at once converge on one move', async () => {
    const srv = await startTestServer(scope);
    const board = 'session-consent';
    const ann = person(1, 'citizen');
    const bo = person(2, 'politician');
    const cem = person(3, 'business');
    const a = connectClient(scope, srv.wsUrl, board);
    const b1 = connectClient(scope, srv.wsUrl, board);
    const b2 = connectClient(scope, srv.wsUrl, board); // Bo's second tab
    const c = connectClient(scope, srv.wsUrl, board);
    const watcher = connectClient(scope, srv.wsUrl, board); // an observer link's presence
    const all = [a, b1, b2, c, watcher];
    await Promise.all(all.map((x) => x.waitSynced()));
    join(a, ann);
    join(b1, bo);
    join(b2, bo);
    join(c, cem);
    join(watcher, person(4, 'researcher'), false);
    // Everyone sees three people: Bo's two tabs count once, the observer is not asked.
    await waitFor(() => all.every((x) => presentPeople(presenceOf(x)).length === 3), { message: 'presence of three people everywhere' });

    const id = propose(a.doc, { kind: 'next' }, ann, Date.now(), 'test');
    await waitFor(() => all.every((x) => readSession(x.doc).proposal?.id === id), { message: 'the proposal everywhere' });
    setReady(b2.doc, id, bo.key, true);
    await waitFor(() => verdict(a)?.ready.length === 2 && verdict(c)?.ready.length === 2, { message: "Bo's ready mark" });
    // Cem has not answered: nobody sees it pass, so nobody applies it.
    for (const x of all) expect(verdict(x)?.passed).toBe(false);
    expect(verdict(b1)?.waiting.map((p) => p.key)).toEqual([cem.key]);

    setReady(c.doc, id, cem.key, true);
    await waitFor(() => verdict(b1)?.passed && verdict(c)?.passed && verdict(a)?.passed, { message: 'consent seen by Ann, Bo and Cem' });
    // Three clients apply it in the same tick, before seeing each other's write.
    const applied = [a, b1, c].map((x) => applyProposal(x.doc, id, Date.now(), 'test'));
    expect(applied).toEqual([true, true, true]);
    await waitConverged(all.map((x) => x.doc));
    const first = sessionMap(a.doc).toJSON();
    for (const x of all) {
      expect(readSession(x.doc).current.id).toBe('goals');
      expect(readSession(x.doc).proposal).toBeNull();
      expect(sessionMap(x.doc).toJSON()).toEqual(first);
    }

    // A timer proposal while Cem leaves: he no longer blocks it.
    const timerId = propose(b1.doc, { kind: 'timer', minutes: 7 }, bo, Date.now(), 'test');
    c.destroy();
    await waitFor(() => presentPeople(presenceOf(a)).length === 2 && readSession(a.doc).proposal?.id === timerId, { message: 'Cem gone and the timer proposal seen by Ann' });
    expect(verdict(a)?.passed).toBe(false);
    setReady(a.doc, timerId, ann.key, true);
    expect(verdict(a)?.passed).toBe(true);
    const started = Date.now();
    expect(applyProposal(a.doc, timerId, started, 'test')).toBe(true);
    await a.waitSaved();

    // Stored: a client that connects later reads the same session.
    const late = connectClient(scope, srv.wsUrl, board);
    await late.waitSynced();
    const s = readSession(late.doc);
    expect(s.current.id).toBe('goals');
    expect(s.timer).toEqual({ id: timerId, step: 'goals', startedAt: started, durationMs: 7 * 60_000 });
  });
});
