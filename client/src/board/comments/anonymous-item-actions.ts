/**
 * What the author of a comment without a name does with it on the page — change its words,
 * delete it, mark its conversation sorted or open it again — through the API (the page may not
 * write such a comment: the server does, so nothing links it to them). None is an Undo step: Undo
 * takes back only what this page wrote into the document (docs/client.md, "Comments"). Each says
 * how it went, in plain words; the change itself arrives through sync.
 */
import { ApiError } from '../../api.ts';
import type { Announcer } from '../announcer.ts';
import type { AnonymousComments } from './anonymous-comments.ts';

const why = (err: unknown): string => (err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');

/** Runs `action`, then says `done`, or why it could not be done. Returns whether it was done. */
async function tell(announcer: Announcer, action: () => Promise<void>, done: string, failed: string): Promise<boolean> {
  try {
    await action();
    announcer.say(done);
    return true;
  } catch (err) {
    announcer.say(`${failed} ${why(err)}`);
    return false;
  }
}

export const changeWithoutName = (anonymous: AnonymousComments, announcer: Announcer, id: string, body: string) =>
  tell(announcer, () => anonymous.change(id, body), 'Your comment is changed.', 'Your comment could not be changed.');

export const deleteWithoutName = (anonymous: AnonymousComments, announcer: Announcer, id: string) =>
  tell(announcer, () => anonymous.remove(id), 'Your comment deleted.', 'Your comment could not be deleted.');

export const sortWithoutName = (anonymous: AnonymousComments, announcer: Announcer, id: string, sorted: boolean) =>
  tell(
    announcer,
    () => anonymous.setSorted(id, sorted),
    sorted ? 'Marked as sorted. You can find it under the sorted conversations.' : 'The conversation is open again.',
    sorted ? 'It could not be marked as sorted.' : 'It could not be opened again.',
  );

/** What deleting one's comment without a name takes with it: it cannot be undone. */
export const deleteWithoutNameDetail = (othersReplies: number): string =>
  `${othersReplies === 0 ? '' : `The ${othersReplies === 1 ? 'reply' : `${othersReplies} replies`} to it will go with it. `}You cannot undo this.`;
