#!/usr/bin/env node
// Builds the native addons (hnswlib-node, better-sqlite3) against the headers of the Node.js running this install,
// found beside its binary (<prefix>/include/node, as Debian's nodejs and the official tarballs ship them). Left to
// themselves, node-gyp downloads the headers unless the user's npm config names a nodedir, and better-sqlite3's
// prebuild-install downloads a prebuilt binary, so an install with a fresh HOME and no network failed.
// package.json's allowScripts denies the packages' own install scripts for this reason; this runs instead, as the
// root package's postinstall. A nodedir the user did configure is kept.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Each addon and the node-gyp arguments its own install script would use. */
const ADDONS = [
  { name: 'hnswlib-node', args: [] },
  // better-sqlite3 compiles SQLite itself from the amalgamation it ships (deps/), so no system library is needed.
  { name: 'better-sqlite3', args: ['--release'] },
];

const require = createRequire(import.meta.url);
const nodeGyp = process.env.npm_config_node_gyp;
if (!nodeGyp) {
  process.stderr.write('build-native: run me through npm (npm ci / npm install), which provides node-gyp.\n');
  process.exit(1);
}
const prefix = dirname(dirname(process.execPath));
const ownHeaders = existsSync(join(prefix, 'include', 'node', 'node.h')) ? [`--nodedir=${prefix}`] : [];
const nodedir = process.env.npm_config_nodedir ? [] : ownHeaders;

/** Runs node-gyp for one addon, its output kept: the compiler's warnings are noise unless the build fails. */
function build(addon) {
  const addonDir = dirname(require.resolve(`${addon.name}/package.json`));
  const child = spawn(process.execPath, [nodeGyp, 'rebuild', '--jobs=max', ...addon.args, ...nodedir], { cwd: addonDir });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ addon, status, output })));
}

// Both at once: on two cores the two compilations overlap, and SQLite's alone takes most of the install.
const results = await Promise.all(ADDONS.map(build));
for (const { addon, status, output } of results) {
  if (status !== 0) {
    process.stderr.write(`${output}build-native: building ${addon.name} failed (see above).\n`);
    process.exitCode = status ?? 1;
  }
}
