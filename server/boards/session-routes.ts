/**
 * The live session's tools over HTTP (issue 15): `POST /api/boards/:id/session` runs one for a
 * facilitator through the board's host on either runtime (server/sync/session-actions.ts), and
 * `GET /api/time` tells a signed-in page the server's clock, so a countdown agrees across devices whose own
 * clocks differ.
 */
import { Hono } from 'hono';
import { sessionActionBody, type ServerTime } from '../../shared/api.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { Clock, RandomBytes } from '../ports/clock.ts';
import { newId } from '../ids.ts';
import type { SessionAction } from '../ports/session-action.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface SessionRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
  clock: Clock;
  random: RandomBytes;
}

type Env = { Variables: AuthVariables };

export function sessionRoutes({ boards, sync, clock, random }: SessionRoutesOptions) {
  const app = new Hono<Env>();

  app.get('/time', (c) => {
    requireUser(c);
    return c.json({ now: clock.now() } satisfies ServerTime);
  });

  app.post('/boards/:id/session', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const body = await readJson(c, sessionActionBody);
    const action: SessionAction =
      body.action === 'start-timer'
        ? { kind: body.action, minutes: body.minutes }
        : body.action === 'lower-hand'
          ? { kind: body.action, userId: body.userId ?? user.id }
          : body.action === 'gather'
            ? { kind: body.action, target: body.target, id: newId(random) }
            : { kind: body.action };
    const result = await sync.board(board.id).sessionAction({ userId: user.id, access: board.access }, action);
    if (!result.ok) throw new AppError(result.code === 'conflict' ? 'no_timer' : result.code, result.message);
    return c.json({ now: result.now } satisfies ServerTime);
  });

  return app;
}
