/**
 * A server that is several processes (wrangler dev: its Node CLI, esbuild and two workerd) read as
 * one from /proc: the process and all its descendants, their CPU time and resident memory summed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processCpuMs, processRssKiB } from '../test/support/proc-stats.ts';

/** The parent pid of every process we may read, from /proc/PID/stat (field 4). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  return parentOf;
}

/** `root` and every process below it, or [] when `root` is undefined. */
export function processTree(root: number | undefined): number[] {
  if (root === undefined) return [];
  const parentOf = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/**
 * CPU time of the tree in ms. Only processes alive now are counted, so a read is comparable with
 * an earlier one only while the tree stays the same (it does while a server runs).
 */
export function treeCpuMs(root: number | undefined): number | null {
  const tree = processTree(root);
  if (tree.length === 0) return null;
  return tree.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
}

/** Resident memory of the tree in KiB (shared pages counted once per process). */
export function treeRssKiB(root: number | undefined): number | null {
  const tree = processTree(root);
  if (tree.length === 0) return null;
  return tree.reduce((sum, pid) => sum + (processRssKiB(pid) ?? 0), 0);
}
