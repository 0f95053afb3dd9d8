import { startServer } from './app';
import { configFromEnv } from './config';
import { createLogger } from './log';

const log = createLogger();
const config = configFromEnv();
const server = await startServer(config, log);
log.info({ port: server.port, dataDir: config.dataDir }, `Samskab is running: open ${server.url}`);
// Printed plainly as well, so the person who ran `npm start` sees where to go.
console.log(`\n  Samskab: ${server.url}\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: Error) => {
        log.error({ err: err.message }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
