import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol';
import { Rng } from './prng';

/** Frame builders and hostile-update generators for the trust and fuzz tests. */

export function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** [sync, update, bytes] as y-websocket sends an edit. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });
}

/** [sync, step1, state vector]. */
export function step1Frame(stateVector: Uint8Array = new Uint8Array([0])): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

/** An awareness message setting `state` for `clientId` at `clock`. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      e,
      frame((e2) => {
        encoding.writeVarUint(e2, 1);
        encoding.writeVarUint(e2, clientId);
        encoding.writeVarUint(e2, clock);
        encoding.writeVarString(e2, JSON.stringify(state));
      }),
    );
  });
}

/** A fresh doc with the given client id, so generated updates are reproducible. */
export function docWithClient(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

export interface PartialCase {
  /** The hostile update: Y.decodeUpdate accepts it, but applying it throws halfway. */
  update: Uint8Array;
  /** What applying it to a copy of the base emitted before throwing (proof of the partial apply). */
  emittedBytes: number;
  error: string;
}

/**
 * Searches (seeded, so always the same result) for a byte mutation of
 * `update` that decodes completely but throws while Yjs integrates it into a
 * doc holding `base`, after part of it was applied and an update event
 * emitted: exactly what a naive server would store and relay.
 */
export function findPartialUpdates(base: Uint8Array, update: Uint8Array, want: number, seed = 1): PartialCase[] {
  const rng = new Rng(seed);
  const found: PartialCase[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 300_000 && found.length < want; i++) {
    const m = new Uint8Array(update);
    const flips = rng.range(1, 3);
    for (let k = 0; k < flips; k++) m[rng.int(m.length)] = rng.int(256);
    try {
      Y.decodeUpdate(m);
    } catch {
      continue;
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    let emitted = 0;
    doc.on('update', (u: Uint8Array) => (emitted += u.byteLength));
    try {
      Y.applyUpdate(doc, m);
    } catch (err) {
      const key = Buffer.from(m).toString('hex');
      if (emitted > 0 && !seen.has(key)) {
        seen.add(key);
        found.push({ update: m, emittedBytes: emitted, error: (err as Error).message });
      }
    } finally {
      doc.destroy();
    }
  }
  return found;
}
