/**
 * Keeping a board's history (issue 17, shared/history.ts): when a version is kept, how many stay,
 * and taking a withdrawn story out of all of them. Transport-free; the board's host calls it with
 * its {@link BoardHistory} on Node and in a board's Durable Object alike.
 *
 * **When.** A version is the whole document as one Yjs update. The host keeps one when the last
 * person leaves a board after changes (the end of a live session) and when someone joins a board
 * whose newest version is more than a day old and has changed since (a board left open for days).
 * "Changed" means the document's state vector differs from the newest version's, so a board
 * opened and closed without a change keeps nothing new.
 *
 * **How many.** Bounded, so storage is at most {@link mostVersions} compacted states per board:
 * every version of the last 7 days; the last of each day for 90 days; then the last of each week;
 * and never more than {@link mostVersions} (the oldest go first). A version is a compacted state
 * — about the size of the board's snapshot — so a board's history costs at most that many times
 * its size, and far less for a board used now and then.
 */
import * as Y from 'yjs';
import type { HistoryEntry } from '../../shared/history.ts';
import type { BoardHistory } from '../ports/board-history.ts';

export const mostVersions = 100;
const day = 24 * 60 * 60 * 1000;
const keepAllFor = 7 * day;
const keepDailyFor = 90 * day;
/** A board open this long since its newest version keeps another when someone joins. */
export const versionEvery = day;

/** Whether `doc` differs from the newest kept version (or there is none and the board has anything). */
export function changedSince(doc: Y.Doc, latest: { state: Uint8Array } | null): boolean {
  const now = Y.encodeStateVector(doc);
  if (latest === null) return now.length > 1; // an empty state vector is one byte (no clients)
  const then = Y.encodeStateVectorFromUpdate(latest.state);
  return now.length !== then.length || now.some((byte, index) => byte !== then[index]);
}

/**
 * The versions to let go of so what stays follows the rule above: each id once, whatever the
 * order `entries` come in.
 */
export function versionsToDrop(entries: readonly HistoryEntry[], now: number): string[] {
  const newestFirst = [...entries].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  const drop = new Set<string>();
  const seen = new Set<string>();
  for (const entry of newestFirst) {
    const age = now - entry.at;
    if (age <= keepAllFor) continue;
    // The newest of each day (then each week) stays: later ones come first in this order.
    const bucket = age <= keepDailyFor ? `day ${Math.floor(entry.at / day)}` : `week ${Math.floor(entry.at / (7 * day))}`;
    if (seen.has(bucket)) drop.add(entry.id);
    else seen.add(bucket);
  }
  const kept = newestFirst.filter((entry) => !drop.has(entry.id));
  for (const entry of kept.slice(mostVersions)) drop.add(entry.id);
  return [...drop];
}

/**
 * Keeps a version of `doc` when it changed since the newest one (and, with `olderThan`, only when
 * that one is older than it), then lets go of what the rule no longer keeps. Returns whether one
 * was kept.
 */
export async function keepVersion(doc: Y.Doc, history: BoardHistory, now: number, newId: () => string, olderThan = 0): Promise<boolean> {
  // "Older than": only a board that already has a version (the first is kept when everyone leaves),
  // asked first without reading the version itself — this runs at every join.
  if (olderThan > 0) {
    const newest = await history.newestAt();
    if (newest === null || now - newest < olderThan) return false;
  }
  const latest = await history.latest();
  if (!changedSince(doc, latest)) return false;
  await history.add({ id: newId(), at: now, state: Y.encodeStateAsUpdate(doc) });
  await history.remove(versionsToDrop(await history.list(), now));
  return true;
}

/**
 * Changes every kept version with `change` (run in one transaction on that version's document)
 * and writes back those it changed. With Yjs's garbage collection the removed content is not in
 * what is written back.
 */
export async function rewriteVersions(history: BoardHistory, change: (doc: Y.Doc) => void): Promise<number> {
  let rewritten = 0;
  for (const entry of await history.list()) {
    const version = await history.get(entry.id);
    if (version === null) continue;
    const doc = new Y.Doc({ gc: true });
    try {
      Y.applyUpdate(doc, version.state);
      let changed = false;
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) changed = true;
      });
      doc.transact(() => change(doc));
      if (!changed) continue;
      await history.replace(entry.id, Y.encodeStateAsUpdate(doc));
      rewritten++;
    } finally {
      doc.destroy();
    }
  }
  return rewritten;
}

/** A kept version's document, for reading or restoring from; the caller destroys it. */
export function versionDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, state);
  return doc;
}
