/**
 * What only this person knows about the board's comments: the server's answer to
 * `GET /api/boards/:id/comments/mine` — the comments they posted without a name, and those they
 * said "Me too" to (docs/contract.md, "Comments"). Never in the shared document, so it is loaded
 * with createResource when the board opens, asked again when the connection comes back (a change
 * made on another device meanwhile), and set from the server's own answers after a change here.
 * Without an answer (offline, or the server could not say) nothing is marked as theirs. One per
 * board page, shared through {@link MyCommentsProvider}; also says whether the board is live, since
 * what goes through the API needs a connection.
 */
import { createContext, createEffect, createResource, on, useContext, type Accessor } from 'solid-js';
import type { MyCommentsAnswer } from '../../../../shared/api.ts';
import type { Api } from '../../api.ts';

export interface MyComments {
  /** The board's id, for the API calls about its comments. */
  boardId: string;
  /** `loading` until the server answers; `unavailable` when it could not (offline, or an error). */
  status: Accessor<'loading' | 'ready' | 'unavailable'>;
  /** This person posted the comment without their name. */
  wroteWithoutName(commentId: string): boolean;
  /** This person said "Me too" to the comment. */
  saidMeToo(commentId: string): boolean;
  /** Sets what this person said to a comment, as the server answered. */
  setMeToo(commentId: string, on: boolean): void;
  /** Asks the server again (after posting or deleting a comment without a name). */
  refetch(): void;
  /** The board's connection is live: what goes through the API can be sent now. */
  online: Accessor<boolean>;
}

/** Follows what is this person's own on `boardId`. Call inside a component. */
export function createMyComments(api: Api, boardId: string, online: Accessor<boolean>): MyComments {
  const [answer, { refetch, mutate }] = createResource(() => boardId, (id) => api.myComments(id));
  // Reading an errored resource throws; without an answer nothing is theirs.
  // `latest`, not `answer()`: asking again must not suspend the page (the app's <Suspense> would
  // take the board out of the page for a moment, and with it the focus that presence follows).
  const data = (): MyCommentsAnswer | undefined => (answer.state === 'ready' || answer.state === 'refreshing' ? answer.latest : undefined);
  // Back online: ask again (it may have changed on another device meanwhile).
  createEffect(on(online, (isOnline) => isOnline && void refetch(), { defer: true }));
  return {
    boardId,
    status: () => (answer.state === 'errored' ? 'unavailable' : data() === undefined ? 'loading' : 'ready'),
    wroteWithoutName: (commentId) => data()?.anonymous.includes(commentId) ?? false,
    saidMeToo: (commentId) => data()?.meToo.includes(commentId) ?? false,
    setMeToo(commentId, said) {
      const current = data() ?? { anonymous: [], meToo: [] };
      const others = current.meToo.filter((id) => id !== commentId);
      mutate({ ...current, meToo: said ? [...others, commentId] : others });
    },
    refetch: () => void refetch(),
    online,
  };
}

const MyCommentsContext = createContext<MyComments>();

/** Provides this person's own comments to everything on the board page. */
export const MyCommentsProvider = MyCommentsContext.Provider;

/** This person's own comments. Throws outside a MyCommentsProvider (a programming error). */
export function useMyComments(): MyComments {
  const value = useContext(MyCommentsContext);
  if (value === undefined) throw new Error('useMyComments() needs a MyCommentsProvider above it');
  return value;
}
