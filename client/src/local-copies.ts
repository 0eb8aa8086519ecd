/**
 * Boards kept on this device (IndexedDB, for offline work) are health stories: signing out removes
 * every one of them, so the next person at a shared computer finds nothing.
 */
import { clearDocument } from 'y-indexeddb';

const prefix = 'common-ground:board:';

/** The IndexedDB database name of a board's copy on this device. */
export function localCopyName(boardId: string): string {
  return `${prefix}${boardId}`;
}

export async function forgetLocalCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.filter((db) => db.name?.startsWith(prefix)).map((db) => clearDocument(db.name!)),
  );
}
