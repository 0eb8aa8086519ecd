/**
 * Boards from before hidden dot voting (issue 15) held each person's dots in the document, as
 * `votes.<touchpointId>/<userId>`, for everyone to read. Now the server keeps each person's dots
 * itself and the document holds only revealed totals, keyed by touchpoint. A room removes the
 * old per-person keys when it loads a board (no client may: the guard refuses any client change
 * to `votes`), in one transaction of its own, and says so, so that the compaction after it drops
 * them from the database file too.
 */
import type * as Y from 'yjs';
import { boardTypes } from '../../shared/board-document.ts';

/** Removes every per-person dot key; returns how many went (and writes nothing when none). */
export function dropPersonalDots(doc: Y.Doc, origin: unknown): number {
  const { votes } = boardTypes(doc);
  const personal = [...votes.keys()].filter((key) => key.includes('/'));
  if (personal.length > 0) doc.transact(() => personal.forEach((key) => votes.delete(key)), origin);
  return personal.length;
}
