/**
 * The board's comments (board-comments.ts) for every part of the board that shows them: given once
 * by BoardPage, read with `useComments()`.
 */
import { createContext, useContext } from 'solid-js';
import type { BoardComments } from './board-comments.ts';

const CommentsContext = createContext<BoardComments>();

/** Provides the board's comments to everything inside it. */
export const CommentsProvider = CommentsContext.Provider;

/** The board's comments. Throws outside a CommentsProvider (a programming error). */
export function useComments(): BoardComments {
  const value = useContext(CommentsContext);
  if (value === undefined) throw new Error('useComments() needs a CommentsProvider above it');
  return value;
}
