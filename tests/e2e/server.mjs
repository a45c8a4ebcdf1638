// Starts the real buurtteam binary on a fresh demo database for the browser tests, and stops it.
//
//   const server = await startServer();   // { url, stop() }
//   ...
//   await server.stop();
//
// The binary is $BUURTTEAM_BIN or target/debug/buurtteam (build it first with
// `cargo build -p buurtteam --bin buurtteam`). `demo` generates one realistic year of a
// synthetic city in a temporary directory, then prints
// "buurtteam is running at http://127.0.0.1:PORT/ ...".

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const START_TIMEOUT_MS = 120_000;

export function binaryPath() {
  // Relative to where the tests were started, as a shell would take it.
  const bin = process.env.BUURTTEAM_BIN ? resolve(process.env.BUURTTEAM_BIN) : join(ROOT, 'target', 'debug', 'buurtteam');
  if (!existsSync(bin)) {
    throw new Error(`buurtteam binary not found at ${bin}: run \`cargo build -p buurtteam --bin buurtteam\` or set BUURTTEAM_BIN`);
  }
  return bin;
}

async function waitForHealth(url, deadline) {
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(new URL('/healthz', url));
      if (res.ok) return;
      last = new Error(`/healthz answered ${res.status}`);
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy: ${last?.message}`);
}

/**
 * Starts `buurtteam demo` on 127.0.0.1 with a free port. Extra environment variables (for
 * settings such as BUURTTEAM_SECOND_FACTOR_ROLES) can be passed in `env`. With
 * `empty: { email, password }` it starts `buurtteam serve` on an empty database instead, with
 * only that admin (made by `buurtteam user add`, as an operator makes the first one).
 */
export async function startServer(options = {}) {
  try {
    return await startOnce(options);
  } catch (e) {
    // Killed from outside while generating (another process on a busy machine): once more.
    if (!e.killedBySignal) throw e;
    return startOnce(options);
  }
}

async function startOnce({ env = {}, seed, empty } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'buurtteam-e2e-'));
  let args = ['demo', '--file', join(dir, 'demo.db'), '--listen', '127.0.0.1:0'];
  if (seed !== undefined) args.push('--seed', String(seed));
  if (empty) {
    env = { ...env, DATABASE_URL: `sqlite://${join(dir, 'empty.db')}` };
    const add = ['user', 'add', '--email', empty.email, '--name', empty.name || 'Functioneel Beheerder', '--role', 'admin'];
    execFileSync(binaryPath(), add, { cwd: dir, env: { ...process.env, ...env, BUURTTEAM_PASSWORD: empty.password }, stdio: 'ignore' });
    args = ['serve', '--listen', '127.0.0.1:0'];
  }
  const child = spawn(binaryPath(), args, {
    cwd: dir,
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    stderr += d;
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  child.stdout.setEncoding('utf8');

  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "running at" line within ${START_TIMEOUT_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/running at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      const e = new Error(`buurtteam exited early (code ${code}, signal ${signal})\nstdout: ${stdout}\nstderr: ${stderr}`);
      e.killedBySignal = signal !== null;
      reject(e);
    });
  }).catch((e) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  try {
    await waitForHealth(url, Date.now() + 30_000);
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  let stopped = false;
  return {
    url,
    dir,
    /** What the server wrote to stderr so far (for failure messages). */
    logs: () => stderr,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
