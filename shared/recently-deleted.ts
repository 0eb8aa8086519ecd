/**
 * "Recently deleted": what happens to a stage or touchpoint when someone deletes it.
 *
 * Deleting is a soft delete. The stage or touchpoint stays exactly where it is in the document —
 * with its cards, feelings, votes and comments — and an entry in the top-level `deleted` map,
 * keyed by its id, hides it. Restoring removes the entry, so everything comes back as it was,
 * including whatever other people changed in it meanwhile (typing into a story someone else was
 * deleting, a card added to a stage while it was being deleted): nothing was copied or moved.
 * The touchpoints of a deleted stage are hidden with it (they still name the stage); a touchpoint
 * deleted on its own has its own entry.
 *
 * Purging removes the entries and the content for good: the stage or touchpoint, and the
 * touchpoints, feelings, votes and comments that belong to it. A document with `gc: true` (the
 * server's) drops the removed content at once, so the next snapshot no longer holds it. The
 * server purges entries older than {@link recentlyDeletedMs} when it loads a board
 * (server/sync/purge-deleted.ts); a facilitator's "Empty recently deleted" purges them all.
 * See docs/board-document.md.
 */
import * as Y from 'yjs';
import { boardTypes } from './board-document.ts';

/** How long deleted stages and touchpoints can be brought back, in days (and in ms). */
export const recentlyDeletedDays = 30;
export const recentlyDeletedMs = recentlyDeletedDays * 24 * 60 * 60 * 1000;

export type DeletedKind = 'stage' | 'touchpoint';

/** One entry of the `deleted` map (a Y.Map with these fields). */
export interface DeletedEntry {
  /** The deleted stage's or touchpoint's id (also the entry's key). */
  id: string;
  kind: DeletedKind;
  /**
   * Milliseconds since the epoch, by the deleting person's clock; null when missing or not a
   * number. The server sets a missing or future time to its own time when it loads the board.
   */
  deletedAt: number | null;
  /** User id of the person who deleted it (their name comes from the members API). */
  deletedBy: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * An entry as stored, or null when it is not one: only a Y.Map whose `kind` is "stage" or
 * "touchpoint" hides anything (so nothing is ever hidden that the list cannot show).
 */
export function readDeletedEntry(id: string, value: unknown): DeletedEntry | null {
  if (!(value instanceof Y.Map)) return null;
  const kind = value.get('kind');
  if (kind !== 'stage' && kind !== 'touchpoint') return null;
  const deletedAt = value.get('deletedAt');
  return {
    id,
    kind,
    deletedAt: typeof deletedAt === 'number' && Number.isFinite(deletedAt) ? deletedAt : null,
    deletedBy: text(value.get('deletedBy')),
  };
}

/** Every entry, newest first (those without a time last). */
export function deletedEntries(doc: Y.Doc): DeletedEntry[] {
  const entries: DeletedEntry[] = [];
  for (const [id, value] of boardTypes(doc).deleted) {
    const entry = readDeletedEntry(id, value);
    if (entry !== null) entries.push(entry);
  }
  return entries.sort((a, b) => (b.deletedAt ?? -Infinity) - (a.deletedAt ?? -Infinity) || (a.id < b.id ? -1 : 1));
}

/** Ids of the stages and touchpoints that are hidden because they were deleted. */
export function hiddenIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const [id, value] of boardTypes(doc).deleted) if (readDeletedEntry(id, value) !== null) ids.add(id);
  return ids;
}

/**
 * Hides a stage (with its touchpoints) or a touchpoint, in one transaction with `origin`, so one
 * Undo brings it back. Deleting it again replaces the entry (the later deletion counts).
 */
export function markDeleted(doc: Y.Doc, entry: DeletedEntry & { deletedAt: number }, origin: unknown): void {
  const value = new Y.Map<unknown>();
  value.set('id', entry.id);
  value.set('kind', entry.kind);
  value.set('deletedAt', entry.deletedAt);
  value.set('deletedBy', entry.deletedBy);
  doc.transact(() => boardTypes(doc).deleted.set(entry.id, value), origin);
}

/** Whether a stage with this id is in `stages` (hidden or not). */
export function stageExists(doc: Y.Doc, id: string): boolean {
  for (const stage of boardTypes(doc).stages) if (stage instanceof Y.Map && stage.get('id') === id) return true;
  return false;
}

/** Whether an entry still has something to bring back (its stage or touchpoint is in the document). */
export function hasContent(doc: Y.Doc, entry: Pick<DeletedEntry, 'id' | 'kind'>): boolean {
  return entry.kind === 'stage' ? stageExists(doc, entry.id) : boardTypes(doc).touchpoints.get(entry.id) instanceof Y.Map;
}

/**
 * Ids of the entries to purge at `now`: deleted at least {@link recentlyDeletedMs} ago, or whose
 * stage or touchpoint is no longer there (nothing left to bring back). An entry without a time
 * is not expired: the server gives it one first.
 */
export function expiredDeletions(doc: Y.Doc, now: number): string[] {
  const expired: string[] = [];
  for (const [id, value] of boardTypes(doc).deleted) {
    const entry = readDeletedEntry(id, value);
    if (entry === null) continue;
    const old = entry.deletedAt !== null && now - entry.deletedAt >= recentlyDeletedMs;
    if (old || !hasContent(doc, entry)) expired.push(id);
  }
  return expired;
}

/** The id a comment is about (its `target.id`), or ''. */
function commentTarget(comment: unknown): string {
  const target = comment instanceof Y.Map ? comment.get('target') : undefined;
  if (typeof target !== 'object' || target === null) return '';
  return text((target as { id?: unknown }).id);
}

/**
 * Removes the entries `ids` and, for good, what they hide: a stage with every touchpoint in it
 * that has no entry of its own left, a touchpoint, and the feelings, votes and comments (with
 * their replies) about any of them. Runs inside the caller's transaction when there is one,
 * otherwise in one of its own with `origin`. Returns how many entries were removed.
 */
export function purgeDeleted(doc: Y.Doc, ids: Iterable<string>, origin: unknown): number {
  const { stages, touchpoints, feelings, feelingsAfter, votes, comments, deleted } = boardTypes(doc);
  const purging = new Set([...ids].filter((id) => deleted.has(id)));
  if (purging.size === 0) return 0;
  doc.transact(() => {
    const stageIds = new Set<string>();
    const touchpointIds = new Set<string>();
    for (const id of purging) {
      // By what is in the document, not only the entry's kind: an entry another program wrote
      // wrongly still takes its content with it.
      if (stageExists(doc, id)) stageIds.add(id);
      if (touchpoints.has(id)) touchpointIds.add(id);
    }
    // A touchpoint deleted on its own keeps its own entry (and its own 30 days).
    for (const [id, touchpoint] of touchpoints) {
      const keepsOwnEntry = deleted.has(id) && !purging.has(id);
      if (touchpoint instanceof Y.Map && stageIds.has(text(touchpoint.get('stageId'))) && !keepsOwnEntry) touchpointIds.add(id);
    }
    for (let i = stages.length - 1; i >= 0; i--) {
      const stage = stages.get(i);
      if (stage instanceof Y.Map && stageIds.has(text(stage.get('id')))) stages.delete(i, 1);
    }
    for (const id of touchpointIds) touchpoints.delete(id);
    // Feelings are keyed `touchpointId/participantId`; votes `touchpointId` or the same.
    const about = (key: string) => touchpointIds.has(key.includes('/') ? key.slice(0, key.indexOf('/')) : key);
    for (const key of [...feelings.keys()]) if (about(key)) feelings.delete(key);
    for (const key of [...feelingsAfter.keys()]) if (about(key)) feelingsAfter.delete(key);
    for (const key of [...votes.keys()]) if (about(key)) votes.delete(key);
    const gone = new Set<string>();
    for (const [key, comment] of comments) {
      const target = commentTarget(comment);
      if (touchpointIds.has(target) || stageIds.has(target)) gone.add(key);
    }
    // Replies to a removed comment go with it, however deep.
    for (let added = true; added; ) {
      added = false;
      for (const [key, comment] of comments) {
        if (gone.has(key) || !(comment instanceof Y.Map)) continue;
        if (gone.has(text(comment.get('parentId')))) gone.add(key), (added = true);
      }
    }
    for (const key of gone) comments.delete(key);
    for (const id of purging) deleted.delete(id);
  }, origin);
  return purging.size;
}

/** Whether a touchpoint is on the board: there, and neither it nor its stage in "Recently deleted" (`hidden`: hiddenIds). */
export function touchpointOnBoard(doc: Y.Doc, touchpointId: string, hidden: ReadonlySet<string>): boolean {
  const touchpoint = boardTypes(doc).touchpoints.get(touchpointId);
  return touchpoint instanceof Y.Map && !hidden.has(touchpointId) && !hidden.has(text(touchpoint.get('stageId')));
}
