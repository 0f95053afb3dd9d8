import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendError } from './respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built client. Hashed assets are cached for a year; index.html is
 * served for the app's routes (/ and /b/<id>) and never cached, so a deploy
 * takes effect on the next load.
 */
export function createStaticHandler(clientDir: string) {
  const root = path.resolve(clientDir);
  const indexPath = path.join(root, 'index.html');

  function sendFile(res: ServerResponse, file: string, cache: string, head: boolean): void {
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        sendError(res, 404, 'not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': cache });
      if (head) {
        res.end();
        return;
      }
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    });
  }

  return function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const head = req.method === 'HEAD';
    if (pathname === '/' || pathname.startsWith('/b/')) {
      if (!fs.existsSync(indexPath)) {
        sendError(res, 503, 'client not built: run `npm run build` (npm start does this for you)');
        return;
      }
      sendFile(res, indexPath, 'no-cache', head);
      return;
    }
    const file = path.resolve(root, '.' + path.posix.normalize(pathname));
    // Never serve outside the client directory.
    if (!file.startsWith(root + path.sep)) {
      sendError(res, 404, 'not found');
      return;
    }
    const immutable = pathname.startsWith('/assets/');
    sendFile(res, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache', head);
  };
}
