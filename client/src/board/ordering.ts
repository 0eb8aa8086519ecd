/**
 * Where stages and touchpoints sit, and moving or deleting them, as plain functions over the
 * board document (no DOM, no Solid), so they can be tested with a real Y.Doc.
 *
 * Touchpoints are ordered within a stage by `order`, a fractional-indexing key compared as plain
 * strings, ties broken by id. A move gives the touchpoint a key between its new neighbours; when
 * that is impossible (two neighbours share a key, or a key is not valid), every touchpoint of
 * that stage gets a fresh key in the wanted order. Each operation is one transaction with the
 * caller's origin, so one Undo takes it back whole.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { boardTypes, newStage } from '../../../shared/board-document.ts';

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
  const others = placesIn(touchpoints, stageId).filter((place) => place.id !== id);
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
  const rest = stageIds(stages).filter((other) => other !== id);
  const at = Math.max(0, Math.min(index, rest.length));
  const copies = stages.toArray().filter((other) => other instanceof Y.Map && other.get('id') === id).length;
  if (stageIds(stages).indexOf(id) === at && copies === 1) return false;
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

/** The id a comment is about (its `target.id`), or ''. */
function commentTarget(comment: unknown): string {
  const target = comment instanceof Y.Map ? comment.get('target') : undefined;
  if (typeof target !== 'object' || target === null) return '';
  return text((target as { id?: unknown }).id);
}

/** Deletes touchpoints with the feelings, votes and comments about them: one pass over each map. */
function removeTouchpoints(doc: Y.Doc, ids: ReadonlySet<string>, alsoAbout: ReadonlySet<string> = ids): void {
  const { touchpoints, feelings, votes, comments } = boardTypes(doc);
  for (const id of ids) touchpoints.delete(id);
  const about = (key: string) => ids.has(key.slice(0, key.indexOf('/')));
  for (const key of [...feelings.keys()]) if (about(key)) feelings.delete(key);
  for (const key of [...votes.keys()]) if (about(key)) votes.delete(key);
  for (const [key, comment] of [...comments]) if (alsoAbout.has(commentTarget(comment))) comments.delete(key);
}

/** Deletes a touchpoint (and what people said about it) in one transaction. */
export function deleteTouchpoint(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => removeTouchpoints(doc, new Set([id])), origin);
}

/**
 * Deletes a stage and every touchpoint in it (with their feelings, votes and comments), in one
 * transaction, so one Undo brings all of it back. Returns how many touchpoints went with it.
 */
export function deleteStage(doc: Y.Doc, id: string, origin: unknown): number {
  const { stages, touchpoints } = boardTypes(doc);
  const inside = new Set(placesIn(touchpoints, id).map((place) => place.id));
  doc.transact(() => {
    for (let i = stages.length - 1; i >= 0; i--) {
      const stage = stages.get(i);
      if (stage instanceof Y.Map && stage.get('id') === id) stages.delete(i, 1);
    }
    removeTouchpoints(doc, inside, new Set([...inside, id]));
  }, origin);
  return inside.size;
}
