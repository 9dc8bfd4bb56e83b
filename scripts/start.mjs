// `npm start`: make sure the Electron binary is present, build, then run the desktop app.
// package.json sets allowScripts.electron=false, so `npm install` does not download the binary;
// this script fetches it on first start instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(repoRoot, 'node_modules', 'electron');

/** The binary named by node_modules/electron/path.txt, if both exist; otherwise null. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The current environment minus the named variables. */
function envWithout(...names) {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

function ensureElectron() {
  const present = electronBinary();
  if (present !== null) return present;

  console.log('Electron binary not found; downloading it (node_modules/electron/install.js)...');
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: envWithout('ELECTRON_SKIP_BINARY_DOWNLOAD'),
  });
  const installed = install.status === 0 ? electronBinary() : null;
  if (installed !== null) return installed;

  console.error(
    [
      '',
      "Liaison Log cannot start: Electron's binary could not be downloaded.",
      '  - The download needs internet access to github.com, or set ELECTRON_MIRROR to a reachable mirror.',
      `  - Electron 45's downloader needs Node >= 22.12; this is Node ${process.versions.node}.`,
      '  - Meanwhile, `npm run preview` serves the same app to a browser.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

function build() {
  // Under `npm start`, npm_execpath is npm's own CLI: run it with this Node, which also avoids
  // spawning npm.cmd through a shell on Windows.
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: repoRoot, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('Liaison Log cannot start: `npm run build` failed; fix the errors above and run `npm start` again.');
    process.exit(1);
  }
}

const binary = ensureElectron();
build();

// ELECTRON_RUN_AS_NODE (set in some editor terminals) would make Electron run as plain Node.
const child = spawn(binary, [repoRoot], { cwd: repoRoot, stdio: 'inherit', env: envWithout('ELECTRON_RUN_AS_NODE') });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`Liaison Log cannot start: could not run ${binary}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code === null) console.error(`Electron exited on signal ${signal}.`);
  process.exit(code ?? 1);
});
