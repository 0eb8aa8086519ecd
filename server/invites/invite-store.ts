/**
 * Invite links in the relational database. The link carries a random token; the table keeps only
 * its SHA-256 (as sessions do), so a leaked table or backup lets no one join. Each invite also
 * has a separate random id, which facilitators use to list and revoke it without the token.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { inviteAccessLevels, type InviteAccess } from '../../shared/access.ts';
import type { Invite } from '../../shared/api.ts';
import { newId } from '../ids.ts';
import type { Clock, RandomBytes } from '../ports/clock.ts';
import type { SqlDatabase, SqlRow } from '../storage/sql-database.ts';
import { intColumn, textColumn } from '../storage/sql-database.ts';

export interface InviteStoreOptions {
  db: SqlDatabase;
  clock: Clock;
  random: RandomBytes;
}

/** An invite with the board it admits to (server-side only). */
export interface StoredInvite extends Invite {
  boardId: string;
}

/** Why an invite cannot be used, or `ok`. */
export type InviteState = 'ok' | 'expired' | 'used_up' | 'revoked';

const hour = 60 * 60 * 1000;
const inviteColumns = 'id, board_id, access, created_at, expires_at, max_uses, uses, revoked_at';

export class InviteStore {
  readonly #options: InviteStoreOptions;
  constructor(options: InviteStoreOptions) {
    this.#options = options;
  }

  /** Creates an invite; returns the token (never stored) and the invite. */
  async create(input: {
    boardId: string;
    access: InviteAccess;
    createdBy: string;
    expiresInHours: number;
    maxUses: number | null;
  }): Promise<{ token: string; invite: StoredInvite }> {
    const token = encodeBase32LowerCaseNoPadding(this.#options.random(20));
    const now = this.#options.clock.now();
    const id = newId(this.#options.random);
    const expiresAt = now + input.expiresInHours * hour;
    await this.#options.db.execute({
      sql: `INSERT INTO invites (id, token_hash, board_id, access, created_by, created_at, expires_at, max_uses)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [id, inviteTokenHash(token), input.boardId, input.access, input.createdBy, now, expiresAt, input.maxUses],
    });
    return {
      token,
      invite: {
        id,
        boardId: input.boardId,
        access: input.access,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
        maxUses: input.maxUses,
        uses: 0,
        revokedAt: null,
      },
    };
  }

  /** A board's invites, newest first. */
  async list(boardId: string): Promise<Invite[]> {
    const result = await this.#options.db.execute({
      sql: `SELECT ${inviteColumns} FROM invites WHERE board_id = ? ORDER BY created_at DESC, id`,
      args: [boardId],
    });
    return result.rows.map((row) => {
      const { boardId: _board, ...invite } = inviteFrom(row);
      return invite;
    });
  }

  /** Revokes one invite of a board; false when the board has no such invite. */
  async revoke(boardId: string, inviteId: string): Promise<boolean> {
    const result = await this.#options.db.execute({
      sql: 'UPDATE invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND board_id = ?',
      args: [this.#options.clock.now(), inviteId, boardId],
    });
    return result.rowsAffected === 1;
  }

  /** The invite a token stands for, if any. */
  async find(token: string): Promise<StoredInvite | null> {
    if (!/^[a-z2-7]{32}$/.test(token)) return null;
    const result = await this.#options.db.execute({
      sql: `SELECT ${inviteColumns} FROM invites WHERE token_hash = ?`,
      args: [inviteTokenHash(token)],
    });
    const row = result.rows[0];
    return row ? inviteFrom(row) : null;
  }

  /** Whether an invite can be used now; revoked wins over expired, expired over used up. */
  stateOf(invite: StoredInvite): InviteState {
    if (invite.revokedAt !== null) return 'revoked';
    if (Date.parse(invite.expiresAt) <= this.#options.clock.now()) return 'expired';
    if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used_up';
    return 'ok';
  }

  /**
   * Counts one use, atomically: one conditional UPDATE that only succeeds while the invite is
   * unrevoked, unexpired and under its maximum, so concurrent accepts can never exceed it.
   * Returns false when it could not be used (the caller re-reads the invite to say why).
   */
  async use(inviteId: string): Promise<boolean> {
    const result = await this.#options.db.execute({
      sql: `UPDATE invites SET uses = uses + 1
            WHERE id = ? AND revoked_at IS NULL AND expires_at > ? AND (max_uses IS NULL OR uses < max_uses)`,
      args: [inviteId, this.#options.clock.now()],
    });
    return result.rowsAffected === 1;
  }
}

/** The stored form of a token: hex SHA-256. */
export function inviteTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** The stored access (the table's CHECK allows only these); anything else is a broken row, not an editor. */
function inviteAccessFrom(stored: string): InviteAccess {
  const access = inviteAccessLevels.find((level) => level === stored);
  if (!access) throw new TypeError(`invite access ${JSON.stringify(stored)} is not one an invite can give`);
  return access;
}

function inviteFrom(row: SqlRow): StoredInvite {
  const maxUses = row['max_uses'];
  const revokedAt = row['revoked_at'];
  return {
    id: textColumn(row, 'id'),
    boardId: textColumn(row, 'board_id'),
    access: inviteAccessFrom(textColumn(row, 'access')),
    createdAt: new Date(intColumn(row, 'created_at')).toISOString(),
    expiresAt: new Date(intColumn(row, 'expires_at')).toISOString(),
    maxUses: maxUses === null ? null : intColumn(row, 'max_uses'),
    uses: intColumn(row, 'uses'),
    revokedAt: revokedAt === null ? null : new Date(intColumn(row, 'revoked_at')).toISOString(),
  };
}
