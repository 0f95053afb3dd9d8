// Preloaded into a server child process (node --import): on SIGUSR2 it prints the npm packages the
// process has loaded so far, CommonJS (require.cache) and ES modules (a resolve hook) alike.
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const resolved = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => resolved.add(url));
port1.unref();
register('./loaded-packages-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

process.on('SIGUSR2', () => {
  const cache = Object.keys(createRequire(import.meta.url).cache);
  const names = new Set();
  for (const p of [...resolved, ...cache]) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p);
    if (m) names.add(m[1]);
  }
  process.stdout.write(`LOADED-PACKAGES ${JSON.stringify([...names].sort())}\n`);
});
