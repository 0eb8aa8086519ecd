/**
 * What this device remembers so that a board opened here before opens again without a connection
 * (issue 10): who was last signed in, and for each board they opened here its record — title and
 * what they may do on it. The board itself is in its device copy (local-copies.ts); offline the
 * page needs the person's id (for what they write) and their access (to show the editing
 * controls), which only the server can tell when online.
 *
 * Kept in localStorage under one key, and forgotten with the device copies when anyone signs out
 * here (local-copies.ts), when the server says nobody is signed in, and per board when the board is
 * refused. Where the browser keeps no storage, nothing is remembered and offline opening is simply
 * not offered (the page says the server could not be reached, as before).
 */
import type { Board, User } from '../../shared/api.ts';
import { ApiError, type Api } from './api.ts';

const storageKey = 'common-ground:remembered-boards';

interface Remembered {
  user: User;
  boards: Record<string, Board>;
}

function read(): Remembered | null {
  try {
    const raw = localStorage.getItem(storageKey);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<Remembered> | null;
    if (typeof value?.user?.id !== 'string' || typeof value.boards !== 'object' || value.boards === null) return null;
    return value as Remembered;
  } catch {
    return null; // storage blocked or an unreadable value: nothing remembered
  }
}

function write(value: Remembered | null): void {
  try {
    if (value === null) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(value));
  } catch {
    // Storage blocked or full: offline opening is then not offered, nothing else changes.
  }
}

/** The server says `user` is signed in here. Another person's boards are forgotten. */
export function rememberSignedIn(user: User): void {
  const now = read();
  write({ user, boards: now !== null && now.user.id === user.id ? now.boards : {} });
}

/** Forgets the person and every board: someone signed out, or nobody is signed in. */
export function forgetSignedIn(): void {
  write(null);
}

/** The server gave the signed-in person this board's record; kept for opening it offline. */
export function rememberBoard(board: Board): void {
  const now = read();
  if (now === null) return;
  write({ ...now, boards: { ...now.boards, [board.id]: board } });
}

/** The board refused this person (removed, or deleted): forget its record. */
export function forgetBoard(boardId: string): void {
  const now = read();
  if (now === null || !(boardId in now.boards)) return;
  const { [boardId]: _forgotten, ...boards } = now.boards;
  write({ ...now, boards });
}

/** The last signed-in person and their record of `boardId`, if they opened it on this device. */
export function rememberedBoard(boardId: string): { user: User; board: Board } | null {
  const now = read();
  const board = now?.boards[boardId];
  return now !== null && board !== undefined ? { user: now.user, board } : null;
}

/**
 * The board's record from the server (and remembered), or — when the server cannot be reached —
 * the one remembered on this device, marked `fromDevice` so the page can ask again once online.
 * Throws the `ApiError` otherwise.
 */
export async function readBoardRecord(api: Api, boardId: string): Promise<{ board: Board; fromDevice: boolean }> {
  try {
    const board = await api.getBoard(boardId);
    rememberBoard(board);
    return { board, fromDevice: false };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 403 || err.status === 404) forgetBoard(boardId);
    const remembered = err.code === 'unavailable' ? rememberedBoard(boardId) : null;
    if (remembered === null) throw err;
    return { board: remembered.board, fromDevice: true };
  }
}
