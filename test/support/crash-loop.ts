/**
 * The crash loop (issue 5, item 3), shared by the suite (reduced size) and the benchmark (full
 * size): K real y-websocket clients edit one board while the server is SIGKILLed R times at
 * seeded random moments and restarted on the same port and LibSQL file.
 *
 * Every update a client receives from its provider (origin === provider) was relayed or served
 * by the server, so it must be on disk. After each kill the clients are held offline and a fresh
 * probe client asks the restarted server, so only the disk can answer; the probe's snapshot must
 * contain every such update seen so far. Clients keep typing offline and are then let back in to
 * re-upload. At the end all replicas must be equal, and a final probe after one more kill must
 * hold exactly the converged board.
 */
import * as prng from 'lib0/prng';
import { performance } from 'node:perf_hooks';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { storyMaxLength } from '../../shared/limits.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { freePort } from './free-port.ts';
import { killableServer, type KillableServer } from './server-process.ts';
import { cookieWebSocket } from './sync-client.ts';
import { makeTempDir } from './temp-dir.ts';
import { waitUntil } from './wait.ts';

export interface CrashLoopOptions {
  /** Clients editing the board at once (suite 8, full 20). */
  clients: number;
  /** SIGKILL + restart cycles (suite 5, full 20). */
  restarts: number;
  seed: number;
  /** Edits made in the room between one restart and the next kill, drawn from [min, max]. */
  editsPerRound: [number, number];
  /** Pause between edits in the whole room; several edits are in flight at every kill. */
  editIntervalMs: number;
  /** Cap on every wait (reconnect, sync, convergence). */
  stepTimeoutMs: number;
  /** Called when a server or client is made, so a caller's exit handler can kill it. */
  track?: (server: KillableServer) => void;
  progress?: (line: string) => void;
}

export interface CrashLoopResult {
  edits: number;
  kills: number;
  /** Distinct updates clients received from the server (relays and sync answers). */
  relayedUpdates: number;
  /**
   * Pairs of clients where one never received the other's edits relayed while both were online
   * and typing (before a kill), described. Empty when the run relayed live between everyone, so
   * `missing` was checked against relays and not only against answers after restarts.
   */
  unheard: string[];
  /** Updates some client saw from the server that a probe did not find on disk, described. */
  missing: string[];
  /** Differences between replicas after convergence, or between them and the disk. */
  divergent: string[];
  /**
   * Sockets the server closed for sending a change it refuses (4422), described. Empty when every
   * edit was one the board takes, so the loop measured storing and relaying, not refusals.
   */
  refused: string[];
  /** Per restart: server start (ms) and all clients reconnected and synced after it (ms). */
  restarts: { startMs: number; resyncMs: number }[];
  /** Stages and story length of the converged board. */
  final: { stages: number; storyLength: number };
  elapsedMs: number;
}

/** The touchpoint whose story everybody types into, and its stage. */
const storyCard = 'crash-story';
const storyStage = 'crash-stage';
/**
 * Past this length a client deletes instead of typing, so the story stays within the document's
 * limit (the server refuses a longer one) even when every client's offline typing meets at once.
 */
const storyCap = storyMaxLength / 2;

interface LoopClient {
  index: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  stagesAdded: number;
  /** Yjs client ids of the writers whose edits reached this client while everyone was online. */
  heardLive: Set<number>;
}

/** What a client received from the server: deduplicated by content, first observer kept. */
class SeenLog {
  readonly unchecked: { update: Uint8Array; observer: number; round: number }[] = [];
  readonly all: { update: Uint8Array; observer: number; round: number }[] = [];
  readonly #keys = new Set<string>();
  add(update: Uint8Array, observer: number, round: number): void {
    const key = Buffer.from(update).toString('base64');
    if (this.#keys.has(key)) return;
    this.#keys.add(key);
    const entry = { update, observer, round };
    this.unchecked.push(entry);
    this.all.push(entry);
  }
}

/** One line naming what an update holds, for a failure message. */
function summarizeUpdate(update: Uint8Array): string {
  const meta = Y.parseUpdateMeta(update);
  return [...meta.to].map(([client, to]) => `${client}:${meta.from.get(client) ?? 0}..${to}`).join(' ') || 'deletions only';
}

function content(doc: Y.Doc): { stages: string[]; story: string } {
  const types = boardTypes(doc);
  const story = types.touchpoints.get(storyCard)?.get('story');
  return { stages: types.stages.toArray().map((stage) => String(stage.get('id'))), story: story instanceof Y.Text ? story.toString() : '' };
}

/** Closes a provider and its awareness, whose timer would otherwise keep the process alive. */
function close(provider: WebsocketProvider): void {
  provider.destroy();
  provider.awareness.destroy();
}

const stateVector = (doc: Y.Doc): string => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

/** Runs the loop; resolves with what it found (the caller asserts). Always cleans up. */
export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const started = performance.now();
  const log = options.progress ?? (() => {});
  const random = prng.create(options.seed);
  const dir = makeTempDir('common-ground-crash-loop-');
  const server = killableServer(await freePort(), `file:${dir.path}/crash-loop.db`);
  options.track?.(server);
  const clients: LoopClient[] = [];
  const probes: WebsocketProvider[] = [];
  const seen = new SeenLog();
  const result: CrashLoopResult = { edits: 0, kills: 0, relayedUpdates: 0, unheard: [], missing: [], divergent: [], refused: [], restarts: [], final: { stages: 0, storyLength: 0 }, elapsedMs: 0 };
  let round = 0;
  /** True from the start of a round's editing until its kill: what arrives then is a relay. */
  let live = false;

  const connect = (cookie: string, boardId: string, doc: Y.Doc): WebsocketProvider =>
    new WebsocketProvider(`${server.wsUrl}/sync`, boardId, doc, {
      WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      // The default backoff grows to 2.5 s; a shorter cap keeps twenty restarts quick.
      maxBackoffTime: 300,
    });
  const allSynced = (what: string) =>
    waitUntil(() => clients.every((client) => client.provider.wsconnected && client.provider.synced), what, options.stepTimeoutMs);

  /** One seeded edit by one client: mostly typing, sometimes a deletion or a new stage. */
  const edit = (): void => {
    const client = clients[prng.uint32(random, 0, clients.length - 1)]!;
    const types = boardTypes(client.doc);
    const story = types.touchpoints.get(storyCard)?.get('story');
    if (!(story instanceof Y.Text)) throw new Error(`client ${client.index} lost the story`);
    const roll = prng.real53(random);
    if (roll < 0.15) types.stages.push([newStage(`client-${client.index}-stage-${++client.stagesAdded}`, `Stage ${result.edits}`)]);
    else if ((roll < 0.25 || story.length > storyCap) && story.length > 4) story.delete(prng.uint32(random, 0, story.length - 4), prng.uint32(random, 1, 3));
    else story.insert(prng.uint32(random, 0, story.length), `c${client.index}e${result.edits} `);
    result.edits++;
  };
  const editFor = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, options.editIntervalMs));
      edit();
    }
  };

  /** A fresh client on a fresh document: what the server (its disk, after a restart) holds. */
  const probe = async (cookie: string, boardId: string): Promise<Y.Doc> => {
    const doc = new Y.Doc();
    const provider = connect(cookie, boardId, doc);
    probes.push(provider);
    await waitUntil(() => provider.synced, 'the probe synced', options.stepTimeoutMs);
    provider.destroy();
    provider.awareness.destroy();
    return doc;
  };
  /** Every update seen since the last check must be in the probe's document. */
  const checkDisk = (disk: Y.Doc, entries: { update: Uint8Array; observer: number; round: number }[]): void => {
    const snapshot = Y.snapshot(disk);
    for (const { update, observer, round: when } of entries) {
      if (!Y.snapshotContainsUpdate(snapshot, update)) {
        result.missing.push(`after kill ${result.kills}: client ${observer} saw in round ${when} [${summarizeUpdate(update)}], not on disk`);
      }
    }
  };

  try {
    await server.start();
    const { cookie, userId, boardId } = await signUpAndCreateBoard(server);
    for (let index = 0; index < options.clients; index++) {
      const doc = new Y.Doc();
      const provider = connect(cookie, boardId, doc);
      const client: LoopClient = { index, doc, provider, stagesAdded: 0, heardLive: new Set() };
      provider.on('connection-close', (event: CloseEvent | null) => {
        if (event?.code === CloseCode.changeRefused) result.refused.push(`client ${index} in round ${round}: ${event.reason || 'no reason given'}`);
      });
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== provider) return;
        seen.add(update, index, round);
        if (live) for (const writer of Y.parseUpdateMeta(update).to.keys()) client.heardLive.add(writer);
      });
      clients.push(client);
    }
    await allSynced('every client synced the first time');
    const first = boardTypes(clients[0]!.doc);
    clients[0]!.doc.transact(() => {
      first.stages.push([newStage(storyStage, 'Waiting')]);
      first.touchpoints.set(storyCard, newTouchpoint({ id: storyCard, stageId: storyStage, order: 'a', title: 'Story', createdBy: userId, createdAt: 0 }));
    });
    await waitUntil(() => clients.every((client) => boardTypes(client.doc).touchpoints.has(storyCard)), 'everyone sees the story', options.stepTimeoutMs);

    for (round = 1; round <= options.restarts; round++) {
      live = true;
      await editFor(prng.uint32(random, options.editsPerRound[0], options.editsPerRound[1]));
      // Some edits are always in flight here: sent, maybe committed, maybe relayed.
      await server.kill();
      live = false;
      result.kills++;
      // Let every socket notice the death, so whatever was relayed before it has been read.
      await waitUntil(() => clients.every((client) => !client.provider.wsconnected), 'every client saw the server die', options.stepTimeoutMs);
      for (const client of clients) client.provider.disconnect();
      await editFor(prng.uint32(random, 0, 5)); // people keep typing while the server is away
      const startAt = performance.now();
      await server.start();
      const startMs = performance.now() - startAt;
      checkDisk(await probe(cookie, boardId), seen.unchecked.splice(0));
      const resyncAt = performance.now();
      for (const client of clients) client.provider.connect();
      await allSynced(`every client reconnected and synced after restart ${round}`);
      result.restarts.push({ startMs, resyncMs: performance.now() - resyncAt });
      log(`  restart ${round}/${options.restarts}: ${result.edits} edits, ${seen.all.length} distinct updates seen, ${result.missing.length} missing`);
    }

    // Convergence: nobody edits now; everything offline has been re-uploaded and relayed.
    const converged = () => new Set(clients.map((client) => stateVector(client.doc))).size === 1;
    await waitUntil(converged, 'all replicas have the same state vector', options.stepTimeoutMs).catch((error: unknown) => {
      result.divergent.push(error instanceof Error ? error.message : String(error));
    });
    const reference = content(clients[0]!.doc);
    const referenceJson = JSON.stringify(reference);
    const referenceVector = stateVector(clients[0]!.doc);
    for (const client of clients) {
      if (stateVector(client.doc) !== referenceVector) result.divergent.push(`client ${client.index}: state vector differs from client 0's`);
      if (JSON.stringify(content(client.doc)) !== referenceJson) result.divergent.push(`client ${client.index}: content differs from client 0's`);
    }
    result.final = { stages: reference.stages.length, storyLength: reference.story.length };
    for (const listener of clients) {
      for (const writer of clients) {
        if (writer !== listener && !listener.heardLive.has(writer.doc.clientID)) {
          result.unheard.push(`client ${listener.index} never received client ${writer.index}'s edits while both were online`);
        }
      }
    }

    // The last word belongs to the disk alone: no old client is connected when it answers.
    for (const client of clients.splice(0)) close(client.provider);
    await server.kill();
    result.kills++;
    await server.start();
    const disk = await probe(cookie, boardId);
    checkDisk(disk, seen.all);
    if (stateVector(disk) !== referenceVector) result.divergent.push('disk: state vector differs from the converged replicas');
    if (JSON.stringify(content(disk)) !== referenceJson) result.divergent.push('disk: content differs from the converged replicas');
    result.relayedUpdates = seen.all.length;
    result.elapsedMs = performance.now() - started;
    return result;
  } catch (error) {
    // A refused change is sent again on every reconnect, so it shows as a wait that never ends: say so.
    const refused = result.refused.length > 0 ? `\nsockets closed for a refused change (4422):\n${result.refused.slice(0, 10).join('\n')}` : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}${refused}\nserver output:\n${server.output().slice(-4000)}`, { cause: error });
  } finally {
    for (const client of clients) close(client.provider);
    for (const provider of probes) close(provider);
    await server.kill();
    dir.remove();
  }
}

/** One account (the child server allows 10 sign-ups an hour per address) and one board. */
async function signUpAndCreateBoard(server: KillableServer): Promise<{ cookie: string; userId: string; boardId: string }> {
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const registered = await post('/api/auth/register', { email: `crash-loop-${Date.now()}@example.org`, password: 'a long enough password', displayName: 'Crash' });
  if (registered.status !== 201) throw new Error(`sign-up failed: ${registered.status} ${await registered.text()}`);
  const header = registered.headers.getSetCookie().find((line) => line.startsWith('session='));
  if (!header) throw new Error('sign-up returned no session cookie');
  const cookie = header.split(';')[0]!;
  const userId = ((await registered.json()) as { user: { id: string } }).user.id;
  const created = await post('/api/boards', { title: 'Crash loop' }, cookie);
  if (created.status !== 201) throw new Error(`creating the board failed: ${created.status} ${await created.text()}`);
  return { cookie, userId, boardId: ((await created.json()) as { board: { id: string } }).board.id };
}
