// Compiles the server (server/ and the shared/ code it imports) to plain ESM
// JavaScript, dist/server/main.js, which production runs with plain `node`
// (no tsx: faster start, less memory). tsx stays for development and tests.
//
// esbuild bundles our own TypeScript into one file because the sources import
// each other without extensions ('./app'), which Node's ESM loader cannot
// resolve, so tsc's one-file-per-module output would not run as it is. Every
// npm package stays external (packages: 'external'): native better-sqlite3,
// pg and ioredis load from node_modules as they do under tsx.
//
//   node scripts/build-server.mjs [--outdir DIR]   (default dist/server)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultOutdir = path.join(root, 'dist/server');
const ESM_MARKER = '{ "type": "module" }\n';
/** Sources whose change makes the compiled server stale (this script included: it decides the output). */
const sources = ['server', 'shared', 'scripts/build-server.mjs'];

function newestMtime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when `outdir/main.js` is missing or older than any server or shared source. */
export function serverBuildStale(outdir = defaultOutdir) {
  const main = path.join(outdir, 'main.js');
  if (!fs.existsSync(main)) return true;
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  return fs.statSync(main).mtimeMs < newest;
}

/** Builds `outdir/main.js` (+ source map); returns its path. */
export async function buildServer(outdir = defaultOutdir) {
  const marker = path.join(outdir, 'package.json');
  // Never overwrite a real package's manifest (an --outdir that points at the repo, say).
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') !== ESM_MARKER) {
    throw new Error(`${outdir} holds a package.json of its own: choose an empty or build-only --outdir`);
  }
  // Loaded here, not at the top: start.mjs imports serverBuildStale on every start.
  const { build } = await import('esbuild');
  const outfile = path.join(outdir, 'main.js');
  await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    // server/config.ts finds the built client relative to its own module; in
    // the bundle that module is dist/server/main.js, so the client is ../client
    // (from source it is server/config.ts → ../dist/client).
    define: { SAMSKAB_CLIENT_FROM_MODULE: JSON.stringify('../client') },
  });
  // Marks main.js as ESM wherever the output lands (a temp dir, a container
  // layer), not only under the repo's package.json with "type": "module".
  fs.writeFileSync(marker, ESM_MARKER);
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--outdir');
  const outdir = i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : defaultOutdir;
  const outfile = await buildServer(outdir);
  console.log(`Built the server: ${path.relative(process.cwd(), outfile) || outfile}`);
}
