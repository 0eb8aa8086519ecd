/**
 * Common Ground as a benchmark target: the real server of this checkout (bench/server.ts), reached
 * as the app reaches it (board-api-target.ts). The server commits every update before it relays it.
 */
import { startBenchServer, type BenchServer } from '../server.ts';
import { boardApiTarget, type BoardApiTarget } from './board-api-target.ts';
import type { TargetOptions } from './types.ts';

/** The Common Ground target, with the server the board-render part also needs. */
export interface CommonGroundTarget extends BoardApiTarget {
  server: BenchServer;
}

export async function startCommonGround(options: TargetOptions = {}): Promise<CommonGroundTarget> {
  const server = await startBenchServer({ dataDir: options.dataDir });
  const target = boardApiTarget(server, {
    name: 'Common Ground',
    durability: { summary: 'committed (LibSQL, synchronous=FULL) before relay', ackIsDurable: true },
    dataDir: options.dataDir,
  });
  return { ...target, server };
}
