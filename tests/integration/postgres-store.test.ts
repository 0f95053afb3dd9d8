import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { mergeToState } from '../../server/sync/room';
import { createItem, listItems } from '../../shared/model/board';
import { author } from '../helpers/board';
import { connectClient, waitConverged } from '../helpers/client';
import { pgStore, pgTable } from '../helpers/postgres';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';

/** The PostgreSQL store against the machine's real PostgreSQL. */
describe('PostgresStore', () => {
  const scope = useScope();

  function update(doc: Y.Doc, text: string): Uint8Array {
    let u: Uint8Array | null = null;
    const capture = (x: Uint8Array) => (u = x);
    doc.on('update', capture);
    createItem(doc, { kind: 'idea', x: 0, y: 0, author: author(), text });
    doc.off('update', capture);
    return u as unknown as Uint8Array;
  }

  it('appends, loads in order, and keeps boards apart', async () => {
    const store = pgStore(scope, pgTable(scope));
    const doc = new Y.Doc();
    const a = update(doc, 'one');
    const b = update(doc, 'two');
    await store.append('board-a', [a]);
    await store.append('board-a', [b]);
    await store.append('board-b', [a]);
    expect(await store.load('board-a')).toEqual([a, b]);
    expect(await store.count('board-b')).toBe(1);
    expect(await store.load('nothing')).toEqual([]);
  });

  it('two instances compacting the same board while a third appends lose nothing', async () => {
    const table = pgTable(scope);
    const s1 = pgStore(scope, table);
    const s2 = pgStore(scope, table);
    const writer = pgStore(scope, table);
    const doc = new Y.Doc();
    const all: Uint8Array[] = [];
    for (let i = 0; i < 40; i++) {
      const u = update(doc, `item ${i}`);
      all.push(u);
      await writer.append('b', [u]);
    }
    // Compactions race each other and a stream of further appends.
    const more = (async () => {
      for (let i = 40; i < 80; i++) {
        const u = update(doc, `item ${i}`);
        all.push(u);
        await writer.append('b', [u]);
      }
    })();
    await Promise.all([s1.compact('b', mergeToState), s2.compact('b', mergeToState), more, s1.compact('b', mergeToState)]);
    const restored = new Y.Doc();
    for (const row of await s1.load('b')) Y.applyUpdate(restored, row);
    expect(listItems(restored).items).toHaveLength(80);
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(doc));
    await s2.compact('b', mergeToState);
    expect(await s2.count('b')).toBe(1);
  });

  it('serves a board through a real server and keeps it across a restart', async () => {
    const table = pgTable(scope);
    const first = await startTestServer(scope, { store: pgStore(scope, table) });
    const a = connectClient(scope, first.wsUrl, 'pg-board');
    const b = connectClient(scope, first.wsUrl, 'pg-board');
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    for (let i = 0; i < 20; i++) createItem(a.doc, { kind: 'idea', x: i, y: 0, author: author(), text: `n${i}` });
    await waitConverged([a.doc, b.doc]);
    await a.waitSaved();
    await first.close();

    const second = await startTestServer(scope, { store: pgStore(scope, table) });
    const c = connectClient(scope, second.wsUrl, 'pg-board');
    await c.waitSynced();
    expect(listItems(c.doc).items).toHaveLength(20);
  });
});
