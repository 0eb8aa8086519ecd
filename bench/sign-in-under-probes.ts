/**
 * `npm run bench -- --signin` (or `node bench/sign-in-under-probes.ts`): how long a person waits
 * to sign in while 60 guests at once try to add an email and password — each try a scrypt hash
 * at the production cost, the flood issue 9 describes. The server runs in a child process
 * (bench/sign-in-server.ts: production cost, per-address limits raised so every probe reaches the
 * hashing, as a flood from many addresses would). First sign-ins one at a time on the idle server,
 * then rounds of 60 probes fired at once, with sign-ins one after another for as long as any
 * probe is unanswered. Prints a markdown section on stdout, progress on stderr.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { childServer, type ChildServer } from '../test/support/child-server.ts';
import { freePort } from '../test/support/free-port.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { markdownTable, ms, summarize } from './stats.ts';

const probes = 60;
const rounds = 5;
const idleSignIns = 10;
const password = 'the password Ann signs in with';

interface Target {
  url: string;
}

async function post(target: Target, path: string, body: unknown, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = { origin: target.url, 'content-type': 'application/json' };
  if (cookie) headers['cookie'] = cookie;
  return fetch(`${target.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function cookieOf(response: Response): string {
  const line = response.headers.getSetCookie().find((l) => l.startsWith('session='));
  if (!line) throw new Error(`no session cookie (status ${response.status})`);
  return line.split(';')[0]!;
}

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

/** One sign-in, timed from sending to the whole answer; throws unless it succeeded. */
async function timedSignIn(target: Target): Promise<number> {
  const start = performance.now();
  const response = await post(target, '/api/auth/login', { email: 'ann@example.org', password });
  await response.arrayBuffer();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return elapsed;
}

/** Ann's account, a board, and `probes` guests who joined it by an invite link (no hashing). */
async function setUp(target: Target): Promise<string[]> {
  const ann = cookieOf(await expectStatus(await post(target, '/api/auth/register', { email: 'ann@example.org', password, displayName: 'Ann' }), 201, 'register'));
  const board = await expectStatus(await post(target, '/api/boards', { title: 'Sign-in bench' }, ann), 201, 'create board');
  const boardId = ((await board.json()) as { board: { id: string } }).board.id;
  const invite = await expectStatus(await post(target, `/api/boards/${boardId}/invites`, { access: 'view' }, ann), 201, 'invite');
  const { token } = (await invite.json()) as { token: string };
  const guests: string[] = [];
  for (let i = 0; i < probes; i++) {
    guests.push(cookieOf(await expectStatus(await post(target, `/api/invites/${token}/accept`, { displayName: `Guest ${i}` }), 200, 'join')));
  }
  return guests;
}

export interface SignInUnderProbes {
  idle: number[];
  loaded: number[];
  /** Probe answers by status, over all rounds. */
  statuses: Map<number, number>;
  /** Per round: ms from firing the probes until the last one answered. */
  drainMs: number[];
}

export async function measureSignInUnderProbes(target: Target, progress: (line: string) => void): Promise<SignInUnderProbes> {
  const guests = await setUp(target);
  const idle: number[] = [];
  for (let i = 0; i < idleSignIns; i++) idle.push(await timedSignIn(target));
  progress(`  idle sign-in p50 ${ms(summarize(idle).p50)} ms`);
  const loaded: number[] = [];
  const statuses = new Map<number, number>();
  const drainMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    let unanswered = probes;
    const flood = guests.map(async (cookie, i) => {
      // Ann's email is taken: every probe is the 409 email_taken question, after a hash.
      const response = await post(target, '/api/me/credentials', { email: 'ann@example.org', password: `probe password ${round}-${i}` }, cookie);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      unanswered--;
    });
    const drained = Promise.all(flood).then(() => drainMs.push(performance.now() - start));
    do loaded.push(await timedSignIn(target));
    while (unanswered > 0);
    await drained;
    progress(`  round ${round + 1}: ${loaded.length} sign-ins so far, probes answered in ${ms(drainMs.at(-1)!)} ms`);
  }
  return { idle, loaded, statuses, drainMs };
}

function commitOf(dir: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Starts the child server, measures, stops it, and returns the markdown section. */
export async function signInSection(progress: (line: string) => void, track: (server: ChildServer) => void = () => {}): Promise<string> {
  const dir = makeTempDir('common-ground-signin-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = childServer({
    name: 'Common Ground (sign-in bench)',
    script: fileURLToPath(new URL('./sign-in-server.ts', import.meta.url)),
    nodeFlags: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    env: { PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: `file:${join(dir.path, 'bench.db')}`, PUBLIC_URL: url },
    url,
    onStopped: () => dir.remove(),
  });
  track(server);
  await server.start();
  try {
    progress(`sign-in under ${probes} credential probes (${rounds} rounds)`);
    const result = await measureSignInUnderProbes({ url }, progress);
    const idle = summarize(result.idle);
    const loaded = summarize(result.loaded);
    const drain = summarize(result.drainMs);
    const answers = [...result.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${n}× ${status}`).join(', ');
    const root = fileURLToPath(new URL('..', import.meta.url));
    return [
      `### Sign-in while ${probes} guests add credentials at once — commit ${commitOf(root)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
      '',
      markdownTable(
        ['', 'sign-ins', 'p50 (ms)', 'max (ms)'],
        [
          ['idle server', String(idle.count), ms(idle.p50), ms(idle.max)],
          [`${probes} probes in flight`, String(loaded.count), ms(loaded.p50), ms(loaded.max)],
        ],
      ),
      '',
      `Probe answers over ${rounds} rounds: ${answers}; all ${probes} answered after p50 ${ms(drain.p50)} ms, max ${ms(drain.max)} ms.`,
    ].join('\n');
  } finally {
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const progress = (line: string): void => void process.stderr.write(`${line}\n`);
  let running: ChildServer | undefined;
  process.once('exit', () => running?.killNow());
  console.log(await signInSection(progress, (server) => (running = server)));
}
