/** Board ids travel in URLs and websocket paths; keep them to a URL-safe alphabet. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidBoardId(id: unknown): id is string {
  return typeof id === 'string' && BOARD_ID_PATTERN.test(id);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Random id of `chars` base64url characters (6 bits each) from the platform CSPRNG. */
export function randomId(chars: number): string {
  const bytes = new Uint8Array(chars);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 63];
  return out;
}

/** 22 base64url characters = 132 bits: an unguessable board link. */
export function newBoardId(): string {
  return randomId(22);
}

/** Item ids only need to be unique within a board; 16 chars = 96 bits. */
export function newItemId(): string {
  return randomId(16);
}
