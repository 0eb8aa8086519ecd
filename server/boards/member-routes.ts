/**
 * `/api/boards/:id/members/:userId`: facilitators change a member's access or remove them; anyone
 * may remove themself (leave). A board always keeps a facilitator. Changes reach the member's open
 * sync sockets at once: removal closes them with 4403, an access change switches what they may do.
 */
import { Hono } from 'hono';
import { canFacilitate } from '../../shared/access.ts';
import { idPattern, updateMemberBody } from '../../shared/api.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import { boardFor, facilitatedBoard } from './board-access.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import type { BoardStore, MemberChange } from './board-store.ts';

export interface MemberRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
}

export function memberRoutes({ boards, sync }: MemberRoutesOptions) {
  const app = new Hono<{ Variables: AuthVariables }>();

  app.patch('/boards/:id/members/:userId', async (c) => {
    const board = await facilitatedBoard(c, boards, "change people's access");
    const userId = memberId(c.req.param('userId'));
    const { access } = await readJson(c, updateMemberBody);
    refuseUnless(await boards.setAccess(board.id, userId, access), 'lower');
    await sync.board(board.id).setAccess(userId, access);
    const member = (await boards.members(board.id)).find((m) => m.id === userId);
    if (!member) throw new AppError('not_found', 'That person is not on this board.');
    return c.json({ member });
  });

  app.delete('/boards/:id/members/:userId', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const userId = memberId(c.req.param('userId'));
    if (userId !== user.id && !canFacilitate(board.access)) {
      throw new AppError('forbidden', 'Only a facilitator can remove other people. You can leave the board yourself.');
    }
    refuseUnless(await boards.removeMember(board.id, userId), 'remove');
    await sync.board(board.id).disconnect(CloseCode.forbidden, userId);
    return c.body(null, 204);
  });

  return app;
}

function memberId(raw: string | undefined): string {
  if (!raw || !idPattern.test(raw)) throw new AppError('not_found', 'That person is not on this board.');
  return raw;
}

function refuseUnless(change: MemberChange, verb: 'lower' | 'remove'): void {
  if (change === 'not_member') throw new AppError('not_found', 'That person is not on this board.');
  if (change === 'last_facilitator') {
    throw new AppError(
      'last_facilitator',
      `A board always needs a facilitator. Make someone else a facilitator first, then ${verb === 'lower' ? 'change this access' : 'try again'}.`,
    );
  }
}
