/**
 * This person's own feelings (own-feelings.ts) for every card, outline moment, easy-read moment
 * and review of the board: made once by `FeelingsRoot` inside the board and session providers
 * (BoardPage), read with `useOwnFeelings()` by FeelingControl.
 */
import { createContext, useContext, type JSX } from 'solid-js';
import { useApp } from '../../app-context.ts';
import { useBoard } from '../board-context.ts';
import { useLiveSession } from '../session/session-context.ts';
import { createOwnFeelings, type OwnFeelings } from './own-feelings.ts';

const FeelingsContext = createContext<OwnFeelings>();

/** Follows this person's own feelings on the board and provides them to everything inside it. */
export function FeelingsRoot(props: { boardId: string; children: JSX.Element }) {
  const { api } = useApp();
  const board = useBoard();
  const session = useLiveSession();
  const feelings = createOwnFeelings({
    api,
    boardId: props.boardId,
    userId: board.userId,
    doc: board.doc,
    online: session.online,
    say: (words) => board.announcer.say(words),
  });
  return <FeelingsContext.Provider value={feelings}>{props.children}</FeelingsContext.Provider>;
}

/** This person's own feelings. Throws outside a FeelingsRoot (a programming error). */
export function useOwnFeelings(): OwnFeelings {
  const value = useContext(FeelingsContext);
  if (value === undefined) throw new Error('useOwnFeelings() needs a FeelingsRoot above it');
  return value;
}
