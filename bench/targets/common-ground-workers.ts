/**
 * The Workers build as a benchmark target: `wrangler dev` in local workerd (bench/wrangler-dev.ts),
 * one Durable Object per board, reached as the app reaches it (board-api-target.ts). Each update is
 * in the board object's SQLite (`storage.sync()` resolved) before it is relayed. Informational:
 * local workerd on this machine is not Cloudflare's network. Keeps nothing across starts.
 */
import { startWranglerDev, type WranglerDev } from '../wrangler-dev.ts';
import { boardApiTarget, type BoardApiTarget } from './board-api-target.ts';

export const workersTargetName = 'Common Ground on Workers (local workerd)';

export interface WorkersTarget extends BoardApiTarget {
  wrangler: WranglerDev;
}

export async function startCommonGroundWorkers(): Promise<WorkersTarget> {
  const wrangler = await startWranglerDev();
  const target = boardApiTarget(wrangler, {
    name: workersTargetName,
    durability: { summary: "in the board object's SQLite (storage.sync() resolved) before relay", ackIsDurable: true },
  });
  // With 100 clients local workerd needs 10–40 s to drain the paced words and the burst on a
  // busy machine; the default 60 s cap failed one run.
  return { ...target, wrangler, stepTimeoutMs: 180_000 };
}
