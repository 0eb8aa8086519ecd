/**
 * Hidden dot voting (dot-vote.ts) for every part of the board that shows or runs it: made once
 * by `VoteRoot` inside the board and session providers (BoardPage), read with `useDotVote()` by
 * the pinned line, the results, each card's dots and the facilitator's controls.
 */
import { createContext, useContext, type JSX } from 'solid-js';
import { useApp } from '../../../app-context.ts';
import { useBoard } from '../../board-context.ts';
import { useLiveSession } from '../session-context.ts';
import { createDotVote, type DotVote } from './dot-vote.ts';

const VoteContext = createContext<DotVote>();

/** Follows the board's vote and provides it to everything inside it. */
export function VoteRoot(props: { boardId: string; children: JSX.Element }) {
  const { api } = useApp();
  const board = useBoard();
  const session = useLiveSession();
  const vote = createDotVote({
    doc: board.doc,
    boardId: props.boardId,
    api,
    mayVote: board.canComment,
    online: session.online,
    announcer: board.announcer,
  });
  return <VoteContext.Provider value={vote}>{props.children}</VoteContext.Provider>;
}

/** The board's dot vote. Throws outside a VoteRoot (a programming error). */
export function useDotVote(): DotVote {
  const value = useContext(VoteContext);
  if (value === undefined) throw new Error('useDotVote() needs a VoteRoot above it');
  return value;
}
