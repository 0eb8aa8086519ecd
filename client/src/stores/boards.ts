/**
 * "Your boards": the signed-in person's boards. It reloads whenever the signed-in person changes
 * and empties at once on sign-out, so one person's boards are never shown to the next.
 */
import { createEffect, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Board, ListedBoard } from '../../../shared/api.ts';
import { ApiError, type Api } from '../api.ts';
import type { SessionStore } from './session.ts';

/** `idle`: nobody signed in. `loading`/`ready`/`failed`: the list's fetch. */
export type BoardsStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface BoardsState {
  status: BoardsStatus;
  /** Each with what others added or changed since the person last had it open. */
  list: ListedBoard[];
  error: ApiError | null;
}

export interface BoardsStore {
  readonly state: BoardsState;
  /** Fetches the list again (for a "Try again" button). Failures land in `state.error`. */
  reload(): Promise<void>;
  /** Creates a board (the caller becomes its facilitator) and adds it to the list. Throws `ApiError`. */
  create(title: string): Promise<Board>;
  /**
   * The person has just had the board open: nothing on it is new to them. Shown at once, because
   * the list may be fetched again before the server hears the board's socket close.
   */
  left(boardId: string): void;
}

/** Makes the boards store; it follows `session`'s user. Call inside a Solid root. */
export function createBoardsStore(api: Api, session: SessionStore): BoardsStore {
  const [state, setState] = createStore<BoardsState>({ status: 'idle', list: [], error: null });
  // Only the newest fetch may write, so a slow answer for an earlier person is dropped.
  let latest = 0;
  /** Boards just left, told to the server as seen: a fetch waits for them (see `left`). */
  let leaving: Promise<unknown> = Promise.resolve();

  async function reload(): Promise<void> {
    const ticket = ++latest;
    if (session.state.user === null) {
      setState({ status: 'idle', list: [], error: null });
      return;
    }
    setState({ status: 'loading', error: null });
    try {
      for (let told = leaving; ; told = leaving) {
        await told;
        if (told === leaving) break;
      }
      const list = await api.listBoards();
      if (ticket === latest) setState({ status: 'ready', list, error: null });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setState({ status: 'failed', error: err });
    }
  }

  createEffect(
    on(
      () => session.state.user?.id,
      () => {
        setState({ list: [] });
        void reload();
      },
    ),
  );

  return {
    state,
    reload,
    async create(title) {
      const board = await api.createBoard({ title });
      const listed: ListedBoard = { ...board, unread: { comments: 0, touchpoints: 0, feelings: 0 } };
      setState('list', (list) => [listed, ...list.filter((b) => b.id !== board.id)]);
      return board;
    },
    left(boardId) {
      // The server moves the person's marker when their socket closes, which a list fetched at
      // once may overtake: say it first, and let the next fetch wait for it.
      const said = api.markBoardSeen(boardId).catch(() => undefined);
      leaving = leaving.then(() => said);
      setState('list', (board) => board.id === boardId, 'unread', { comments: 0, touchpoints: 0, feelings: 0 });
    },
  };
}
