import { ACCESS_DEVICE_HEADER, ACCESS_KEY_HEADER, ACCESS_KEY_PARAM, ACCESS_PASSCODE_HEADER, ACCESS_PASSCODE_PARAM } from '../../../shared/protocol';
import { deviceKey } from '../state/deviceKey';

/**
 * This browser's id for the server's passcode limit, sent only with a
 * passcode: wrong passcodes are counted per device first, so one person's
 * typos do not lock out everyone on a town hall's network.
 */
export const passcodeDevice = () => deviceKey('samskab.device');

/** A board link's credentials: its secret (`?k=`) and the passcode the person typed. */
export interface Credentials {
  key: string | null;
  passcode: string | null;
}

/** A board link's query parameters, as the board page keeps them (`k`, `passcode`). */
export type LinkParams = Record<string, string> | undefined;

/** The credentials in a board link's query parameters (what the websocket sends too). */
export function credentialsOf(params: LinkParams): Credentials {
  return { key: params?.[ACCESS_KEY_PARAM] || null, passcode: params?.[ACCESS_PASSCODE_PARAM] || null };
}

/** Board API calls carry the same credentials the websocket uses, as headers. */
export function credentialHeaders(creds: Credentials | undefined): Record<string, string> {
  const h: Record<string, string> = {};
  if (creds?.key) h[ACCESS_KEY_HEADER] = creds.key;
  // Percent-encoded, so any characters of a passcode fit in a header.
  if (creds?.passcode) {
    h[ACCESS_PASSCODE_HEADER] = encodeURIComponent(creds.passcode);
    h[ACCESS_DEVICE_HEADER] = passcodeDevice();
  }
  return h;
}
