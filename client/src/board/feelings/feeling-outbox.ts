/**
 * This person's feelings that have not reached the server yet, kept on this device (localStorage,
 * one list per account and board) so a choice made offline survives a reload or a closed tab. The
 * server writes every feeling (issue 17: under a key that names nobody), so a choice goes over
 * HTTP (own-feelings.ts), never into the shared document; it waits here until the server has
 * answered. One entry per card and map: a newer choice replaces the older one (waiting-feelings.ts).
 * Forgotten with the board copies when anyone signs out here (local-copies.ts).
 */
import type { FeelingMapName } from '../../../../shared/api.ts';
import { feelingScores, type FeelingScore } from '../../../../shared/board-document.ts';

/** A feeling as it is sent: the score and the chosen words. */
export interface FeelingChoice {
  score: FeelingScore;
  words: string[];
}

/** One choice waiting to be sent: a feeling given or changed, or (`feeling: null`) cleared. */
export interface WaitingFeeling {
  map: FeelingMapName;
  touchpointId: string;
  feeling: FeelingChoice | null;
  /** Which choice this is: only the server's answer to this very one takes it out. */
  version: string;
  /** When it was chosen here (ms). */
  at: number;
}

/** The two feelings maps (a copy of shared/api.ts's list: importing it would bring its checks into the page). */
export const feelingMaps = ['feelings', 'feelingsAfter'] as const satisfies readonly FeelingMapName[];

/** Every key this device keeps about feelings starts so (forgotten at sign-out). */
export const feelingsStoragePrefix = 'common-ground:feelings:';

const outboxKey = (userId: string, boardId: string) => `${feelingsStoragePrefix}outbox:${userId}:${boardId}`;

const isChoice = (value: unknown): value is FeelingChoice => {
  if (typeof value !== 'object' || value === null) return false;
  const { score, words } = value as Record<string, unknown>;
  return (feelingScores as readonly unknown[]).includes(score) && Array.isArray(words) && words.every((word) => typeof word === 'string');
};

const isWaiting = (value: unknown): value is WaitingFeeling => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    (feelingMaps as readonly unknown[]).includes(entry['map']) &&
    typeof entry['touchpointId'] === 'string' &&
    typeof entry['version'] === 'string' &&
    typeof entry['at'] === 'number' &&
    (entry['feeling'] === null || isChoice(entry['feeling']))
  );
};

/** The waiting choices of `userId` on `boardId` ([] when none or unreadable). */
export function readOutbox(userId: string, boardId: string): WaitingFeeling[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(outboxKey(userId, boardId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isWaiting) : [];
  } catch {
    return [];
  }
}

/**
 * Keeps `entries` as the waiting list. Returns false when the device would not keep them (storage
 * full or turned off): the page then says so rather than pretend.
 */
export function writeOutbox(userId: string, boardId: string, entries: readonly WaitingFeeling[]): boolean {
  try {
    if (entries.length === 0) localStorage.removeItem(outboxKey(userId, boardId));
    else localStorage.setItem(outboxKey(userId, boardId), JSON.stringify(entries));
    return true;
  } catch {
    return false;
  }
}

/** Forgets everything this device keeps about anyone's feelings (at sign-out). */
export function forgetFeelingsOnDevice(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(feelingsStoragePrefix)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // No storage: nothing was kept.
  }
}
