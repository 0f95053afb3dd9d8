import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { mergeUser, readPresence, writePresenceField, writeUser } from '../../shared/presence';

/**
 * Presence has one writer for the person (`writeUser`), and it merges: the
 * consent logic counts people by `person` and `editor`, which a partial write
 * (a caret that knows only name and colour) once dropped (issue 13).
 */
const PERSON = 'p_0123456789abcdefABCDEF';
const full = { name: 'Ann', role: 'citizen' as const, roleText: '', color: '#a8dba8', person: PERSON, editor: true };

describe('presence', () => {
  it('a partial user write keeps the person key and editor flag', () => {
    const aw = new Awareness(new Y.Doc());
    writeUser(aw, full);
    writeUser(aw, { name: 'Ann B', color: '#000000' });
    const me = readPresence(aw.clientID, aw.getLocalState() as Record<string, unknown>, aw.clientID);
    expect(me?.name).toBe('Ann B');
    expect(me?.person).toBe(PERSON);
    expect(me?.canEdit).toBe(true);
    expect(me?.role).toBe('citizen');
    aw.destroy();
  });

  it('an observer stays an observer after a partial write', () => {
    const aw = new Awareness(new Y.Doc());
    writeUser(aw, { ...full, editor: false });
    writeUser(aw, { name: 'Obs' });
    expect(readPresence(aw.clientID, aw.getLocalState() as Record<string, unknown>, aw.clientID)?.canEdit).toBe(false);
    aw.destroy();
  });

  it('other fields never touch the user', () => {
    const aw = new Awareness(new Y.Doc());
    writeUser(aw, full);
    writePresenceField(aw, 'editing', 'card-1');
    writePresenceField(aw, 'pointer', { x: 1, y: 2 });
    const me = readPresence(aw.clientID, aw.getLocalState() as Record<string, unknown>, aw.clientID);
    expect(me).toMatchObject({ person: PERSON, editing: 'card-1', pointer: { x: 1, y: 2 } });
    aw.destroy();
  });

  it('mergeUser ignores undefined fields and non-object previous values', () => {
    expect(mergeUser({ name: 'A', person: PERSON }, { name: undefined, role: 'citizen' })).toEqual({ name: 'A', person: PERSON, role: 'citizen' });
    expect(mergeUser('junk', { name: 'B' })).toEqual({ name: 'B' });
    expect(mergeUser(null, {})).toEqual({});
  });

  it('reads hostile states as nobody or as bounded values', () => {
    expect(readPresence(1, { user: 'x' }, 2)).toBeNull();
    expect(readPresence(1, { user: { name: 'x', role: 'king' } }, 2)).toBeNull();
    const u = readPresence(1, { user: { name: 'x'.repeat(500), role: 'citizen', person: 'short', editor: 'yes' }, view: { cx: 1e9, cy: 0, zoom: 1 } }, 2);
    expect(u?.name).toHaveLength(80);
    expect(u?.person).toBeNull();
    expect(u?.view).toBeNull();
    // Only an explicit false makes an observer.
    expect(u?.canEdit).toBe(true);
  });
});
