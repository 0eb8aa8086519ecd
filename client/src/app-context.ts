/**
 * The app's API agent and stores, made once in index.tsx and handed down through one context so
 * pages never build their own (and tests can pass other ones).
 */
import { createContext, useContext } from 'solid-js';
import type { Api } from './api.ts';
import type { BoardsStore } from './stores/boards.ts';
import type { SessionStore } from './stores/session.ts';

export interface AppStores {
  api: Api;
  session: SessionStore;
  boards: BoardsStore;
}

export const AppContext = createContext<AppStores>();

/** The app's stores; throws when used outside `AppContext.Provider` (a programming error). */
export function useApp(): AppStores {
  const stores = useContext(AppContext);
  if (stores === undefined) throw new Error('useApp() needs AppContext.Provider above it');
  return stores;
}
