import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  clearAway,
  consent,
  markAway,
  presenceStatus,
  presentPeople,
  propose,
  readAway,
  readSession,
  SessionError,
  sessionMap,
  setReady,
  type PresenceEntry,
} from '../../shared/cocreation/session';
import { ROOT_MAPS } from '../../shared/doc/registry';
import { PRESENTER, readPresence, writePresenceField, writeUser } from '../../shared/presence';
import type { RoleId } from '../../shared/roles';
import { forgetPerson, PERSON_KEY_PREFIXES } from '../../client/src/state/identity';
import { personKey } from '../../client/src/cocreation/deviceKey';
import { voterId } from '../../client/src/cocreation/api';
import { valuePersonKey } from '../../client/src/cocreation/value/person';

/**
 * Who counts for consent (issue 17): active editors only. A presenter view, an
 * observer, an idle tab and a person marked as away do not hold the group up;
 * a person with one active tab among idle ones counts; coming back counts again.
 */
const key = (n: number) => `person-${String(n).padStart(12, '0')}`;
const entry = (n: number, extra: Partial<PresenceEntry> = {}, role: RoleId = 'citizen'): PresenceEntry => ({
  person: key(n),
  canEdit: true,
  role,
  name: `P${n}`,
  roleText: '',
  clientId: n,
  ...extra,
});
const keys = (users: readonly PresenceEntry[], away?: ReadonlySet<string>) => presentPeople(users, away).map((p) => p.key);

function withProposal() {
  const doc = new Y.Doc();
  const id = propose(doc, { kind: 'next' }, { key: key(1), role: 'citizen', name: 'P1', roleText: '' }, 1_700_000_000_000);
  return { doc, id };
}

describe('who counts for consent', () => {
  it('a presenter view never counts, even opened with an editor link and a person key', () => {
    const users = [entry(1), entry(2), entry(9, { kind: 'presenter' })];
    expect(keys(users)).toEqual([key(1), key(2)]);
    expect(presenceStatus(users).find((p) => p.key === key(9))?.status).toBe('presenter');
    // Written the way the presenter view writes it, read back from awareness.
    const aw = new Awareness(new Y.Doc());
    writeUser(aw, { name: 'Projektor', role: 'other', roleText: '', color: '#000', person: key(9), editor: true });
    writeUser(aw, PRESENTER);
    const read = readPresence(aw.clientID, aw.getLocalState() as Record<string, unknown>, -1);
    expect(read).toMatchObject({ kind: 'presenter', canEdit: false, person: key(9) });
    expect(presentPeople([read!])).toEqual([]);
    aw.destroy();
  });

  it('observers never count', () => {
    const users = [entry(1), entry(2, { canEdit: false }), { ...entry(3), person: null }];
    expect(keys(users)).toEqual([key(1)]);
    expect(presenceStatus(users).map((p) => p.status)).toEqual(['counted', 'observer', 'observer']);
  });

  it('an idle tab does not count, and a proposal passes without it', () => {
    const { doc, id } = withProposal();
    const users = [entry(1), entry(2), entry(3, { idle: true })];
    expect(presenceStatus(users).find((p) => p.key === key(3))?.status).toBe('idle');
    setReady(doc, id, key(2), true);
    const s = readSession(doc);
    expect(consent(s.proposal!, s.ready, presentPeople(users)).passed).toBe(true);
    // The idle flag is read from presence as written by the idle hook.
    const aw = new Awareness(new Y.Doc());
    writeUser(aw, { name: 'Ann', role: 'citizen', roleText: '', color: '#000', person: key(3), editor: true });
    writePresenceField(aw, 'idle', true);
    expect(readPresence(aw.clientID, aw.getLocalState() as Record<string, unknown>, -1)).toMatchObject({ idle: true, kind: 'participant', away: false });
    aw.destroy();
  });

  it('several tabs of one person: counted when any editing tab is active, idle only when all are', () => {
    expect(keys([entry(1), entry(2, { idle: true, clientId: 20 }), entry(2, { clientId: 21 })])).toEqual([key(1), key(2)]);
    const allIdle = [entry(1), entry(2, { idle: true, clientId: 20 }), entry(2, { idle: true, clientId: 21 })];
    expect(keys(allIdle)).toEqual([key(1)]);
    expect(presenceStatus(allIdle).filter((p) => p.key === key(2))).toHaveLength(1);
    // A presenter tab of the same device does not make an idle person count.
    expect(keys([entry(2, { idle: true }), entry(2, { kind: 'presenter', clientId: 22 })])).toEqual([]);
  });

  it('away: anyone can mark a person (or themselves); an away person does not count; clearing counts them again', () => {
    const { doc, id } = withProposal();
    const users = [entry(1), entry(2), entry(3)];
    markAway(doc, key(3), { key: key(2), role: 'politician' }, 1_700_000_000_100);
    const away = readAway(doc);
    expect(away.get(key(3))).toEqual({ at: 1_700_000_000_100, byRole: 'politician', self: false });
    const awayKeys = new Set(away.keys());
    expect(keys(users, awayKeys)).toEqual([key(1), key(2)]);
    // Away wins over active tabs; the flag on entries (as usePresence sets it) works the same.
    expect(presenceStatus(users, awayKeys).find((p) => p.key === key(3))?.status).toBe('away');
    expect(keys([entry(1), entry(3, { away: true })])).toEqual([key(1)]);
    setReady(doc, id, key(2), true);
    let s = readSession(doc);
    expect(consent(s.proposal!, s.ready, presentPeople(users, awayKeys)).passed).toBe(true);
    // Marking oneself.
    markAway(doc, key(2), { key: key(2), role: 'politician' }, 1_700_000_000_200);
    expect(readAway(doc).get(key(2))?.self).toBe(true);
    // Coming back: the mark is gone, the person counts and is asked again.
    clearAway(doc, key(3));
    clearAway(doc, key(2));
    expect(readAway(doc).size).toBe(0);
    s = readSession(doc);
    const c = consent(s.proposal!, s.ready, presentPeople(users, new Set(readAway(doc).keys())));
    expect(c.passed).toBe(false);
    expect(c.waiting.map((p) => p.key)).toEqual([key(3)]);
  });

  it('an idle tab that has input again counts again (a new proposal waits for it)', () => {
    const { doc } = withProposal();
    const idle = [entry(1), entry(2, { idle: true })];
    expect(keys(idle)).toEqual([key(1)]);
    const back = [entry(1), entry(2, { idle: false })];
    const id2 = propose(doc, { kind: 'next' }, { key: key(1), role: 'citizen', name: 'P1', roleText: '' }, 1_700_000_001_000);
    const s = readSession(doc);
    expect(s.proposal?.id).toBe(id2);
    expect(consent(s.proposal!, s.ready, presentPeople(back)).waiting.map((p) => p.key)).toEqual([key(2)]);
  });

  it('bad away input is refused and changes nothing; malformed marks are skipped', () => {
    const doc = new Y.Doc();
    expect(() => markAway(doc, 'short', { key: key(1), role: 'citizen' }, 1_700_000_000_000)).toThrow(SessionError);
    expect(() => markAway(doc, key(2), { key: key(1), role: 'nope' as RoleId }, 1_700_000_000_000)).toThrow(SessionError);
    expect(() => markAway(doc, key(2), { key: key(1), role: 'citizen' }, Number.NaN)).toThrow(SessionError);
    expect(() => clearAway(doc, 'x|y')).toThrow(SessionError);
    expect(sessionMap(doc).size).toBe(0);
    sessionMap(doc).set(`away|${key(4)}`, { at: 'then', byRole: 'citizen' });
    sessionMap(doc).set('away|short', { at: 1_700_000_000_000, byRole: 'citizen' });
    sessionMap(doc).set(`away|${key(5)}|extra`, { at: 1_700_000_000_000, byRole: 'citizen' });
    expect(readAway(doc).size).toBe(0);
    // Away marks do not disturb the session (no step, no proposal, no ready mark).
    expect(readSession(doc).proposal).toBeNull();
  });

  it('away marks are live coordination: a restore never brings them back', () => {
    const spec = ROOT_MAPS.find((m) => m.key === 'session')!;
    expect(typeof spec.restore).toBe('function');
    const restore = spec.restore as (k: string) => boolean;
    expect(restore(`away|${key(1)}`)).toBe(false);
    expect(restore('current')).toBe(true);
  });
});

describe('new person on this device', () => {
  class FakeStorage {
    map = new Map<string, string>();
    get length() {
      return this.map.size;
    }
    key(i: number) {
      return [...this.map.keys()][i] ?? null;
    }
    getItem(k: string) {
      return this.map.get(k) ?? null;
    }
    setItem(k: string, v: string) {
      this.map.set(k, v);
    }
    removeItem(k: string) {
      this.map.delete(k);
    }
  }
  const g = globalThis as { localStorage?: unknown };
  let saved: unknown;
  let store: FakeStorage;
  beforeEach(() => {
    saved = g.localStorage;
    g.localStorage = store = new FakeStorage();
  });
  afterEach(() => {
    g.localStorage = saved;
  });

  it('forgets name, role and every per-person key on every board; gives new keys; keeps other settings', () => {
    const board = 'b_0123456789';
    const before = { person: personKey(board), voter: voterId(board), valuer: valuePersonKey(board), other: personKey('b_other') };
    store.setItem('samskab.identity', JSON.stringify({ name: 'Ann', role: 'citizen' }));
    store.setItem('samskab.lang', 'da');
    // Every key the device keeps for a person is under one of the prefixes forgetPerson clears.
    for (const k of store.map.keys()) if (k !== 'samskab.identity' && k !== 'samskab.lang') expect(PERSON_KEY_PREFIXES.some((p) => k.startsWith(p))).toBe(true);
    const gone = forgetPerson(store);
    expect(gone.sort()).toEqual(['samskab.identity', `samskab.person.${board}`, 'samskab.person.b_other', `samskab.valuer.${board}`, `samskab.voter.${board}`].sort());
    expect([...store.map.keys()]).toEqual(['samskab.lang']);
    const after = { person: personKey(board), voter: voterId(board), valuer: valuePersonKey(board), other: personKey('b_other') };
    for (const k of Object.keys(before) as Array<keyof typeof before>) expect(after[k]).not.toBe(before[k]);
    // An empty device has nothing to forget.
    expect(forgetPerson(new FakeStorage())).toEqual([]);
  });
});
