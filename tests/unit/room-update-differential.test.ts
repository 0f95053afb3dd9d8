import * as encoding from 'lib0/encoding';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, itemsMap, updateItem } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../../server/log';
import type { BoardStore } from '../../server/storage/types';
import { Room, type Peer } from '../../server/sync/room';
import { author } from '../helpers/board';
import { docWithClient, updateFrame } from '../helpers/hostile';
import { Rng } from '../helpers/prng';

/**
 * Differential fuzz of the room's all-or-nothing apply (validateUpdate.ts):
 * valid updates from random edits, mutated. Each must either be accepted and
 * leave the room's doc exactly as a plain Y.applyUpdate leaves a clean copy,
 * or be refused with the doc byte-identical to before (state, state vector,
 * pending) and nothing queued for storage. The resync safety net must never
 * fire: the checks alone have to catch every update Yjs would choke on.
 */

const SEED = 20261204;
const CASES = 2000;

const NOW = 1_764_800_000_000;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const seededId = (rng: Rng) => Array.from({ length: 16 }, () => ID_ALPHABET[rng.int(64)]).join('');

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** Re-encodes decoded structs (V1), so mutations can be made on fields, not bytes. */
function encode(structs: Struct[], ds: DeleteSet): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  const blocks: Struct[][] = [];
  for (const s of structs) {
    const last = blocks[blocks.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.id.client === s.id.client && prev.id.clock + prev.length === s.id.clock) last!.push(s);
    else blocks.push([s]);
  }
  encoding.writeVarUint(enc.restEncoder, blocks.length);
  for (const b of blocks) {
    encoding.writeVarUint(enc.restEncoder, b.length);
    enc.writeClient(b[0]!.id.client);
    encoding.writeVarUint(enc.restEncoder, b[0]!.id.clock);
    for (const s of b) s.write(enc, 0);
  }
  encoding.writeVarUint(enc.restEncoder, ds.clients.size);
  for (const [client, ranges] of ds.clients) {
    enc.resetDsCurVal();
    encoding.writeVarUint(enc.restEncoder, client);
    encoding.writeVarUint(enc.restEncoder, ranges.length);
    for (const r of ranges) {
      enc.writeDsClock(r.clock);
      enc.writeDsLen(r.len);
    }
  }
  return enc.toUint8Array();
}

/** A board of a few clients: cards, nested maps, texts, arrays, deletions. */
function randomBoard(rng: Rng) {
  const clients = [1, 2, 3].map((c) => docWithClient(c * 1000 + rng.int(1000)));
  const [a] = clients as [Y.Doc, Y.Doc, Y.Doc];
  const edit = (doc: Y.Doc) => {
    const r = rng.int(6);
    const ids = [...itemsMap(doc).keys()];
    // Seeded ids and times, so a failing case is the same bytes on every run.
    if (r === 0 || ids.length === 0) createItem(doc, { kind: 'idea', x: rng.int(500), y: rng.int(500), author: author(), text: rng.word(12), id: seededId(rng), now: NOW });
    else if (r === 1) updateItem(doc, rng.pick(ids), { x: rng.int(500), w: 100 + rng.int(200) }, undefined, NOW);
    else if (r === 2) {
      const t = doc.getMap('m').get('t');
      if (t instanceof Y.Text) {
        if (t.length > 2 && rng.chance(0.4)) t.delete(rng.int(t.length - 1), 1 + rng.int(2));
        else t.insert(rng.int(t.length + 1), rng.word(4));
      } else doc.getMap('m').set('t', new Y.Text(rng.word(5)));
    } else if (r === 3) {
      const arr = doc.getArray('list');
      if (arr.length > 1 && rng.chance(0.3)) arr.delete(rng.int(arr.length), 1);
      else arr.insert(rng.int(arr.length + 1), [rng.word(3), rng.int(100)]);
    } else if (r === 4) doc.getMap('m').set(rng.word(2), rng.chance(0.5) ? new Y.Map() : rng.word(5));
    else doc.getMap('m').delete(rng.pick([...doc.getMap('m').keys(), 'x']));
  };
  const sync = () => {
    for (const x of clients) for (const y of clients) if (x !== y) Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
  };
  for (let round = 0; round < 3; round++) {
    for (const d of clients) for (let i = rng.int(4); i >= 0; i--) edit(d);
    sync();
  }
  // The room knows `base`; the edit is what one client did after, possibly on top of an edit the room has not seen.
  const base = Y.encodeStateAsUpdate(a);
  const editor = rng.pick(clients);
  const other = rng.pick(clients);
  const sv0 = Y.encodeStateVector(editor);
  edit(other);
  if (other !== editor) Y.applyUpdate(editor, Y.encodeStateAsUpdate(other, sv0));
  const sv1 = Y.encodeStateVector(editor);
  for (let i = rng.int(3); i >= 0; i--) edit(editor);
  const skipped = rng.chance(0.3);
  const update = Y.encodeStateAsUpdate(editor, skipped ? sv1 : Y.encodeStateVector(a));
  const donor = Y.encodeStateAsUpdate(other);
  for (const d of clients) d.destroy();
  return { base, update, donor };
}

function mutate(rng: Rng, update: Uint8Array, donor: Uint8Array): Uint8Array {
  const kind = rng.int(10);
  if (kind === 0) return update.slice(0, rng.int(update.length));
  if (kind === 1) {
    const m = new Uint8Array(update);
    for (let k = rng.range(1, 3); k > 0; k--) m[rng.int(m.length)] = rng.int(256);
    return m;
  }
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  const donorDs = (Y.decodeUpdate(donor) as { ds: DeleteSet }).ds;
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const anyItem = () => (items.length > 0 ? rng.pick(items) : null);
  const someId = () => {
    const s = rng.pick(structs.length > 0 ? structs : [new Y.GC(Y.createID(1, 0), 1)]);
    return Y.createID(rng.chance(0.5) ? s.id.client : rng.int(5000), rng.chance(0.5) ? s.id.clock + rng.int(4) : rng.int(1 << 20));
  };
  switch (kind) {
    case 2: // fake client id for a whole block
      if (structs.length > 0) {
        const c = rng.pick(structs).id.client;
        const fake = rng.chance(0.5) ? rng.int(5000) : rng.pick(structs).id.client;
        for (const s of structs) if (s.id.client === c) (s as { id: Y.ID }).id = Y.createID(fake, s.id.clock);
      }
      break;
    case 3: // shifted or huge clocks
      for (const s of structs) if (rng.chance(0.3)) (s as { id: Y.ID }).id = Y.createID(s.id.client, rng.chance(0.5) ? s.id.clock + rng.range(-3, 3) : 2 ** 53 - rng.int(4));
      break;
    case 4: {
      // references to unknown items, or to the item's own future
      const it = anyItem();
      if (it) {
        const ref = rng.chance(0.5) ? someId() : Y.createID(it.id.client, it.id.clock + rng.int(3));
        if (rng.chance(0.5)) it.origin = ref;
        else it.rightOrigin = ref;
      }
      break;
    }
    case 5: {
      // parents of the wrong kind: by id (any struct), by root name, keyed vs list
      const it = anyItem();
      if (it) {
        it.origin = null;
        it.rightOrigin = null;
        const p = rng.int(3);
        it.parent = p === 0 ? someId() : ((rng.pick(['m', 'list', 'items', 'meta', 'nope']) as unknown) as Y.AbstractType<unknown>);
        it.parentSub = rng.chance(0.5) ? null : rng.word(3);
      }
      break;
    }
    case 6: // huge lengths
      for (const s of structs) {
        if (!rng.chance(0.3)) continue;
        const len = rng.chance(0.5) ? 2 ** rng.range(20, 52) : rng.int(2);
        if (s instanceof Y.Item) s.content = new Y.ContentDeleted(len);
        (s as { length: number }).length = len;
      }
      break;
    case 7: {
      // delete sets spliced from another update, made up, or huge
      const target = rng.int(3);
      if (target === 0) for (const [c, r] of donorDs.clients) ds.clients.set(c, r);
      else {
        const client = rng.chance(0.6) && structs.length > 0 ? rng.pick(structs).id.client : rng.int(5000);
        const ranges = ds.clients.get(client) ?? [];
        // DeleteItem is not exported; the encoder only reads clock and len.
        ds.clients.set(client, [...ranges, { clock: rng.int(64), len: target === 1 ? rng.int(8) : 2 ** rng.range(30, 53) } as (typeof ranges)[number]]);
      }
      break;
    }
    case 8: // a block listed twice, or a Skip gap
      if (structs.length > 0) {
        const s = rng.pick(structs);
        if (rng.chance(0.5)) structs.push(new Y.GC(Y.createID(s.id.client, s.id.clock + 100), 2));
        else structs.splice(structs.indexOf(s), 0, new Y.Skip(Y.createID(s.id.client, s.id.clock), 1));
      }
      break;
    default: // raw delete set bytes of another update appended (decoder stops after the first)
      return new Uint8Array([...update.slice(0, update.length - 1), ...donor.slice(rng.int(donor.length))]);
  }
  try {
    return encode(structs, ds);
  } catch {
    return update;
  }
}

function memoryStore(rows: Uint8Array[]): BoardStore & { appended: Uint8Array[] } {
  const appended: Uint8Array[] = [];
  return {
    appended,
    load: () => rows,
    append: (_id, u) => void appended.push(...u),
    compact: () => {},
    deleteBoard: () => {},
    count: () => rows.length,
    close: () => {},
  };
}

function snapshot(doc: Y.Doc) {
  return {
    state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex'),
    sv: Buffer.from(Y.encodeStateVector(doc)).toString('hex'),
    pending: Buffer.from(doc.store.pendingStructs?.update ?? []).toString('hex') + '/' + Buffer.from(doc.store.pendingDs ?? []).toString('hex'),
  };
}

it(`mutated updates are accepted exactly as Yjs applies them, or refused leaving the room untouched (seed ${SEED})`, async () => {
  const rng = new Rng(SEED);
  let accepted = 0;
  let refused = 0;
  let errors = 0;
  const log = { warn: () => {}, info: () => {}, error: () => void errors++ } as unknown as Logger;
  for (let i = 0; i < CASES; i++) {
    const { base, update, donor } = randomBoard(rng);
    const hostile = mutate(rng, update, donor);
    const label = `case ${i} (seed ${SEED}): ${Buffer.from(hostile).toString('hex')}`;
    const store = memoryStore([base]);
    const room = new Room('b', store, log, 1000);
    await room.load();
    const before = snapshot(room.doc);
    const closes: number[] = [];
    const peer: Peer = { id: i, socket: { send: () => {}, close: (code) => void closes.push(code) }, awarenessIds: new Set() };
    room.addPeer(peer);
    await room.receive(peer, updateFrame(hostile));
    await room.settled();

    const reference = new Y.Doc();
    Y.applyUpdate(reference, base);
    let referenceThrew = false;
    try {
      Y.applyUpdate(reference, hostile);
    } catch {
      referenceThrew = true;
    }
    if (closes.length === 0) {
      accepted++;
      expect(referenceThrew, label).toBe(false);
      expect(snapshot(room.doc), label).toEqual(snapshot(reference));
    } else {
      refused++;
      // Undecodable updates are caught by the message decoder (4001), the rest by the room (4100).
      expect([[CloseCode.BadMessage], [CloseCode.UpdateRejected]], label).toContainEqual(closes);
      expect(snapshot(room.doc), label).toEqual(before);
      expect(store.appended, label).toEqual([]);
    }
    expect(errors, `${label}: the resync safety net fired`).toBe(0);
    reference.destroy();
    await room.destroy();
  }
  console.log(`room differential fuzz seed ${SEED}: ${accepted} accepted, ${refused} refused of ${CASES}`);
  expect(accepted).toBeGreaterThan(CASES / 10);
  expect(refused).toBeGreaterThan(CASES / 10);
}, 120_000);
