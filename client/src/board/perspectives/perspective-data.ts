/**
 * What the perspectives page asks the server (issue 17), each a createResource read through
 * `state` and `latest` — never by calling the resource, so asking never suspends the board page:
 *
 * - this person's own choice (`GET …/perspective`), and choosing (`PUT`), whose answer becomes the
 *   shown choice;
 * - each group's lines (`GET …/perspectives`), asked when the view opens (the component that makes
 *   it is made then) and again when the board's choices change. Not on a timer: the server works
 *   them out again at most every 10 minutes anyway.
 *
 * The API's refusal comes back in its own plain words with a way to ask again; anything else is
 * thrown to the view's error boundary.
 */
import { createResource, type Accessor } from 'solid-js';
import type { PerspectiveLines } from '../../../../shared/api.ts';
import type { Api } from '../../api.ts';
import { asked, type Asked } from '../asked.ts';

export interface MyChoice extends Asked<{ choice: string | null }> {
  /** Saves `choice` (null: none); the shown choice follows the server's answer. Throws ApiError. */
  choose(choice: string | null): Promise<void>;
}

/** This person's own choice on the board, while `on` (perspectives are on). */
export function createMyChoice(api: Api, boardId: Accessor<string>, on: Accessor<boolean>): MyChoice {
  const [mine, { refetch, mutate }] = createResource(
    () => (on() ? boardId() : false),
    (id) => api.myPerspective(id),
  );
  return {
    ...asked(mine, refetch),
    async choose(choice) {
      mutate(await api.choosePerspective(boardId(), choice));
    },
  };
}

/** The lines, asked now and again whenever `choicesKey` changes (the board's choices, or off). */
export function createLines(api: Api, boardId: Accessor<string>, choicesKey: Accessor<string | null>): Asked<PerspectiveLines> {
  const [lines, { refetch }] = createResource(
    () => {
      const key = choicesKey();
      return key === null ? false : { boardId: boardId(), key };
    },
    (source) => api.perspectiveLines(source.boardId),
  );
  return asked(lines, refetch);
}
