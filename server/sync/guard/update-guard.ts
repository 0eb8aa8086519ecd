/**
 * The server's guard: checks one update a socket sent against the board document's schema and the
 * sender's access before anything of it is applied, stored or relayed (docs/sync-protocol.md,
 * "The guard"). Transport-free, so the Node room and the board's Durable Object run the same code.
 *
 * The update is decoded and each change placed in the document without applying it
 * (update-changes.ts), then judged (board-rules.ts); typing into a text the document has is judged
 * the short way (typed-text.ts). A Yjs client id is one person's: a client id
 * another person has written with while the room has been loaded is refused, so nobody can write
 * in someone else's name or take the clocks that person's next changes will use. While editing
 * is paused (shared/session.ts), `edit` is judged as `comment`.
 */
import * as Y from 'yjs';
import { editingPaused } from '../../../shared/session.ts';
import { judgeChanges, RefusedChange, boardTops, type Sender } from './board-rules.ts';
import { typedTextClient } from './typed-text.ts';
import { MissingContent, readUpdateChanges, UnreadableUpdate, type DecodedUpdate } from './update-changes.ts';

export { RefusedChange } from './board-rules.ts';
export type { Sender } from './board-rules.ts';
export { MissingContent } from './update-changes.ts';

/** What an accepted update does that the room must know. */
export interface Accepted {
  /** Yjs client ids it writes new structs for: the sender's from now on. */
  clients: ReadonlySet<number>;
  /** Ids of "Recently deleted" entries it adds (the room checks their times against its clock). */
  deletions: readonly string[];
}

/**
 * Throws {@link RefusedChange} if `update` may not be applied to `doc` for `sender`, and
 * {@link MissingContent} if it cannot be judged yet because it builds on changes the document
 * does not have; otherwise says what the room must record (the client ids are the sender's from
 * now on: `ownerOf` says who first wrote with each). Malformed bytes throw Yjs's own errors.
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  sender: Sender,
  ownerOf: (clientId: number) => string | undefined,
): Accepted {
  // While the facilitator has paused changes to the map, everyone below facilitate may only give
  // feelings and comment: they are judged as `comment`.
  if (sender.access === 'edit' && editingPaused(doc) !== null) {
    try {
      return judgeUpdate(doc, update, { ...sender, access: 'comment' }, ownerOf);
    } catch (error) {
      if (error instanceof RefusedChange) throw new RefusedChange(`${error.message} (editing is paused)`);
      throw error;
    }
  }
  return judgeUpdate(doc, update, sender, ownerOf);
}

function judgeUpdate(doc: Y.Doc, update: Uint8Array, sender: Sender, ownerOf: (clientId: number) => string | undefined): Accepted {
  const decoded = Y.decodeUpdate(update) as DecodedUpdate;
  // Typing into a text the document has (most updates) is judged the short way.
  const typedWith = typedTextClient(doc, decoded, sender);
  if (typedWith !== undefined) {
    mayWriteWith(doc, typedWith, sender, ownerOf);
    return { clients: new Set([typedWith]), deletions: [] };
  }
  let changes;
  try {
    changes = readUpdateChanges(doc, decoded, boardTops);
  } catch (error) {
    if (error instanceof UnreadableUpdate && !(error instanceof MissingContent)) throw new RefusedChange(error.message);
    throw error;
  }
  for (const clientId of changes.clients) mayWriteWith(doc, clientId, sender, ownerOf);
  const { deletions } = judgeChanges(doc, changes, sender);
  return { clients: changes.clients, deletions };
}

/** Refuses writing with the server's client id or one another person has written with. */
function mayWriteWith(doc: Y.Doc, clientId: number, sender: Sender, ownerOf: (clientId: number) => string | undefined): void {
  if (clientId === doc.clientID) throw new RefusedChange("writes with the server's own client id");
  const owner = ownerOf(clientId);
  if (owner !== undefined && owner !== sender.userId) throw new RefusedChange("writes with another person's client id");
}
