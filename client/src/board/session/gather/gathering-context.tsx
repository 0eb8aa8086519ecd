/**
 * "Bring everyone here" (gathering.ts) for every part of the board that offers or shows it: made
 * once by `GatheringRoot` inside the board and session providers (BoardPage), read with
 * `useGathering()` by the card menu, the stage's button and the messages.
 */
import { createContext, useContext, type JSX } from 'solid-js';
import { useApp } from '../../../app-context.ts';
import { useBoard } from '../../board-context.ts';
import { useLiveSession } from '../session-context.ts';
import { createGathering, type Gathering } from './gathering.ts';

const GatheringContext = createContext<Gathering>();

/** Follows the board's calls and provides them to everything inside it. */
export function GatheringRoot(props: { boardId: string; children: JSX.Element }) {
  const { api } = useApp();
  const board = useBoard();
  const session = useLiveSession();
  const gathering = createGathering({
    doc: board.doc,
    boardId: props.boardId,
    api,
    clock: session.clock,
    online: session.online,
    me: board.userId,
    names: board.names,
    view: board.view,
    announcer: board.announcer,
  });
  return <GatheringContext.Provider value={gathering}>{props.children}</GatheringContext.Provider>;
}

/** The board's "Bring everyone here". Throws outside a GatheringRoot (a programming error). */
export function useGathering(): Gathering {
  const value = useContext(GatheringContext);
  if (value === undefined) throw new Error('useGathering() needs a GatheringRoot above it');
  return value;
}
