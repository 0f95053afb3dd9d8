import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, moveItem } from '../../shared/model/board';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from '../../shared/protocol';
import { author, projectBoard, typeInto } from '../helpers/board';
import { connectClient, sameStateVector, waitConverged } from '../helpers/client';
import { awarenessFrame, docWithClient, frame, step1Frame, updateFrame } from '../helpers/hostile';
import { api } from '../helpers/http';
import { Rng } from '../helpers/prng';
import { openRawSocket, type RawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { storedDoc } from '../helpers/storage';
import { waitFor, withTimeout } from '../helpers/wait';

/**
 * Hostile fuzzing over real websockets: at least 10,000 generated malformed
 * and mutated messages (seeded, so a failure replays) from many connections,
 * while two honest clients keep editing the same board. Afterwards: the
 * server is up, the honest clients were never disconnected and agree, every
 * honest edit is there exactly as made (checked against a reference doc
 * that saw only the honest edits), and what is stored equals the room.
 */

const scope = useScope();
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const TARGET = 10_000;
const WORKERS = 8;
/** Honest client ids far from the fuzzers' small ids, so mutations do not hit them by chance. */
const HONEST_A = 3_000_000_001;
const HONEST_B = 3_000_000_002;

/** Valid frames to mutate: updates of small fuzz docs, sync step 1, presence, saved, query. */
function corpus(rng: Rng): Uint8Array[] {
  const out: Uint8Array[] = [step1Frame(), new Uint8Array([MESSAGE_QUERY_AWARENESS])];
  for (let c = 1; c <= 12; c++) {
    const doc = docWithClient(c);
    const sv0 = Y.encodeStateVector(doc);
    const m = doc.getMap('fuzz');
    m.set(`k${c}`, rng.word());
    const text = new Y.Text(rng.word(12));
    m.set(`t${c}`, text);
    const sv1 = Y.encodeStateVector(doc);
    text.insert(1, rng.word());
    text.delete(0, 1);
    const arr = new Y.Array<number>();
    doc.getArray('fuzz-list').push([rng.int(100), rng.int(100)]);
    m.set(`a${c}`, arr);
    arr.push([1, 2, 3]);
    out.push(updateFrame(Y.encodeStateAsUpdate(doc, sv0)), updateFrame(Y.encodeStateAsUpdate(doc, sv1)));
    out.push(step1Frame(Y.encodeStateVector(doc)));
    doc.destroy();
  }
  for (let i = 0; i < 6; i++) out.push(awarenessFrame(rng.range(1, 50), rng.range(1, 5), { user: { name: rng.word(), role: 'citizen' } }));
  // Spoofing attempts: presence for the honest clients' ids with ever higher clocks.
  for (const id of [HONEST_A, HONEST_B]) out.push(awarenessFrame(id, 1_000_000, { user: { name: 'Mallory', role: 'politician' } }));
  out.push(frame((e) => (encoding.writeVarUint(e, MESSAGE_SAVED), encoding.writeVarUint(e, 7))));
  return out;
}

function isSavedAnswer(m: Uint8Array, seq: number): boolean {
  const d = decoding.createDecoder(m);
  return decoding.readVarUint(d) === MESSAGE_SAVED && decoding.readVarUint(d) === seq;
}

function mutate(rng: Rng, pool: Uint8Array[]): Uint8Array {
  const base = rng.pick(pool);
  const m = new Uint8Array(base);
  switch (rng.int(10)) {
    case 0: // bit flips
      for (let i = rng.range(1, 4); i > 0 && m.length > 0; i--) {
        const at = rng.int(m.length);
        m[at] = (m[at] as number) ^ (1 << rng.int(8));
      }
      return m;
    case 1: // random bytes overwritten
      for (let i = rng.range(1, 3); i > 0 && m.length > 0; i--) m[rng.int(m.length)] = rng.int(256);
      return m;
    case 2: // truncated
      return m.slice(0, rng.int(m.length));
    case 3: // random trailing bytes
      return new Uint8Array([...m, ...Array.from({ length: rng.range(1, 8) }, () => rng.int(256))]);
    case 4: // pure random bytes
      return new Uint8Array(Array.from({ length: rng.range(0, 64) }, () => rng.int(256)));
    case 5: // wrong message type
      m[0] = rng.pick([2, 5, 6, 9, 17, 127, 128, 255]);
      return m;
    case 6: // wrong sync subtype or awareness given as sync
      if (m[0] === MESSAGE_SYNC && m.length > 1) m[1] = rng.pick([0, 1, 2, 3, 7, 200]);
      else m[0] = rng.pick([MESSAGE_SYNC, MESSAGE_AWARENESS]);
      return m;
    case 7: // two frames glued together
      return new Uint8Array([...m, ...rng.pick(pool)]);
    case 8: // inner length header lies
      if (m.length > 2) m[2] = rng.int(256);
      return m;
    default: // an unmodified valid frame (keeps connections alive longer)
      return m;
  }
}

it(`survives ${TARGET}+ hostile messages; honest clients and the board are unaffected`, { timeout: 60_000 }, async () => {
  const started = performance.now();
  const srv = await startTestServer(scope, {
    // Rate limits off: this test is about malformed input, not about rates.
    config: { updatesPerSecond: 0, awarenessPerSecond: 0, fullSyncsPerMinute: 0, maxConnectionsPerIp: 0, maxPendingBytes: 64 * 1024 },
  });
  const board = 'fuzz-hostile';
  const a = connectClient(scope, srv.wsUrl, board, { doc: docWithClient(HONEST_A) });
  const b = connectClient(scope, srv.wsUrl, board, { doc: docWithClient(HONEST_B) });
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  a.provider.awareness.setLocalState({ user: { name: 'Ann', role: 'citizen' } });
  b.provider.awareness.setLocalState({ user: { name: 'Bo', role: 'business' } });
  await waitFor(() => b.provider.awareness.getStates().has(HONEST_A) && a.provider.awareness.getStates().has(HONEST_B));

  // The reference sees only the honest clients' own edits.
  const reference = new Y.Doc();
  for (const c of [a, b]) {
    c.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== c.provider) Y.applyUpdate(reference, u);
    });
  }
  const honestItems: string[] = [];
  // Each worker (and the honest editor) has its own stream, so what each one sends is
  // reproducible from the seed whatever the timing; only the interleaving varies.
  const rng = new Rng(SEED);
  const pool = corpus(new Rng(SEED ^ 0x5eed));
  let sent = 0;
  /** Sent messages that differ from every valid frame of the corpus (the hostile ones). */
  let hostile = 0;
  const valid = new Set(pool.map((f) => Buffer.from(f).toString('hex')));
  let connections = 0;
  let closedByServer = 0;
  let seq = 1;

  const honestEdit = () => {
    const c = rng.chance(0.5) ? a : b;
    const r = rng.float();
    if (r < 0.4 || honestItems.length === 0) {
      honestItems.push(createItem(c.doc, { kind: 'idea', x: rng.int(800), y: rng.int(800), author: author(), text: rng.word(10) }));
    } else if (r < 0.8) {
      const id = rng.pick(honestItems);
      if (c.doc.getMap('items').has(id)) typeInto(c.doc, id, rng.int(5), rng.word());
    } else {
      const id = rng.pick(honestItems);
      if (c.doc.getMap('items').has(id)) moveItem(c.doc, id, rng.int(800), rng.int(800));
    }
  };

  async function worker(index: number): Promise<void> {
    const wrng = new Rng(SEED + 1 + index);
    let raw: RawSocket | null = null;
    while (hostile < TARGET) {
      if (!raw || raw.ws.readyState !== raw.ws.OPEN) {
        raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
        connections++;
      }
      const socket: RawSocket = raw;
      const burst = wrng.range(2, 10);
      for (let i = 0; i < burst; i++) {
        const message = mutate(wrng, pool);
        socket.sendBinary(message);
        sent++;
        if (!valid.has(Buffer.from(message).toString('hex'))) hostile++;
      }
      // Ask "saved?" on the same socket: the answer comes after the burst was handled.
      const mySeq = seq++;
      const before = socket.received.length;
      socket.sendBinary(frame((e) => (encoding.writeVarUint(e, MESSAGE_SAVED), encoding.writeVarUint(e, mySeq))));
      const answered = waitFor(
        () => socket.received.slice(before).some((m) => isSavedAnswer(m, mySeq)),
        { timeoutMs: 10_000, message: 'a saved answer' },
      );
      const outcome = await withTimeout(Promise.race([answered.then(() => 'answered'), socket.closed.then(() => 'closed')]), 10_000, 'the server to answer or close');
      if (outcome === 'closed') {
        closedByServer++;
        socket.ws.terminate();
        raw = null;
      }
      if (wrng.chance(0.05)) honestEdit();
    }
    raw?.ws.terminate();
  }
  await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));

  // The server is up and was never fooled into closing an honest client.
  const health = await api(srv, 'GET', '/healthz');
  expect(health.status).toBe(200);
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
  expect(hostile).toBeGreaterThanOrEqual(TARGET);
  expect(srv.server.metrics.messagesIn.get()).toBeGreaterThanOrEqual(TARGET);

  // Honest clients still sync, agree with each other and with the room, and everything is stored.
  honestItems.push(createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author(), text: 'after the storm' }));
  await waitConverged([a.doc, b.doc], { timeoutMs: 20_000 });
  await Promise.all([a.waitSaved(), b.waitSaved()]);
  const room = await srv.server.rooms.acquire(board);
  expect(sameStateVector(room.doc, a.doc)).toBe(true);
  const stored = storedDoc(srv.dataDir, board);
  expect(sameStateVector(stored, a.doc)).toBe(true);
  expect(projectBoard(stored)).toEqual(projectBoard(a.doc));
  stored.destroy();

  // Every honest edit is intact, exactly as in the reference that never saw the fuzz.
  const expected = projectBoard(reference);
  const actual = projectBoard(a.doc);
  expect(expected.items.length).toBeGreaterThan(10);
  for (const item of expected.items) expect(actual.items.find((i) => i.id === item.id)).toEqual(item);
  expect(projectBoard(b.doc)).toEqual(actual);

  // Nobody managed to speak for the honest clients.
  expect(b.provider.awareness.getStates().get(HONEST_A)).toEqual({ user: { name: 'Ann', role: 'citizen' } });
  expect(a.provider.awareness.getStates().get(HONEST_B)).toEqual({ user: { name: 'Bo', role: 'business' } });

  // A newcomer gets the same board.
  const c = connectClient(scope, srv.wsUrl, board);
  await c.waitSynced();
  expect(projectBoard(c.doc)).toEqual(actual);
  reference.destroy();

  const rejected = srv.server.metrics.rejected;
  console.log(
    `fuzz-hostile seed ${SEED}: ${hostile} hostile of ${sent} messages (server received ${srv.server.metrics.messagesIn.get()}) on ${connections} connections, ${closedByServer} closed by the server ` +
      `(malformed ${rejected.get({ reason: 'malformed' })}, update_rejected ${rejected.get({ reason: 'update_rejected' })}, ` +
      `pending limit ${srv.server.metrics.limitHits.get({ limit: 'pending_bytes' })}); honest items ${expected.items.length}; ` +
      `${Math.round(performance.now() - started)} ms`,
  );
});
