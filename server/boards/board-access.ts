/** Who may do what on a board, for HTTP routes: the board as the caller sees it, or 404/403. */
import type { Context } from 'hono';
import { canFacilitate } from '../../shared/access.ts';
import { idPattern, type Board } from '../../shared/api.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import type { BoardStore } from './board-store.ts';

type Env = { Variables: AuthVariables };

/** The `:id` board if the signed-in caller is a member; 401, 404 and 403 otherwise. */
export async function boardFor(c: Context<Env>, boards: BoardStore): Promise<Board> {
  const user = requireUser(c);
  const id = c.req.param('id') ?? '';
  const board = idPattern.test(id) ? await boards.getFor(id, user.id) : undefined;
  if (board === undefined) throw new AppError('not_found', 'We could not find that board.');
  if (board === null) throw new AppError('forbidden', 'You are not a member of this board. Ask its facilitator for an invite.');
  return board;
}

/** As {@link boardFor}, and 403 unless the caller facilitates the board; `what` completes "Only a facilitator can …". */
export async function facilitatedBoard(c: Context<Env>, boards: BoardStore, what: string): Promise<Board> {
  const board = await boardFor(c, boards);
  if (!canFacilitate(board.access)) throw new AppError('forbidden', `Only a facilitator can ${what}.`);
  return board;
}
