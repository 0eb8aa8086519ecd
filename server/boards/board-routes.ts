/** `/api/boards*`: create, list (with unread counts), read and delete boards; list members. */
import { Hono, type Context } from 'hono';
import * as Y from 'yjs';
import { canFacilitate } from '../../shared/access.ts';
import { createBoardBody, type ListedBoard } from '../../shared/api.ts';
import { boardFor as boardForCaller } from './board-access.ts';
import { initBoardDocument } from '../../shared/board-document.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import { newId } from '../ids.ts';
import type { Clock, RandomBytes } from '../ports/clock.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import type { BoardStore } from './board-store.ts';
import { noUnread, type ActivityStore } from './activity-store.ts';

export interface BoardRoutesOptions {
  boards: BoardStore;
  activity: ActivityStore;
  sync: SyncControl;
  clock: Clock;
  random: RandomBytes;
}

type Env = { Variables: AuthVariables };

export function boardRoutes({ boards, activity, sync, clock, random }: BoardRoutesOptions) {
  const app = new Hono<Env>();

  const boardFor = (c: Context<Env>) => boardForCaller(c, boards);

  app.post('/boards', async (c) => {
    const user = requireUser(c);
    const body = await readJson(c, createBoardBody);
    const id = newId(random);
    const doc = new Y.Doc();
    initBoardDocument(doc, { title: body.title, purpose: body.purpose });
    // The document first: a board row must never point at a document that was not stored.
    await sync.board(id).create(Y.encodeStateAsUpdate(doc));
    doc.destroy();
    const board = await boards.create({ id, title: body.title, createdBy: user.id, now: clock.now() });
    return c.json({ board }, 201);
  });

  // Each with what others added or changed since the caller last had it open (activity-store.ts).
  app.get('/boards', async (c) => {
    const userId = requireUser(c).id;
    const [list, unread] = await Promise.all([boards.listFor(userId), activity.unreadFor(userId)]);
    return c.json({ boards: list.map((board): ListedBoard => ({ ...board, unread: unread.get(board.id) ?? { ...noUnread } })) });
  });

  app.get('/boards/:id', async (c) => c.json({ board: await boardFor(c) }));

  app.delete('/boards/:id', async (c) => {
    const board = await boardFor(c);
    if (!canFacilitate(board.access)) throw new AppError('forbidden', 'Only a facilitator can delete this board.');
    // Rows first, so no one is admitted again; then the live room and the stored document, in the
    // writer's order; then the database file forgets the freed pages.
    await boards.remove(board.id);
    await sync.board(board.id).delete();
    await boards.forgetDeleted();
    return c.body(null, 204);
  });

  app.get('/boards/:id/members', async (c) => {
    const board = await boardFor(c);
    return c.json({ members: await boards.members(board.id) });
  });

  return app;
}
