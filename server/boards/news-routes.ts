/**
 * "What's new since I was last here" over HTTP (issue 13), for any member, view included:
 * `GET /api/boards/:id/news` lists what others added or changed since the caller's marker (the
 * ids the board page marks "New"), and `POST /api/boards/:id/seen` ("Mark all as seen") moves the
 * marker to now. The boards list's counts are in board-routes.ts. Kept by the server
 * (activity-store.ts), never in the shared document.
 */
import { Hono } from 'hono';
import type { BoardNews } from '../../shared/api.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import type { Clock } from '../ports/clock.ts';
import type { ActivityStore } from './activity-store.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface NewsRoutesOptions {
  boards: BoardStore;
  activity: ActivityStore;
  clock: Clock;
}

export function newsRoutes({ boards, activity, clock }: NewsRoutesOptions) {
  const app = new Hono<{ Variables: AuthVariables }>();

  app.get('/boards/:id/news', async (c) => {
    const board = await boardFor(c, boards);
    const news = await activity.newsFor(board.id, requireUser(c).id);
    if (!news) throw new AppError('forbidden', 'You are not a member of this board. Ask its facilitator for an invite.');
    const iso = (at: number) => new Date(at).toISOString();
    const of = (kind: string) => news.items.filter((item) => item.kind === kind).map(({ key, at }) => ({ id: key, at: iso(at) }));
    return c.json({
      since: iso(news.since),
      comments: of('comment'),
      touchpoints: of('touchpoint'),
      feelings: news.items.filter((item) => item.kind === 'feeling').length,
    } satisfies BoardNews);
  });

  app.post('/boards/:id/seen', async (c) => {
    const board = await boardFor(c, boards);
    await activity.seen(board.id, requireUser(c).id, clock.now());
    return c.body(null, 204);
  });

  return app;
}
