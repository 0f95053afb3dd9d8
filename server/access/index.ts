import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { DEFAULT_ACCESS_OPTIONS } from '../accessOptions';
import { scaleOutOf } from '../scale/backend';
import { AccessService } from './service';
import { PostgresAccessStore } from './postgres';
import { SqliteAccessStore } from './sqlite';

export { handleAccessApi } from './http';
export { setSecurityHeaders } from './headers';
export { admitUpgrade } from './upgrade';
export { AccessService } from './service';

/**
 * The access rules of a server, with records in DATA_DIR/samskab.sqlite, or
 * in PostgreSQL in scale-out mode (then records are cached only briefly, since
 * another instance may rotate a board's links).
 */
export function createAccessService(config: ServerConfig, log: Logger): AccessService {
  const options = { ...DEFAULT_ACCESS_OPTIONS, ...config.access };
  const scaleOut = scaleOutOf(config);
  if (scaleOut) return new AccessService(new PostgresAccessStore(scaleOut.databaseUrl), options, log, SHARED_CACHE_MS);
  return new AccessService(new SqliteAccessStore(config.dataDir), options, log);
}

/** How long an instance trusts its cached copy of a record that other instances may change. */
const SHARED_CACHE_MS = 1000;
