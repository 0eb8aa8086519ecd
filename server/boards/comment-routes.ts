/**
 * `/api/boards/:id/comments…`: the comment changes the server writes into the board's document
 * itself (server/sync/comment-actions.ts) — a comment without a name, changing or deleting one,
 * "Me too", a facilitator hiding one — and `comments/mine`, the caller's own. Named comments are
 * written by the page through sync like any edit; these go through the board's host on both
 * runtimes (the BoardControl port), so who wrote an anonymous comment never reaches a client.
 */
import { Hono, type Context } from 'hono';
import { hideCommentBody, idPattern, postCommentBody, updateCommentBody, type MyCommentsAnswer } from '../../shared/api.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import type { CommentAction, CommentActionResult } from '../ports/comment-action.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface CommentRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
}

type Env = { Variables: AuthVariables };

export function commentRoutes({ boards, sync }: CommentRoutesOptions) {
  const app = new Hono<Env>();

  /** Runs `action` for the caller on the `:id` board; a refusal becomes the contract's error. */
  const act = async (c: Context<Env>, action: CommentAction): Promise<CommentActionResult & { ok: true }> => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const result = await sync.board(board.id).commentAction({ userId: user.id, access: board.access }, action);
    if (!result.ok) throw new AppError(result.code === 'conflict' ? 'id_taken' : result.code, result.message);
    return result;
  };

  app.post('/boards/:id/comments', async (c) => {
    const body = await readJson(c, postCommentBody);
    // A comment on the board itself names the board.
    if (body.target.type === 'board' && body.target.id !== c.req.param('id')) throw new AppError('not_found', 'That board is not this one.');
    await act(c, { kind: 'post', comment: body });
    return c.json({ comment: { id: body.id } }, 201);
  });

  app.get('/boards/:id/comments/mine', async (c) => {
    const { mine } = await act(c, { kind: 'mine' });
    return c.json(mine satisfies MyCommentsAnswer | undefined);
  });

  app.patch('/boards/:id/comments/:commentId', async (c) => {
    const commentId = commentIdOf(c);
    const body = await readJson(c, updateCommentBody);
    await act(c, 'body' in body ? { kind: 'edit', commentId, body: body.body } : { kind: 'resolve', commentId, resolved: body.resolved });
    return c.body(null, 204);
  });

  app.delete('/boards/:id/comments/:commentId', async (c) => {
    await act(c, { kind: 'delete', commentId: commentIdOf(c) });
    return c.body(null, 204);
  });

  app.put('/boards/:id/comments/:commentId/me-too', async (c) => {
    const { meToo } = await act(c, { kind: 'me-too', commentId: commentIdOf(c), on: true });
    return c.json({ meToo, mine: true });
  });

  app.delete('/boards/:id/comments/:commentId/me-too', async (c) => {
    const { meToo } = await act(c, { kind: 'me-too', commentId: commentIdOf(c), on: false });
    return c.json({ meToo, mine: false });
  });

  app.put('/boards/:id/comments/:commentId/hidden', async (c) => {
    const commentId = commentIdOf(c);
    const { reason } = await readJson(c, hideCommentBody);
    await act(c, { kind: 'hide', commentId, reason });
    return c.body(null, 204);
  });

  app.delete('/boards/:id/comments/:commentId/hidden', async (c) => {
    await act(c, { kind: 'show', commentId: commentIdOf(c) });
    return c.body(null, 204);
  });

  return app;
}

function commentIdOf(c: Context<Env>): string {
  const raw = c.req.param('commentId');
  if (!raw || !idPattern.test(raw)) throw new AppError('not_found', 'That comment is not on this board any more.');
  return raw;
}
