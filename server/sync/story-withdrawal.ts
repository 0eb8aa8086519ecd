/**
 * "Withdraw my story" (issue 17): stories are given, not taken, and the person who gave one can
 * take it back for good. The storyteller (the touchpoint's `createdBy`), or a facilitator on their
 * behalf, asks; the server removes, in one change it writes itself:
 *
 * - the story's words (the card and its title stay: other people may have said how that moment
 *   felt), and its consent goes back to "Not yet";
 * - if asked, the storyteller's own feelings at that moment (at the start and at the review);
 * - if asked, the storyteller's own comments on that moment — with their name or without, which
 *   only the server knows — and the replies to them, as deleting a comment does.
 *
 * It works the same on a card in "Recently deleted". Removing is not yet forgetting: Yjs drops a
 * removed text's characters at once, but the board's stored log still holds the update that wrote
 * them. So the host compacts the board straight after (a snapshot without them, the log rows that
 * held them deleted), takes them out of every kept version of the board (its history) the same way,
 * and has the database forget freed pages before it answers — by then the words are in no table
 * and, on a local file, not in its bytes.
 *
 * Transport-free, like comment-actions.ts: the board's host runs it in its queue of server-written
 * changes, on Node and in the board's Durable Object alike.
 */
import * as Y from 'yjs';
import { canFacilitate } from '../../shared/access.ts';
import { boardTypes, participantKey } from '../../shared/board-document.ts';
import { maySpeakForStory } from '../../shared/consent.ts';
import type { CommentRecords } from '../ports/comment-records.ts';
import type { FeelingRecords } from '../ports/feeling-records.ts';
import type { StoryActor, WithdrawStory, WithdrawStoryResult } from '../ports/story-action.ts';
import type { ServerWriter } from './comment-actions.ts';

export type { StoryActor, WithdrawStory, WithdrawStoryResult } from '../ports/story-action.ts';

/** What one withdrawal removes, wherever the board is read: the live document or a kept version. */
export interface StoryErasure {
  touchpointId: string;
  storyteller: string | null;
  feelings: boolean;
  comments: boolean;
  /** The storyteller's comments without a name (only the server knows them), read before any is forgotten. */
  anonymous: ReadonlySet<string>;
  /**
   * The keys of the storyteller's feelings at that moment (only the server knows whose a feeling
   * is, feeling-actions.ts); a version kept before feelings had such keys holds them under
   * `touchpointId/storyteller`, which goes too.
   */
  feelingKeys?: ReadonlySet<string>;
  /** The server's time of the withdrawal, written as the card's `withdrawnAt` (the live document only). */
  at?: number;
}

/** Runs one withdrawal against the room's document; never throws for a person's mistake, only for failures. */
export async function withdrawStory(
  doc: Y.Doc,
  write: ServerWriter,
  records: CommentRecords,
  feelingRecords: FeelingRecords,
  actor: StoryActor,
  request: WithdrawStory,
  now: number,
): Promise<WithdrawStoryResult & { erasure?: StoryErasure }> {
  const touchpoint = boardTypes(doc).touchpoints.get(request.touchpointId);
  if (!(touchpoint instanceof Y.Map)) return { ok: false, code: 'not_found', message: 'That moment is not on this board any more.' };
  if (!maySpeakForStory(touchpoint, actor.userId, canFacilitate(actor.access))) {
    return { ok: false, code: 'forbidden', message: 'Only the person who told this story, or someone who organises this board, can withdraw it.' };
  }
  const createdBy = touchpoint.get('createdBy');
  const storyteller = typeof createdBy === 'string' ? createdBy : null;
  const anonymous = new Set(request.comments && storyteller !== null ? await records.anonymousCommentsOf(storyteller) : []);
  const theirFeelings = request.feelings && storyteller !== null ? (await feelingRecords.ofPerson(storyteller)).filter((owner) => owner.touchpointId === request.touchpointId) : [];
  const feelingKeys = new Set(theirFeelings.map((owner) => owner.key));
  const erasure: StoryErasure = { touchpointId: request.touchpointId, storyteller, feelings: request.feelings, comments: request.comments, anonymous, feelingKeys };
  let removed = { feelings: 0, comments: 0 };
  await write(() => {
    removed = eraseStory(doc, { ...erasure, at: now });
  });
  // Their words, kept by the server for a hidden comment, and who wrote one without a name.
  if (removed.comments > 0) await records.keepOnly(new Set(boardTypes(doc).comments.keys()));
  for (const owner of theirFeelings) await feelingRecords.remove(owner.map, owner.key);
  return { ok: true, ...removed, erasure };
}

/**
 * Removes a story (and, as asked, its storyteller's feelings and comments on that moment with the
 * replies to them) from `doc`, in the caller's transaction. Returns how many feelings and comments
 * went. Does nothing to a document without that touchpoint.
 */
export function eraseStory(doc: Y.Doc, erasure: StoryErasure): { feelings: number; comments: number } {
  const { touchpoints, feelings, feelingsAfter, comments } = boardTypes(doc);
  const touchpoint = touchpoints.get(erasure.touchpointId);
  if (!(touchpoint instanceof Y.Map)) return { feelings: 0, comments: 0 };
  const { storyteller } = erasure;
  const keys = storyteller !== null ? [participantKey(erasure.touchpointId, storyteller), ...(erasure.feelingKeys ?? [])] : [];
  const feelingsGoing = erasure.feelings ? [feelings, feelingsAfter].flatMap((map) => keys.filter((key) => map.has(key)).map((key) => ({ map, key }))) : [];
  const theirs = erasure.comments && storyteller !== null ? storytellersComments(comments, erasure) : new Set<string>();
  // The replies to their comments go with them, as when a comment is deleted.
  const going = new Set(theirs);
  for (const [id, comment] of comments) {
    const parentId = comment instanceof Y.Map ? comment.get('parentId') : null;
    if (typeof parentId === 'string' && theirs.has(parentId)) going.add(id);
  }
  const story = touchpoint.get('story');
  if (story instanceof Y.Text) story.delete(0, story.length);
  else touchpoint.set('story', new Y.Text());
  if (touchpoint.has('consent')) touchpoint.delete('consent');
  // Tells every page the story was withdrawn, so each forgets what its own Undo could bring back.
  if (erasure.at !== undefined) touchpoint.set('withdrawnAt', erasure.at);
  for (const { map, key } of feelingsGoing) map.delete(key);
  for (const id of going) comments.delete(id);
  return { feelings: feelingsGoing.length, comments: going.size };
}

/** The storyteller's comments on this moment: theirs by name, and those the server knows they posted without one. */
function storytellersComments(comments: Y.Map<Y.Map<unknown>>, erasure: StoryErasure): Set<string> {
  const theirs = new Set<string>();
  for (const [id, comment] of comments) {
    if (!(comment instanceof Y.Map)) continue;
    const target = comment.get('target') as { type?: unknown; id?: unknown } | undefined;
    if (target?.type !== 'touchpoint' || target.id !== erasure.touchpointId) continue;
    const authorId = comment.get('authorId');
    if (authorId === erasure.storyteller || (authorId === null && erasure.anonymous.has(id))) theirs.add(id);
  }
  return theirs;
}
