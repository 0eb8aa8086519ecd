/**
 * Storyteller consent over HTTP (issue 17): `POST /api/boards/:id/touchpoints/:touchpointId/withdraw`
 * takes a story back for good. Any member may ask; the board's live side decides whether they may
 * (the storyteller, whatever their access now, or a facilitator on their behalf) and answers once
 * the words are gone from the stored board too (server/sync/story-withdrawal.ts). Saying how a
 * story may be shared is a plain document change the guard checks (`touchpoints.<id>.consent`).
 */
import { Hono, type Context } from 'hono';
import { idPattern, withdrawStoryBody } from '../../shared/api.ts';
import type { WithdrawResult } from '../../shared/consent.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface StoryRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
}

type Env = { Variables: AuthVariables };

export function storyRoutes({ boards, sync }: StoryRoutesOptions) {
  const app = new Hono<Env>();

  app.post('/boards/:id/touchpoints/:touchpointId/withdraw', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const touchpointId = touchpointIdOf(c);
    const body = await readJson(c, withdrawStoryBody);
    const result = await sync.board(board.id).withdrawStory({ userId: user.id, access: board.access }, { touchpointId, ...body });
    if (!result.ok) throw new AppError(result.code, result.message);
    const answer: WithdrawResult = { feelings: result.feelings, comments: result.comments };
    return c.json(answer);
  });

  return app;
}

function touchpointIdOf(c: Context<Env>): string {
  const raw = c.req.param('touchpointId');
  if (!raw || !idPattern.test(raw)) throw new AppError('not_found', 'That moment is not on this board any more.');
  return raw;
}
