import { ACCESS_KEY_HEADER, ACCESS_KEY_PARAM, ACCESS_PASSCODE_HEADER, ACCESS_PASSCODE_PARAM } from '../../../shared/protocol';

/** Board API calls carry the same credentials the websocket uses, as headers. */
export function credentialHeaders(params: Record<string, string> | undefined): Record<string, string> {
  const h: Record<string, string> = {};
  const key = params?.[ACCESS_KEY_PARAM];
  const passcode = params?.[ACCESS_PASSCODE_PARAM];
  if (key) h[ACCESS_KEY_HEADER] = key;
  if (passcode) h[ACCESS_PASSCODE_HEADER] = encodeURIComponent(passcode);
  return h;
}

/** A board API call the server refused; the message is the server's `error`. */
export class ApiError extends Error {}
