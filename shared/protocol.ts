/**
 * Wire constants shared by server and client. The message types 0–3 are the
 * y-websocket protocol, so a stock WebsocketProvider talks to our server unchanged.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Samskab extension, "is it saved?": a client sends [4, varUint seq]; the
 * server answers [4, varUint seq] once every update it received before the
 * request is durably stored. Messages on one websocket are ordered, so the
 * answer covers all the client's earlier edits, deletions included. Stock
 * y-websocket clients never send it, so they never receive it.
 */
export const MESSAGE_SAVED = 4;

export const SYNC_PATH_PREFIX = '/sync/';

/**
 * Websocket close codes (4000–4999 is the application range). The client maps
 * each to a message in the person's language; see docs/architecture.md.
 */
export const CloseCode = {
  /** Normal close by the server during shutdown; the client reconnects. */
  ServerShutdown: 4000,
  /** A message could not be decoded or broke the protocol. */
  BadMessage: 4001,
  /** A message was larger than the configured limit. */
  MessageTooLarge: 4002,
  /** The board could not be loaded from storage. */
  StorageUnavailable: 4003,
  /** No board has this id (OPEN_BOARDS is off and no board was made with it); the client does not reconnect. */
  BoardUnknown: 4004,

  // ── Hostile input and limits (4100–4199) ─────────────────────────────────
  // Documented in docs/operations.md. A limit close tells the person what
  // happened; the client reconnects with backoff, so a temporary limit heals.
  /** An update decoded but could not be integrated; none of it was applied. */
  UpdateRejected: 4100,
  /** Updates whose dependencies never arrived piled up beyond the limit. */
  TooManyPendingUpdates: 4101,
  /** The connection did not read what the server sent (send buffer over the limit). */
  SlowConsumer: 4102,
  /** The board reached its size limit; the change was not stored. */
  BoardTooLarge: 4103,
  /** The board has as many connections as allowed. */
  BoardFull: 4104,
  /** Too many connections from this network address. */
  TooManyConnections: 4105,
  /** Too many document updates per second on this connection. */
  UpdateRateExceeded: 4106,
  /** Too many presence (awareness) updates per second on this connection. */
  AwarenessRateExceeded: 4107,

  // ── Outcomes (4200–4299) ─────────────────────────────────────────────────
  /** The board was deleted (erased with its snapshots); it cannot be reopened. */
  BoardDeleted: 4200,
  /** The board was moved to the trash; it can be recovered until it is erased (docs/api.md). */
  BoardTrashed: 4201,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

export const CloseReason: Record<CloseCodeValue, string> = {
  [CloseCode.ServerShutdown]: 'server shutting down',
  [CloseCode.BadMessage]: 'malformed message',
  [CloseCode.MessageTooLarge]: 'message too large',
  [CloseCode.StorageUnavailable]: 'board storage unavailable',
  [CloseCode.BoardUnknown]: 'board unknown',
  [CloseCode.UpdateRejected]: 'update rejected: it could not be applied',
  [CloseCode.TooManyPendingUpdates]: 'too many updates with missing dependencies',
  [CloseCode.SlowConsumer]: 'connection too slow: send buffer limit reached',
  [CloseCode.BoardTooLarge]: 'board size limit reached',
  [CloseCode.BoardFull]: 'board connection limit reached',
  [CloseCode.TooManyConnections]: 'too many connections from this address',
  [CloseCode.UpdateRateExceeded]: 'update rate limit exceeded',
  [CloseCode.AwarenessRateExceeded]: 'presence rate limit exceeded',
  [CloseCode.BoardDeleted]: 'board deleted',
  [CloseCode.BoardTrashed]: 'board moved to the trash',
};

/* ---- Access (docs/access.md). Kept apart from CloseCode: 4010–4019 are access codes. ---- */

export const AccessCloseCode = {
  /** The board's links were rotated; the old link no longer works. The client does not reconnect. */
  LinkRotated: 4010,
} as const;

export type AccessCloseCodeValue = (typeof AccessCloseCode)[keyof typeof AccessCloseCode];

export const AccessCloseReason: Record<AccessCloseCodeValue, string> = {
  [AccessCloseCode.LinkRotated]: 'link rotated',
};

/** Query parameters of the sync websocket and headers of the board HTTP API carrying credentials. */
export const ACCESS_KEY_PARAM = 'k';
export const ACCESS_PASSCODE_PARAM = 'passcode';
export const ACCESS_KEY_HEADER = 'X-Samskab-Key';
/** The passcode, percent-encoded UTF-8 (encodeURIComponent), so any characters fit in a header. */
export const ACCESS_PASSCODE_HEADER = 'X-Samskab-Passcode';
/** This browser's random device id: wrong passcodes are counted per device first (docs/access.md). */
export const ACCESS_DEVICE_PARAM = 'device';
export const ACCESS_DEVICE_HEADER = 'X-Samskab-Device';
/** The voter's secret id on vote-round calls (never the public person key). */
export const VOTER_HEADER = 'X-Samskab-Voter';
