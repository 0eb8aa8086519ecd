/**
 * The live session (live-session.ts) for every part of the board page that shows or runs it:
 * given once by BoardPage, read with `useLiveSession()`.
 */
import { createContext, useContext } from 'solid-js';
import type { LiveSession } from './live-session.ts';

const SessionContext = createContext<LiveSession>();

/** Provides the live session to everything inside it. */
export const SessionProvider = SessionContext.Provider;

/** The board's live session. Throws outside a SessionProvider (a programming error). */
export function useLiveSession(): LiveSession {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useLiveSession() needs a SessionProvider above it');
  return value;
}
