import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { DEFAULT_ACCESS_OPTIONS } from './options';
import { AccessService } from './service';
import { SqliteAccessStore } from './sqlite';

export { handleAccessApi } from './http';
export { setSecurityHeaders } from './headers';
export { AccessService } from './service';

/** The access rules of a server, with records in DATA_DIR/samskab.sqlite. */
export function createAccessService(config: ServerConfig, log: Logger): AccessService {
  return new AccessService(new SqliteAccessStore(config.dataDir), { ...DEFAULT_ACCESS_OPTIONS, ...config.access }, log);
}
