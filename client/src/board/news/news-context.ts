/**
 * This visit's news (board-news.ts) for every part of the board page that marks things "New":
 * given once by BoardPage, read with `useNews()`.
 */
import { createContext, useContext } from 'solid-js';
import type { BoardNews } from './board-news.ts';

const NewsContext = createContext<BoardNews>();

/** Provides the board's news to everything inside it. */
export const NewsProvider = NewsContext.Provider;

/** The board's news. Throws outside a NewsProvider (a programming error). */
export function useNews(): BoardNews {
  const value = useContext(NewsContext);
  if (value === undefined) throw new Error('useNews() needs a NewsProvider above it');
  return value;
}
