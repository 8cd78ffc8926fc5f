#!/usr/bin/env node
// Builds hnswlib-node's native addon against the headers of the Node.js running this install, found beside its
// binary (<prefix>/include/node, as Debian's nodejs and the official tarballs ship them). Left to itself, node-gyp
// downloads the headers unless the user's npm config names a nodedir, so an install with a fresh HOME and no
// network failed. package.json's allowScripts denies the package's own build for this reason; this runs instead,
// as the root package's postinstall. A nodedir the user did configure is kept.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const addonDir = dirname(require.resolve('hnswlib-node/package.json'));
const nodeGyp = process.env.npm_config_node_gyp;
if (!nodeGyp) {
  process.stderr.write('build-native: run me through npm (npm ci / npm install), which provides node-gyp.\n');
  process.exit(1);
}
const prefix = dirname(dirname(process.execPath));
const ownHeaders = existsSync(join(prefix, 'include', 'node', 'node.h')) ? [`--nodedir=${prefix}`] : [];
const nodedir = process.env.npm_config_nodedir ? [] : ownHeaders;
// The compiler's warnings about hnswlib's own sources are noise to an installer; they are shown only if the build fails.
const run = spawnSync(process.execPath, [nodeGyp, 'rebuild', ...nodedir], { cwd: addonDir, encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}build-native: building hnswlib-node failed (see above).\n`);
  process.exit(run.status ?? 1);
}
