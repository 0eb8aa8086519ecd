/**
 * A Common Ground server as a benchmark target, whichever code or runtime serves it (this checkout
 * on Node, another commit on Node, the Workers build in workerd): one bench account registered on
 * first use, a new board for every room — the same HTTP calls the app makes — and clients that
 * carry the session cookie. With a dataDir the account is kept there, so a restarted server's rooms
 * can be joined again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cookieWebSocket } from '../../test/support/sync-client.ts';
import { createBoard, registerAccount, type ApiTarget, type BenchAccount } from '../account.ts';
import type { Durability, RoomAddress, RunningTarget } from './types.ts';

/** What a running Common Ground server offers, however it was started. */
export interface ApiServer extends ApiTarget {
  /** `ws://127.0.0.1:PORT`; the sync endpoint is `${wsUrl}/sync/:boardId`. */
  wsUrl: string;
  cpuMs: RunningTarget['cpuMs'];
  rssKiB: RunningTarget['rssKiB'];
  pid: RunningTarget['pid'];
  output: RunningTarget['output'];
  crashed: RunningTarget['crashed'];
  stop: RunningTarget['stop'];
  killNow: RunningTarget['killNow'];
}

/** A Common Ground target with its bench account. */
export interface BoardApiTarget extends RunningTarget {
  /** The bench account (registered once, on first use, or read back from the dataDir). */
  account(): Promise<BenchAccount>;
  /** Where its HTTP API is, for workloads that go through it (a feeling since issue 17). */
  http: ApiTarget;
}

/** Registers the account, or reuses the one an earlier start on the same dataDir kept. */
async function benchAccount(server: ApiServer, dataDir: string | undefined): Promise<BenchAccount> {
  const kept = dataDir === undefined ? null : join(dataDir, 'bench-account.json');
  if (kept && existsSync(kept)) return JSON.parse(readFileSync(kept, 'utf8')) as BenchAccount;
  const account = await registerAccount(server);
  if (kept) writeFileSync(kept, JSON.stringify(account));
  return account;
}

export function boardApiTarget(
  server: ApiServer,
  what: { name: RunningTarget['name']; durability: Durability; dataDir?: string },
): BoardApiTarget {
  let account: Promise<BenchAccount> | null = null;
  const getAccount = (): Promise<BenchAccount> => (account ??= benchAccount(server, what.dataDir));
  const address = async (boardId: string): Promise<RoomAddress> => {
    const { cookie, userId } = await getAccount();
    return { serverUrl: `${server.wsUrl}/sync`, room: boardId, WebSocketPolyfill: cookieWebSocket(cookie), userId };
  };
  return {
    name: what.name,
    durability: what.durability,
    account: getAccount,
    http: { url: server.url, origin: server.origin },
    async openRoom(label) {
      return address(await createBoard(server, await getAccount(), label));
    },
    joinRoom: address,
    cpuMs: server.cpuMs,
    rssKiB: server.rssKiB,
    pid: server.pid,
    output: server.output,
    crashed: server.crashed,
    stop: server.stop,
    killNow: server.killNow,
  };
}
