/**
 * `npm run dev:worker` (scripts/dev-worker.ts) as the contract describes it: it honours PORT and
 * HOST, prints exactly `listening on http://HOST:PORT` once the app answers, gives the Worker
 * PUBLIC_URL = that origin, stops with wrangler on SIGINT/SIGTERM leaving nothing running, and its
 * state survives a restart. Run as a person would, with a folder of its own for state (`--
 * --persist-to`), an empty client folder (`-- --assets`, so nothing is built) and the debugger on
 * a port from the OS (`-- --inspector-port 0`: the default 9229 races with other tests' wrangler).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../server/http/security-headers.ts';
import { freePort } from '../support/free-port.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { api, signUp } from '../support/test-server.ts';

const script = fileURLToPath(new URL('../../scripts/dev-worker.ts', import.meta.url));
const dir = makeTempDir('common-ground-dev-worker-');
const assets = join(dir.path, 'client');
mkdirSync(assets);

interface Run {
  child: ChildProcess;
  exited: Promise<number | string>;
  output: () => string;
}

const runs: Run[] = [];

/** Starts the script as `npm run dev:worker` would, resolving once it printed its listening line. */
async function devWorker(env: Record<string, string>, line: string): Promise<Run> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script, '--assets', assets, '--persist-to', join(dir.path, 'state'), '--inspector-port', '0'], {
    env: { ...process.env, PUBLIC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const run = { child, exited, output: () => output };
  runs.push(run);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (!output.split('\n').includes(line)) return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`dev:worker exited (${how}) before listening:\n${output}`));
    });
  });
  return run;
}

describe('npm run dev:worker', () => {
  afterAll(async () => {
    for (const run of runs) {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
      await run.exited;
    }
    dir.remove();
  });

  it('listens on HOST and PORT, tells the Worker its origin, keeps its state across a restart and stops on a signal', async () => {
    const port = await freePort();
    // 127.0.0.2 is loopback too, and differs from the default 127.0.0.1: HOST must be honoured.
    const origin = `http://127.0.0.2:${port}`;
    const first = await devWorker({ HOST: '127.0.0.2', PORT: String(port) }, `listening on ${origin}`);
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    // PUBLIC_URL defaults to the origin it listens on (wrangler.toml's var says 127.0.0.1:8787).
    expect(health.headers.get('content-security-policy')).toBe(contentSecurityPolicy(origin));
    const app = { url: origin, config: { publicOrigin: origin } };
    const person = await signUp(app, 'Cai');

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    // wrangler and both workerd are gone with it: nothing answers on the port.
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();

    const second = await devWorker({ HOST: '127.0.0.2', PORT: String(port) }, `listening on ${origin}`);
    const me = await api(app, '/api/me', { cookie: person.cookie });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(person.id);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
