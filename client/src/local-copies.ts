/**
 * Boards kept on this device (IndexedDB, for offline work) are health stories: signing out removes
 * every one of them, so the next person at a shared computer finds nothing — and with them what
 * the device remembers for opening boards offline (remembered-boards.ts), and what it keeps of
 * the person's own feelings (board/feelings/feeling-outbox.ts: where theirs are, and any not sent).
 */
import { forgetSignedIn } from './remembered-boards.ts';
import { forgetFeelingsOnDevice } from './board/feelings/feeling-outbox.ts';

const prefix = 'common-ground:board:';

/** The IndexedDB database name of a board's copy on this device. */
export function localCopyName(boardId: string): string {
  return `${prefix}${boardId}`;
}

export async function forgetLocalCopies(): Promise<void> {
  forgetSignedIn();
  forgetFeelingsOnDevice();
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  const copies = databases.filter((db) => db.name?.startsWith(prefix));
  if (copies.length === 0) return;
  // Loaded only here: y-indexeddb brings Yjs, which the sign-in and invite pages do not need.
  const { clearDocument } = await import('y-indexeddb');
  await Promise.all(copies.map((db) => clearDocument(db.name!)));
}
