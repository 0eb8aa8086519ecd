/**
 * The board's history over HTTP (issue 17, shared/history.ts): any member lists the kept versions
 * and reads one as the map showed it; restoring a touchpoint (edit) or a stage or the whole board
 * (facilitate) is written by the board's live side into the document as a new change, which
 * everyone receives through sync. The answer's `restored` counts what was put back.
 */
import { Hono, type Context } from 'hono';
import { idPattern, restoreBody } from '../../shared/api.ts';
import type { HistoryList, HistoryVersion, RestoreResult } from '../../shared/history.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { HistoryAnswer } from '../ports/board-history.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface HistoryRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
}

type Env = { Variables: AuthVariables };

const answered = <K extends 'list' | 'get' | 'restore'>(answer: HistoryAnswer, kind: K): Extract<HistoryAnswer, { kind: K }> => {
  if (!answer.ok) throw new AppError(answer.code, answer.message);
  if (answer.kind !== kind) throw new Error(`history answered ${answer.kind} to ${kind}`);
  return answer as Extract<HistoryAnswer, { kind: K }>;
};

export function historyRoutes({ boards, sync }: HistoryRoutesOptions) {
  const app = new Hono<Env>();

  app.get('/boards/:id/history', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const { list } = answered(await sync.board(board.id).history({ userId: user.id, access: board.access }, { kind: 'list' }), 'list');
    return c.json(list satisfies HistoryList);
  });

  app.get('/boards/:id/history/:versionId', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const versionId = versionIdOf(c);
    const { version } = answered(await sync.board(board.id).history({ userId: user.id, access: board.access }, { kind: 'get', versionId }), 'get');
    return c.json(version satisfies HistoryVersion);
  });

  app.post('/boards/:id/history/:versionId/restore', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const versionId = versionIdOf(c);
    const request = await readJson(c, restoreBody);
    const { restored } = answered(await sync.board(board.id).history({ userId: user.id, access: board.access }, { kind: 'restore', versionId, request }), 'restore');
    return c.json(restored satisfies RestoreResult);
  });

  return app;
}

function versionIdOf(c: Context<Env>): string {
  const raw = c.req.param('versionId');
  if (!raw || !idPattern.test(raw)) throw new AppError('not_found', 'That version of the board is not kept any more.');
  return raw;
}
