// Serves dist/ on 127.0.0.1 with the headers that make pages cross-origin isolated (so the threaded
// wasm build can run):  Cross-Origin-Opener-Policy: same-origin, Cross-Origin-Embedder-Policy: require-corp.
//   node scripts/serve.mjs [--port 8080] [--no-isolation] [--dir dist]
// PORT in the environment also sets the port; 0 picks a free one. --no-isolation serves without the
// headers, like a plain static host (the page then falls back to the service worker or the st build).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.safetensors': 'application/octet-stream',
};

/** Starts a static server; resolves with { server, url }. `mounts` maps URL prefixes to other
 *  folders (the benchmarks serve their harness beside dist/wasm). */
export function serve({ dir, port = 0, isolation = true, host = '127.0.0.1', mounts = {} }) {
  const rootDir = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount ? path.resolve(mounts[mount]) : rootDir;
    let file = path.join(base, mount ? pathname.slice(mount.length) : pathname);
    if (!file.startsWith(base)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const headers = { 'Cache-Control': 'no-cache' };
    if (isolation) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { 'Content-Type': 'text/plain', ...headers }).end('not found');
        return;
      }
      headers['Content-Type'] = TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const portText = option('--port') ?? process.env.PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port expects a whole number from 0 to 65535, got '${portText}'`);
    process.exit(2);
  }
  const dir = option('--dir') ?? path.join(root, 'dist');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`serve: ${dir}/index.html not found; run 'npm run build' first`);
    process.exit(1);
  }
  const isolation = !args.includes('--no-isolation');
  serve({ dir, port, isolation })
    .then(({ url }) => {
      console.log(`\nmlplay is being served at ${url}`);
      console.log(isolation ? '(cross-origin isolated: the multi-threaded engine runs)' : '(no COOP/COEP headers: like a plain static host)');
      console.log('Press Ctrl+C to stop.');
    })
    .catch((error) => {
      console.error(`serve: could not listen on 127.0.0.1:${port}: ${error.message}`);
      process.exit(1);
    });
}
