/**
 * Common Ground as a benchmark target: the real server (bench/server.ts), one bench account
 * registered on first use, and a new board for every room — the same HTTP calls the app makes.
 * Clients carry the session cookie; the server commits every update before it relays it. With
 * a dataDir the account is kept there too, so a restarted server's rooms can be joined again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cookieWebSocket } from '../../test/support/sync-client.ts';
import { createBoard, registerAccount, type BenchAccount } from '../account.ts';
import { startBenchServer, type BenchServer } from '../server.ts';
import type { RoomAddress, RunningTarget, TargetOptions } from './types.ts';

/** The Common Ground target, with what the board-render part also needs. */
export interface CommonGroundTarget extends RunningTarget {
  server: BenchServer;
  /** The bench account (registered once, on first use, or read back from the dataDir). */
  account(): Promise<BenchAccount>;
}

/** Registers the account, or reuses the one an earlier start on the same dataDir kept. */
async function benchAccount(server: BenchServer, dataDir: string | undefined): Promise<BenchAccount> {
  const kept = dataDir === undefined ? null : join(dataDir, 'bench-account.json');
  if (kept && existsSync(kept)) return JSON.parse(readFileSync(kept, 'utf8')) as BenchAccount;
  const account = await registerAccount(server);
  if (kept) writeFileSync(kept, JSON.stringify(account));
  return account;
}

export async function startCommonGround(options: TargetOptions = {}): Promise<CommonGroundTarget> {
  const server = await startBenchServer({ dataDir: options.dataDir });
  let account: Promise<BenchAccount> | null = null;
  const getAccount = (): Promise<BenchAccount> => (account ??= benchAccount(server, options.dataDir));
  const address = async (boardId: string): Promise<RoomAddress> => ({
    serverUrl: `${server.wsUrl}/sync`,
    room: boardId,
    WebSocketPolyfill: cookieWebSocket((await getAccount()).cookie),
  });
  return {
    name: 'Common Ground',
    durability: { summary: 'committed (LibSQL, synchronous=FULL) before relay', ackIsDurable: true },
    server,
    account: getAccount,
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
