/**
 * Feelings without names (issue 17): the server writes each person's feeling into the document
 * under a key it makes up — `touchpointId/<random>`, with its own Yjs client id — and keeps whose
 * it is to itself ({@link FeelingRecords}). So a member's client sees how many people felt what at
 * each moment, never who; and a perspective's line (perspective-lines.ts) cannot be matched
 * against named feelings to find out who chose that perspective. The person is told the key of
 * their own feeling only. Transport-free: both runtimes run it through the board's host, one
 * server change at a time.
 */
import type * as Y from 'yjs';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { canComment } from '../../shared/access.ts';
import { feelingMaps, type FeelingMapName, type MyFeelings } from '../../shared/api.ts';
import { boardTypes, type Feeling } from '../../shared/board-document.ts';
import { hiddenIds, touchpointOnBoard } from '../../shared/recently-deleted.ts';
import type { FeelingAction, FeelingActionResult, FeelingActor } from '../ports/feeling-action.ts';
import type { FeelingOwner, FeelingRecords } from '../ports/feeling-records.ts';
import { feeling as feelingCheck } from './guard/document-values.ts';

/** The part of a feeling's key after its touchpoint: 128 random bits, which say nothing of who gave it. */
export const newFeelingKey = (): string => encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(16)));

/** The keys in each feelings map of `doc`. */
export function feelingKeysIn(doc: Y.Doc): Record<FeelingMapName, Set<string>> {
  const types = boardTypes(doc);
  return { feelings: new Set(types.feelings.keys()), feelingsAfter: new Set(types.feelingsAfter.keys()) };
}

/** A feeling's time is kept to the minute: the document need not say to the millisecond when someone gave it. */
export const feelingTime = (now: number): number => now - (now % 60_000);

/** The caller's own feelings that are still in the document: map → touchpoint id → key. */
export function myFeelings(doc: Y.Doc, owners: readonly FeelingOwner[], userId: string): MyFeelings {
  const types = boardTypes(doc);
  const mine: MyFeelings = { feelings: {}, feelingsAfter: {} };
  for (const owner of owners) if (owner.userId === userId && types[owner.map].has(owner.key)) mine[owner.map][owner.touchpointId] = owner.key;
  return mine;
}

/** Runs `action` for `actor` on `doc` through `write` (the room's server write) at the server's time `now`. */
export async function runFeelingAction(
  doc: Y.Doc,
  write: (change: (doc: Y.Doc) => void) => Promise<void>,
  records: FeelingRecords,
  actor: FeelingActor,
  action: FeelingAction,
  now: number,
  newKey: () => string,
): Promise<FeelingActionResult> {
  if (action.kind === 'owners') return { ok: true, key: null, owners: await records.all() };
  if (action.kind === 'mine') return { ok: true, key: null, mine: myFeelings(doc, await records.ofPerson(actor.userId), actor.userId) };

  if (!canComment(actor.access)) return { ok: false, code: 'forbidden', message: 'You can look at this board but not give feelings on it.' };
  const { map, touchpointId } = action;
  const mapOf = (d: Y.Doc) => boardTypes(d)[map];
  // A record whose feeling went with its card for good (forgotten at the next unload) is forgotten now.
  let ownKey = await records.keyOf(map, touchpointId, actor.userId);
  while (ownKey !== undefined && !mapOf(doc).has(ownKey)) {
    await records.remove(map, ownKey);
    ownKey = await records.keyOf(map, touchpointId, actor.userId);
  }
  const own = ownKey === undefined ? undefined : { key: ownKey };

  if (action.feeling === null) {
    // Cleared: also for a card deleted since, so nobody's feeling is stuck there.
    if (own !== undefined) {
      await write((d) => mapOf(d).delete(own.key));
      await records.remove(map, own.key);
    }
    return { ok: true, key: null };
  }

  if (!touchpointOnBoard(doc, touchpointId, hiddenIds(doc))) return { ok: false, code: 'not_found', message: 'That card is not on the board any more.' };
  const value = { score: action.feeling.score, words: action.feeling.words, at: feelingTime(now) };
  const problem = feelingCheck(value);
  if (problem !== null) return { ok: false, code: 'invalid_body', message: `That feeling cannot be kept: ${problem}.` };
  let key = own?.key;
  if (key === undefined) {
    key = `${touchpointId}/${newKey()}`;
    // Whose it is is written first: a feeling in the document is never without its owner.
    await records.add({ map, key, touchpointId, userId: actor.userId });
  }
  const written = key;
  await write((d) => mapOf(d).set(written, value as Feeling));
  return { ok: true, key: written };
}

/**
 * Boards from before kept each feeling under `touchpointId/userId`, for everyone to read. At load,
 * every feeling the records do not know is moved under a new key of the server's and its owner
 * recorded; returns the change to write (null when there is none). The old keys stay in Yjs's
 * deleted-item records (the key, not the score): a full rebuild of the document would be needed
 * to drop those.
 */
export async function nameFeelingsOwners(doc: Y.Doc, records: FeelingRecords, newKey: () => string): Promise<((doc: Y.Doc) => void) | null> {
  const known = new Set((await records.all()).map((owner) => `${owner.map}\u0000${owner.key}`));
  const moves: { map: FeelingMapName; from: string; owner: FeelingOwner }[] = [];
  const types = boardTypes(doc);
  for (const map of feelingMaps) {
    for (const key of types[map].keys()) {
      if (known.has(`${map}\u0000${key}`)) continue;
      const slash = key.indexOf('/');
      if (slash <= 0) continue; // not a feeling key: the guard's business, not ours
      const touchpointId = key.slice(0, slash);
      moves.push({ map, from: key, owner: { map, key: `${touchpointId}/${newKey()}`, touchpointId, userId: key.slice(slash + 1) } });
    }
  }
  if (moves.length === 0) return null;
  await records.addAll(moves.map((move) => move.owner));
  return (d) => {
    const target = boardTypes(d);
    for (const { map, from, owner } of moves) {
      const value = target[map].get(from);
      target[map].delete(from);
      if (value !== undefined) target[map].set(owner.key, value);
    }
  };
}
