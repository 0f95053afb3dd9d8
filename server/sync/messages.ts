import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
} from '../../shared/protocol';

/**
 * The y-websocket wire format, decoded strictly: anything that does not parse
 * completely is a ProtocolError and closes only the sender's connection.
 *
 *   message  = varUint type, payload
 *   sync     = varUint subtype (0 step1 | 1 step2 | 2 update), varUint8Array
 *   awareness= varUint8Array (awareness update)
 */

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export type IncomingMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array; clients: AwarenessEntry[] }
  | { type: 'query-awareness' }
  | { type: 'saved-request'; seq: number }
  | { type: 'auth' };

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null means "this client left". */
  state: unknown;
  /** Length of the state's JSON text as received (for the presence size limit). */
  bytes?: number;
}

function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    const state: unknown = JSON.parse(json);
    out.push({ clientId, clock, state, bytes: json.length });
  }
  if (decoding.hasContent(d)) throw new ProtocolError('trailing bytes in awareness update');
  return out;
}

/** Re-encodes awareness entries in the y-protocols awareness update format. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}

export function decodeMessage(data: Uint8Array): IncomingMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let msg: IncomingMessage;
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload);
          msg = { type: 'sync-step1', stateVector: payload };
        } else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
          // Decoding the whole update first rejects truncated or garbled updates
          // before any part of them can touch the document.
          Y.decodeUpdate(payload);
          msg = { type: 'update', update: payload };
        } else {
          throw new ProtocolError(`unknown sync message ${sub}`);
        }
        break;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(d);
        msg = { type: 'awareness', update, clients: readAwarenessEntries(update) };
        break;
      }
      case MESSAGE_QUERY_AWARENESS:
        msg = { type: 'query-awareness' };
        break;
      case MESSAGE_SAVED:
        msg = { type: 'saved-request', seq: decoding.readVarUint(d) };
        break;
      case MESSAGE_AUTH:
        msg = { type: 'auth' };
        return msg;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new ProtocolError('trailing bytes after message');
    return msg;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`undecodable message: ${(err as Error).message}`);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

export { encodeSavedMessage as encodeSaved } from '../../shared/saved';
