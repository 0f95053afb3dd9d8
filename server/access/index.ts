import type { ServerConfig } from '../config';
import type { SlidingWindows } from '../limits/slidingWindow';
import type { Logger } from '../log';
import { DEFAULT_ACCESS_OPTIONS } from '../accessOptions';
import { scaleOutOf } from '../scale/backend';
import { AccessService } from './service';
import type { AccessStore } from './types';

export { handleAccessApi } from './http';
export { setSecurityHeaders } from './headers';
export { admitUpgrade } from './upgrade';
export { AccessService } from './service';

/**
 * The access rules of a server, with records in DATA_DIR/samskab.sqlite, or
 * in PostgreSQL in scale-out mode (then records are cached only briefly, since
 * another instance may rotate a board's links).
 */
export function createAccessService(config: ServerConfig, store: AccessStore, log: Logger, windows: SlidingWindows): AccessService {
  const options = { ...DEFAULT_ACCESS_OPTIONS, ...config.access };
  return new AccessService(store, options, log, windows, config.openBoards, scaleOutOf(config) ? SHARED_CACHE_MS : undefined);
}

/** How long an instance trusts its cached copy of a record that other instances may change. */
const SHARED_CACHE_MS = 1000;
