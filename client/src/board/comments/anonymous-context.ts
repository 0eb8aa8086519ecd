/**
 * "Comment without my name" (anonymous-comments.ts) for every part of the board that shows
 * comments: given once by BoardPage, read with `useAnonymous()`.
 */
import { createContext, useContext } from 'solid-js';
import type { AnonymousComments } from './anonymous-comments.ts';

const AnonymousContext = createContext<AnonymousComments>();

/** Provides the board's comments without a name to everything inside it. */
export const AnonymousProvider = AnonymousContext.Provider;

/** The board's comments without a name. Throws outside an AnonymousProvider (a programming error). */
export function useAnonymous(): AnonymousComments {
  const value = useContext(AnonymousContext);
  if (value === undefined) throw new Error('useAnonymous() needs an AnonymousProvider above it');
  return value;
}
