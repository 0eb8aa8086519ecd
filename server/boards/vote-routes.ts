/**
 * Hidden dot voting over HTTP (issue 15): `POST /api/boards/:id/vote` opens, reveals or ends a
 * vote (facilitator) or gives and takes back one's own dots (comment and up); `GET` tells the
 * caller their own dots. Every answer is the caller's own dots only ({@link MyDots}); nobody's
 * dots and no totals before the reveal are in any answer, nor in the document
 * (server/sync/vote-actions.ts).
 */
import { Hono } from 'hono';
import { canComment } from '../../shared/access.ts';
import { voteActionBody, type MyDots } from '../../shared/api.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { RandomBytes } from '../ports/clock.ts';
import { newId } from '../ids.ts';
import type { VoteAction, VoteActionResult } from '../ports/vote-action.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface VoteRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
  random: RandomBytes;
}

type Env = { Variables: AuthVariables };

const answer = (result: VoteActionResult): MyDots => {
  if (!result.ok) throw new AppError(result.code, result.message);
  return { mine: result.mine, left: result.left };
};

export function voteRoutes({ boards, sync, random }: VoteRoutesOptions) {
  const app = new Hono<Env>();

  app.get('/boards/:id/vote', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    return c.json(answer(await sync.board(board.id).voteAction({ userId: user.id, access: board.access }, { kind: 'mine' })));
  });

  app.post('/boards/:id/vote', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const body = await readJson(c, voteActionBody);
    /** How many members may vote, for "7 of 12 people have voted". */
    const eligible = async () => (await boards.members(board.id)).filter((member) => canComment(member.access)).length;
    const action: VoteAction =
      body.action === 'open'
        ? { kind: 'open', id: newId(random), dots: body.dots, eligible: await eligible() }
        : body.action === 'give-dot' || body.action === 'take-dot'
          ? { kind: body.action, touchpointId: body.touchpointId, eligible: await eligible() }
          : { kind: body.action };
    return c.json(answer(await sync.board(board.id).voteAction({ userId: user.id, access: board.access }, action)));
  });

  return app;
}
