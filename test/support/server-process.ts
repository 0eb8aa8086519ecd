/**
 * The real server as a child process (`node server/runtime/node-main.ts`), for tests that kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../server/runtime/node-main.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  config: { publicOrigin: string };
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts the server on a free port with the given database and waits for its listening line. */
export function startServerProcess(libsqlUrl: string): Promise<ServerProcess> {
  // The flags make type stripping work on Node 22.12+ too (it is on by default from 22.18).
  const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', entry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LIBSQL_URL: libsqlUrl, PUBLIC_URL: 'http://127.0.0.1:1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        const url = match[1]!;
        resolve({
          child,
          url,
          wsUrl: url.replace(/^http/, 'ws'),
          config: { publicOrigin: 'http://127.0.0.1:1' },
          output: () => output,
          exited,
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}
