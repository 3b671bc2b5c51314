#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/<electron version>/, leaving the
// Node build in node_modules untouched for tests, the CLI and the harness. Runs where Electron
// runs (npm start, packaging): it needs Electron's headers, which only a connected machine has.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const target = join(root, '.electron-native', version, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

const work = mkdtempSync(join(tmpdir(), 'ombud-electron-sqlite-'));
try {
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  // npm's own nodedir setting points node-gyp at Node's headers; Electron needs its own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_nodedir$/i.test(k)));
  const nodeGyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const args = ['rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'];
  const gyp = existsSync(nodeGyp) ? [process.execPath, [nodeGyp, ...args]] : ['npx', ['--yes', 'node-gyp', ...args]];
  console.log(`Building better-sqlite3 for Electron ${version} …`);
  const result = spawnSync(gyp[0], gyp[1], { cwd: work, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
} finally {
  rmSync(work, { recursive: true, force: true });
}
