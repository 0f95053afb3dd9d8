import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readClients, readRoundOf, readSettings, setAnonymousNames } from '../../shared/cocreation/doc';
import { readSession } from '../../shared/cocreation/session';
import { RESTORED_MAPS } from '../../shared/doc/registry';
import { boardToJson } from '../../shared/export/json';
import { restorableJson } from '../../shared/model/restore';
import { connectClient } from '../helpers/client';
import { fillBoard } from '../helpers/fullBoard';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';

/**
 * An import starts a new board with everything people made, and without the
 * exported board's live coordination (issue 15): its open vote round (whose
 * ballots are on the other server), role declarations of clients that are not
 * here, an open proposal with its ready marks, done marks and the timer. The
 * names setting is a choice about the board and stays.
 */
describe('importing a board', () => {
  const scope = useScope();

  it('brings every restorable map, drops live coordination, keeps hidden names hidden', async () => {
    const srv = await startTestServer(scope);
    const original = new Y.Doc();
    fillBoard(original, 'import');
    setAnonymousNames(original, true);
    expect(original.getMap('cocreation').has('round')).toBe(true);
    expect(readClients(original).size).toBeGreaterThan(0);
    expect(readSession(original).proposal).not.toBeNull();

    const imported = await api(srv, 'POST', '/api/boards/import', { body: boardToJson(original) });
    expect(imported.status).toBe(201);
    const { id, editorKey } = imported.json as { id: string; editorKey: string };
    const c = connectClient(scope, srv.wsUrl, id, { params: { k: editorKey } });
    await c.waitSynced();

    for (const spec of RESTORED_MAPS) expect(restorableJson(c.doc, spec), spec.key).toEqual(restorableJson(original, spec));
    expect(c.doc.getMap('cocreation').has('round')).toBe(false);
    expect(readRoundOf(c.doc)).toBeNull();
    expect(readClients(c.doc).size).toBe(0);
    const session = readSession(c.doc);
    expect(session.proposal).toBeNull();
    expect(session.timer).toBeNull();
    expect(readSettings(c.doc).anonymousNames).toBe(true);
    // A vote round starts on the new board (the exported round is not in the way).
    expect((await api(srv, 'POST', `/api/boards/${id}/rounds`, { key: editorKey, body: { dots: 3 } })).status).toBe(201);
  });
});
