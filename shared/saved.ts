import * as encoding from 'lib0/encoding';
import { MESSAGE_SAVED } from './protocol';

/** [MESSAGE_SAVED, varUint seq]: the same shape as request (client) and answer (server). */
export function encodeSavedMessage(seq: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SAVED);
  encoding.writeVarUint(e, seq);
  return encoding.toUint8Array(e);
}
