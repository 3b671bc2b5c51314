#!/usr/bin/env node
// `npm start`: build when the sources changed, then open the desktop window on the demo store.
// Where no Electron binary exists and none can be fetched (as on machines without internet),
// serve the same workbench through the loopback browser harness and print its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DEMO_CASES = '300';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function ensureBuilt() {
  const built = join(root, 'out', 'renderer', 'index.html');
  const stale = !existsSync(built) || newest(join(root, 'src')) > statSync(built).mtimeMs;
  if (stale && !run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const present = () => existsSync(join(pkg, 'path.txt')) && existsSync(join(pkg, 'dist', readFileSync(join(pkg, 'path.txt'), 'utf8').trim()));
  if (!present()) {
    // npm install skips Electron's download (package.json allowScripts); fetch it on first start.
    console.log('Fetching the Electron binary for the desktop window …');
    run(process.execPath, [join(pkg, 'install.js')], { stdio: ['ignore', 'ignore', 'ignore'], timeout: 300_000 });
  }
  return present() ? require('electron') : null;
}

function startDesktop(electron) {
  // Electron needs better-sqlite3 built for its own ABI, kept apart from the Node build.
  if (!run(process.execPath, [join(root, 'scripts', 'electron-native.mjs')])) {
    console.error('Could not build the database module for Electron; serving the browser workbench instead.');
    return false;
  }
  const child = spawn(electron, [root, `--demo=${DEMO_CASES}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  return true;
}

function startHarness() {
  const args = [join(root, 'bin', 'ombud.mjs'), 'serve', '--demo', DEMO_CASES, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuilt();
const electron = electronBinary();
if (!electron) console.log('No Electron binary on this machine: serving the workbench in the browser instead.');
if (!electron || !startDesktop(electron)) startHarness();
