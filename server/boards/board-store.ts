/** Boards and their members in the relational database. */
import { accessLevels, atLeast, type Access, type InviteAccess } from '../../shared/access.ts';
import type { Board, Member } from '../../shared/api.ts';
import type { SqlDatabase, SqlRow } from '../storage/sql-database.ts';
import { removeActivityStatements } from './activity-store.ts';
import { intColumn, textColumn } from '../storage/sql-database.ts';

/** The outcome of changing or removing a member. */
export type MemberChange = 'ok' | 'not_member' | 'last_facilitator';

export class BoardStore {
  readonly #db: SqlDatabase;
  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Creates a board with its creator as facilitator, in one transaction. */
  async create(input: { id: string; title: string; createdBy: string; now: number }): Promise<Board> {
    await this.#db.batch([
      {
        sql: 'INSERT INTO boards (id, title, created_by, created_at) VALUES (?, ?, ?, ?)',
        args: [input.id, input.title, input.createdBy, input.now],
      },
      {
        sql: "INSERT INTO members (board_id, user_id, access, joined_at) VALUES (?, ?, 'facilitate', ?)",
        args: [input.id, input.createdBy, input.now],
      },
    ]);
    return { id: input.id, title: input.title, access: 'facilitate', createdAt: new Date(input.now).toISOString() };
  }

  /** The boards a person is a member of, newest first. */
  async listFor(userId: string): Promise<Board[]> {
    const result = await this.#db.execute({
      sql: `SELECT b.id, b.title, b.created_at, m.access FROM boards b
            JOIN members m ON m.board_id = b.id WHERE m.user_id = ? ORDER BY b.created_at DESC, b.id`,
      args: [userId],
    });
    return result.rows.map(boardFrom);
  }

  /** The ids of the boards a person is a member of. */
  async idsFor(userId: string): Promise<string[]> {
    const result = await this.#db.execute({ sql: 'SELECT board_id FROM members WHERE user_id = ?', args: [userId] });
    return result.rows.map((row) => textColumn(row, 'board_id'));
  }

  /** A board as one person sees it: undefined when it does not exist, null when not a member. */
  async getFor(boardId: string, userId: string): Promise<Board | null | undefined> {
    const result = await this.#db.execute({
      sql: `SELECT b.id, b.title, b.created_at, m.access FROM boards b
            LEFT JOIN members m ON m.board_id = b.id AND m.user_id = ? WHERE b.id = ?`,
      args: [userId, boardId],
    });
    const row = result.rows[0];
    if (!row) return undefined;
    return row['access'] === null ? null : boardFrom(row);
  }

  async members(boardId: string): Promise<Member[]> {
    const result = await this.#db.execute({
      sql: `SELECT u.id, u.display_name, m.access FROM members m JOIN users u ON u.id = m.user_id
            WHERE m.board_id = ? ORDER BY m.joined_at, u.id`,
      args: [boardId],
    });
    return result.rows.map((row) => ({
      id: textColumn(row, 'id'),
      displayName: textColumn(row, 'display_name'),
      access: textColumn(row, 'access') as Access,
    }));
  }

  /** A board's title, or null when there is no such board (for invite previews). */
  async titleOf(boardId: string): Promise<string | null> {
    const result = await this.#db.execute({ sql: 'SELECT title FROM boards WHERE id = ?', args: [boardId] });
    const row = result.rows[0];
    return row ? textColumn(row, 'title') : null;
  }

  /** How many people are on a board. */
  async memberCount(boardId: string): Promise<number> {
    const result = await this.#db.execute({ sql: 'SELECT COUNT(*) AS n FROM members WHERE board_id = ?', args: [boardId] });
    return intColumn(result.rows[0]!, 'n');
  }

  /** One member's access, or null when they are not on the board. */
  async accessOf(boardId: string, userId: string): Promise<Access | null> {
    const result = await this.#db.execute({
      sql: 'SELECT access FROM members WHERE board_id = ? AND user_id = ?',
      args: [boardId, userId],
    });
    const row = result.rows[0];
    return row ? (textColumn(row, 'access') as Access) : null;
  }

  /**
   * Adds a person with `access`, or, when already a member, keeps the higher of the two accesses
   * (view < comment < edit < facilitate: joining by a link never lowers anyone). One statement, so
   * two accepts at once cannot leave the lower one. Returns the access they have.
   */
  async joinAtLeast(boardId: string, userId: string, access: InviteAccess, now: number): Promise<Access> {
    await this.#db.execute({
      sql: `INSERT INTO members (board_id, user_id, access, joined_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (board_id, user_id) DO UPDATE SET access =
              CASE WHEN ${accessRankSql('members.access')} < ${accessRankSql('excluded.access')}
                   THEN excluded.access ELSE members.access END`,
      args: [boardId, userId, access, now],
    });
    return (await this.accessOf(boardId, userId)) ?? access;
  }

  /**
   * Changes a member's access in one conditional UPDATE that refuses to lower the board's last
   * facilitator, so two facilitators lowering each other at once cannot leave the board without one.
   */
  async setAccess(boardId: string, userId: string, access: Access): Promise<MemberChange> {
    const result = await this.#db.execute({
      sql: `UPDATE members SET access = ? WHERE board_id = ? AND user_id = ?
            AND (access <> 'facilitate' OR ? = 'facilitate'
                 OR (SELECT COUNT(*) FROM members WHERE board_id = ? AND access = 'facilitate') > 1)`,
      args: [access, boardId, userId, access, boardId],
    });
    return result.rowsAffected === 1 ? 'ok' : this.#whyUnchanged(boardId, userId);
  }

  /** Removes a member, refusing (atomically, as {@link setAccess}) to remove the last facilitator. */
  async removeMember(boardId: string, userId: string): Promise<MemberChange> {
    const result = await this.#db.execute({
      sql: `DELETE FROM members WHERE board_id = ? AND user_id = ?
            AND (access <> 'facilitate'
                 OR (SELECT COUNT(*) FROM members WHERE board_id = ? AND access = 'facilitate') > 1)`,
      args: [boardId, userId, boardId],
    });
    return result.rowsAffected === 1 ? 'ok' : this.#whyUnchanged(boardId, userId);
  }

  async #whyUnchanged(boardId: string, userId: string): Promise<MemberChange> {
    return (await this.accessOf(boardId, userId)) === null ? 'not_member' : 'last_facilitator';
  }

  async setTitle(boardId: string, title: string): Promise<void> {
    await this.#db.execute({ sql: 'UPDATE boards SET title = ? WHERE id = ?', args: [title, boardId] });
  }

  /**
   * Makes what was deleted unreadable from the database file too (see
   * {@link SqlDatabase.checkpoint}); call after a board's rows and document are removed.
   */
  async forgetDeleted(): Promise<void> {
    await this.#db.checkpoint();
  }

  async remove(boardId: string): Promise<void> {
    await this.#db.batch([
      { sql: 'DELETE FROM invites WHERE board_id = ?', args: [boardId] },
      ...removeActivityStatements(boardId),
      { sql: 'DELETE FROM members WHERE board_id = ?', args: [boardId] },
      { sql: 'DELETE FROM boards WHERE id = ?', args: [boardId] },
    ]);
  }
}

/**
 * SQL for the rank of an access held in `column`, made from the shared ranking (atLeast in
 * shared/access.ts: how many levels it includes), so the database orders accesses exactly as the
 * rest of the app does. Only our own constant level names go into the text.
 */
function accessRankSql(column: string): string {
  const ranks = accessLevels.map((level) => `WHEN '${level}' THEN ${accessLevels.filter((other) => atLeast(level, other)).length}`);
  return `(CASE ${column} ${ranks.join(' ')} END)`;
}

function boardFrom(row: SqlRow): Board {
  return {
    id: textColumn(row, 'id'),
    title: textColumn(row, 'title'),
    access: textColumn(row, 'access') as Access,
    createdAt: new Date(intColumn(row, 'created_at')).toISOString(),
  };
}
