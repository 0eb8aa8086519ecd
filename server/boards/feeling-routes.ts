/**
 * Feelings without names over HTTP (issue 17): `PUT /api/boards/:id/feelings/:touchpointId` gives,
 * changes or clears the caller's own feeling there (comment access and up, also while editing is
 * paused), and `GET /api/boards/:id/feelings/mine` says where the caller's own feelings are in the
 * document. The server writes every feeling under a key of its own (server/sync/feeling-actions.ts);
 * only the person who gave a feeling is ever told its key — no answer names anyone else's.
 */
import { Hono, type Context } from 'hono';
import { idPattern, putFeelingBody, type MyFeelingKey, type MyFeelings } from '../../shared/api.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { FeelingActionResult } from '../ports/feeling-action.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface FeelingRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
}

type Env = { Variables: AuthVariables };

const answered = (result: FeelingActionResult) => {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result;
};

export function feelingRoutes({ boards, sync }: FeelingRoutesOptions) {
  const app = new Hono<Env>();

  app.get('/boards/:id/feelings/mine', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const result = answered(await sync.board(board.id).feelingAction({ userId: user.id, access: board.access }, { kind: 'mine' }));
    return c.json(result.mine! satisfies MyFeelings);
  });

  app.put('/boards/:id/feelings/:touchpointId', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const touchpointId = touchpointIdOf(c);
    const body = await readJson(c, putFeelingBody);
    const result = answered(
      await sync.board(board.id).feelingAction({ userId: user.id, access: board.access }, { kind: 'put', map: body.map ?? 'feelings', touchpointId, feeling: body.feeling }),
    );
    return c.json({ key: result.key } satisfies MyFeelingKey);
  });

  return app;
}

function touchpointIdOf(c: Context<Env>): string {
  const raw = c.req.param('touchpointId');
  if (!raw || !idPattern.test(raw)) throw new AppError('not_found', 'That card is not on the board any more.');
  return raw;
}
