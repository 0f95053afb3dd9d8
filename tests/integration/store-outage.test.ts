import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { PostgresStore } from '../../server/storage/postgres';
import type { BoardStore } from '../../server/storage/types';
import { createItem, itemsMap } from '../../shared/model/board';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { pgStore, pgTable } from '../helpers/postgres';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { holdsFor, waitFor } from '../helpers/wait';

/** The real PostgreSQL store behind a switch that makes it refuse, as a database outage does. */
class Outage implements BoardStore {
  down = false;
  constructor(private readonly inner: PostgresStore) {}
  private check() {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  }
  async load(id: string) {
    this.check();
    return this.inner.load(id);
  }
  async append(id: string, updates: Uint8Array[]) {
    this.check();
    return this.inner.append(id, updates);
  }
  async compact(id: string, merge: (u: Uint8Array[]) => Uint8Array) {
    this.check();
    return this.inner.compact(id, merge);
  }
  async deleteBoard(id: string) {
    this.check();
    return this.inner.deleteBoard(id);
  }
  async count(id: string) {
    return this.inner.count(id);
  }
  async close() {
    return this.inner.close();
  }
}

describe('database outage', () => {
  const scope = useScope();

  it('nothing is acknowledged or relayed until it is really stored; then it all goes through', async () => {
    const table = pgTable(scope);
    const store = new Outage(pgStore(scope, table));
    const srv = await startTestServer(scope, { store });
    const a = connectClient(scope, srv.wsUrl, 'outage-db');
    const b = connectClient(scope, srv.wsUrl, 'outage-db');
    await Promise.all([a.waitSynced(), b.waitSynced()]);

    store.down = true;
    const id = createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author(), text: 'written during the outage' });
    const seq = a.sendSavedRequest();
    await holdsFor(() => !a.savedAnswers.includes(seq) && !itemsMap(b.doc).has(id), 600, 'no ack and no relay while the database is down');

    store.down = false;
    await waitFor(() => a.savedAnswers.includes(seq), { message: 'the saved answer after recovery', timeoutMs: 15_000 });
    await waitFor(() => itemsMap(b.doc).has(id), { message: 'the relay after recovery' });
    const fromDb = new Y.Doc();
    for (const row of await pgStore(scope, table).load('outage-db')) Y.applyUpdate(fromDb, row);
    expect(itemsMap(fromDb).has(id)).toBe(true);
  });
});
