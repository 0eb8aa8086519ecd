/**
 * "Recently deleted" ends on the server, not in a browser: no client is trusted to do it, and it
 * must happen even if nobody who can edit ever opens the board again. When a room loads a board
 * it removes, in one transaction of its own, every stage and touchpoint deleted at least 30 days
 * ago with everything that belongs to them (shared/recently-deleted.ts). The room writes that
 * transaction like any other change — committed to the log, then relayed — and the compaction
 * that follows leaves the content out of the snapshot and deletes the log rows that held it.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../shared/board-document.ts';
import { expiredDeletions, hasContent, purgeDeleted, readDeletedEntry } from '../../shared/recently-deleted.ts';

/**
 * A deletion time more than this far ahead of the server's clock is not believed (a device
 * whose clock is wrong would otherwise keep the content for longer than 30 days).
 */
const aheadTolerance = 24 * 60 * 60 * 1000;

/**
 * Purges what was deleted 30 days or more before `now`, in one transaction with `origin`; a
 * missing time, or one more than a day ahead, becomes `now` in the same transaction. Returns how
 * many entries were purged. Does nothing (and writes nothing) when there is nothing to do.
 */
export function purgeExpiredDeletions(doc: Y.Doc, now: number, origin: unknown): number {
  const { deleted } = boardTypes(doc);
  let purged = 0;
  doc.transact(() => {
    for (const [id, value] of deleted) {
      const entry = readDeletedEntry(id, value);
      if (entry === null || (entry.deletedAt !== null && entry.deletedAt <= now + aheadTolerance)) continue;
      value.set('deletedAt', now);
    }
    purged = purgeDeleted(doc, expiredDeletions(doc, now), origin);
  }, origin);
  return purged;
}

/**
 * A deletion time more than this far behind the server's clock when the server first sees the
 * entry is not believed either: a device could otherwise make "Recently deleted" end at once
 * (and the next load remove everything hidden, for good). A week keeps the true time of a
 * deletion made on a device that was offline for a few days ("Deleted 2 days ago").
 */
const behindTolerance = 7 * 24 * 60 * 60 * 1000;

/**
 * Sets the deletion time of the entries `ids` (just added by a client) to `now` where it is missing,
 * more than a day ahead of it or more than a week behind, in one transaction with `origin`; writes
 * nothing otherwise. So "Recently deleted" keeps things for at least 23 days from when the server
 * learned of the deletion (30 as a rule), whatever the deleting device's clock said.
 */
export function stampDeletionTimes(doc: Y.Doc, ids: readonly string[], now: number, origin: unknown): void {
  const { deleted } = boardTypes(doc);
  const wrong = ids.filter((id) => {
    const entry = readDeletedEntry(id, deleted.get(id));
    return entry !== null && (entry.deletedAt === null || entry.deletedAt > now + aheadTolerance || entry.deletedAt < now - behindTolerance);
  });
  if (wrong.length === 0) return;
  doc.transact(() => {
    for (const id of wrong) deleted.get(id)!.set('deletedAt', now);
  }, origin);
}

/**
 * Calls `onPurge` with the id of each entry a transaction — the server's expiry or a facilitator's
 * "Empty recently deleted" — removed together with what it hid. Restoring removes an entry too,
 * but its stage or touchpoint is still there.
 */
export function watchPurges(doc: Y.Doc, onPurge: (id: string) => void): void {
  boardTypes(doc).deleted.observe((event) => {
    for (const [id, change] of event.changes.keys) {
      if (change.action !== 'delete') continue;
      if (!hasContent(doc, { id, kind: 'stage' }) && !hasContent(doc, { id, kind: 'touchpoint' })) onPurge(id);
    }
  });
}

/**
 * Takes what was purged (`ids`: stages and touchpoints removed for good) out of a kept version of
 * the board, which may still show them, or hold them in its own "Recently deleted": in that
 * version's transaction, as the live purge did.
 */
export function purgeFromVersion(doc: Y.Doc, ids: ReadonlySet<string>): void {
  const { deleted } = boardTypes(doc);
  const there = [...ids].filter((id) => hasContent(doc, { id, kind: 'stage' }) || hasContent(doc, { id, kind: 'touchpoint' }) || deleted.has(id));
  if (there.length === 0) return;
  for (const id of there) {
    if (!deleted.has(id)) {
      const entry = new Y.Map<unknown>();
      entry.set('id', id);
      entry.set('kind', hasContent(doc, { id, kind: 'stage' }) ? 'stage' : 'touchpoint');
      deleted.set(id, entry);
    }
  }
  purgeDeleted(doc, there, null);
}
