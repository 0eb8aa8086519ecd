/**
 * Invite links: facilitators create, list and revoke them (`/api/boards/:id/invites`); anyone with
 * a link may preview it and accept it (`/api/invites/:token`). Accepting while signed in joins
 * with that account; otherwise the person gives only a name and gets a guest account and session.
 */
import { Hono } from 'hono';
import { atLeast } from '../../shared/access.ts';
import { acceptInviteBody, createInviteBody, type CreatedInvite, type InvitePreview } from '../../shared/api.ts';
import type { AccountStore } from '../auth/accounts.ts';
import type { AuthVariables } from '../auth/current-user.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import type { SessionStore } from '../auth/sessions.ts';
import { facilitatedBoard } from '../boards/board-access.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import type { BoardStore } from '../boards/board-store.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { Clock } from '../ports/clock.ts';
import type { InviteState, InviteStore, StoredInvite } from './invite-store.ts';

export interface InviteRoutesOptions {
  invites: InviteStore;
  boards: BoardStore;
  accounts: AccountStore;
  sessions: SessionStore;
  sync: SyncControl;
  clock: Clock;
  /** Origin of the links handed out (PUBLIC_URL). */
  publicOrigin: string;
  cookie: { secure: boolean };
}

/** How long an invite lives when the facilitator does not say: 7 days. */
export const defaultInviteHours = 24 * 7;

export function inviteRoutes(options: InviteRoutesOptions) {
  const { invites, boards, accounts, sessions, sync, clock } = options;
  const app = new Hono<{ Variables: AuthVariables }>();

  app.post('/boards/:id/invites', async (c) => {
    const board = await facilitatedBoard(c, boards, 'invite people');
    const body = await readJson(c, createInviteBody);
    const { token, invite } = await invites.create({
      boardId: board.id,
      access: body.access,
      createdBy: c.get('user')!.id,
      expiresInHours: body.expiresInHours ?? defaultInviteHours,
      maxUses: body.maxUses ?? null,
    });
    const { boardId: _board, ...shown } = invite;
    const created: CreatedInvite = { token, url: `${options.publicOrigin}/invite/${token}`, invite: shown };
    return c.json(created, 201);
  });

  app.get('/boards/:id/invites', async (c) => {
    const board = await facilitatedBoard(c, boards, 'see the invite links');
    return c.json({ invites: await invites.list(board.id) });
  });

  app.delete('/boards/:id/invites/:inviteId', async (c) => {
    const board = await facilitatedBoard(c, boards, 'withdraw invite links');
    if (!(await invites.revoke(board.id, c.req.param('inviteId')))) {
      throw new AppError('not_found', 'This board has no such invite link.');
    }
    return c.body(null, 204);
  });

  app.get('/invites/:token', async (c) => {
    const invite = await usableInvite(c.req.param('token'));
    const boardTitle = await boards.titleOf(invite.boardId);
    if (boardTitle === null) throw notFound();
    const preview: InvitePreview = {
      boardTitle,
      purpose: await sync.board(invite.boardId).purpose(),
      access: invite.access,
      memberCount: await boards.memberCount(invite.boardId),
    };
    return c.json(preview);
  });

  app.post('/invites/:token/accept', async (c) => {
    const invite = await usableInvite(c.req.param('token'));
    const signedIn = c.get('user');
    const body = signedIn ? {} : await readJson(c, acceptInviteBody);
    if (!signedIn && !body.displayName) throw new AppError('invalid_body', 'Please tell us your name.');
    if (signedIn) {
      const current = await boards.accessOf(invite.boardId, signedIn.id);
      // Already on the board with at least this access: nothing to do, and no use is counted.
      if (current !== null && atLeast(current, invite.access)) return c.json({ boardId: invite.boardId });
    }
    if (!(await invites.use(invite.id))) {
      const latest = await invites.find(c.req.param('token'));
      throw latest ? unusable(invites.stateOf(latest)) : notFound();
    }
    const userId = signedIn ? signedIn.id : (await accounts.createGuest(body.displayName!)).id;
    const access = await boards.joinAtLeast(invite.boardId, userId, invite.access, clock.now());
    if (signedIn) await sync.board(invite.boardId).setAccess(userId, access);
    else {
      const { token, session } = await sessions.create(userId);
      setSessionCookie(c, token, session.expiresAt, options.cookie);
    }
    return c.json({ boardId: invite.boardId });
  });

  /** The invite a token stands for if it can be used now; a clear 404/410 otherwise. */
  async function usableInvite(token: string): Promise<StoredInvite> {
    const invite = await invites.find(token);
    if (!invite) throw notFound();
    const state = invites.stateOf(invite);
    if (state !== 'ok') throw unusable(state);
    return invite;
  }

  return app;
}

function notFound(): AppError {
  return new AppError('not_found', 'We could not find this invite link. Please check it, or ask for a new one.');
}

function unusable(state: Exclude<InviteState, 'ok'> | 'ok'): AppError {
  switch (state) {
    case 'expired':
      return new AppError('invite_expired', 'This invite link has expired. Please ask the person who sent it for a new one.');
    case 'used_up':
      return new AppError('invite_used_up', 'This invite link has already been used as many times as allowed. Please ask for a new one.');
    case 'revoked':
      return new AppError('invite_revoked', 'This invite link was withdrawn. Please ask the person who sent it for a new one.');
    case 'ok':
      // Usable when read again, yet the use was refused: it ran out in between.
      return new AppError('invite_used_up', 'This invite link has just been used up. Please ask for a new one.');
  }
}
