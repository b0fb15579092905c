// A static file server for the built site, on loopback only, under a base path —
// the way GitHub Pages serves a project site (unknown paths get 404.html).
// Usage: node tests/serve.mjs <dist-dir> <base-path> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const [dist = 'dist', base = '/dossier/', port = '8080'] = process.argv.slice(2);
const root = resolve(dist);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

async function file(path) {
  try {
    const s = await stat(path);
    return s.isDirectory() ? file(join(path, 'index.html')) : { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let found = null;
  if (url.pathname.startsWith(base)) {
    const rel = normalize(decodeURIComponent(url.pathname.slice(base.length)));
    const path = join(root, rel);
    if (path.startsWith(root)) found = await file(path);
  }
  const status = found ? 200 : 404;
  found ??= await file(join(root, '404.html'));
  if (!found) { res.writeHead(404).end('not found'); return; }
  res.writeHead(status, { 'content-type': types[extname(found.path)] ?? 'application/octet-stream' });
  res.end(found.body);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Dossier: http://127.0.0.1:${port}${base}`);
});
