/**
 * Comments posted without a name that have not reached the server yet, kept on this device
 * (localStorage, one list per account and board) so none is lost to a closed tab, a reload or a
 * lost connection: they go to the server over HTTP (the server writes them, docs/board-document.md
 * "Comments the server writes"), never into the shared document, and sending one again is harmless
 * (its id is made here). An entry leaves once the server has it.
 */
import { commentTargetTypes, type CommentTarget } from '../../../../shared/comment-read.ts';

/** A comment without a name waiting to be sent. */
export interface OutboxEntry {
  id: string;
  target: CommentTarget;
  parentId: string | null;
  body: string;
  /** When it was written here (ms), to show it in order. */
  at: number;
}

const key = (userId: string, boardId: string) => `common-ground:anonymous-outbox:${userId}:${boardId}`;

const isEntry = (value: unknown): value is OutboxEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const target = entry['target'] as Record<string, unknown> | null | undefined;
  return (
    typeof entry['id'] === 'string' &&
    typeof entry['body'] === 'string' &&
    typeof entry['at'] === 'number' &&
    (entry['parentId'] === null || typeof entry['parentId'] === 'string') &&
    typeof target === 'object' && target !== null &&
    // Any target a comment can have (an action or idea of issue 16 too), or it would be dropped on reload.
    (commentTargetTypes as readonly unknown[]).includes(target['type']) &&
    typeof target['id'] === 'string'
  );
};

/** The waiting comments of `userId` on `boardId`, oldest first ([] when none or unreadable). */
export function readOutbox(userId: string, boardId: string): OutboxEntry[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key(userId, boardId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/**
 * Keeps `entries` as the waiting list. Returns false when the device would not keep them (storage
 * full or turned off): the page then says so rather than pretend.
 */
export function writeOutbox(userId: string, boardId: string, entries: readonly OutboxEntry[]): boolean {
  try {
    if (entries.length === 0) localStorage.removeItem(key(userId, boardId));
    else localStorage.setItem(key(userId, boardId), JSON.stringify(entries));
    return true;
  } catch {
    return false;
  }
}
