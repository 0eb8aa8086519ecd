/**
 * Common Ground as a benchmark target: the real server (bench/server.ts), one bench account
 * registered on first use, and a new board for every room — the same HTTP calls the app makes.
 * Clients carry the session cookie; the server commits every update before it relays it.
 */
import { cookieWebSocket } from '../../test/support/sync-client.ts';
import { createBoard, registerAccount, type BenchAccount } from '../account.ts';
import { startBenchServer, type BenchServer } from '../server.ts';
import type { RunningTarget, TargetOptions } from './types.ts';

/** The Common Ground target, with what the board-render part also needs. */
export interface CommonGroundTarget extends RunningTarget {
  server: BenchServer;
  /** The bench account (registered once, on first use). */
  account(): Promise<BenchAccount>;
}

export async function startCommonGround(options: TargetOptions = {}): Promise<CommonGroundTarget> {
  const server = await startBenchServer({ dataDir: options.dataDir });
  let account: Promise<BenchAccount> | null = null;
  const getAccount = (): Promise<BenchAccount> => (account ??= registerAccount(server));
  return {
    name: 'Common Ground',
    durability: { summary: 'committed (LibSQL, synchronous=FULL) before relay', ackIsDurable: true },
    server,
    account: getAccount,
    async openRoom(label) {
      const bench = await getAccount();
      const boardId = await createBoard(server, bench, label);
      return { serverUrl: `${server.wsUrl}/sync`, room: boardId, WebSocketPolyfill: cookieWebSocket(bench.cookie) };
    },
    cpuMs: server.cpuMs,
    rssKiB: server.rssKiB,
    pid: server.pid,
    output: server.output,
    crashed: server.crashed,
    stop: server.stop,
    killNow: server.killNow,
  };
}
