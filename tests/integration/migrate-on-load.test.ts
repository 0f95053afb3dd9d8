import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { BoardSchema } from '../../shared/doc/migrate';
import { createItem, initBoard, listItems, metaMap } from '../../shared/model/board';
import { createLogger } from '../../server/log';
import { SqliteStore } from '../../server/storage/sqlite';
import { Rooms } from '../../server/sync/rooms';
import { author } from '../helpers/board';
import { useScope } from '../helpers/scope';

/**
 * The schema hook is wired: a board of an older schema is migrated when the
 * server loads it, and the migration is stored (a server without the
 * migration loads the migrated board).
 */
describe('migrations when a board is loaded', () => {
  const scope = useScope();

  it('an older board is migrated on load and the result is stored', async () => {
    const dir = scope.tempDir();
    const store = new SqliteStore(dir);
    scope.defer(() => store.close());
    const old = new Y.Doc();
    initBoard(old, 'Gammel tavle');
    createItem(old, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'første idé' });
    await store.append('old-board', [Y.encodeStateAsUpdate(old)]);

    const v2: BoardSchema = { version: 2, migrations: [{ to: 2, what: 'mark every idea', run: (d) => d.getMap('meta').set('marked', listItems(d).items.length) }] };
    const log = createLogger('silent');
    const rooms = new Rooms(store, log, { idleMs: 60_000, compactThreshold: 500, schema: v2 });
    const room = await rooms.acquire('old-board');
    expect(metaMap(room.doc).get('schemaVersion')).toBe(2);
    expect(metaMap(room.doc).get('marked')).toBe(1);
    await room.settled();
    rooms.release(room);
    await rooms.closeAll(4000);

    // Stored: a server that knows nothing of the migration sees its result.
    const again = new Rooms(store, log, { idleMs: 60_000, compactThreshold: 500 });
    const r2 = await again.acquire('old-board');
    expect(metaMap(r2.doc).get('schemaVersion')).toBe(2);
    expect(metaMap(r2.doc).get('marked')).toBe(1);
    expect(listItems(r2.doc).items).toHaveLength(1);
    again.release(r2);
    await again.closeAll(4000);
  });
});
