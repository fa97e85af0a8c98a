// serve: a small static file server for dist/ (Node built-ins only), used by `npm start`
// and the tests. `node scripts/serve.mjs [DIR] [PORT] [--base /some/sub/path/]` serves a
// directory on 127.0.0.1, optionally under a sub-path as a static host would.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isMain, root } from './lib.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const HOST = '127.0.0.1';
const PORT_ATTEMPTS = 20;

function fileFor(dir, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(dir, path));
  if (full !== dir && !full.startsWith(dir + sep)) return null;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) return fileFor(dir, `${path.replace(/\/$/, '')}/index.html`);
    return stat.isFile() ? { full, size: stat.size } : null;
  } catch {
    return null;
  }
}

/** normalizeBase turns "some/sub/path" or "/some/sub/path" into "/some/sub/path/". */
export function normalizeBase(base = '/') {
  const trimmed = String(base).replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function handler(dir, base) {
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = request.url ?? '/';
    const path = url.split('?')[0];
    // The base without its slash redirects, so the page's relative URLs resolve under it.
    if (base !== '/' && path === base.slice(0, -1)) {
      response.writeHead(301, { Location: base + url.slice(path.length) }).end();
      return;
    }
    const file = url.startsWith(base) ? fileFor(dir, `/${url.slice(base.length)}`) : null;
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file.full)] ?? 'application/octet-stream',
      'Content-Length': file.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file.full).pipe(response);
  };
}

function listen(server, port) {
  return new Promise((resolvePromise, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/** portMovedNotice is the line printed when the port asked for is taken and serve moved on. */
export function portMovedNotice(port, url) {
  return `port ${port} is in use (another \`npm start\`?); serving on ${url} instead`;
}

/**
 * serve starts serving dir on the first free port from `port`, under options.base (default "/");
 * resolves to its URL and, when that is not `port`, the notice to print (else null).
 */
export async function serve(dir, port, options = {}) {
  const base = normalizeBase(options.base);
  const server = createServer(handler(resolve(dir), base));
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    try {
      await listen(server, port + attempt);
      const url = `http://${HOST}:${port + attempt}${base}`;
      return { server, url, notice: attempt > 0 ? portMovedNotice(port, url) : null };
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port in ${port}..${port + PORT_ATTEMPTS - 1}`);
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--base');
  const base = at >= 0 ? args.splice(at, 2)[1] : '/';
  const dir = args[0] ?? join(root, 'dist');
  const { url, notice } = await serve(dir, Number(args[1] ?? 4173), { base });
  if (notice) console.log(notice);
  console.log(`Serving ${dir} at ${url}`);
}
