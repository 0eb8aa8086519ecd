/**
 * The server's guard: checks one update a socket sent against the board document's schema and the
 * sender's access before anything of it is applied, stored or relayed (docs/sync-protocol.md,
 * "The guard"). Transport-free, so the Node room and the board's Durable Object run the same code.
 *
 * The update is decoded and each change placed in the document without applying it
 * (update-changes.ts), then judged (board-rules.ts). A Yjs client id is one person's: a client id
 * another person has written with while the room has been loaded is refused, so nobody can write
 * in someone else's name or take the clocks that person's next changes will use.
 */
import * as Y from 'yjs';
import { judgeChanges, RefusedChange, boardTops, type Sender } from './board-rules.ts';
import { readUpdateChanges, UnreadableUpdate } from './update-changes.ts';

export { RefusedChange } from './board-rules.ts';
export type { Sender } from './board-rules.ts';

/**
 * Throws {@link RefusedChange} if `update` may not be applied to `doc` for `sender`; otherwise
 * returns the Yjs client ids it writes, which `ownerOf` (who first wrote with each) must then
 * record as the sender's. Malformed bytes throw Yjs's own decoding errors.
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  sender: Sender,
  ownerOf: (clientId: number) => string | undefined,
): ReadonlySet<number> {
  let changes;
  try {
    changes = readUpdateChanges(doc, update, boardTops);
  } catch (error) {
    if (error instanceof UnreadableUpdate) throw new RefusedChange(error.message);
    throw error;
  }
  for (const clientId of changes.clients) {
    if (clientId === doc.clientID) throw new RefusedChange("writes with the server's own client id");
    const owner = ownerOf(clientId);
    if (owner !== undefined && owner !== sender.userId) throw new RefusedChange("writes with another person's client id");
  }
  judgeChanges(doc, changes, sender);
  return changes.clients;
}
