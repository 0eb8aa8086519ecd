/**
 * What the benchmark needs from a sync server, whichever it is: a fresh room to point
 * y-websocket clients at, readings of the server process, and a way to stop it. Common Ground
 * and the two peers it is compared with (bench/peers) each implement this in a file of their own.
 */
import type { WebSocket } from 'ws';

/** The servers `npm run bench` can compare, in the order it runs them. */
export const targetNames = ['Common Ground', 'Hocuspocus', 'y-websocket-server', 'Common Ground on Workers (local workerd)'] as const;
export type TargetName = (typeof targetNames)[number];

/** How `--targets=…` names each. */
export const targetSlugs: Record<TargetName, string> = {
  'Common Ground': 'common-ground',
  Hocuspocus: 'hocuspocus',
  'y-websocket-server': 'y-websocket-server',
  'Common Ground on Workers (local workerd)': 'common-ground-workers',
};

/** What runs without `--targets`: the Node server and its two peers (workerd only when named). */
export const defaultTargets: readonly TargetName[] = ['Common Ground', 'Hocuspocus', 'y-websocket-server'];

/** Common Ground as another commit built it (`--baseline=REF`), e.g. "Common Ground @402f8f9". */
export type BaselineName = `Common Ground @${string}`;

/** A WebSocket class the y-websocket provider is given as its WebSocketPolyfill. */
export type WebSocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;

/** Where one room lives and how an unmodified y-websocket client joins it. */
export interface RoomAddress {
  /** The provider's serverUrl; it connects to `${serverUrl}/${room}`. */
  serverUrl: string;
  room: string;
  /** Carries what the server needs besides the URL: Common Ground's cookie, Hocuspocus's wire. */
  WebSocketPolyfill: WebSocketClass;
  /**
   * Who the clients are: Common Ground's bench account, whose id the touchpoints they add must
   * carry (its guard refuses a card made in anyone else's name); the peers know no people.
   */
  userId: string;
}

/** The `userId` of a peer's rooms: any id does, as the peers check nothing. */
export const peerUserId = 'bench-peer-user';

/** When an edit a server has relayed is safe on disk — stated beside every figure. */
export interface Durability {
  /** One line for the tables, e.g. "committed before relay". */
  summary: string;
  /** Whether the one-client probe (sync step 1 → step 2) waits for the disk. */
  ackIsDurable: boolean;
}

export interface RunningTarget {
  name: TargetName | BaselineName;
  durability: Durability;
  /** A fresh, empty room (Common Ground: a new board of the bench account). */
  openRoom(label: string): Promise<RoomAddress>;
  /**
   * How to join a room opened before, by its `room` — also one opened by an earlier start on the
   * same dataDir (the port changes between starts; Common Ground reuses the account kept there).
   */
  joinRoom(room: string): Promise<RoomAddress>;
  /** The server's CPU time so far in ms (user + system), or null where /proc is missing. */
  cpuMs(): number | null;
  /** The server's resident memory now in KiB, or null. */
  rssKiB(): number | null;
  pid(): number | undefined;
  /** The tail of what the server printed. */
  output(): string;
  /** Resolves, with what it printed, if the server exits before stop(); else never. */
  crashed: Promise<string>;
  /** SIGTERM (each server stores what it holds and exits), SIGKILL after a cap; removes a temp dataDir. */
  stop(): Promise<void>;
  /** Last resort for process exit: SIGKILL and clean up, synchronously. */
  killNow(): void;
  /** Cap on one group connecting and syncing and on draining one measurement, when 60 s is too short. */
  stepTimeoutMs?: number;
}

export interface TargetOptions {
  /**
   * A folder the caller owns for the server's database file (Common Ground, Hocuspocus): kept
   * across stop/start so a restarted server finds its documents; the caller removes it. Without
   * it each start gets a temp folder, removed on stop.
   */
  dataDir?: string;
}
