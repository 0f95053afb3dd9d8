import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { decodeMessage, ProtocolError, type IncomingMessage } from '../../server/sync/messages';
import { createItem } from '../../shared/model/board';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
} from '../../shared/protocol';
import { author } from '../helpers/board';
import { Rng } from '../helpers/prng';

/**
 * Frames are built here with y-protocols / lib0 the way a stock
 * y-websocket client builds them, independently of the server's encoders.
 */
function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  createItem(doc, { kind: 'idea', x: 1, y: 2, author: author(), text: 'hej\nverden' });
  return doc;
}

const doc = sampleDoc();
const update = Y.encodeStateAsUpdate(doc);
const stateVector = Y.encodeStateVector(doc);
const awareness = new awarenessProtocol.Awareness(doc);
awareness.setLocalState({ user: { name: 'Hanne', role: 'citizen' } });
const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
awareness.destroy();

const VALID: Record<string, Uint8Array> = {
  step1: frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
  }),
  step2: frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0]));
  }),
  update: frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  }),
  awareness: frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  }),
  queryAwareness: frame((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS)),
  saved: frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SAVED);
    encoding.writeVarUint(e, 300);
  }),
};

const expectProtocolError = (data: Uint8Array) => expect(() => decodeMessage(data)).toThrow(ProtocolError);

describe('decodeMessage: valid frames', () => {
  it('decodes sync step 1 with its state vector', () => {
    const msg = decodeMessage(VALID.step1 as Uint8Array);
    expect(msg.type).toBe('sync-step1');
    expect(msg.type === 'sync-step1' && Array.from(msg.stateVector)).toEqual(Array.from(stateVector));
  });

  it('decodes step 2 and updates as updates that reproduce the document', () => {
    for (const key of ['step2', 'update'] as const) {
      const msg = decodeMessage(VALID[key] as Uint8Array);
      expect(msg.type).toBe('update');
      const copy = new Y.Doc();
      if (msg.type === 'update') Y.applyUpdate(copy, msg.update);
      expect(copy.getMap('items').toJSON()).toEqual(doc.getMap('items').toJSON());
      expect(copy.getMap('items').size).toBe(1);
      copy.destroy();
    }
  });

  it('decodes awareness with its entries', () => {
    const msg = decodeMessage(VALID.awareness as Uint8Array);
    expect(msg).toMatchObject({
      type: 'awareness',
      clients: [{ clientId: doc.clientID, clock: expect.any(Number), state: { user: { name: 'Hanne', role: 'citizen' } } }],
    });
  });

  it('decodes query-awareness, the saved request with its seq, and auth', () => {
    expect(decodeMessage(VALID.queryAwareness as Uint8Array)).toEqual({ type: 'query-awareness' });
    expect(decodeMessage(VALID.saved as Uint8Array)).toEqual({ type: 'saved-request', seq: 300 });
    const auth = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_AUTH);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, 'denied');
    });
    expect(decodeMessage(auth)).toEqual({ type: 'auth' });
  });

  it('accepts an empty awareness update (no clients)', () => {
    const empty = frame((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(e, frame((e2) => encoding.writeVarUint(e2, 0)));
    });
    expect(decodeMessage(empty)).toMatchObject({ type: 'awareness', clients: [] });
  });
});

describe('decodeMessage: rejects with ProtocolError', () => {
  it('an empty frame', () => expectProtocolError(new Uint8Array(0)));

  it.each(Object.keys(VALID))('every truncation of a valid %s frame', (key) => {
    const full = VALID[key] as Uint8Array;
    for (let len = 0; len < full.length; len++) {
      expect(() => decodeMessage(full.slice(0, len)), `${key} cut to ${len} of ${full.length} bytes`).toThrow(
        ProtocolError,
      );
    }
  });

  it.each(Object.keys(VALID))('a valid %s frame with trailing bytes', (key) => {
    const full = VALID[key] as Uint8Array;
    for (const tail of [[0], [1, 2, 3], [255]]) {
      expectProtocolError(new Uint8Array([...full, ...tail]));
    }
  });

  it('unknown message types, including multi-byte varints', () => {
    for (const type of [5, 6, 42, 127, 128, 300, 2 ** 31]) {
      expectProtocolError(frame((e) => encoding.writeVarUint(e, type)));
      expectProtocolError(
        frame((e) => {
          encoding.writeVarUint(e, type);
          encoding.writeVarUint8Array(e, update);
        }),
      );
    }
    // A varint longer than 53 bits.
    expectProtocolError(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 1]));
  });

  it('unknown sync subtypes', () => {
    for (const sub of [3, 4, 99]) {
      expectProtocolError(
        frame((e) => {
          encoding.writeVarUint(e, MESSAGE_SYNC);
          encoding.writeVarUint(e, sub);
          encoding.writeVarUint8Array(e, update);
        }),
      );
    }
  });

  it('garbled updates and state vectors inside a well-formed envelope', () => {
    const sync = (sub: number, payload: number[]) =>
      frame((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, sub);
        encoding.writeVarUint8Array(e, new Uint8Array(payload));
      });
    expectProtocolError(sync(2, [255, 255, 255, 255, 255]));
    expectProtocolError(sync(1, [5, 5, 5, 5]));
    expectProtocolError(sync(2, []));
    expectProtocolError(sync(0, [7]));
    // A real update cut short inside the envelope (the length prefix matches the cut payload).
    expectProtocolError(sync(2, Array.from(update.slice(0, Math.floor(update.length / 2)))));
  });

  it('awareness updates with bad JSON, truncated entries or trailing bytes', () => {
    const aw = (write: (e: encoding.Encoder) => void) =>
      frame((e) => {
        encoding.writeVarUint(e, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(e, frame(write));
      });
    expectProtocolError(
      aw((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, '{not json');
      }),
    );
    expectProtocolError(
      aw((e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, '{}');
      }),
    );
    expectProtocolError(
      aw((e) => {
        encoding.writeUint8Array(e, awarenessUpdate);
        encoding.writeVarUint(e, 0);
      }),
    );
  });

  it('text that happens to arrive as bytes', () => {
    expectProtocolError(new TextEncoder().encode('{"type":"update"}'));
    expectProtocolError(new TextEncoder().encode('hello'));
  });
});

describe('decodeMessage: fuzz', () => {
  const KNOWN: IncomingMessage['type'][] = ['sync-step1', 'update', 'awareness', 'query-awareness', 'saved-request', 'auth'];

  it('random bytes and mutated valid frames either decode or throw ProtocolError, never anything else', () => {
    const rng = new Rng(7);
    const valid = Object.values(VALID);
    let rejected = 0;
    for (let n = 0; n < 3000; n++) {
      let data: Uint8Array;
      if (rng.chance(0.3)) {
        data = new Uint8Array(rng.range(0, 40)).map(() => rng.int(256));
      } else {
        data = rng.pick(valid).slice();
        const flips = rng.range(1, 3);
        for (let f = 0; f < flips && data.length > 0; f++) data[rng.int(data.length)] = rng.int(256);
      }
      let msg: IncomingMessage | null = null;
      let error: unknown = null;
      try {
        msg = decodeMessage(data);
      } catch (err) {
        error = err;
      }
      if (msg) {
        expect(KNOWN).toContain(msg.type);
      } else {
        expect(error, `case ${n} [${Array.from(data).join(',')}]`).toBeInstanceOf(ProtocolError);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});
