import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createItem, itemsMap, listItems } from '../../shared/model/board';
import { isDamaged } from '../../shared/model/validate';
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol';
import { author } from '../helpers/board';
import { connectClient, waitConverged, type TestClient } from '../helpers/client';
import { openRawSocket, refusedUpgrade } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

const scope = useScope();

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });
}

/** An update that creates one well-formed item, made on a throwaway doc. */
function itemUpdate(text: string): { update: Uint8Array; id: string } {
  const doc = new Y.Doc();
  const id = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('other', 'Raw'), text });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { update, id };
}

describe('websocket upgrade', () => {
  it.each([
    ['/sync/has%20space', 400],
    ['/sync/a/b', 400],
    ['/sync/', 400],
    [`/sync/${'x'.repeat(65)}`, 400],
    ['/sync/%C3%A6%C3%B8', 400],
    ['/sync/dot.dot', 400],
    ['/sync/semi;colon', 400],
    ['/elsewhere/board', 404],
    ['/', 404],
  ])('%s is refused with HTTP %i and a JSON error', async (pathname, status) => {
    const srv = await startTestServer(scope);
    const res = await refusedUpgrade(`ws://127.0.0.1:${srv.port}${pathname}`);
    expect(res.status).toBe(status);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error: expect.any(String) });
    expect(srv.server.rooms.loadedCount).toBe(0);
  });
});

describe('bad messages close only the sender', () => {
  /** Two healthy clients and one raw socket on the same board. */
  async function setup(srv: TestServer, board: string) {
    const a = connectClient(scope, srv.wsUrl, board);
    const b = connectClient(scope, srv.wsUrl, board);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
    return { a, b, raw };
  }

  /** The healthy pair still syncs in both directions and was never disconnected. */
  async function stillSyncing(a: TestClient, b: TestClient, label: string) {
    const fromA = createItem(a.doc, { kind: 'idea', x: 1, y: 1, author: author(), text: `${label} A` });
    const fromB = createItem(b.doc, { kind: 'idea', x: 2, y: 2, author: author(), text: `${label} B` });
    await waitFor(() => itemsMap(b.doc).has(fromA) && itemsMap(a.doc).has(fromB), {
      message: `A and B to keep syncing after ${label}`,
    });
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  }

  const update = itemUpdate('x').update;
  const validUpdate = updateFrame(update);
  const cases: Array<[string, Uint8Array]> = [
    ['random garbage', new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x13, 0x37])],
    ['an unknown message type', new Uint8Array([9, 1, 2, 3])],
    ['an unknown sync subtype', new Uint8Array([0, 7, 1, 0])],
    ['a truncated update', validUpdate.slice(0, Math.floor(validUpdate.length * 0.6))],
    [
      'an update cut short inside a well-formed envelope',
      frame((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update.slice(0, update.length - 3));
      }),
    ],
    ['a valid update with trailing bytes', new Uint8Array([...validUpdate, 0, 0])],
    ['an empty binary frame', new Uint8Array(0)],
    [
      'awareness with broken JSON',
      frame((e) => {
        encoding.writeVarUint(e, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          e,
          frame((e2) => {
            encoding.writeVarUint(e2, 1);
            encoding.writeVarUint(e2, 123);
            encoding.writeVarUint(e2, 1);
            encoding.writeVarString(e2, '{"user":');
          }),
        );
      }),
    ],
  ];

  it.each(cases)('%s → close 4001 for that socket; the board keeps syncing', async (label, bytes) => {
    const srv = await startTestServer(scope);
    const { a, b, raw } = await setup(srv, 'bad-bytes');
    raw.sendBinary(bytes);
    const closed = await withTimeout(raw.closed, 5_000, 'the bad socket to be closed');
    expect(closed.code).toBe(CloseCode.BadMessage);
    await stillSyncing(a, b, label);
    // Nothing of the rejected frame reached the document.
    expect(listItems(a.doc).damaged).toEqual([]);
    expect(itemsMap(a.doc).size).toBe(2);
  });

  it('a text frame → close 4001', async () => {
    const srv = await startTestServer(scope);
    const { a, b, raw } = await setup(srv, 'bad-text');
    raw.ws.send('{"type":"update"}');
    const closed = await withTimeout(raw.closed, 5_000, 'the text socket to be closed');
    expect(closed.code).toBe(CloseCode.BadMessage);
    await stillSyncing(a, b, 'text frame');
  });

  it('valid edits sent before the bad frame are kept and relayed', async () => {
    const srv = await startTestServer(scope);
    const { a, b, raw } = await setup(srv, 'bad-after-good');
    const { update: good, id } = itemUpdate('kept');
    raw.sendBinary(updateFrame(good));
    raw.sendBinary(new Uint8Array([0xff, 0xff, 0xff]));
    expect((await withTimeout(raw.closed, 5_000, 'close')).code).toBe(CloseCode.BadMessage);
    await waitFor(() => itemsMap(a.doc).has(id) && itemsMap(b.doc).has(id), { message: 'the good edit to arrive' });
    await stillSyncing(a, b, 'good-then-bad');
  });

  it('a message larger than maxMessageBytes → close 4002 (CloseCode.MessageTooLarge)', async () => {
    const srv = await startTestServer(scope, { config: { maxMessageBytes: 16 * 1024 } });
    const { a, b, raw } = await setup(srv, 'too-large');
    const big = itemUpdate('y'.repeat(40 * 1024)).update;
    raw.sendBinary(updateFrame(big));
    const closed = await withTimeout(raw.closed, 5_000, 'the oversized socket to be closed');
    expect(closed.code).toBe(CloseCode.MessageTooLarge);
    await stillSyncing(a, b, 'oversized message');
  });

  it('well-formed updates with junk content are relayed and shown as damaged items, not errors', async () => {
    const srv = await startTestServer(scope);
    const { a, b, raw } = await setup(srv, 'junk-content');
    const junk = new Y.Doc();
    junk.transact(() => {
      const items = itemsMap(junk);
      items.set('string-item', 'not a map');
      const m = new Y.Map<unknown>();
      items.set('nan-item', m);
      m.set('kind', 'idea');
      m.set('x', Number.NaN);
      m.set('y', 'far away');
      m.set('role', 'emperor');
    });
    raw.sendBinary(updateFrame(Y.encodeStateAsUpdate(junk)));
    junk.destroy();
    await waitFor(() => listItems(b.doc).damaged.length === 2, { message: 'B to receive the junk items' });
    const damaged = listItems(b.doc).damaged.sort((x, y) => x.id.localeCompare(y.id));
    expect(damaged.map((d) => d.id)).toEqual(['nan-item', 'string-item']);
    expect(damaged.every((d) => isDamaged(d) && Number.isFinite(d.x) && Number.isFinite(d.y))).toBe(true);
    await stillSyncing(a, b, 'junk content');
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  });
});

describe('presence spoofing', () => {
  it('presence sent for another connection’s client id is dropped; the owner’s state stands', async () => {
    const srv = await startTestServer(scope);
    const board = 'spoof';
    const a = connectClient(scope, srv.wsUrl, board);
    const b = connectClient(scope, srv.wsUrl, board);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ann', role: 'citizen' });
    await waitFor(() => (b.provider.awareness.getStates().get(a.clientID) as { user?: { name?: string } } | undefined)?.user?.name === 'Ann', {
      message: 'B to see Ann',
    });

    const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
    const aClock = (b.provider.awareness.meta.get(a.clientID)?.clock ?? 0) + 10;
    const spoof = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        e,
        frame((e2) => {
          encoding.writeVarUint(e2, 1);
          encoding.writeVarUint(e2, a.clientID);
          encoding.writeVarUint(e2, aClock);
          encoding.writeVarString(e2, JSON.stringify({ user: { name: 'Mallory', role: 'politician' } }));
        }),
      );
    });
    raw.sendBinary(spoof);
    // Ask for the server's presence on the same socket: the answer comes after the spoof was handled.
    const before = raw.received.length;
    raw.sendBinary(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
    const answer = await waitFor(() => raw.received.slice(before).find((m) => m[0] === MESSAGE_AWARENESS), {
      message: 'an awareness answer',
    });
    const d = decoding.createDecoder(answer);
    decoding.readVarUint(d);
    const states = new Map<number, unknown>();
    const aw = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(aw, decoding.readVarUint8Array(d), 'test');
    for (const [id, s] of aw.getStates()) states.set(id, s);
    aw.destroy();
    expect(states.get(a.clientID)).toEqual({ user: { name: 'Ann', role: 'citizen' } });

    // B never saw Mallory: anything relayed before A's next edit would have arrived first.
    const marker = createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author() });
    await waitFor(() => itemsMap(b.doc).has(marker));
    expect(b.provider.awareness.getStates().get(a.clientID)).toEqual({ user: { name: 'Ann', role: 'citizen' } });
    // Not an attack worth closing for (stock clients echo presence): the socket stays open.
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    await waitConverged([a.doc, b.doc]);
  });
});
