/**
 * Bringing back a stage or touchpoint from "Recently deleted": the entry goes, so the stage (at
 * its place in the journey, with its cards) or the touchpoint comes back with everything that
 * belongs to it — nothing was moved when it was deleted (shared/recently-deleted.ts). A touchpoint
 * goes back into its own stage; when that stage is not on the board (deleted, or gone for good)
 * it goes to the end of the first stage instead.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { hasContent, hiddenIds, readDeletedEntry } from '../../../../shared/recently-deleted.ts';
import { keyAtEnd, placesIn, stageIds } from '../ordering.ts';

/** Where a deleted touchpoint would go back to. */
export interface RestorePlace {
  stageId: string;
  /** True when it is not its own stage (that one is not on the board): the first stage instead. */
  moved: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Where touchpoint `id` goes back to, or null when there is no stage on the board to take it. */
export function restorePlace(doc: Y.Doc, id: string): RestorePlace | null {
  const touchpoint = boardTypes(doc).touchpoints.get(id);
  if (!(touchpoint instanceof Y.Map)) return null;
  const hidden = hiddenIds(doc);
  const shown = stageIds(boardTypes(doc).stages).filter((stageId) => !hidden.has(stageId));
  const own = text(touchpoint.get('stageId'));
  if (shown.includes(own)) return { stageId: own, moved: false };
  const first = shown[0];
  return first === undefined ? null : { stageId: first, moved: true };
}

/**
 * Brings back the stage or touchpoint `id` in one transaction with `origin`. Returns false (and
 * changes nothing) when it is not in Recently deleted any more, or is a touchpoint with no stage
 * on the board to go to.
 */
export function restoreDeleted(doc: Y.Doc, id: string, origin: unknown): boolean {
  const { deleted, touchpoints } = boardTypes(doc);
  const entry = readDeletedEntry(id, deleted.get(id));
  if (entry === null || !hasContent(doc, entry)) return false;
  const place = entry.kind === 'touchpoint' ? restorePlace(doc, id) : null;
  if (entry.kind === 'touchpoint' && place === null) return false;
  doc.transact(() => {
    const touchpoint = touchpoints.get(id);
    if (place?.moved && touchpoint instanceof Y.Map) {
      touchpoint.set('order', keyAtEnd(placesIn(touchpoints, place.stageId)));
      touchpoint.set('stageId', place.stageId);
    }
    deleted.delete(id);
  }, origin);
  return true;
}
