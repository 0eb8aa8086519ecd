/**
 * Where stages and touchpoints sit, and moving or deleting them, as plain functions over the
 * board document (no DOM, no Solid), so they can be tested with a real Y.Doc.
 *
 * Touchpoints are ordered within a stage by `order`, a fractional-indexing key compared as plain
 * strings, ties broken by id. A move gives the touchpoint a key between its new neighbours; when
 * that is impossible (two neighbours share a key, or a key is not valid), every touchpoint of
 * that stage gets a fresh key in the wanted order. Each operation is one transaction with the
 * caller's origin, so one Undo takes it back whole.
 *
 * Places and positions count only what the board shows: stages and touchpoints in "Recently
 * deleted" (shared/recently-deleted.ts) stay in the document but are skipped here.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { boardTypes, newStage } from '../../../shared/board-document.ts';
import { hiddenIds, markDeleted } from '../../../shared/recently-deleted.ts';

/** A touchpoint's place in its stage. */
export interface Place {
  id: string;
  order: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Plain code-unit order of keys (never localeCompare), then id. */
export function comparePlaces(a: Place, b: Place): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The touchpoints of one stage, sorted. O(touchpoints): for one action, not per render. */
export function placesIn(touchpoints: Y.Map<Y.Map<unknown>>, stageId: string): Place[] {
  const places: Place[] = [];
  for (const [id, touchpoint] of touchpoints) {
    if (touchpoint instanceof Y.Map && touchpoint.get('stageId') === stageId) {
      places.push({ id, order: text(touchpoint.get('order')) });
    }
  }
  return places.sort(comparePlaces);
}

/** A key strictly between two keys (null: an open end), or null when there is none. */
export function keyBetween(before: string | null, after: string | null): string | null {
  try {
    return generateKeyBetween(before, after);
  } catch {
    // Equal or out-of-order neighbours, or a key another program wrote that is not valid.
    return null;
  }
}

/** The key for a new touchpoint at the end of `places` (sorted). */
export function keyAtEnd(places: readonly Place[]): string {
  const last = places.at(-1)?.order ?? null;
  return keyBetween(last, null) ?? generateKeyBetween(null, null);
}

/**
 * Moves touchpoint `id` to stage `stageId`, at `index` among that stage's other touchpoints
 * (0: first; past the end: last). Returns false when there is no such touchpoint.
 */
export function moveTouchpoint(doc: Y.Doc, id: string, stageId: string, index: number, origin: unknown): boolean {
  const { touchpoints } = boardTypes(doc);
  const moving = touchpoints.get(id);
  if (!(moving instanceof Y.Map)) return false;
  const hidden = hiddenIds(doc);
  const others = placesIn(touchpoints, stageId).filter((place) => place.id !== id && !hidden.has(place.id));
  const at = Math.max(0, Math.min(index, others.length));
  const before = others[at - 1]?.order ?? null;
  const after = others[at]?.order ?? null;
  // Two neighbours with the same key cannot have anything between them, and neither can a key
  // before an earlier one (which only broken keys could make): then renumber the whole stage.
  const key = before !== null && after !== null && before >= after ? null : keyBetween(before, after);
  doc.transact(() => {
    if (moving.get('stageId') !== stageId) moving.set('stageId', stageId);
    if (key !== null) {
      moving.set('order', key);
      return;
    }
    const wanted = [...others.slice(0, at).map((p) => p.id), id, ...others.slice(at).map((p) => p.id)];
    const keys = generateNKeysBetween(null, null, wanted.length);
    wanted.forEach((touchpointId, i) => touchpoints.get(touchpointId)?.set('order', keys[i] ?? ''));
  }, origin);
  return true;
}

/** Stage ids in journey order, first copy of each id only (as the board shows them). */
export function stageIds(stages: Y.Array<Y.Map<unknown>>): string[] {
  const seen = new Set<string>();
  for (const stage of stages) {
    const id = stage instanceof Y.Map ? text(stage.get('id')) : '';
    if (id !== '') seen.add(id);
  }
  return [...seen];
}

function arrayIndexOf(stages: Y.Array<Y.Map<unknown>>, id: string): number {
  let i = 0;
  for (const stage of stages) {
    if (stage instanceof Y.Map && stage.get('id') === id) return i;
    i++;
  }
  return -1;
}

/**
 * Moves stage `id` to position `index` in journey order (0: first). A Y.Map cannot move, so
 * this deletes it and inserts a new map with the same id and title, in one transaction; the
 * touchpoints refer to the stage by id, so they follow. Returns false when nothing moved.
 */
export function moveStage(doc: Y.Doc, id: string, index: number, origin: unknown): boolean {
  const { stages } = boardTypes(doc);
  const from = arrayIndexOf(stages, id);
  const stage = from < 0 ? undefined : stages.get(from);
  if (!(stage instanceof Y.Map)) return false;
  const hidden = hiddenIds(doc);
  const shown = stageIds(stages).filter((other) => !hidden.has(other));
  const rest = shown.filter((other) => other !== id);
  const at = Math.max(0, Math.min(index, rest.length));
  const copies = stages.toArray().filter((other) => other instanceof Y.Map && other.get('id') === id).length;
  if (shown.indexOf(id) === at && copies === 1) return false;
  doc.transact(() => {
    const copy = newStage(id, text(stage.get('title')));
    // Keep any other plain fields a newer client may have added.
    for (const [key, value] of stage) if (key !== 'id' && key !== 'title' && !(value instanceof Y.AbstractType)) copy.set(key, value);
    // Two people moving the same stage at once leave two copies; a move tidies them into one.
    for (let i = stages.length - 1; i >= 0; i--) {
      const other = stages.get(i);
      if (other instanceof Y.Map && other.get('id') === id) stages.delete(i, 1);
    }
    const target = rest[at];
    stages.insert(target === undefined ? stages.length : arrayIndexOf(stages, target), [copy]);
  }, origin);
  return true;
}

/**
 * Deletes a touchpoint: it goes to "Recently deleted" with its feelings, votes and comments (one
 * transaction, so one Undo brings it back), recorded as deleted now by `deletedBy` (a user id).
 */
export function deleteTouchpoint(doc: Y.Doc, id: string, deletedBy: string, origin: unknown): void {
  markDeleted(doc, { id, kind: 'touchpoint', deletedAt: Date.now(), deletedBy }, origin);
}

/**
 * Deletes a stage: it goes to "Recently deleted" with every touchpoint in it and all that belongs
 * to them (one transaction). Returns how many of its touchpoints were on the board.
 */
export function deleteStage(doc: Y.Doc, id: string, deletedBy: string, origin: unknown): number {
  const hidden = hiddenIds(doc);
  const inside = placesIn(boardTypes(doc).touchpoints, id).filter((place) => !hidden.has(place.id)).length;
  markDeleted(doc, { id, kind: 'stage', deletedAt: Date.now(), deletedBy }, origin);
  return inside;
}
