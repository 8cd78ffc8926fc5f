import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from '../http.js';

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  'style.css': 'text/css; charset=utf-8',
  'search.js': 'text/javascript; charset=utf-8',
  'doc.js': 'text/javascript; charset=utf-8',
};

/** `adapters/web/assets` from the package root, so the same files serve both tests (source) and `dist/`. */
function assetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the web adapter');
    dir = parent;
  }
  return join(dir, 'adapters', 'web', 'assets');
}

/** Reads the few static files once; the set is fixed, so no path from a request ever reaches the file system. */
export function loadAssets(): ReadonlyMap<string, Asset> {
  const dir = assetsDir();
  return new Map(
    Object.entries(TYPES).map(([name, type]) => {
      const body = readFileSync(join(dir, name));
      return [name, { body, type, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` }];
    }),
  );
}

export function handleAsset(req: IncomingMessage, res: ServerResponse, url: URL, assets: ReadonlyMap<string, Asset>): void {
  const asset = assets.get(url.pathname.slice('/assets/'.length));
  if (!asset) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
    return;
  }
  const cache = { ETag: asset.etag, 'Cache-Control': 'public, max-age=300' };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, cache);
    res.end();
    return;
  }
  send(res, 200, asset.type, asset.body, cache);
}
