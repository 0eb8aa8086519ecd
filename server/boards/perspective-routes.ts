/**
 * Perspectives over HTTP (issue 17, shared/perspectives.ts), for any member: `GET` and `PUT
 * /api/boards/:id/perspective` read and set the caller's own choice — only ever their own — and
 * `GET /api/boards/:id/perspectives` gives every perspective's line, with a point only where at
 * least 3 of its people gave a feeling (server/sync/perspective-actions.ts). The facilitator names
 * the choices in the document (`meta.perspectives`).
 */
import { Hono } from 'hono';
import { choosePerspectiveBody, type MyPerspective, type PerspectiveLines } from '../../shared/api.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { PerspectiveActionResult } from '../ports/perspective-action.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface PerspectiveRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
}

type Env = { Variables: AuthVariables };

const answered = (result: PerspectiveActionResult) => {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result;
};

export function perspectiveRoutes({ boards, sync }: PerspectiveRoutesOptions) {
  const app = new Hono<Env>();

  app.get('/boards/:id/perspective', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const result = answered(await sync.board(board.id).perspectiveAction({ userId: user.id, access: board.access }, { kind: 'mine' }));
    return c.json({ choice: result.choice } satisfies MyPerspective);
  });

  app.put('/boards/:id/perspective', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const body = await readJson(c, choosePerspectiveBody);
    const result = answered(await sync.board(board.id).perspectiveAction({ userId: user.id, access: board.access }, { kind: 'choose', choice: body.choice }));
    return c.json({ choice: result.choice } satisfies MyPerspective);
  });

  app.get('/boards/:id/perspectives', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const result = answered(await sync.board(board.id).perspectiveAction({ userId: user.id, access: board.access }, { kind: 'lines' }));
    return c.json(result.lines! satisfies PerspectiveLines);
  });

  return app;
}
